"""``accords import pax``: turn a PA-X CSV export into an accords dataset."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from accords.importing.pax.importer import ImportReport

HELP = """Import agreements from other databases into an accords dataset.

Example:

    accords import pax PAX_with_additional.csv --out pax-dataset
"""

PAX_HELP = """Import a PA-X Peace Agreements Database CSV export into the dataset at --out.

One agreement file per row, party names matched against the actors already in the dataset
(names, aliases, dated names; case and diacritics ignored), new actors marked needs-review,
and one source record for the export that every record cites. Re-running updates the files
the import wrote and keeps every file a person has edited since.

Example:

    accords import pax PAX_with_additional.csv --out pax-dataset
"""

app = typer.Typer(
    name="import",
    help=HELP,
    short_help=HELP.splitlines()[0],
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.command("pax", help=PAX_HELP, short_help=PAX_HELP.splitlines()[0])
def pax(
    file: Annotated[Path, typer.Argument(help="The PA-X CSV export.", show_default=False)],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The dataset folder to create or update.")
    ],
) -> None:
    from accords.importing.pax.importer import import_pax

    report = import_pax(file, out)
    typer.echo(summary(report))


def summary(report: ImportReport) -> str:
    """The import's summary as plain text: parties, files, what was not understood."""
    from accords.render.escape import visible_text

    lines = [
        f"Imported {report.rows} PA-X agreements in {report.seconds:.1f} s "
        f"(dates detected as {report.date_format}; source record {report.source_id}).",
        "",
        "parties      names",
        f"  matched    {report.matched:>6}"
        + (
            f"  ({report.matched_earlier} to actors imported earlier)"
            if report.matched_earlier
            else ""
        ),
        f"  created    {report.created_names:>6}  "
        f"({report.created} new actors, marked needs-review)",
        f"  ambiguous  {report.ambiguous:>6}  (not linked; listed in the agreement's note)",
        f"  not names  {report.unread:>6}  (sentences left in pax.parties_text)",
        "",
        "files",
    ]
    lines.extend(f"  {what:<40} {count:>6}" for what, count in sorted(report.files.items()))
    if report.kept:
        lines += ["", "kept as they are (edit them by hand, or delete them to re-import):"]
        lines.extend(f"  {path}: {why}" for path, why in report.kept[:50])
        if len(report.kept) > 50:
            lines.append(f"  … and {len(report.kept) - 50} more")
    if report.not_understood:
        lines += ["", "not understood:"]
        lines.extend(f"  {note}" for note in report.not_understood[:50])
        if len(report.not_understood) > 50:
            lines.append(f"  … and {len(report.not_understood) - 50} more")
    # Notes quote the export (column names, party text): its control characters stay inert.
    return visible_text("\n".join(lines))

"""Renderer of an import's report (``accords import pax``): plain text."""

from __future__ import annotations

from typing import TextIO

from accords.importing.pax.importer import ImportReport
from accords.render.contract import Renderer
from accords.render.escape import visible_text


def summary(report: ImportReport) -> str:
    """The import's summary as plain text: parties, files, what was not understood."""
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
        lines += ["", "kept as they are (merge the source's change by hand, or --force):"]
        lines.extend(_kept(path, why) for path, why in report.kept[:50])
        if len(report.kept) > 50:
            lines.append(f"  … and {len(report.kept) - 50} more")
    if report.not_understood:
        lines += ["", "not understood:"]
        lines.extend(f"  {note}" for note in report.not_understood[:50])
        if len(report.not_understood) > 50:
            lines.append(f"  … and {len(report.not_understood) - 50} more")
    # Notes quote the export (column names, party text): its control characters stay inert.
    return visible_text("\n".join(lines))


def _kept(path: str, why: str) -> str:
    if why.startswith("kept your edit;"):
        return f"  kept your edit of {path};{why.removeprefix('kept your edit;')}"
    return f"  {path}: {why}"


def render_text(report: ImportReport, out: TextIO) -> None:
    out.write(summary(report) + "\n")


FORMATS: dict[str, Renderer[ImportReport]] = {"text": render_text}

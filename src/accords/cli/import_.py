"""``accords import pax``: turn a PA-X CSV export into an accords dataset."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The PA-X CSV export.", show_default=False)
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The dataset folder to create or update.")
    ],
    max_field_bytes: Annotated[
        int,
        typer.Option(
            "--max-field-bytes",
            min=1,
            help="Refuse a row (and so a field) longer than this many bytes.",
        ),
    ] = 1_000_000,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace files edited by hand or not written by the import."),
    ] = False,
) -> None:
    from accords.cli.progress import progress
    from accords.importing.pax.importer import import_pax
    from accords.render.imports import FORMATS

    with progress(f"importing {file.name}"):
        report = import_pax(file, out, max_field_bytes=max_field_bytes, force=force)
    FORMATS["text"](report, sys.stdout)

"""``accords export``: flat tables of the whole record, for pandas or R."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import split_list

HELP = """Export flat tables: agreements, participants, exclusions, positions, terms, events,
event_agreements, actors.

With --out DIR, writes one file per table (agreements.csv …); without it, prints JSON, or
the one CSV table named with --table. Existing files are replaced only with --force.

Example:

    accords export --format csv --out build/tables
"""


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.json,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder to write one file per table into.")
    ] = None,
    table: Annotated[
        list[str] | None,
        typer.Option("--table", help="Only these tables (repeat or comma-separate)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
) -> None:
    from accords.analysis.export import export_tables
    from accords.dataset import load_dataset
    from accords.render.export import FORMATS, write_folder

    tables = export_tables(load_dataset(), split_list(table))
    if out is None:
        FORMATS[fmt.value](tables, sys.stdout)
    else:
        write_folder(tables, fmt.value, out, force=force, log=sys.stderr)

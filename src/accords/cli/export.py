"""``accords export``: flat tables of the whole record, for pandas, R, Frictionless tools or
Datasette."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import NoCache, split_list

HELP = """Export flat tables: agreements, participants, exclusions, positions, terms, events,
event_agreements, citations, actors.

With --out DIR, writes one file per table (agreements.csv …); without it, prints JSON, or
the one CSV table named with --table. --format datapackage writes the CSV files and a
datapackage.json (a Frictionless Data Package, with field types and keys) into --out DIR;
--format sqlite writes one SQLite file, --out FILE, with primary and foreign keys. Existing
files are replaced only with --force.

Example:

    accords export --format csv --out build/tables
    accords export --format sqlite -o build/accords.db
"""


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    datapackage = "datapackage"
    sqlite = "sqlite"


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.json,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write one file per table into (the file, for sqlite).",
        ),
    ] = None,
    table: Annotated[
        list[str] | None,
        typer.Option("--table", help="Only these tables (repeat or comma-separate)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.export import export_tables
    from accords.dataset import load_dataset
    from accords.render.export import FORMATS, write_folder
    from accords.render.keyed import WRITERS, write_keyed

    tables = export_tables(load_dataset(cache=not no_cache), split_list(table))
    if fmt.value in WRITERS:
        write_keyed(tables, fmt.value, out, force=force, log=sys.stderr)
        return

    if out is None:
        FORMATS[fmt.value](tables, sys.stdout)
    else:
        write_folder(tables, fmt.value, out, force=force, log=sys.stderr)

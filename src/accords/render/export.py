"""Writing export tables: one CSV file per table, or JSON (one document, or a file per table)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from accords.analysis.export import Table, Value
from accords.render.escape import csv_cell, json_document
from accords.writing import write_atomic

EXPORT_FORMATS = ("csv", "json")


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(str(value))


def csv_text(table: Table) -> str:
    """The table as CSV: a header row, then spreadsheet-safe cells; booleans as true/false."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue()


def json_text(tables: Sequence[Table]) -> str:
    """The tables as one JSON document, keyed by table name."""
    return json_document({t.name: t.records() for t in tables}) + "\n"


def write_stream(tables: Sequence[Table], fmt: str, out: TextIO) -> None:
    """One table as CSV, or any tables as one JSON document, to a stream."""
    if fmt == "csv":
        if len(tables) != 1:
            raise ValueError("CSV on a stream holds one table")
        out.write(csv_text(tables[0]))
    else:
        out.write(json_text(tables))


def write_folder(tables: Sequence[Table], fmt: str, folder: Path, *, force: bool) -> list[Path]:
    """``<table>.<fmt>`` per table in ``folder``; replacing a file needs ``force``."""
    written = []
    for table in tables:
        path = folder / f"{table.name}.{fmt}"
        text = csv_text(table) if fmt == "csv" else json_text([table])
        write_atomic(path, text, force=force)
        written.append(path)
    return written

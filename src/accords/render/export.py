"""Writing export tables: one CSV file per table, or JSON (one document, or a file per table)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from accords.analysis.export import Table, Value
from accords.errors import UsageError
from accords.render.contract import Renderer
from accords.render.escape import csv_cell, json_document
from accords.writing import write_atomic


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


def render_csv(tables: Sequence[Table], out: TextIO) -> None:
    """One table as CSV: a stream holds one table, more need a folder (``--out``)."""
    if len(tables) != 1:
        raise UsageError("CSV needs --out DIR, or one --table to print")
    out.write(csv_text(tables[0]))


def render_json(tables: Sequence[Table], out: TextIO) -> None:
    """Any tables as one JSON document."""
    out.write(json_text(tables))


FORMATS: dict[str, Renderer[Sequence[Table]]] = {"csv": render_csv, "json": render_json}


def write_folder(
    tables: Sequence[Table], fmt: str, folder: Path, *, force: bool, log: TextIO
) -> None:
    """``<table>.<fmt>`` per table in ``folder``, each path written logged to ``log``;
    replacing a file needs ``force``."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    for table in tables:
        path = folder / f"{table.name}.{fmt}"
        text = io.StringIO()
        FORMATS[fmt]([table], text)
        write_atomic(path, text.getvalue(), force=force)
        log.write(f"wrote {path}\n")

"""A Frictionless Data Package: one CSV file per table and ``datapackage.json``, which gives
every field its type and every table its primary and foreign keys (from
:mod:`accords.analysis.export_columns`, as the SQLite tables do).

The CSV files are those of ``accords export --format csv``, cell for cell.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from accords.analysis.export import Table
from accords.analysis.export_columns import SPEC_BY_NAME, TableSpec
from accords.errors import UsageError, WouldOverwrite
from accords.render.export import csv_text
from accords.writing import write_atomic

DESCRIPTOR = "datapackage.json"


def descriptor(tables: Sequence[Table]) -> dict[str, Any]:
    """The ``datapackage.json`` of the given tables; a foreign key is declared only when the
    table it points at is in the package."""
    names = [table.name for table in tables]
    return {
        "profile": "tabular-data-package",
        "name": "accords-export",
        "title": "Agreements, actors and events exported by accords",
        "resources": [_resource(SPEC_BY_NAME[name], names) for name in names],
    }


def _resource(spec: TableSpec, names: Sequence[str]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(spec, column.name, column.type) for column in spec.columns],
        "missingValues": [""],
    }
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    keys = spec.foreign_keys_among(names)
    if keys:
        schema["foreignKeys"] = [
            {"fields": [key.column], "reference": {"resource": key.table, "fields": ["id"]}}
            for key in keys
        ]
    return {
        "name": spec.name,
        "path": f"{spec.name}.csv",
        "profile": "tabular-data-resource",
        "description": spec.rows[:1].upper() + spec.rows[1:] + ".",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(spec: TableSpec, name: str, kind: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind}
    if name in spec.primary_key:
        field["constraints"] = {"required": True}
    return field


def descriptor_text(tables: Sequence[Table]) -> str:
    return json.dumps(descriptor(tables), indent=2, ensure_ascii=False) + "\n"


def write_datapackage(tables: Sequence[Table], folder: Path, *, force: bool, log: TextIO) -> None:
    """The CSV files and ``datapackage.json`` in ``folder``; nothing is written when a file
    would be replaced without ``force``."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    files = {folder / f"{table.name}.csv": csv_text(table) for table in tables}
    files[folder / DESCRIPTOR] = descriptor_text(tables)
    existing = [str(path) for path in files if path.exists()]
    if existing and not force:
        verb = "exists" if len(existing) == 1 else "exist"
        raise WouldOverwrite(f"{', '.join(existing)} {verb}; pass --force to overwrite")
    for path, text in files.items():
        write_atomic(path, text, force=force)
        log.write(f"wrote {path}\n")

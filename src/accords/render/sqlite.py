"""An SQLite file with one table per export table, its primary key and its foreign keys (from
:mod:`accords.analysis.export_columns`, as the Data Package's are), ready for Datasette.

Values are stored as they are, not as the CSV cells spreadsheets need: booleans as 0 and 1,
dates as ISO text, absent values as NULL. Every foreign key column is indexed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from accords.analysis.export import Table
from accords.analysis.export_columns import SPEC_BY_NAME, ColumnType, TableSpec
from accords.errors import CannotWrite, UsageError
from accords.writing import write_file_atomic

_SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "integer": "INTEGER",
    "boolean": "INTEGER",
    "date": "TEXT",
}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column(spec: TableSpec, name: str, kind: ColumnType) -> str:
    line = f"{_quoted(name)} {_SQL_TYPES[kind]}"
    if name in spec.primary_key:
        line += " NOT NULL"
    if kind == "boolean":
        line += f" CHECK ({_quoted(name)} IN (0, 1))"
    return line


def statements(tables: Sequence[str]) -> list[str]:
    """The DDL of the named tables: a foreign key only where the table it points at is there."""
    ddl: list[str] = []
    for name in tables:
        spec = SPEC_BY_NAME[name]
        parts = [_column(spec, column.name, column.type) for column in spec.columns]
        if spec.primary_key:
            parts.append(f"PRIMARY KEY ({', '.join(map(_quoted, spec.primary_key))})")
        keys = spec.foreign_keys_among(tables)
        parts.extend(
            f'FOREIGN KEY ({_quoted(key.column)}) REFERENCES {_quoted(key.table)} ("id")'
            for key in keys
        )
        ddl.append(f"CREATE TABLE {_quoted(name)} (\n  " + ",\n  ".join(parts) + "\n)")
        ddl.extend(
            f"CREATE INDEX {_quoted(f'{name}_{key.column}')} "
            f"ON {_quoted(name)} ({_quoted(key.column)})"
            for key in keys
        )
    return ddl


def _fill(tables: Sequence[Table], path: Path) -> None:
    try:
        _insert(tables, path)
    except sqlite3.Error as exc:  # a full disk or a locked file, as SQLite words it
        raise CannotWrite(f"cannot write {path}: {exc}") from exc


def _insert(tables: Sequence[Table], path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            for statement in statements([table.name for table in tables]):
                connection.execute(statement)
            for table in tables:
                marks = ", ".join("?" for _ in table.columns)
                connection.executemany(
                    f"INSERT INTO {_quoted(table.name)} VALUES ({marks})", table.rows
                )
    finally:
        connection.close()


def write_sqlite(tables: Sequence[Table], path: Path, *, force: bool, log: TextIO) -> None:
    """The tables as one SQLite file at ``path``, written whole or not at all."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; --format sqlite writes one file")
    write_file_atomic(path, lambda temp: _fill(tables, temp), force=force)
    log.write(f"wrote {path}\n")

"""Whether the keys of the export tables hold: no primary key twice, no foreign key pointing at
a row that is not there.

On a dataset that ``accords check`` passes they hold; on one with broken references they may
not, and the export says so rather than writing a package or a database whose keys lie.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from accords.analysis.export import Table, Value
from accords.analysis.export_columns import SPEC_BY_NAME


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A primary key value that ``count`` rows of ``table`` share."""

    table: str
    columns: tuple[str, ...]
    value: tuple[Value, ...]
    count: int

    def message(self) -> str:
        shown = ", ".join(f"{c}={v!r}" for c, v in zip(self.columns, self.value, strict=True))
        return f"{self.table}: {self.count} rows have the key ({shown})"


@dataclass(frozen=True, slots=True)
class DanglingReference:
    """Rows of ``table`` whose ``column`` names ids that ``target`` has no row for."""

    table: str
    column: str
    target: str
    missing: tuple[str, ...]
    rows: int

    def message(self) -> str:
        ids = ", ".join(repr(v) for v in self.missing[:3])
        more = f" and {len(self.missing) - 3} more" if len(self.missing) > 3 else ""
        return (
            f"{self.table}.{self.column}: {self.rows} row(s) point at ids not in "
            f"{self.target}: {ids}{more}"
        )


def duplicate_keys(tables: Sequence[Table]) -> list[DuplicateKey]:
    """Every primary key value that more than one row holds, table by table."""
    found: list[DuplicateKey] = []
    for table in tables:
        key = SPEC_BY_NAME[table.name].primary_key
        if not key:
            continue
        where = [table.columns.index(column) for column in key]
        counts = Counter(tuple(row[i] for i in where) for row in table.rows)
        found.extend(
            DuplicateKey(table.name, key, value, count)
            for value, count in counts.items()
            if count > 1
        )
    return found


def dangling_references(tables: Sequence[Table]) -> list[DanglingReference]:
    """Every foreign key (between the tables given) with values its target lacks."""
    by_name = {table.name: table for table in tables}
    found: list[DanglingReference] = []
    for table in tables:
        for key in SPEC_BY_NAME[table.name].foreign_keys_among(by_name):
            target = by_name[key.table]
            ids = {row[target.columns.index("id")] for row in target.rows}
            where = table.columns.index(key.column)
            bad = [row[where] for row in table.rows if row[where] is not None]
            bad = [value for value in bad if value not in ids]
            if bad:
                missing = tuple(sorted({str(value) for value in bad}))
                found.append(
                    DanglingReference(table.name, key.column, key.table, missing, len(bad))
                )
    return found

"""Whatever an export table holds comes back from the SQLite file as it went in: any text,
the largest integers, booleans as 0 and 1, NULL for an absent value."""

from __future__ import annotations

import io
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from accords.analysis.export import Table, Value
from accords.analysis.export_columns import SPEC_BY_NAME, Column
from accords.render.sqlite import write_sqlite

_VALUES = {
    "string": st.none() | st.text(),
    "integer": st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1),
    "boolean": st.booleans(),
    "date": st.none() | st.dates().map(lambda d: d.isoformat()),
}


def _row(columns: tuple[Column, ...]) -> st.SearchStrategy[tuple[Value, ...]]:
    return st.tuples(*(_VALUES[c.type] for c in columns))


@st.composite
def _events(draw: st.DrawFn) -> Table:
    """An events table: any values in every column, ids unique as the primary key needs."""
    spec = SPEC_BY_NAME["events"]
    rows = draw(st.lists(_row(spec.columns[1:]), max_size=8))
    ids = draw(st.lists(st.text(min_size=1), min_size=len(rows), max_size=len(rows), unique=True))
    return Table("events", spec.column_names, [(i, *r) for i, r in zip(ids, rows, strict=True)])


@settings(max_examples=60, deadline=None)
@given(_events())
def test_sqlite_gives_back_every_value(table: Table) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.db"
        write_sqlite([table], path, force=False, log=io.StringIO())
        with sqlite3.connect(path) as connection:
            back = connection.execute('SELECT * FROM "events" ORDER BY rowid').fetchall()
    expected = [tuple(int(v) if isinstance(v, bool) else v for v in row) for row in table.rows]
    assert back == expected

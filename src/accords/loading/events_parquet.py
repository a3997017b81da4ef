"""Reading an events file in Parquet: the needed columns as text, as the CSV reader gives them.

A Parquet file has no rows to get wrong: each of its rows is numbered as the row it would be
in a CSV export of the same table, so the first row is row 2 (the header is row 1). Dates
stored as dates or timestamps are read as ``YYYY-MM-DD``; empty (null) cells as empty text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from accords.loading.events_csv import Frame


def parquet_header(path: Path) -> list[tuple[str, int]]:
    """The column names of a Parquet file, each with its position (from 1)."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    names = pq.read_schema(path).names
    return [(str(name).strip(), index + 1) for index, name in enumerate(names)]


def read_parquet(path: Path, names: list[str], dictionary_columns: Iterable[str] = ()) -> Frame:
    """The columns ``names`` of a Parquet file as text, in a :class:`Frame` with no bad rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=names)
    encoded = set(dictionary_columns)
    columns = {name: _as_text(table.column(name), name in encoded) for name in names}
    del table
    pa.default_memory_pool().release_unused()  # as the CSV reader does: see Frame.read
    return Frame(columns, [])


def _as_text(column: Any, dictionary: bool) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    kind = column.type
    if pa.types.is_dictionary(kind):
        column, kind = column.cast(kind.value_type), kind.value_type
    if pa.types.is_timestamp(kind) or pa.types.is_date64(kind):
        column = column.cast(pa.date32())
    if not pa.types.is_string(column.type):
        column = column.cast(pa.string())
    column = pc.fill_null(column, "").combine_chunks()
    return column.dictionary_encode() if dictionary else column

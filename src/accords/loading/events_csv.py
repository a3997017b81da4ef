"""Columnar reading of an ACLED-format events CSV.

pyarrow and NumPy are imported inside the functions: only ``check --events`` needs them.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.model.names import normalise_name


def parse_acled_date(text: str) -> int:
    """The proleptic ordinal of an ACLED date (``2016-09-12`` or ``12 September 2016``), or -1."""
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return _dt.date.fromisoformat(text).toordinal()
        except ValueError:
            return -1
    for pattern in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y"):
        try:
            return _dt.datetime.strptime(text, pattern).date().toordinal()
        except ValueError:
            continue
    return -1


@dataclass
class Frame:
    """The needed columns of an events file, as pyarrow arrays, with the skipped rows."""

    columns: dict[str, Any]
    bad_rows: list[tuple[int, int]]
    #: Per skipped row (sorted), the table index the next kept row has: computed once.
    _skipped_positions: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._skipped_positions = [row - 2 - k for k, (row, _) in enumerate(self.bad_rows)]

    @classmethod
    def read(cls, path: Path, names: list[str], dictionary_columns: Iterable[str] = ()) -> Frame:
        """Read ``names`` as text; rows of the wrong width are skipped and remembered."""
        import pyarrow as pa  # type: ignore[import-untyped]
        from pyarrow import csv as pacsv

        bad: list[tuple[int, int]] = []
        # Columns of few distinct values are read dictionary-encoded: each string is held once.
        encoded = pa.dictionary(pa.int32(), pa.string())
        types = {name: encoded for name in names if name in dictionary_columns}

        def skip(row: Any) -> str:
            bad.append((row.number if row.number is not None else -1, row.actual_columns))
            return "skip"

        def load(fast: bool) -> Any:
            bad.clear()
            return pacsv.read_csv(
                path,
                read_options=pacsv.ReadOptions(use_threads=fast, block_size=1 << 22),
                parse_options=pacsv.ParseOptions(
                    newlines_in_values=not fast, invalid_row_handler=skip
                ),
                convert_options=pacsv.ConvertOptions(
                    include_columns=names,
                    column_types={name: types.get(name, pa.string()) for name in names},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )

        table = load(fast=True)
        if bad:
            # The fast pass neither allows line breaks inside quoted values (they halve its
            # speed) nor numbers the rows it skips; a serial pass that does both reads the
            # rare file that needs it.
            table = load(fast=False)
        table = table.unify_dictionaries()
        columns = {name: table.column(name).combine_chunks() for name in names}
        return cls(columns, sorted(bad))

    def has(self, name: str) -> bool:
        return name in self.columns

    def text(self, name: str, index: int) -> str:
        return str(self.columns[name][index].as_py())

    def row_number(self, index: int) -> int:
        """The file's row number (the header is row 1) of the table's row ``index``."""
        # The k-th skipped row (sorted) sits at table position row - 2 - k: a table row is
        # pushed one further by each skipped row at or before its own position.
        return index + 2 + bisect_right(self._skipped_positions, index)

    def _encoded(self, name: str) -> tuple[list[str], Any]:
        """Distinct values of a column and, per row, the index of its value (NumPy)."""
        import pyarrow.compute as pc  # type: ignore[import-untyped]

        column = self.columns[name]
        encoded = column if hasattr(column, "indices") else pc.dictionary_encode(column)
        return encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)

    def days(self, name: str) -> Any:
        """Per row, the date's proleptic ordinal, or -1 where it is not a date."""
        import numpy as np

        values, indices = self._encoded(name)
        ordinals = np.fromiter((parse_acled_date(v) for v in values), np.int64, len(values))
        return ordinals[indices] if len(values) else np.zeros(0, np.int64)

    def map_strings(
        self, name: str, strings: dict[str, str], code_of: dict[str, int]
    ) -> tuple[Any, dict[str, int]]:
        """Per row, the actor code (-1 unmapped, -2 empty), and the unmapped strings' counts."""
        import numpy as np

        values, indices = self._encoded(name)
        codes = np.fromiter(
            (
                code_of[strings[key]]
                if (key := normalise_name(v)) in strings
                else -1
                if key
                else -2
                for v in values
            ),
            np.int64,
            len(values),
        )
        if not len(values):
            return np.zeros(0, np.int64), {}
        counts = np.bincount(indices, minlength=len(values))
        misses = {
            values[i]: int(counts[i]) for i in np.flatnonzero((codes == -1) & (counts > 0)).tolist()
        }
        return codes[indices], misses

    def isin(self, name: str, wanted: frozenset[str]) -> Any:
        import numpy as np

        values, indices = self._encoded(name)
        hit = np.array([v.strip() in wanted for v in values], dtype=bool)
        return hit[indices] if len(values) else np.zeros(0, bool)

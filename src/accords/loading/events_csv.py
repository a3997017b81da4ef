"""Columnar reading of an ACLED-format events CSV.

pyarrow and NumPy are imported inside the functions: only ``check --events`` needs them.
"""

from __future__ import annotations

import datetime as _dt
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.loading.events_bytes import SCAN_CHUNK, ByteScanner
from accords.loading.events_files import (
    EventsFormat,
    arrow_source,
    events_format,
    open_bytes,
)
from accords.model.names import normalise_name


def _read_csv(path: Path, fast: bool, types: dict[str, Any], bad: list[tuple[int, int]]) -> Any:
    """The columns ``types`` names, read by pyarrow; rows of the wrong width go to ``bad``.

    A ``.csv.gz`` is decompressed as pyarrow reads it (one stream per read).
    """
    from pyarrow import csv as pacsv  # type: ignore[import-untyped]

    def skip(row: Any) -> str:
        bad.append((row.number if row.number is not None else -1, row.actual_columns))
        return "skip"

    return pacsv.read_csv(
        arrow_source(path),
        read_options=pacsv.ReadOptions(use_threads=fast, block_size=1 << 22),
        parse_options=pacsv.ParseOptions(newlines_in_values=not fast, invalid_row_handler=skip),
        convert_options=pacsv.ConvertOptions(
            include_columns=list(types),
            column_types=types,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )


@contextmanager
def _quiet_handler_errors() -> Iterator[None]:
    """Silence pyarrow's report of a skipped row it could not decode to call ``skip`` with.

    pyarrow then fails the read with the row's number (reported as a finding); its own report
    would be a traceback on standard error.
    """
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, UnicodeDecodeError):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


def _decoded(table: Any, names: list[str]) -> tuple[Any, list[tuple[int, str]]]:
    """The table's byte columns as text, and the (row, column) of each cell not UTF-8."""
    import numpy as np
    import pyarrow as pa

    columns: list[Any] = []
    not_utf8: list[tuple[int, str]] = []
    for name in names:
        column = table.column(name).combine_chunks()
        values = column.dictionary.to_pylist()
        texts, bad = [], []
        for i, value in enumerate(values):
            try:
                texts.append(value.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(value.decode("utf-8", "replace"))
                bad.append(i)
        indices = column.indices
        rows = np.flatnonzero(np.isin(indices.to_numpy(zero_copy_only=False), bad))
        not_utf8.extend((int(row), name) for row in rows.tolist())
        columns.append(pa.DictionaryArray.from_arrays(indices, pa.array(texts, pa.string())))
    return pa.table(columns, names=names), not_utf8


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
    #: Cells that are not UTF-8, as (table row, column), read with U+FFFD in their place.
    not_utf8: list[tuple[int, str]] = field(default_factory=list)
    #: Per skipped row (sorted), the table index the next kept row has: computed once.
    _skipped_positions: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._skipped_positions = [row - 2 - k for k, (row, _) in enumerate(self.bad_rows)]

    @classmethod
    def read(cls, path: Path, names: list[str], dictionary_columns: Iterable[str] = ()) -> Frame:
        """Read ``names`` as text; rows of the wrong width are skipped and remembered."""
        import pyarrow as pa

        bad: list[tuple[int, int]] = []
        # Columns of few distinct values are read dictionary-encoded: each string is held once.
        encoded = pa.dictionary(pa.int32(), pa.string())
        types = {name: encoded if name in dictionary_columns else pa.string() for name in names}

        def load(fast: bool, column_types: dict[str, Any]) -> Any:
            bad.clear()
            with _quiet_handler_errors():
                return _read_csv(path, fast, column_types, bad)

        def load_both(column_types: dict[str, Any]) -> Any:
            try:
                table = load(True, column_types)
            except pa.ArrowInvalid as exc:
                if "CSV parse error" not in str(exc):
                    raise
                # Read again serially, so that pyarrow's error names the row.
                return load(False, column_types)
            if bad:
                # The fast pass neither allows line breaks inside quoted values (they halve its
                # speed) nor numbers the rows it skips; a serial pass that does both reads the
                # rare file that needs it.
                table = load(False, column_types)
            return table

        not_utf8: list[tuple[int, str]] = []
        try:
            table = load_both(types)
        except pa.ArrowInvalid as exc:
            if "invalid UTF8" not in str(exc):
                raise
            # Bytes that are not UTF-8 in a few cells (a row pasted from another encoding):
            # the columns are read again as bytes, and those cells reported and decoded.
            table = load_both({name: pa.dictionary(pa.int32(), pa.binary()) for name in names})
            table, not_utf8 = _decoded(table.unify_dictionaries(), names)
        table = table.unify_dictionaries()
        columns = {name: table.column(name).combine_chunks() for name in names}
        del table
        # The parse buffers are freed but kept by pyarrow's allocator for reuse: given back,
        # they do not add to the peak of the check that follows.
        pa.default_memory_pool().release_unused()
        return cls(columns, sorted(bad), sorted(not_utf8))

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


#: The longest line (and so field) an events file may have, in bytes: ``--max-field-bytes``.
MAX_FIELD_BYTES = 1 << 20


@dataclass(frozen=True)
class LongLine:
    """The first line over the limit: its number, its start (a byte offset), its length."""

    number: int
    start: int
    length: int


def find_long_line(path: Path, limit: int, scanner: ByteScanner | None = None) -> LongLine | None:
    """The first line of more than ``limit`` bytes, found without holding it in memory.

    From each line's start, the last line break within ``limit`` bytes is looked for (one
    ``rfind`` in C): found, the search jumps past it; not found, the line is too long. Each byte
    is looked at about once, whatever the number of lines; a buffer of a few MB is all it holds.
    The file is read forward only, a buffer at a time, so that a ``.csv.gz`` is scanned as it
    is decompressed: the unfinished line at a buffer's end moves to its head. Each buffer's new
    bytes also go to ``scanner``, so that one pass serves both (the whole file, when no line is
    too long).
    """
    buffer = bytearray(max(SCAN_CHUNK, 2 * (limit + 1)))
    view = memoryview(buffer)
    line_start = 0  # where the current line starts in the file
    base = 0  # where the buffer's first byte is in the file
    kept = 0  # bytes at the buffer's head carried over from the previous buffer
    with open_bytes(path) as handle:
        while True:
            n = kept + _fill(handle, view[kept:])
            if scanner is not None:
                scanner.feed(buffer, kept, n)
            while line_start + limit < base + n:
                newline = _last_break(buffer, line_start - base, line_start - base + limit + 1)
                if newline < 0:
                    return _long_line(path, line_start)
                line_start = base + newline + 1
            if n < len(buffer):  # the end of the file: its last line is within the limit
                return None
            # Read on from the last line break of this buffer (at most ``limit`` bytes back).
            newline = _last_break(buffer, line_start - base, n)
            line_start = base + newline + 1 if newline >= 0 else line_start
            kept = base + n - line_start
            buffer[:kept] = buffer[line_start - base : n]
            base = line_start


def _fill(handle: Any, view: memoryview) -> int:
    """Read into ``view`` until it is full or the file ends; the number of bytes read."""
    done = 0
    while done < len(view):
        n = handle.readinto(view[done:])
        if not n:
            break
        done += n
    return done


def _last_break(buffer: bytearray, start: int, end: int) -> int:
    # A file of old Mac line ends (CR only) has no LF at all: CR is looked for only then.
    newline = buffer.rfind(b"\n", start, end)
    return newline if newline >= 0 else buffer.rfind(b"\r", start, end)


def _long_line(path: Path, start: int) -> LongLine:
    """The number and length of the line at ``start``, counted a buffer at a time."""
    number, length = 1, 0
    with open_bytes(path) as handle:
        done = 0
        while done < start:
            chunk = handle.read(min(SCAN_CHUNK, start - done))
            number += chunk.count(b"\n") or chunk.count(b"\r")
            done += len(chunk)
        while chunk := handle.read(SCAN_CHUNK):
            end = min((i for i in (chunk.find(b"\n"), chunk.find(b"\r")) if i >= 0), default=-1)
            if end >= 0:
                return LongLine(number, start, length + end)
            length += len(chunk)
    return LongLine(number, start, length)


def field_at(head: bytes) -> tuple[int, int]:
    """The index of the field open at the end of ``head`` (a line's start), and its column."""
    index, field_start, quoted = 0, 0, False
    for position, char in enumerate(head.decode("utf-8", "replace")):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            index, field_start = index + 1, position + 1
    return index, field_start + 1


#: The first bytes of files that are not CSV text, and what they are.
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data, not CSV text: name it .csv.gz, or decompress it (gunzip)"),
    (b"PK\x03\x04", "a ZIP archive, not CSV text: extract the CSV from it first"),
    (b"PAR1", "a Parquet file, not CSV text: name it .parquet"),
    (b"\xff\xfe", "UTF-16 text, not UTF-8: save it as UTF-8"),
    (b"\xfe\xff", "UTF-16 text, not UTF-8: save it as UTF-8"),
)


def not_text(path: Path) -> str | None:
    """What the file is when its first bytes show that it is not in its format, else None.

    A ``.csv.gz`` must be gzip data, and the CSV in it text; a ``.parquet`` starts with PAR1.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
    if not head:
        return "the file is empty (0 bytes)"
    kind = events_format(path)
    if kind is EventsFormat.PARQUET:
        return None if head == b"PAR1" else "not a Parquet file (it does not start with PAR1)"
    if kind is EventsFormat.CSV_GZ:
        if not head.startswith(b"\x1f\x8b"):
            return "named .gz but not gzip-compressed data"
        with open_bytes(path) as handle:
            head = handle.read(4)
        if not head:
            return "the compressed CSV is empty (0 bytes)"
    return next((what for magic, what in _MAGIC if head.startswith(magic)), None)

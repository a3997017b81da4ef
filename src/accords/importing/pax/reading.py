"""Reading a PA-X CSV export: by column name, whatever the version, with problems as notes.

Exports differ: a byte-order mark, a blank first header, duplicated columns, missing ``Part``,
extra columns, dates as DD/MM/YYYY or ISO. The reader keeps what it understands and lists the
rest in :attr:`PaxTable.notes`; it raises only when the file cannot be a PA-X export at all.

The file is read a line at a time and never held whole. A row longer than ``max_field_bytes``
(one line, or a quoted field over several) is refused before it is read into memory: its size is
counted as the rest of the line streams past, so a 100 MB line costs no more than a short one.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from accords.errors import UsageError
from accords.importing.pax.mapping import KNOWN_IGNORED, META_COLUMNS, PROVISION_COLUMNS
from accords.model.common import CONTROL

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MISSING = frozenset({"", "NA", "N/A", "na", "n/a"})

#: The longest row (and so field) read by default: PA-X rows are a few kilobytes.
DEFAULT_MAX_FIELD_BYTES = 1_000_000
#: How much of an over-long line is read at a time while its size is counted.
_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"

DMY = "DD/MM/YYYY"
ISO = "ISO (YYYY-MM-DD)"


@dataclass(frozen=True, slots=True)
class PaxRow:
    """One agreement of the export, with its values as text and its date in EDTF."""

    line: int
    agt_id: int
    title: str
    con: str | None
    date: str | None
    raw_date: str | None
    status: str | None
    agtp: str | None
    stage: str | None
    substage: str | None
    part: str | None
    thrd_part: str | None
    provisions: dict[str, int | str]


@dataclass
class PaxTable:
    """The rows of an export, the date format detected, and what the reader did not use."""

    path: Path
    rows: list[PaxRow] = field(default_factory=list)
    columns: int = 0
    date_format: str = "none"
    missing_columns: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_pax(path: Path, max_field_bytes: int = DEFAULT_MAX_FIELD_BYTES) -> PaxTable:
    """Read a PA-X CSV export; :class:`UsageError` when it is unreadable, has no AgtId, or has a
    row longer than ``max_field_bytes``."""
    # Rows are bounded by _Lines; the csv module's own limit (in characters) must not cut first.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open("rb") as handle:
            lines = _Lines(path, handle, max_field_bytes)
            reader = csv.reader(lines)
            try:
                return _read(path, reader, lines)
            except csv.Error as exc:
                raise UsageError(
                    f"{path}: line {lines.number}: cannot read it as CSV ({exc})"
                ) from None
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _read(path: Path, reader: Iterator[list[str]], lines: _Lines) -> PaxTable:
    """The table of the rows ``reader`` gives, one row held at a time."""
    first = next(reader, None)
    if first is None:
        raise UsageError(f"{path}: the file is empty")
    lines.next_row()
    header = [name.strip() for name in first]
    lines.header = header
    table = PaxTable(path, columns=len(header))
    index = _index_columns(header, table)
    if "AgtId" not in index:
        raise UsageError(
            f"{path}: no AgtId column; is this a PA-X export? (columns: {_few(header)})"
        )
    table.missing_columns = [c for c in META_COLUMNS if c not in index]
    known = {*META_COLUMNS, *KNOWN_IGNORED, *PROVISION_COLUMNS}
    table.unknown_columns = [h for h in index if h not in known]
    provisions = [(c, index[c]) for c in PROVISION_COLUMNS if c in index]
    raw_dates: list[str] = []
    seen: set[int] = set()
    for record in reader:
        number = lines.start
        lines.next_row()
        if date := _cell(record, index.get("Dat")):
            raw_dates.append(date)
        if not any(cell.strip() for cell in record):
            continue
        row = _row(number, record, index, provisions, table, seen)
        if row is not None:
            table.rows.append(row)
    table.date_format = detect_date_format(raw_dates)
    return table


def detect_date_format(values: Sequence[str]) -> str:
    """``DMY`` or ``ISO`` when every value fits one; ``mixed`` or ``none`` otherwise."""
    if not values:
        return "none"
    if all(_DMY.match(v) for v in values):
        return DMY
    if all(_ISO.match(v) for v in values):
        return ISO
    return "mixed"


def to_edtf(value: str) -> str | None:
    """An EDTF day for a PA-X date in either format; None when it is not a real date."""
    import datetime

    if match := _DMY.match(value):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _index_columns(header: list[str], table: PaxTable) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        if not name:
            continue  # the unnamed row-number column some exports start with
        if name in index:
            table.notes.append(f"column {name!r} appears more than once; the first one is used")
            continue
        index[name] = position
    return index


def _row(
    number: int,
    record: list[str],
    index: dict[str, int],
    provisions: list[tuple[str, int]],
    table: PaxTable,
    seen: set[int],
) -> PaxRow | None:
    if CONTROL.search("".join(record).replace("\r", "")):
        # Records refuse control characters; an import that wrote them would not validate.
        table.notes.append(f"line {number}: control characters replaced by U+FFFD (\ufffd)")
    raw_id = _cell(record, index["AgtId"])
    try:
        agt_id = int(raw_id or "")
    except ValueError:
        table.notes.append(f"line {number}: AgtId {raw_id!r} is not a number; row skipped")
        return None
    if agt_id < 1 or agt_id in seen:
        reason = "appears again" if agt_id in seen else "is not positive"
        table.notes.append(f"line {number}: AgtId {agt_id} {reason}; row skipped")
        return None
    seen.add(agt_id)
    raw_date = _cell(record, index.get("Dat"))
    date = to_edtf(raw_date) if raw_date else None
    if raw_date and date is None:
        table.notes.append(f"line {number}: AgtId {agt_id}: date {raw_date!r} not understood")
    title = _cell(record, index.get("Agt"))
    if not title:
        table.notes.append(f"line {number}: AgtId {agt_id} has no title (Agt); a title was made")
    codes: dict[str, int | str] = {}
    for name, position in provisions:
        value = _cell(record, position)
        if value is None or value == "0":
            continue
        codes[name] = int(value) if value.isdigit() else value
    return PaxRow(
        line=number,
        agt_id=agt_id,
        title=" ".join(title.split()) if title else f"PA-X agreement {agt_id}",
        con=_cell(record, index.get("Con")),
        date=date,
        raw_date=raw_date,
        status=_cell(record, index.get("Status")),
        agtp=_cell(record, index.get("Agtp")),
        stage=_cell(record, index.get("Stage")),
        substage=_cell(record, index.get("StageSub")),
        part=_cell(record, index.get("Part")),
        thrd_part=_cell(record, index.get("ThrdPart")),
        provisions=codes,
    )


def _cell(record: list[str], position: int | None) -> str | None:
    """The stripped cell at ``position``, control characters replaced by U+FFFD; None for an
    absent column or a PA-X "NA"."""
    if position is None or position >= len(record):
        return None
    value = record[position].replace("\r\n", "\n").replace("\r", "\n").strip()
    value = CONTROL.sub("\ufffd", value)
    return None if value in _MISSING else value


def _few(names: list[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:6])
    return shown + (", …" if len(names) > 6 else "")


class _Lines:
    """The decoded lines of an export for :func:`csv.reader`, each row's size counted as it is
    read: a row that grows past ``limit`` bytes is refused before the rest of it is read."""

    def __init__(self, path: Path, handle: BinaryIO, limit: int) -> None:
        self.path = path
        self.handle = handle
        self.limit = limit
        self.number = 0  # the line last read, from 1
        self.start = 1  # the line the current row starts on
        self.header: list[str] | None = None
        self._held: list[str] = []
        self._size = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        # Never more than the row's remaining allowance plus one byte, whatever the line's length.
        data = self.handle.readline(self.limit - self._size + 1)
        if not data:
            raise StopIteration
        self.number += 1
        if self.number == 1 and data.startswith(_BOM):
            data = data[len(_BOM) :]
        if self._size + len(data) > self.limit:
            raise self._too_long(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(
                f"{self.path}: line {self.number}: not UTF-8 (byte {exc.start + 1} of the line: "
                f"{exc.reason}); save the export as UTF-8"
            ) from None
        self._held.append(text)
        self._size += len(data)
        return text

    def next_row(self) -> None:
        """Start counting the next row (the csv reader has finished the current one)."""
        self._held.clear()
        self._size = 0
        self.start = self.number + 1

    def _too_long(self, data: bytes) -> UsageError:
        """The error for a row over the limit: its line, its column, its size so far."""
        column = self._column(data)
        size = self._size + len(data)
        while not data.endswith(b"\n"):
            data = self.handle.readline(_CHUNK)  # counted, not kept
            if not data:
                break
            size += len(data)
        where = (
            f"line {self.number}"
            if self.start == self.number
            else (f"lines {self.start}-{self.number}")
        )
        return UsageError(
            f"{self.path}: {where}, {column}: {size:,} bytes in one row, over the limit of "
            f"{self.limit:,} bytes; is this a PA-X export? (--max-field-bytes raises the limit)"
        )

    def _column(self, cut: bytes) -> str:
        """The column the row had reached when it went over the limit, with its name if known."""
        text = "".join(self._held) + cut.decode("utf-8", "ignore")
        cells = next(csv.reader(io.StringIO(text, newline="")), [""])
        number = len(cells)
        name = self.header[number - 1] if self.header and number <= len(self.header) else ""
        return f"column {number}" + (f" ({name})" if name else "")

"""Reading an events file for ``check --events``: its format, header and rows, as findings.

Nothing here needs the dataset, so that the file can be read while the records load. The
reading ends in an :class:`EventsRead`: the findings about the file so far and, when it could
be read, its needed columns (a :class:`Frame`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from accords.checking.registry import Rule, register
from accords.errors import UsageError
from accords.findings import Finding, Severity
from accords.loading.events_bytes import ByteScanner, StrayByte
from accords.loading.events_csv import (
    MAX_FIELD_BYTES,
    Frame,
    LongLine,
    field_at,
    find_long_line,
    not_text,
)
from accords.loading.events_files import (
    GZIP_ERRORS,
    EventsFormat,
    events_format,
    open_bytes,
    open_text,
)

#: Columns ``--events`` needs; ACLED's export names them so.
REQUIRED_COLUMNS = ("event_date", "event_type", "actor1", "actor2")
#: Read when present, to name events in messages.
OPTIONAL_COLUMNS = ("event_id_cnty",)
#: Malformed rows reported one by one; the rest are counted in one more finding.
MAX_ROW_FINDINGS = 20


MALFORMED_ROW = register(
    Rule(
        "X102",
        "malformed-row",
        "A row of the events file cannot be read",
        Severity.WARNING,
        """
A row with the wrong number of fields, or an `event_date` that is neither YYYY-MM-DD nor
"12 September 2016", is skipped and reported with its row number (the header is row 1). After
20 such rows, the rest are counted in one more finding. Bytes that a CSV reader would take
without a word are reported with their line and column: a NUL byte, a byte order mark past the
start (two files joined), and a quote that is never closed (it swallows every later row).

Fails:

        event_date,event_type,actor1,actor2
        2016-09-31,Battles,Military Forces of Syria (2000-),Jabhat Fateh al-Sham

Passes:

        event_date,event_type,actor1,actor2
        2016-09-30,Battles,Military Forces of Syria (2000-),Jabhat Fateh al-Sham
""",
        None,
    )
)


UNREADABLE_EVENTS_FILE = register(
    Rule(
        "X103",
        "unreadable-events-file",
        "The events file lacks a required column or is not CSV",
        Severity.ERROR,
        """
The events file is in ACLED's export format: CSV (UTF-8), gzip-compressed CSV (`.csv.gz`) or
Parquet (`.parquet`), with a header naming at least the columns event_date, event_type, actor1
and actor2 (others are ignored). A missing column is one finding naming it; nothing else of
the file is checked then.

Fails:

        date,type,actor_a,actor_b

Passes:

        event_id_cnty,event_date,year,event_type,actor1,actor2,country,fatalities
""",
        None,
    )
)


@dataclass
class EventsReport:
    """Findings about one events file, built up as the columns are read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    malformed: int = 0

    def row_problem(self, row: int, message: str, column: str | None = None) -> None:
        self.malformed += 1
        where = f"row {row}, column {column}" if column else f"row {row}"
        if self.malformed <= MAX_ROW_FINDINGS:
            self.findings.append(MALFORMED_ROW.finding(f"{where}: {message}", (self.path, row, 1)))

    def byte_problem(self, stray: StrayByte, message: str) -> None:
        """A problem found in the file's bytes: its position is a line, not a row."""
        where = (self.path, stray.line, max(stray.col, 1))
        self.findings.append(MALFORMED_ROW.finding(f"line {stray.line:,}: {message}", where))

    def close(self) -> list[Finding]:
        hidden = self.malformed - MAX_ROW_FINDINGS
        if hidden > 0:
            self.findings.append(
                MALFORMED_ROW.finding(
                    f"{hidden:,} more malformed row(s) not shown", (self.path, 1, 1)
                )
            )
        return self.findings


@dataclass
class EventsRead:
    """An events file as read: the findings so far and, unless it could not be read, its rows."""

    report: EventsReport
    frame: Frame | None = None


def read_events_file(path: Path, max_field_bytes: int = MAX_FIELD_BYTES) -> EventsRead:
    """Read the needed columns of an events file; what is wrong with it becomes findings.

    No line over ``max_field_bytes`` is ever held in memory: such a file is refused whole.
    A missing file is a usage error; nothing else about the file raises.
    """
    if path.is_dir():
        return _refused(str(path), "a directory, not a CSV file")
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    report = EventsReport(str(path))
    try:
        return _read(path, report, max_field_bytes)
    except GZIP_ERRORS as exc:
        return _refused(report.path, f"damaged gzip-compressed data: {_first_line(exc)}")


def _read(path: Path, report: EventsReport, max_field_bytes: int) -> EventsRead:
    what = not_text(path)
    if what is not None:
        return _refused(report.path, what)
    kind = events_format(path)
    if kind is EventsFormat.PARQUET:
        return _read_parquet(path, report)
    scanner = ByteScanner()
    long_line = find_long_line(path, max_field_bytes, scanner)
    if long_line is not None:
        return EventsRead(EventsReport(report.path, [_too_long(path, long_line, max_field_bytes)]))
    header = _read_header(path)
    if isinstance(header, str):
        return _refused(report.path, header)
    problems = _header_problems(report.path, header)
    if problems:
        return EventsRead(EventsReport(report.path, problems))
    _report_stray_bytes(path, report, scanner)
    try:
        frame = Frame.read(path, _columns(header), dictionary_columns=REQUIRED_COLUMNS)
    except GZIP_ERRORS:
        raise
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends for bad bytes
        return EventsRead(EventsReport(report.path, [_cannot_read(report.path, exc)]))
    for row, width in frame.bad_rows:
        report.row_problem(row, f"{width} field(s), the header has {len(header)}")
    for index, column in frame.not_utf8:
        report.row_problem(
            frame.row_number(index),
            "bytes that are not UTF-8 (read as \ufffd); save the file as UTF-8",
            column,
        )
    return EventsRead(report, frame)


def _report_stray_bytes(path: Path, report: EventsReport, scanner: ByteScanner) -> None:
    """NUL bytes, a byte order mark past the start, a quote never closed: each one finding.
    ``scanner`` has seen the whole file."""
    with open_bytes(path) as handle:
        scan = scanner.finish(handle)
    hints = {
        "a NUL byte": "the file may be damaged, or UTF-16 text: save it as UTF-8",
        "a byte order mark": "two files joined into one? each keeps its own mark at its start",
    }
    for stray in (scan.nul, scan.bom):
        if stray is not None:
            report.byte_problem(
                stray, f"{stray.what} in the middle of the file: {hints[stray.what]}"
            )
    quote = scan.unclosed_quote
    if quote is not None:
        report.byte_problem(
            quote,
            f"a quote opens here and is never closed: lines {quote.line:,}-{scan.lines:,} are "
            'read as one value; close the quote, or double it ("") if it is text',
        )


def _read_parquet(path: Path, report: EventsReport) -> EventsRead:
    from accords.loading.events_parquet import parquet_header, read_parquet

    try:
        header = parquet_header(path)
        problems = _header_problems(report.path, header)
        if problems:
            return EventsRead(EventsReport(report.path, problems))
        frame = read_parquet(path, _columns(header), dictionary_columns=REQUIRED_COLUMNS)
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends for a damaged file
        return _refused(report.path, f"cannot read as Parquet: {_first_line(exc)}")
    return EventsRead(report, frame)


def _columns(header: list[tuple[str, int]]) -> list[str]:
    names = [name for name, _ in header]
    return [*REQUIRED_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in names)]


def _refused(path: str, message: str) -> EventsRead:
    return EventsRead(EventsReport(path, [_unreadable(path, message)]))


def _unreadable(path: str, message: str, line: int = 1, col: int = 1) -> Finding:
    return UNREADABLE_EVENTS_FILE.finding(message, (path, line, col))


def _too_long(path: Path, line: LongLine, limit: int) -> Finding:
    with open_bytes(path) as handle:
        handle.seek(line.start)
        head = handle.read(limit + 1)
    header = _read_header(path) if line.number > 1 else None
    index, col = field_at(head)
    name = header[index][0] if isinstance(header, list) and index < len(header) else None
    column = f"column {name}" if name else f"field {index + 1}"
    return _unreadable(
        str(path),
        f"row {line.number}, {column}: the line is {line.length:,} bytes long, over the limit "
        f"of {limit:,} bytes (--max-field-bytes); the file is not read",
        line.number,
        col,
    )


def _cannot_read(path: str, exc: Exception) -> Finding:
    """The finding for pyarrow's error, at the row it names (a malformed row not UTF-8)."""
    message = _first_line(exc)
    found = re.search(r"Row #(\d+): (Expected \d+ columns, got \d+)", message)
    if found is None:
        return _unreadable(path, f"cannot read as CSV: {message}")
    row = int(found.group(1))
    return _unreadable(
        path,
        f"row {row}: {found.group(2).lower()}, and bytes that are not UTF-8; the file is not read",
        row,
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _read_header(path: Path) -> list[tuple[str, int]] | str:
    """The header's names with their columns (characters, from 1), or what is wrong with it."""
    try:
        with open_text(path) as handle:
            line = handle.readline()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    try:
        names = next(csv.reader([line]), [])
    except csv.Error as exc:
        return f"the header row is not CSV: {exc}"
    if not any(name.strip() for name in names):
        return "no header row: the first line is blank"
    cols, col = [], 1
    for name in names:
        cols.append(col)
        # A quoted name takes its two quotes more (doubled quotes inside are rare in headers).
        col += len(name) + 1 + (2 if line[col - 1 : col] == '"' else 0)
    return [(name.strip(), c) for name, c in zip(names, cols, strict=True)]


def _squashed(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _header_problems(path: str, header: list[tuple[str, int]]) -> list[Finding]:
    """A finding per required column missing (or renamed) or named twice."""
    found: list[Finding] = []
    names = [name for name, _ in header]
    for required in REQUIRED_COLUMNS:
        cols = [col for name, col in header if name == required]
        if len(cols) > 1:
            found.append(
                _unreadable(path, f"column {required} is named {len(cols)} times", 1, cols[1])
            )
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    renamed = {
        required: (name, col)
        for required in missing
        for name, col in header
        if _squashed(name) == _squashed(required)
    }
    for required, (name, col) in renamed.items():
        found.append(
            _unreadable(path, f"column {name!r} must be named {required} (ACLED's name)", 1, col)
        )
    rest = [name for name in missing if name not in renamed]
    if rest:
        separator = next((s for s in ";\t|" if len(header) == 1 and s in names[0]), None)
        found.append(
            UNREADABLE_EVENTS_FILE.finding(
                "missing required column(s): " + ", ".join(rest),
                (path, 1, 1),
                hint=f"the header is separated by {separator!r}: ACLED's CSV uses commas"
                if separator
                else "the header must name " + ", ".join(REQUIRED_COLUMNS),
            )
        )
    return found

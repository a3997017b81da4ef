"""External events (``X``): the record checked against an ACLED-format CSV export.

The work is columnar, so that a million rows cost little more than reading them: pyarrow reads
only the needed columns; dates and actor strings are dictionary-encoded, so that each distinct
value is parsed or mapped once in Python; the join with the agreements runs in NumPy, grouped
by pair of actors. A row is never visited one at a time in Python.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from accords.checking.registry import EVENTS_CHECKS, Rule, register
from accords.errors import UsageError
from accords.findings import Finding, Severity
from accords.loading.events_bytes import StrayByte, scan_bytes
from accords.loading.events_csv import (
    MAX_FIELD_BYTES,
    Frame,
    LongLine,
    field_at,
    find_long_line,
    not_text,
)
from accords.rules.acled import actor_strings, ceasefire_windows
from accords.rules.fighting import fighting_findings

if TYPE_CHECKING:
    from accords.dataset import Dataset

#: Columns ``--events`` needs; ACLED's export names them so.
REQUIRED_COLUMNS = ("event_date", "event_type", "actor1", "actor2")
#: Read when present, to name events in messages.
OPTIONAL_COLUMNS = ("event_id_cnty",)
#: ACLED event types that are fighting between the two actors.
FIGHTING_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
#: Malformed rows reported one by one; the rest are counted in one more finding.
MAX_ROW_FINDINGS = 20
#: Unmapped actor strings named in the summary.
MAX_UNMAPPED_SHOWN = 10


UNMAPPED_ACTORS = register(
    Rule(
        "X101",
        "unmapped-actors",
        "Actor strings of the events file that map to no actor",
        Severity.INFO,
        """
`--events` maps ACLED's actor strings to actor ids through each actor's `acled` list, its name,
aliases and dated names (case and spacing aside). Rows whose actors map to nothing cannot be
checked; this finding lists the most frequent unmapped strings with their counts, so that the
ones that matter can be added to an actor's `acled` list. One finding per file, on its header.

Fails (events.csv names "Military Forces of Syria (2000-)", which no actor lists):

        actor1
        Military Forces of Syria (2000-)

Passes (actors/syria-government.yaml):

        acled: ["Military Forces of Syria (2000-)"]
""",
        None,
    )
)


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
The events file is CSV in ACLED's export format, UTF-8, with a header naming at least the
columns event_date, event_type, actor1 and actor2 (others are ignored). A missing column is
one finding naming it; nothing else of the file is checked then.

Fails:

        date,type,actor_a,actor_b

Passes:

        event_id_cnty,event_date,year,event_type,actor1,actor2,country,fatalities
""",
        None,
    )
)


# The X rules have no check of their own: ``check_events_file`` reports them, for the
# events file that ``accords check --events`` names.


@dataclass
class _Report:
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


def check_events_file(
    dataset: Dataset, path: Path, max_field_bytes: int = MAX_FIELD_BYTES
) -> list[Finding]:
    """Findings of checking the dataset against an ACLED-format CSV; never raises on content.

    No line over ``max_field_bytes`` is ever held in memory: such a file is refused whole.
    """
    if path.is_dir():
        return [_unreadable(str(path), "a directory, not a CSV file")]
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    report = _Report(str(path))
    what = not_text(path)
    if what is not None:
        return [_unreadable(report.path, what)]
    long_line = find_long_line(path, max_field_bytes)
    if long_line is not None:
        return [_too_long(path, long_line, max_field_bytes)]
    header = _read_header(path)
    if isinstance(header, str):
        return [_unreadable(report.path, header)]
    problems = _header_problems(report.path, header)
    if problems:
        return problems
    _report_stray_bytes(path, report)
    names = [name for name, _ in header]
    columns = [*REQUIRED_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in names)]
    try:
        frame = Frame.read(path, columns, dictionary_columns=REQUIRED_COLUMNS)
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends for bad bytes
        return [_cannot_read(report.path, exc)]
    for row, width in frame.bad_rows:
        report.row_problem(row, f"{width} field(s), the header has {len(header)}")
    for index, column in frame.not_utf8:
        report.row_problem(
            frame.row_number(index),
            "bytes that are not UTF-8 (read as \ufffd); save the file as UTF-8",
            column,
        )
    _check_frame(dataset, frame, report)
    return report.close()


def _report_stray_bytes(path: Path, report: _Report) -> None:
    """NUL bytes, a byte order mark past the start, a quote never closed: each one finding."""
    with path.open("rb") as handle:
        scan = scan_bytes(handle)
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


def _unreadable(path: str, message: str, line: int = 1, col: int = 1) -> Finding:
    return UNREADABLE_EVENTS_FILE.finding(message, (path, line, col))


def _too_long(path: Path, line: LongLine, limit: int) -> Finding:
    with path.open("rb") as handle:
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
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
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


def _check_frame(dataset: Dataset, frame: Frame, report: _Report) -> None:
    import numpy as np

    days = frame.days("event_date")
    for index in np.flatnonzero(days < 0)[: MAX_ROW_FINDINGS + 1].tolist():
        text = frame.text("event_date", index)
        report.row_problem(frame.row_number(index), f"{text!r} is not a date", "event_date")
    report.malformed += max(0, int((days < 0).sum()) - MAX_ROW_FINDINGS - 1)

    strings = actor_strings(dataset.actors.values())
    actor_ids = sorted(dataset.actors)
    code_of = {actor_id: i for i, actor_id in enumerate(actor_ids)}
    unmapped: Counter[str] = Counter()
    codes = []
    for column in ("actor1", "actor2"):
        column_codes, misses = frame.map_strings(column, strings, code_of)
        codes.append(column_codes)
        unmapped.update(misses)
    if unmapped:
        report.findings.append(_unmapped_finding(report.path, unmapped))

    fighting = frame.isin("event_type", FIGHTING_TYPES)
    a1, a2 = codes
    candidate = fighting & (a1 >= 0) & (a2 >= 0) & (a1 != a2) & (days >= 0)
    windows = ceasefire_windows(dataset, code_of)
    if not windows.spans or not candidate.any():
        return
    report.findings.extend(
        fighting_findings(dataset, frame, report.path, windows, candidate, (a1, a2), days)
    )


def _unmapped_finding(path: str, unmapped: Counter[str]) -> Finding:
    shown = ", ".join(f"{name!r} ({count:,})" for name, count in unmapped.most_common(10))
    rows = sum(unmapped.values())
    more = len(unmapped) - MAX_UNMAPPED_SHOWN
    return UNMAPPED_ACTORS.finding(
        f"{len(unmapped):,} actor string(s) in {rows:,} actor cell(s) map to no actor: {shown}"
        + (f", and {more:,} more" if more > 0 else ""),
        (path, 1, 1),
        hint="add the strings that matter to an actor's acled list",
    )


EVENTS_CHECKS["X"] = check_events_file

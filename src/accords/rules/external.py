"""External events (``X``): the record checked against an ACLED-format CSV export.

The work is columnar, so that a million rows cost little more than reading them: pyarrow reads
only the needed columns; dates and actor strings are dictionary-encoded, so that each distinct
value is parsed or mapped once in Python; the join with the agreements runs in NumPy, grouped
by pair of actors. A row is never visited one at a time in Python.
"""

from __future__ import annotations

import csv
import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accords.errors import UsageError
from accords.findings import Finding, Severity
from accords.rules.acled import Agreements, Frame, actor_strings, ceasefire_windows
from accords.rules.registry import rule

if TYPE_CHECKING:
    from accords.dataset import Dataset

#: Columns ``--events`` needs; ACLED's export names them so.
REQUIRED_COLUMNS = ("event_date", "event_type", "actor1", "actor2")
#: Read when present, to name events in messages.
OPTIONAL_COLUMNS = ("event_id_cnty",)
#: ACLED event types that are fighting between the two actors.
FIGHTING = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
#: Malformed rows reported one by one; the rest are counted in one more finding.
MAX_ROW_FINDINGS = 20
#: Unmapped actor strings named in the summary.
MAX_UNMAPPED_SHOWN = 10


@rule(
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
)
def unmapped_actors(dataset: Dataset) -> list[Finding]:
    return []


@rule(
    "X102",
    "malformed-row",
    "A row of the events file cannot be read",
    Severity.WARNING,
    """
A row with the wrong number of fields, or an `event_date` that is neither YYYY-MM-DD nor
"12 September 2016", is skipped and reported with its row number (the header is row 1). After
20 such rows, the rest are counted in one more finding.

Fails:

    event_date,event_type,actor1,actor2
    2016-09-31,Battles,Military Forces of Syria (2000-),Jabhat Fateh al-Sham

Passes:

    event_date,event_type,actor1,actor2
    2016-09-30,Battles,Military Forces of Syria (2000-),Jabhat Fateh al-Sham
""",
)
def malformed_row(dataset: Dataset) -> list[Finding]:
    return []


@rule(
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
)
def unreadable_events_file(dataset: Dataset) -> list[Finding]:
    return []


@rule(
    "X104",
    "fighting-in-ceasefire",
    "Fighting between two parties inside a ceasefire's window",
    Severity.WARNING,
    """
A row of the events file of a fighting type (Battles, Explosions/Remote violence, Violence
against civilians) whose actor1 and actor2 map to two different parties of a ceasefire (or to
actors that are `member-of` or `part-of` them), dated on or after its effective date (else
signed) and before it ended (or before an ending outcome's date), contradicts the record,
unless an event of the record violates or undermines that ceasefire on that day. One finding
per agreement and day, on the first such row; the count says how many rows that day.
Imprecise agreement dates count only the days that are certainly inside the window.

Fails (the ceasefire of 30 December 2016 binds both):

    2017-01-02,Battles,Military Forces of Syria (2000-),Ahrar al-Sham

Passes (before the window, or with an `ended` date before the row):

    2016-12-28,Battles,Military Forces of Syria (2000-),Ahrar al-Sham
""",
)
def fighting_in_ceasefire(dataset: Dataset) -> list[Finding]:
    return []


# The four rules above run only through ``check_events_file``: a plain ``accords check`` has no
# events file, so their registered checks report nothing.


@dataclass
class _Report:
    """Findings about one events file, built up as the columns are read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    malformed: int = 0

    def row_problem(self, row: int, message: str) -> None:
        self.malformed += 1
        if self.malformed <= MAX_ROW_FINDINGS:
            self.findings.append(
                malformed_row.finding(f"row {row}: {message}", (self.path, row, 1))
            )

    def close(self) -> list[Finding]:
        hidden = self.malformed - MAX_ROW_FINDINGS
        if hidden > 0:
            self.findings.append(
                malformed_row.finding(
                    f"{hidden:,} more malformed row(s) not shown", (self.path, 1, 1)
                )
            )
        return self.findings


def check_events_file(dataset: Dataset, path: Path) -> list[Finding]:
    """Findings of checking the dataset against an ACLED-format CSV; never raises on content."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    report = _Report(str(path))
    header = _read_header(path)
    if header is None:
        report.findings.append(
            unreadable_events_file.finding("not a CSV file with a header row", (report.path, 1, 1))
        )
        return report.findings
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        report.findings.append(
            unreadable_events_file.finding(
                "missing required column(s): " + ", ".join(missing),
                (report.path, 1, 1),
                hint="the header must name " + ", ".join(REQUIRED_COLUMNS),
            )
        )
        return report.findings
    columns = [*REQUIRED_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in header)]
    try:
        frame = Frame.read(path, columns, dictionary_columns=REQUIRED_COLUMNS)
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends for bad bytes
        report.findings.append(
            unreadable_events_file.finding(
                f"cannot read as CSV: {_first_line(exc)}", (report.path, 1, 1)
            )
        )
        return report.findings
    for row, width in frame.bad_rows:
        report.row_problem(row, f"{width} field(s), the header has {len(header)}")
    _check_frame(dataset, frame, report)
    return report.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _read_header(path: Path) -> list[str] | None:
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            header = next(csv.reader(handle), None)
    except (OSError, csv.Error):
        return None
    if not header or not any(name.strip() for name in header):
        return None
    return [name.strip() for name in header]


def _check_frame(dataset: Dataset, frame: Frame, report: _Report) -> None:
    import numpy as np

    days = frame.days("event_date")
    for index in np.flatnonzero(days < 0)[: MAX_ROW_FINDINGS + 1].tolist():
        text = frame.text("event_date", index)
        report.row_problem(frame.row_number(index), f"event_date {text!r} is not a date")
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

    fighting = frame.isin("event_type", FIGHTING)
    a1, a2 = codes
    candidate = fighting & (a1 >= 0) & (a2 >= 0) & (a1 != a2) & (days >= 0)
    windows = ceasefire_windows(dataset, code_of)
    if not windows.by_pair or not candidate.any():
        return
    _report_fighting(dataset, frame, report, windows, candidate, a1, a2, days, len(actor_ids))


def _unmapped_finding(path: str, unmapped: Counter[str]) -> Finding:
    shown = ", ".join(f"{name!r} ({count:,})" for name, count in unmapped.most_common(10))
    rows = sum(unmapped.values())
    more = len(unmapped) - MAX_UNMAPPED_SHOWN
    return unmapped_actors.finding(
        f"{len(unmapped):,} actor string(s) in {rows:,} actor cell(s) map to no actor: {shown}"
        + (f", and {more:,} more" if more > 0 else ""),
        (path, 1, 1),
        hint="add the strings that matter to an actor's acled list",
    )


def _report_fighting(
    dataset: Dataset,
    frame: Frame,
    report: _Report,
    windows: Agreements,
    candidate: Any,
    a1: Any,
    a2: Any,
    days: Any,
    n_actors: int,
) -> None:
    import numpy as np

    rows = np.flatnonzero(candidate)
    low = np.minimum(a1[rows], a2[rows]).astype(np.int64)
    high = np.maximum(a1[rows], a2[rows]).astype(np.int64)
    keys = low * n_actors + high
    order = np.argsort(keys, kind="stable")
    rows, keys = rows[order], keys[order]
    unique_keys, starts, counts = np.unique(keys, return_index=True, return_counts=True)
    hits: dict[tuple[str, int], list[int]] = {}
    for key, start, count in zip(
        unique_keys.tolist(), starts.tolist(), counts.tolist(), strict=True
    ):
        spans = windows.by_pair.get((key // n_actors, key % n_actors))
        if not spans:
            continue
        pair_rows = rows[start : start + count]
        pair_days = days[pair_rows]
        for agreement_id, first_day, last_day in spans:
            inside = pair_rows[(pair_days >= first_day) & (pair_days <= last_day)]
            if not len(inside):
                continue
            day_values, first_index, day_counts = np.unique(
                days[inside], return_index=True, return_counts=True
            )
            for day, index, n in zip(
                day_values.tolist(), first_index.tolist(), day_counts.tolist(), strict=True
            ):
                hit = hits.setdefault((agreement_id, day), [int(inside[index]), 0])
                hit[0] = min(hit[0], int(inside[index]))
                hit[1] += n
    recorded = _recorded_violations(dataset)
    for (agreement_id, day), (first_row, n) in sorted(hits.items()):
        if any(lo <= day <= hi for lo, hi in recorded.get(agreement_id, ())):
            continue
        report.findings.append(
            _fighting_finding(dataset, frame, report.path, agreement_id, day, first_row, n)
        )


def _recorded_violations(dataset: Dataset) -> dict[str, list[tuple[int, int]]]:
    """Agreement id → the days (as intervals) on which a recorded event violates it."""
    from accords.model.events import Effect
    from accords.rules.helpers import date_of

    found: dict[str, list[tuple[int, int]]] = {}
    for event in dataset.events.values():
        when = date_of(event.date)
        if when is None:
            continue
        for link in event.agreements:
            if link.effect in (Effect.VIOLATED, Effect.UNDERMINED):
                found.setdefault(link.agreement, []).append((when.earliest, when.latest))
    return found


def _fighting_finding(
    dataset: Dataset, frame: Frame, path: str, agreement_id: str, day: int, row: int, n: int
) -> Finding:
    entry = dataset.entry("agreement", agreement_id)
    related: tuple[tuple[str, int, int], ...] = ()
    if entry is not None:
        field = "effective" if entry.record.dates.effective else "signed"
        related = (entry.position("dates", field),)
    event_id = frame.text("event_id_cnty", row) if frame.has("event_id_cnty") else None
    first = frame.text("actor1", row), frame.text("actor2", row)
    when = _dt.date.fromordinal(day).isoformat()
    return fighting_in_ceasefire.finding(
        f"{n:,} fighting event(s) between parties of {agreement_id} on {when}, inside its "
        f"window: first {first[0]!r} vs {first[1]!r}" + (f" ({event_id})" if event_id else ""),
        (path, frame.row_number(row), 1),
        related=related,
    )

"""The join behind X104: fighting rows of an events file inside ceasefire windows, in NumPy.

Rows are grouped by pair of actor codes (one sort), each pair's rows are matched against the
windows of the ceasefires that bind both, and the matches are gathered per agreement: one
finding per agreement, however many rows and days, so that the report grows with the record,
not with the events file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accords.checking.registry import Rule, register
from accords.findings import Finding, Severity
from accords.loading.events_csv import Frame
from accords.model.agreement_dates import binding_start
from accords.model.dates import date_or_none, iso_day
from accords.rules.acled import Agreements

if TYPE_CHECKING:
    from accords.dataset import Dataset

#: Runs of consecutive days named in a finding's message; the rest are counted.
MAX_DAY_RUNS_SHOWN = 5

FIGHTING_IN_CEASEFIRE = register(
    Rule(
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
per agreement, on its first such row: how many rows, on how many days, and the days as runs
(`2017-01-02..2017-01-04`; the first five runs, the rest counted). Imprecise agreement dates
count only the days that are certainly inside the window.

Fails (the ceasefire of 30 December 2016 binds both):

        2017-01-02,Battles,Military Forces of Syria (2000-),Ahrar al-Sham

Passes (before the window, or with an `ended` date before the row):

        2016-12-28,Battles,Military Forces of Syria (2000-),Ahrar al-Sham
""",
        None,
    )
)


def fighting_findings(
    dataset: Dataset,
    frame: Frame,
    path: str,
    windows: Agreements,
    candidate: Any,
    actors: tuple[Any, Any],
    days: Any,
) -> list[Finding]:
    """One X104 finding per agreement with candidate rows inside its window.

    ``candidate`` marks the fighting rows whose two actors map to two different actor codes;
    ``actors`` holds those codes per row, ``days`` the rows' dates as ordinals.
    """
    hits = _days_inside_windows(windows, candidate, actors, days)
    recorded = _recorded_violations(dataset)
    groups = []
    for agreement_id in sorted(hits):
        fighting = _merged(hits[agreement_id], recorded.get(agreement_id, ()))
        if fighting is not None:
            groups.append((agreement_id, fighting))
    return _fighting_findings(dataset, frame, path, groups)


@dataclass(frozen=True)
class _Fighting:
    """Fighting inside one window: its distinct days (sorted), and per day the first row and
    the number of rows (NumPy arrays)."""

    days: Any
    first_rows: Any
    counts: Any


def _days_inside_windows(
    windows: Agreements, candidate: Any, actors: tuple[Any, Any], days: Any
) -> dict[str, list[_Fighting]]:
    """Per agreement, the fighting inside its window, one part per pair of its parties.

    Agreements with the same window share one part: the rows of a pair are matched against
    each distinct window once, however many agreements have it.
    """
    import numpy as np

    a1, a2 = actors
    n_actors = int(max(a1.max(initial=0), a2.max(initial=0))) + 1
    rows = np.flatnonzero(candidate)
    low = np.minimum(a1[rows], a2[rows]).astype(np.int64)
    high = np.maximum(a1[rows], a2[rows]).astype(np.int64)
    keys = low * n_actors + high
    order = np.argsort(keys, kind="stable")
    rows, keys = rows[order], keys[order]
    unique_keys, starts, counts = np.unique(keys, return_index=True, return_counts=True)
    hits: dict[str, list[_Fighting]] = {}
    for key, start, count in zip(
        unique_keys.tolist(), starts.tolist(), counts.tolist(), strict=True
    ):
        spans = windows.between(key // n_actors, key % n_actors)
        if not spans:
            continue
        pair_rows = rows[start : start + count]
        pair_days = days[pair_rows]
        by_window: dict[tuple[int, int], _Fighting | None] = {}
        for agreement_id, first_day, last_day in spans:
            window = (first_day, last_day)
            if window not in by_window:
                inside = pair_rows[(pair_days >= first_day) & (pair_days <= last_day)]
                by_window[window] = _per_day(inside, days) if len(inside) else None
            part = by_window[window]
            if part is not None:
                hits.setdefault(agreement_id, []).append(part)
    return hits


def _per_day(rows: Any, days: Any) -> _Fighting:
    """The distinct days of ``rows``, each with its first row and its number of rows."""
    import numpy as np

    order = np.lexsort((rows, days[rows]))  # by day, then by row
    rows = rows[order]
    unique_days, first_index, counts = np.unique(days[rows], return_index=True, return_counts=True)
    return _Fighting(unique_days, rows[first_index], counts)


def _merged(parts: list[_Fighting], recorded: Iterable[tuple[int, int]]) -> _Fighting | None:
    """One agreement's parts as one, without the days a recorded event violates it; None when
    no day is left."""
    import numpy as np

    days = np.concatenate([part.days for part in parts])
    first_rows = np.concatenate([part.first_rows for part in parts])
    counts = np.concatenate([part.counts for part in parts])
    kept = np.ones(len(days), dtype=bool)
    for low, high in recorded:
        kept &= (days < low) | (days > high)
    days, first_rows, counts = days[kept], first_rows[kept], counts[kept]
    if not len(days):
        return None
    if len(parts) == 1:
        return _Fighting(days, first_rows, counts)
    unique_days, inverse = np.unique(days, return_inverse=True)
    merged_first = np.full(len(unique_days), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(merged_first, inverse, first_rows.astype(np.int64))
    merged_counts = np.zeros(len(unique_days), dtype=np.int64)
    np.add.at(merged_counts, inverse, counts)
    return _Fighting(unique_days, merged_first, merged_counts)


def _recorded_violations(dataset: Dataset) -> dict[str, list[tuple[int, int]]]:
    """Agreement id → the days (as intervals) on which a recorded event violates it."""
    from accords.model.events import Effect

    found: dict[str, list[tuple[int, int]]] = {}
    for event in dataset.events.values():
        when = date_or_none(event.date)
        if when is None:
            continue
        for link in event.agreements:
            if link.effect in (Effect.VIOLATED, Effect.UNDERMINED):
                found.setdefault(link.agreement, []).append((when.earliest, when.latest))
    return found


def _fighting_findings(
    dataset: Dataset, frame: Frame, path: str, groups: list[tuple[str, _Fighting]]
) -> list[Finding]:
    """The X104 finding of each agreement with fighting inside its window."""
    import numpy as np

    # The first row of the earliest day leads.
    first_rows = np.array([int(f.first_rows[0]) for _, f in groups], dtype=np.int64)
    # One pyarrow call per column, not three scalar conversions per finding.
    names = ("actor1", "actor2", *(("event_id_cnty",) if frame.has("event_id_cnty") else ()))
    cells = [[str(v) for v in frame.columns[name].take(first_rows).to_pylist()] for name in names]
    findings = []
    for i, (agreement_id, fighting) in enumerate(groups):
        distinct_days = fighting.days.tolist()
        event_id = cells[2][i] if len(cells) > 2 else None
        findings.append(
            FIGHTING_IN_CEASEFIRE.finding(
                f"{int(fighting.counts.sum()):,} fighting event(s) between parties of "
                f"{agreement_id} on {len(distinct_days):,} day(s) inside its window "
                f"({day_runs(distinct_days)}): first {cells[0][i]!r} vs {cells[1][i]!r}"
                + (f" ({event_id})" if event_id else ""),
                (path, frame.row_number(int(first_rows[i])), 1),
                related=_agreement_start(dataset, agreement_id),
            )
        )
    return findings


def day_runs(days: list[int], shown: int = MAX_DAY_RUNS_SHOWN) -> str:
    """Sorted distinct ordinal days as runs of consecutive days: ``2017-01-02..2017-01-04``."""
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and day == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    text = ", ".join(
        iso_day(first) if first == last else f"{iso_day(first)}..{iso_day(last)}"
        for first, last in runs[:shown]
    )
    more = len(runs) - shown
    return text + (f" and {more:,} more run(s)" if more > 0 else "")


def _agreement_start(dataset: Dataset, agreement_id: str) -> tuple[tuple[str, int, int], ...]:
    """Where the agreement's window starts: its effective (else signed) date."""
    entry = dataset.entry("agreement", agreement_id)
    if entry is None:
        return ()
    start = binding_start(entry.record)
    return (entry.location("dates", start.field if start is not None else "signed"),)

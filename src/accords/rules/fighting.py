"""The join behind X104: fighting rows of an events file inside ceasefire windows, in NumPy.

Rows are grouped by pair of actor codes (one sort), each pair's rows are matched against the
windows of the ceasefires that bind both, and the matches are gathered per agreement: one
finding per agreement, however many rows and days, so that the report grows with the record,
not with the events file.
"""

from __future__ import annotations

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
    import numpy as np

    agreement_ids, agreement_of, hit_rows = _rows_inside_windows(windows, candidate, actors, days)
    if not len(hit_rows):
        return []
    hit_days = days[hit_rows]
    kept = _not_recorded(dataset, agreement_ids, agreement_of, hit_days)
    agreement_of, hit_rows, hit_days = agreement_of[kept], hit_rows[kept], hit_days[kept]
    # Agreements in id order; within one, by day, then by row: the first row leads.
    order = np.lexsort((hit_rows, hit_days, agreement_of))
    agreement_of, hit_rows, hit_days = agreement_of[order], hit_rows[order], hit_days[order]
    present, starts = np.unique(agreement_of, return_index=True)
    ends = [*starts.tolist()[1:], len(agreement_of)]
    groups = [
        (agreement_ids[index], hit_rows[start:end], hit_days[start:end])
        for index, start, end in zip(present.tolist(), starts.tolist(), ends, strict=True)
    ]
    return _fighting_findings(dataset, frame, path, groups)


def _rows_inside_windows(
    windows: Agreements, candidate: Any, actors: tuple[Any, Any], days: Any
) -> tuple[list[str], Any, Any]:
    """Agreement ids (sorted), and per hit the index of its agreement and its row."""
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
    hits: list[tuple[str, Any]] = []
    for key, start, count in zip(
        unique_keys.tolist(), starts.tolist(), counts.tolist(), strict=True
    ):
        spans = windows.between(key // n_actors, key % n_actors)
        if not spans:
            continue
        pair_rows = rows[start : start + count]
        pair_days = days[pair_rows]
        for agreement_id, first_day, last_day in spans:
            inside = pair_rows[(pair_days >= first_day) & (pair_days <= last_day)]
            if len(inside):
                hits.append((agreement_id, inside))
    agreement_ids = sorted({agreement_id for agreement_id, _ in hits})
    index = {agreement_id: i for i, agreement_id in enumerate(agreement_ids)}
    empty = np.zeros(0, dtype=np.int64)
    agreement_of = np.concatenate(
        [empty, *(np.full(len(inside), index[a], dtype=np.int64) for a, inside in hits)]
    )
    hit_rows = np.concatenate([empty, *(inside.astype(np.int64) for _, inside in hits)])
    return agreement_ids, agreement_of, hit_rows


def _not_recorded(
    dataset: Dataset, agreement_ids: list[str], agreement_of: Any, hit_days: Any
) -> Any:
    """Per hit, whether no event of the record violates or undermines its agreement that day."""
    import numpy as np

    kept = np.ones(len(agreement_of), dtype=bool)
    index = {agreement_id: i for i, agreement_id in enumerate(agreement_ids)}
    for agreement_id, spans in _recorded_violations(dataset).items():
        if agreement_id not in index:
            continue
        mine = agreement_of == index[agreement_id]
        for low, high in spans:
            kept &= ~(mine & (hit_days >= low) & (hit_days <= high))
    return kept


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
    dataset: Dataset, frame: Frame, path: str, groups: list[tuple[str, Any, Any]]
) -> list[Finding]:
    """The X104 finding of each ``(agreement, rows, days)``, rows sorted by day then row."""
    import numpy as np

    first_rows = np.array([int(rows[0]) for _, rows, _ in groups], dtype=np.int64)
    # One pyarrow call per column, not three scalar conversions per finding.
    names = ("actor1", "actor2", *(("event_id_cnty",) if frame.has("event_id_cnty") else ()))
    cells = [[str(v) for v in frame.columns[name].take(first_rows).to_pylist()] for name in names]
    findings = []
    for i, (agreement_id, rows, days) in enumerate(groups):
        distinct_days = np.unique(days).tolist()
        event_id = cells[2][i] if len(cells) > 2 else None
        findings.append(
            FIGHTING_IN_CEASEFIRE.finding(
                f"{len(rows):,} fighting event(s) between parties of {agreement_id} on "
                f"{len(distinct_days):,} day(s) inside its window ({day_runs(distinct_days)}): "
                f"first {cells[0][i]!r} vs {cells[1][i]!r}"
                + (f" ({event_id})" if event_id else ""),
                (path, frame.row_number(int(rows[0])), 1),
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

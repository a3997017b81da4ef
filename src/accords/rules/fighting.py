"""The join behind X104: fighting rows of an events file inside ceasefire windows, in NumPy.

Rows are grouped by pair of actor codes (one sort), each pair's rows are matched against the
windows of the ceasefires that bind both, and the matches are counted per agreement and day.
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
per agreement and day, on the first such row; the count says how many rows that day.
Imprecise agreement dates count only the days that are certainly inside the window.

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
    """One X104 finding per agreement and day with candidate rows inside its window.

    ``candidate`` marks the fighting rows whose two actors map to two different actor codes;
    ``actors`` holds those codes per row, ``days`` the rows' dates as ordinals.
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
    hits: dict[tuple[str, int], list[int]] = {}
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
    kept = [
        (agreement_id, day, first_row, n)
        for (agreement_id, day), (first_row, n) in sorted(hits.items())
        if not any(lo <= day <= hi for lo, hi in recorded.get(agreement_id, ()))
    ]
    return _fighting_findings(dataset, frame, path, kept)


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
    dataset: Dataset, frame: Frame, path: str, kept: list[tuple[str, int, int, int]]
) -> list[Finding]:
    """The X104 findings of ``(agreement, day, first row, count)``; cells read in bulk."""
    import numpy as np

    rows = np.array([row for _, _, row, _ in kept], dtype=np.int64)
    # One pyarrow call per column, not three scalar conversions per finding.
    names = ("actor1", "actor2", *(("event_id_cnty",) if frame.has("event_id_cnty") else ()))
    cells = [[str(v) for v in frame.columns[name].take(rows).to_pylist()] for name in names]
    related: dict[str, tuple[tuple[str, int, int], ...]] = {}
    findings = []
    for i, (agreement_id, day, row, n) in enumerate(kept):
        if agreement_id not in related:
            related[agreement_id] = _agreement_start(dataset, agreement_id)
        event_id = cells[2][i] if len(cells) > 2 else None
        findings.append(
            FIGHTING_IN_CEASEFIRE.finding(
                f"{n:,} fighting event(s) between parties of {agreement_id} on {iso_day(day)}, "
                f"inside its window: first {cells[0][i]!r} vs {cells[1][i]!r}"
                + (f" ({event_id})" if event_id else ""),
                (path, frame.row_number(row), 1),
                related=related[agreement_id],
            )
        )
    return findings


def _agreement_start(dataset: Dataset, agreement_id: str) -> tuple[tuple[str, int, int], ...]:
    """Where the agreement's window starts: its effective (else signed) date."""
    entry = dataset.entry("agreement", agreement_id)
    if entry is None:
        return ()
    start = binding_start(entry.record)
    return (entry.location("dates", start.field if start is not None else "signed"),)

"""``check --events`` stays linear: row numbers and ceasefire sides are computed once."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from accords.dataset import load_dataset
from accords.loading.events_csv import Frame
from accords.model import Actor
from accords.rules.acled import ceasefire_windows

CASE = Path(__file__).resolve().parent.parent / "data" / "rules" / "x104-fail"


def _row_number_by_walking(bad: list[int], index: int) -> int:
    """The file row of table row ``index``, by walking the file's rows one by one."""
    row, kept = 1, -1
    while kept < index:
        row += 1
        if row not in bad:
            kept += 1
    return row


def test_row_numbers_skip_the_skipped_rows() -> None:
    bad = [2, 3, 7, 9, 10, 11, 20]
    frame = Frame({}, [(row, 1) for row in bad])
    assert [frame.row_number(i) for i in range(15)] == [
        _row_number_by_walking(bad, i) for i in range(15)
    ]


def test_row_numbers_of_many_findings_among_many_skipped_rows_are_fast() -> None:
    n = 60_000
    frame = Frame({}, [(row, 1) for row in range(3, 2 * n + 3, 2)])
    start = time.perf_counter()
    numbers = [frame.row_number(i) for i in range(n)]
    elapsed = time.perf_counter() - start
    assert numbers[:3] == [2, 4, 6] and numbers[-1] == 2 * n
    assert elapsed < 1.0, elapsed


def _actor(actor_id: str, parent: str | None = None) -> Actor:
    relations = [{"type": "member-of", "actor": parent, "sources": ["s"]}] if parent else []
    return Actor.model_validate(
        {
            "id": actor_id,
            "kind": "armed-group",
            "name": actor_id,
            "relations": relations,
            "sources": ["s"],
        }
    )


def test_large_parties_are_bound_without_enumerating_member_pairs() -> None:
    base = load_dataset(CASE)
    actors: dict[str, Any] = dict(base.actors)
    for party in ("north-army", "river-front"):
        actors[party] = _actor(party)
        for i in range(2_500):
            actors[f"{party}-unit-{i}"] = _actor(f"{party}-unit-{i}", party)
    dataset = SimpleNamespace(actors=actors, agreements=base.agreements)
    code_of = {actor_id: i for i, actor_id in enumerate(sorted(actors))}
    start = time.perf_counter()
    windows = ceasefire_windows(dataset, code_of)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    north, river = code_of["north-army-unit-7"], code_of["river-front-unit-2499"]
    truce = [("riverside-truce", 736328, 3652059)]
    assert windows.between(north, river) == truce
    assert windows.between(river, code_of["north-army"]) == truce
    assert windows.between(north, code_of["north-army-unit-8"]) == []
    assert windows.between(north, code_of["black-flag"]) == []
    assert elapsed < 1.0, elapsed

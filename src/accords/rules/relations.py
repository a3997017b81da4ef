"""Chronology of agreements (``C107``, ``C108``): relations run forward in time, without cycles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Agreement
from accords.model.agreement_dates import known_date
from accords.model.dates import before
from accords.rules.chronology import undetermined
from accords.rules.helpers import dated_agreements

if TYPE_CHECKING:
    from accords.dataset import Dataset


@rule(
    "C107",
    "relation-cycle",
    "Relations between agreements form a cycle",
    Severity.ERROR,
    """
`related` links (follows, supersedes, implements, endorses) point from a later agreement to an
earlier one, so following them can never lead back to where it started. A cycle means one link
points the wrong way. The finding points at the link that closes the cycle.

Fails:

    # agreements/astana-talks-2017.yaml
    related: [{agreement: moscow-declaration-2016, relation: follows}]
    # agreements/moscow-declaration-2016.yaml
    related: [{agreement: astana-talks-2017, relation: follows}]

Passes:

    # agreements/astana-talks-2017.yaml
    related: [{agreement: moscow-declaration-2016, relation: follows}]
""",
)
def relation_cycle(dataset: Dataset) -> Iterator[Finding]:
    graph = {
        a.id: [r.agreement for r in a.related if r.agreement in dataset.agreements]
        for a in dataset.agreements.values()
    }
    # Iterative depth-first search: white (absent), grey (on the path), black (done).
    state: dict[str, int] = {}
    for start in sorted(graph):
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        state[start] = 1
        while stack:
            node, index = stack[-1]
            targets = graph[node]
            if index >= len(targets):
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            stack[-1] = (node, index + 1)
            target = targets[index]
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                yield _cycle_finding(dataset, node, target, cycle)
            elif target not in state:
                state[target] = 1
                stack.append((target, 0))
                path.append(target)


def _cycle_finding(dataset: Dataset, node: str, target: str, cycle: list[str]) -> Finding:
    entry = dataset.entry("agreement", node)
    assert entry is not None
    agreement: Agreement = entry.record
    index = next(i for i, r in enumerate(agreement.related) if r.agreement == target)
    return relation_cycle.finding(
        "related agreements form a cycle: " + " → ".join(cycle),
        entry.location("related", index, "agreement"),
    )


@rule(
    "C108",
    "relation-backwards",
    "An agreement follows, supersedes, implements or endorses a later one",
    Severity.ERROR,
    """
An agreement can only follow, supersede, implement or endorse one that came before it: its own
date (signed, else effective, announced or proposed) must not be before the other's.

Fails (the Moscow Declaration is of 20 December 2016):

    id: aleppo-ceasefire-2016-12-13
    dates: {announced: "2016-12-13"}
    related: [{agreement: moscow-declaration-2016, relation: follows}]

Passes:

    id: nationwide-ceasefire-2016-12-30
    dates: {signed: "2016-12-29"}
    related: [{agreement: moscow-declaration-2016, relation: follows}]
""",
)
def relation_backwards(dataset: Dataset) -> Iterator[Finding]:
    for entry, agreement, own_field, own_date in dated_agreements(dataset):
        for i, rel in enumerate(agreement.related):
            other = dataset.agreements.get(rel.agreement)
            theirs = known_date(other) if other is not None else None
            if theirs is None:
                continue
            their_field, their_date = theirs.field, theirs.date
            verdict = before(own_date, their_date)
            if verdict is False:
                continue
            where = entry.location("related", i, "relation")
            message = (
                f"{agreement.id} ({own_field} {own_date.describe()}) {rel.relation.value} "
                f"{rel.agreement}, dated later ({their_field} {their_date.describe()})"
            )
            if verdict is None:
                message = message.replace("dated later", "possibly dated later")
                yield undetermined("C108", message, where, own_date, their_date)
                continue
            other_entry = dataset.entry("agreement", rel.agreement)
            related = (other_entry.location("dates", their_field),) if other_entry else ()
            yield relation_backwards.finding(message, where, related=related)

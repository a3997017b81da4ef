"""Who entered, who left, and whose role or stance changed between two agreements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accords.analysis.common import actor_name, parse_option_date, resolve_agreements
from accords.analysis.marks import ROLE, Mark, agreement_marks
from accords.dataset import Dataset
from accords.errors import UsageError


@dataclass(frozen=True, slots=True)
class ActorChange:
    """One actor's marks on the first and on the second agreement."""

    actor: str
    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def added(self) -> tuple[str, ...]:
        return tuple(m for m in self.after if m not in self.before)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(m for m in self.before if m not in self.after)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "before": list(self.before),
            "after": list(self.after),
            "added": list(self.added),
            "removed": list(self.removed),
        }


@dataclass(frozen=True)
class DiffResult:
    """``entered``: at the table only in the second; ``left``: only in the first;
    ``changed``: other actors whose marks differ; ``unchanged``: actors marked the same."""

    first: tuple[str, str]
    second: tuple[str, str]
    entered: tuple[ActorChange, ...]
    left: tuple[ActorChange, ...]
    changed: tuple[ActorChange, ...]
    unchanged: tuple[ActorChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.entered or self.left or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "first": {"id": self.first[0], "title": self.first[1]},
            "second": {"id": self.second[0], "title": self.second[1]},
            "entered": [c.to_dict() for c in self.entered],
            "left": [c.to_dict() for c in self.left],
            "changed": [c.to_dict() for c in self.changed],
            "unchanged": [c.to_dict() for c in self.unchanged],
        }


def diff(dataset: Dataset, first: str, second: str, *, as_of: str | None = None) -> DiffResult:
    """Compare the actors of two agreements; ``as_of`` drops positions taken after that date
    and names actors as they were called then."""
    if first == second:
        raise UsageError("diff needs two different agreements")
    date = parse_option_date(as_of, "--as-of")
    a, b = resolve_agreements(dataset.agreements, [first, second])
    before, after = agreement_marks(a, date), agreement_marks(b, date)
    groups: dict[str, list[ActorChange]] = {k: [] for k in ("entered", "left", "changed", "same")}
    for actor in dict.fromkeys([*before, *after]):
        old, new = before.get(actor, []), after.get(actor, [])
        change = ActorChange(
            actor,
            actor_name(dataset.actors.get(actor), actor, date),
            tuple(m.word for m in old),
            tuple(m.word for m in new),
        )
        seated_before, seated_after = _seated(old), _seated(new)
        if seated_after and not seated_before:
            groups["entered"].append(change)
        elif seated_before and not seated_after:
            groups["left"].append(change)
        elif set(change.before) != set(change.after):
            groups["changed"].append(change)
        else:
            groups["same"].append(change)
    return DiffResult(
        (a.id, a.title),
        (b.id, b.title),
        tuple(groups["entered"]),
        tuple(groups["left"]),
        tuple(groups["changed"]),
        tuple(groups["same"]),
    )


def _seated(marks: list[Mark]) -> bool:
    """At the table: any role, however contested; a sidelined participant still sat there."""
    return any(m.category == ROLE for m in marks)

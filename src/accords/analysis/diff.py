"""Who entered, who left, and whose role or stance changed between two agreements."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from accords.analysis.common import actor_name, parse_option_date, resolve_agreements
from accords.analysis.marks import ROLE, Mark, agreement_marks
from accords.dataset import Dataset
from accords.errors import UsageError
from accords.model import Agreement
from accords.model.agreement_dates import on_record_by, record_date
from accords.model.dates import DateInterval


@dataclass(frozen=True, slots=True)
class ActorChange:
    """One actor's marks on the first and on the second agreement."""

    actor: str
    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    #: ``(word, why)`` of the stances the --as-of date cannot place (undetermined, undated).
    before_unplaced: tuple[tuple[str, str], ...] = ()
    after_unplaced: tuple[tuple[str, str], ...] = ()

    @property
    def added(self) -> tuple[str, ...]:
        return tuple(m for m in self.after if m not in self.before)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(m for m in self.before if m not in self.after)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "actor": self.actor,
            "name": self.name,
            "before": list(self.before),
            "after": list(self.after),
            "added": list(self.added),
            "removed": list(self.removed),
        }
        if self.before_unplaced or self.after_unplaced:
            data["unplaced"] = {
                "before": dict(self.before_unplaced),
                "after": dict(self.after_unplaced),
            }
        return data


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
    """Compare the actors of two agreements; ``as_of`` reads them as known on that date: an
    agreement dated after it is a usage error, positions taken after it are dropped, those it
    cannot place are flagged, and actors are named as they were called then."""
    if first == second:
        raise UsageError("diff needs two different agreements")
    date = parse_option_date(as_of, "--as-of")
    a, b = resolve_agreements(dataset.agreements, [first, second])
    for agreement in (a, b):
        _require_known(agreement, date)
    before, after = agreement_marks(a, date), agreement_marks(b, date)
    groups = actor_changes(
        before, after, lambda actor: actor_name(dataset.actors.get(actor), actor, date)
    )
    return DiffResult((a.id, a.title), (b.id, b.title), *groups)


#: Actors grouped as entered, left, changed and unchanged.
ActorGroups = tuple[
    tuple[ActorChange, ...],
    tuple[ActorChange, ...],
    tuple[ActorChange, ...],
    tuple[ActorChange, ...],
]


def actor_changes(
    before: dict[str, list[Mark]], after: dict[str, list[Mark]], name_of: Callable[[str], str]
) -> ActorGroups:
    """Every actor of either set of marks, as entered (at the table after only), left (before
    only), changed (any other difference in marks) or unchanged; in record order."""
    groups: dict[str, list[ActorChange]] = {k: [] for k in ("entered", "left", "changed", "same")}
    for actor in dict.fromkeys([*before, *after]):
        old, new = before.get(actor, []), after.get(actor, [])
        change = ActorChange(
            actor,
            name_of(actor),
            tuple(m.word for m in old),
            tuple(m.word for m in new),
            tuple((m.word, m.unplaced) for m in old if m.unplaced),
            tuple((m.word, m.unplaced) for m in new if m.unplaced),
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
    return (
        tuple(groups["entered"]),
        tuple(groups["left"]),
        tuple(groups["changed"]),
        tuple(groups["same"]),
    )


def _require_known(agreement: Agreement, as_of: DateInterval | None) -> None:
    """An agreement dated after the as-of date was not on record then: nothing to compare."""
    when = record_date(agreement)
    if as_of is not None and when is not None and on_record_by(agreement, as_of) is False:
        raise UsageError(
            f"{agreement.id} is dated {when.describe()}, after --as-of {as_of.text}: "
            "it was not on record yet"
        )


def _seated(marks: list[Mark]) -> bool:
    """At the table: any role, however contested; a sidelined participant still sat there."""
    return any(m.category == ROLE for m in marks)

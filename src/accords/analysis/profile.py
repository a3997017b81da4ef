"""One actor as a person reads it: its names over time and every agreement it was part of or
left out of, with the marks the matrix gives it there."""

from __future__ import annotations

from dataclasses import dataclass

from accords.analysis.compare import ComparisonResult
from accords.analysis.marks import EXCLUSION, REMOVED, Mark
from accords.dataset import Dataset


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name the actor bore, and from when until when the record says it was in use."""

    name: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class ActorAgreement:
    """One agreement the actor has marks on; ``left_out`` when any of them is an exclusion."""

    agreement: str
    title: str
    date: str | None
    marks: tuple[Mark, ...]

    @property
    def left_out(self) -> bool:
        return any(m.category == EXCLUSION for m in self.marks)


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """An actor's page: ``known`` is false for an id that agreements cite but no record holds."""

    id: str
    name: str
    kind: str | None
    known: bool
    aliases: tuple[str, ...]
    names: tuple[NameSpan, ...]
    agreements: tuple[ActorAgreement, ...]


def actor_profiles(dataset: Dataset, comparison: ComparisonResult) -> list[ActorProfile]:
    """A profile for every actor of the dataset and every actor id the comparison marks, in
    the order of the comparison's rows, then the unmarked actors by id."""
    titles = {a.id: a for a in comparison.agreements}
    by_actor: dict[str, list[ActorAgreement]] = {}
    for cell in comparison.cells:
        marks = tuple(m for m in cell.marks if m.change != REMOVED)
        if marks:
            column = titles[cell.agreement]
            by_actor.setdefault(cell.actor, []).append(
                ActorAgreement(column.id, column.title, column.shown_date, marks)
            )
    names = {row.id: row.name for row in comparison.actors}
    ids = [*names, *sorted(a for a in dataset.actors if a not in names)]
    return [_profile(dataset, i, names.get(i, i), tuple(by_actor.get(i, ()))) for i in ids]


def _profile(
    dataset: Dataset, actor_id: str, name: str, agreements: tuple[ActorAgreement, ...]
) -> ActorProfile:
    actor = dataset.actors.get(actor_id)
    if actor is None:
        return ActorProfile(actor_id, name, None, False, (), (), agreements)
    return ActorProfile(
        actor_id,
        actor.name,
        actor.kind.value,
        True,
        tuple(actor.aliases),
        tuple(NameSpan(n.name, n.from_, n.until) for n in actor.names),
        agreements,
    )

"""Marks: the words of DESIGN §3 that say what an actor was to an agreement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from accords.analysis.common import source_ids
from accords.model import Agreement
from accords.model.dates import DateInterval, Order, date_or_none, on_or_before
from accords.model.sources import Source, rests_on_background

ROLE = "role"
EXCLUSION = "exclusion"
STANCE = "stance"

ADDED = "added"
REMOVED = "removed"

#: Why an as-of date cannot place a stance: its date's precision, or no date at all.
UNDETERMINED = "undetermined"
UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Mark:
    """One mark in one cell: its word (``mediator``, ``excluded:talks:shut-out?``), its category,
    the sources it rests on (and whether they are background knowledge alone), under a scenario
    whether the scenario added or removed it, and under an as-of date whether that date cannot
    place it (``undetermined`` or ``undated``)."""

    word: str
    category: str
    sources: tuple[str, ...] = ()
    change: str | None = None
    unplaced: str | None = None
    #: Whether every source of the mark is background knowledge: no archived document states it.
    background: bool = False

    @property
    def contested(self) -> bool:
        return self.word.endswith("?")

    @property
    def base(self) -> str:
        """The word without the contested ``?``."""
        return self.word.removesuffix("?")


def agreement_marks(
    agreement: Agreement, as_of: DateInterval | None = None
) -> dict[str, list[Mark]]:
    """Every actor's marks on one agreement, in record order: roles, exclusions, stances.

    With ``as_of``, positions taken definitely after that date are left out; undated or
    undetermined ones stay, since the record cannot say they came later, flagged ``unplaced``
    so that no output shows them as taken by then.
    """
    marks: dict[str, dict[str, Mark]] = {}

    def add(
        actor: str, word: str, category: str, sources: tuple[str, ...], unplaced: str | None = None
    ) -> None:
        cell = marks.setdefault(actor, {})
        known = cell.get(word)
        if known is not None:
            sources = tuple(dict.fromkeys((*known.sources, *sources)))
            # One record of the stance placed by then is enough; else the dated one speaks.
            both = {known.unplaced, unplaced}
            unplaced = None if None in both else UNDETERMINED if UNDETERMINED in both else UNDATED
        cell[word] = Mark(word, category, sources, unplaced=unplaced)

    for participant in agreement.participants:
        suffix = "?" if participant.contested else ""
        for role in participant.roles:
            add(participant.actor, role.value + suffix, ROLE, source_ids(participant.sources))
    for exclusion in agreement.exclusions:
        word = f"excluded:{exclusion.scope.value}:{exclusion.manner.value}"
        word += "?" if exclusion.contested else ""
        add(exclusion.actor, word, EXCLUSION, source_ids(exclusion.sources))
    for position in agreement.positions:
        date = date_or_none(position.date)
        unplaced = None
        if as_of is not None:
            order = on_or_before(date, as_of) if date is not None else None
            if order is Order.AFTER:
                continue
            unplaced = UNDATED if order is None else None
            unplaced = UNDETERMINED if order is Order.UNDETERMINED else unplaced
        word = position.stance.value + ("?" if position.contested else "")
        add(position.actor, word, STANCE, source_ids(position.sources), unplaced)
    return {actor: list(cell.values()) for actor, cell in marks.items()}


def changed_marks(before: list[Mark], after: list[Mark]) -> list[Mark]:
    """The marks after a change, each flagged added, plus the marks it removed, flagged removed."""
    before_words = {m.word for m in before}
    after_words = {m.word for m in after}
    result = [m if m.word in before_words else replace(m, change=ADDED) for m in after]
    result.extend(replace(m, change=REMOVED) for m in before if m.word not in after_words)
    return result


def with_evidence(
    marks: dict[str, list[Mark]], sources: Mapping[str, Source]
) -> dict[str, list[Mark]]:
    """The marks, each flagged when it rests on background knowledge alone."""
    return {
        actor: [
            replace(m, background=True) if rests_on_background(m.sources, sources) else m
            for m in cell
        ]
        for actor, cell in marks.items()
    }

"""The record's side of the join with an ACLED-format events file: actor strings and the
windows in which each ceasefire held."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accords.model import Actor
from accords.model.actors import RelationType
from accords.model.agreement_dates import days_in_force
from accords.model.agreements import AgreementKind, Role, TermKind
from accords.model.names import normalise_name

if TYPE_CHECKING:
    from accords.dataset import Dataset


def actor_strings(actors: Iterable[Actor]) -> dict[str, str]:
    """Normalised ACLED string or name → actor id; ``acled`` strings win over names."""
    by_name: dict[str, str] = {}
    by_acled: dict[str, str] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases, *(n.name for n in actor.names)):
            by_name.setdefault(normalise_name(name), actor.id)
        for string in actor.acled:
            by_acled.setdefault(normalise_name(string), actor.id)
    return {**by_name, **by_acled}


@dataclass
class Agreements:
    """Ceasefire windows, and per actor code the sides it fights for in each of them.

    A pair of actors is bound by a window when both fight for it on different sides. Testing
    that per pair of codes met in the events keeps the work linear in the size of each party:
    enumerating every member pair of every pair of parties would be quadratic in it.
    """

    #: Per window: ``(agreement id, first day, last day)``.
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    #: Actor code → window index → the indices of the parties it fights for there.
    sides: dict[int, dict[int, frozenset[int]]] = field(default_factory=dict)

    def between(self, a: int, b: int) -> list[tuple[str, int, int]]:
        """The windows that bind actors ``a`` and ``b`` as two different parties."""
        left, right = self.sides.get(a), self.sides.get(b)
        if not left or not right:
            return []
        if len(right) < len(left):
            left, right = right, left
        found = []
        for window, mine in left.items():
            theirs = right.get(window)
            # Some side of one differs from some side of the other, unless both are one same side.
            if theirs and not (len(mine) == 1 and mine == theirs):
                found.append(window)
        return [self.spans[window] for window in sorted(found)]


def ceasefire_windows(dataset: Dataset, code_of: dict[str, int]) -> Agreements:
    """The days each ceasefire certainly held (:func:`days_in_force`), with its parties' sides."""
    windows = Agreements()
    members = _members(dataset.actors.values())
    for agreement in dataset.agreements.values():
        is_ceasefire = agreement.kind is AgreementKind.CEASEFIRE or any(
            t.kind is TermKind.CESSATION for t in agreement.terms
        )
        held = days_in_force(agreement)
        if not is_ceasefire or held is None:
            continue
        # ACLED days are datetime days (1 and up), -1 marks a malformed one: a window reaching
        # back into year 0000 starts at day 1, so that no malformed row falls inside it.
        first, last = max(held[0], 1), held[1]
        if last < first:
            continue
        parties = {p.actor for p in agreement.participants if Role.PARTY in p.roles}
        sides = _sides(parties, members, code_of)
        if len(sides) < 2:
            continue
        window = len(windows.spans)
        windows.spans.append((agreement.id, first, last))
        for code, own in _sides_by_code(sides).items():
            windows.sides.setdefault(code, {})[window] = own
    return windows


#: Relations through which an actor fights as part of a party (an army of a government).
_BELONGS = frozenset((RelationType.MEMBER_OF, RelationType.PART_OF))


def _members(actors: Iterable[Actor]) -> dict[str, set[str]]:
    """Actor id → itself and every actor that is (transitively) a member or part of it."""
    parents: dict[str, set[str]] = {}
    for actor in actors:
        parents[actor.id] = {r.actor for r in actor.relations if r.type in _BELONGS}
    members: dict[str, set[str]] = {actor_id: {actor_id} for actor_id in parents}
    for actor_id in parents:
        seen: set[str] = set()
        todo = list(parents[actor_id])
        while todo:
            parent = todo.pop()
            if parent in seen or parent not in members:
                continue
            seen.add(parent)
            members[parent].add(actor_id)
            todo.extend(parents.get(parent, ()))
    return members


def _sides(
    parties: set[str], members: dict[str, set[str]], code_of: dict[str, int]
) -> list[set[int]]:
    """Per party (in id order), the codes of the actors that fight for it."""
    return [
        {code_of[a] for a in members[party] if a in code_of}
        for party in sorted(parties & members.keys())
    ]


def _sides_by_code(sides: list[set[int]]) -> dict[int, frozenset[int]]:
    """Actor code → the indices of the sides it fights for."""
    found: dict[int, set[int]] = {}
    for index, codes in enumerate(sides):
        for code in codes:
            found.setdefault(code, set()).add(index)
    return {code: frozenset(own) for code, own in found.items()}

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
    """Ceasefire windows by pair of party codes: ``(low, high) → [(id, first day, last day)]``."""

    by_pair: dict[tuple[int, int], list[tuple[str, int, int]]] = field(default_factory=dict)


def ceasefire_windows(dataset: Dataset, code_of: dict[str, int]) -> Agreements:
    """The days each ceasefire certainly held (:func:`days_in_force`), by pair of its parties."""
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
        span = (agreement.id, first, last)
        for pair in _party_pairs(parties, members, code_of):
            windows.by_pair.setdefault(pair, []).append(span)
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


def _party_pairs(
    parties: set[str], members: dict[str, set[str]], code_of: dict[str, int]
) -> set[tuple[int, int]]:
    """Pairs of actor codes ``(low, high)`` that fight for two different parties."""
    sides = sorted(parties & members.keys())
    pairs: set[tuple[int, int]] = set()
    for i, left in enumerate(sides):
        for right in sides[i + 1 :]:
            for a in members[left]:
                for b in members[right]:
                    if a != b and a in code_of and b in code_of:
                        low, high = sorted((code_of[a], code_of[b]))
                        pairs.add((low, high))
    return pairs

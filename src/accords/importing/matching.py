"""Matching candidate names against the actor registry.

Names compare by their loose key (:func:`accords.model.names.match_key`: diacritics dropped,
case folded, apostrophes removed, other punctuation as spaces, a leading "the" dropped).
An actor answers to its name, its aliases and its dated names; a name in parentheses
("Free Syrian Army (FSA)") is tried whole, without the parenthesis, and as the abbreviation.
Where several actors answer, a dated name valid at the agreement's date settles it; otherwise
the match is ambiguous and left to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from accords.model.actors import Actor
from accords.model.dates import date_or_none
from accords.model.names import match_key, normalise_name

#: Text in parentheses; the spaces around it are left to match_key (no ``\s*`` before "(": that
#: would rescan a run of spaces from each of its positions).
PARENTHESES = re.compile(r"\(([^()]*)\)")
#: An abbreviation in parentheses: "FSA", "SPLM/A", "FARC-EP"; not "(unilateral)".
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&./\-]*[A-Z0-9]$")


def variants(name: str) -> list[str]:
    """The keys a name is looked up under: whole, and for "Long Name (ABBR)" the long name.

    Only an abbreviation in parentheses is dropped or used on its own: a qualifier such as
    "Government (Syria)" must not fall back to a bare "Government".
    """
    keys = [match_key(name)]
    inner = PARENTHESES.search(name)
    if inner and ACRONYM.match(inner.group(1).strip()):
        keys.append(match_key(PARENTHESES.sub(" ", name)))
        keys.append(match_key(inner.group(1)))
    return [k for k in dict.fromkeys(keys) if k]


@dataclass(frozen=True, slots=True)
class _Claim:
    actor: str
    valid: tuple[str | None, str | None] | None = None  # (from, until) of a dated name


@dataclass
class Registry:
    """Actor ids by name key; grows as the importer creates actors."""

    claims: dict[str, list[_Claim]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    borne: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, actors: Iterable[Actor]) -> Registry:
        registry = cls()
        for actor in actors:
            registry.add(actor)
        return registry

    def bears(self, actor_id: str, name: str) -> bool:
        """Whether ``name`` is literally one of the actor's names (as ``name_used`` requires)."""
        return normalise_name(name) in self.borne.get(actor_id, set())

    def add(self, actor: Actor) -> None:
        self.ids.add(actor.id)
        self.borne.setdefault(actor.id, set()).update(
            normalise_name(n) for n in (actor.name, *actor.aliases, *(d.name for d in actor.names))
        )
        for name in (actor.name, *actor.aliases):
            self._claim(name, _Claim(actor.id))
        for dated in actor.names:
            self._claim(dated.name, _Claim(actor.id, (dated.from_, dated.until)))

    def add_name(self, name: str, actor_id: str) -> None:
        """Let ``name`` denote the actor too (e.g. the name as a party field wrote it)."""
        self._claim(name, _Claim(actor_id))

    def _claim(self, name: str, claim: _Claim) -> None:
        for key in variants(name):
            bucket = self.claims.setdefault(key, [])
            if all(c.actor != claim.actor or c.valid != claim.valid for c in bucket):
                bucket.append(claim)

    def match(self, name: str, date: str | None = None) -> list[str]:
        """The ids of the actors the name denotes: none, one, or several (ambiguous).

        The name is looked up whole and without its parenthesis; its abbreviation alone would
        tie "People's Defence Units (YPG)" to "People's Protection Units (YPG)".
        """
        for key in variants(name)[:2]:
            claims = self.claims.get(key)
            if not claims:
                continue
            found = list(dict.fromkeys(c.actor for c in claims))
            if len(found) > 1 and date is not None:
                at_date = [c.actor for c in claims if _valid_at(c, date)]
                narrowed = list(dict.fromkeys(at_date))
                if narrowed:
                    found = narrowed
            return sorted(found)
        return []


def _valid_at(claim: _Claim, date: str) -> bool:
    """Whether a claim holds at ``date``: undated names always; dated ones inside their span."""
    if claim.valid is None:
        return True
    start, end = (date_or_none(v) for v in claim.valid)
    day = date_or_none(date)
    if day is None:
        return True
    if start is not None and day.latest < start.earliest:
        return False
    return not (end is not None and day.earliest > end.latest)

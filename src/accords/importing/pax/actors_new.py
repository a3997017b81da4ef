"""Actors the importer creates for party names the registry does not know.

A created actor is a guess to be reviewed: its kind comes from words in its name, its note says
``needs-review`` and which agreement first named it. Ids are kebab-case slugs of the name,
made unique against the registry.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from accords.importing.matching import ACRONYM, PARENTHESES
from accords.importing.writer import compact
from accords.model.actors import ActorKind

_KIND_WORDS: tuple[tuple[ActorKind, re.Pattern[str]], ...] = (
    (ActorKind.GOVERNMENT, re.compile(r"\bgov(?:ernment|t)\b|\bgobierno\b|\bgouvernement\b", re.I)),
    (
        ActorKind.INTERNATIONAL_BODY,
        re.compile(
            r"\bunited nations\b|\bsecurity council\b|\bunion\b|\borgani[sz]ation\b|\bleague\b|"
            r"\bcommunity\b|\bcommission\b|\bcommittee of the red cross\b|^(?:un|eu|au|osce|nato|"
            r"igad|ecowas|sadc|oau|oas|icrc|unhcr|unprofor|unmik|cedeao)\b",
            re.I,
        ),
    ),
    (
        ActorKind.ARMED_GROUP,
        re.compile(r"\barmy\b|\bfront\b|\bmovement\b|\bbrigades?\b|\bliberation\b|\brebel", re.I),
    ),
    (ActorKind.MILITARY, re.compile(r"\barmed forces\b|\bmilitary\b|\bforces\b", re.I)),
    (
        ActorKind.STATE,
        re.compile(r"^(?:republic|kingdom|state|federation) of\b|\bfederation$", re.I),
    ),
)

#: Names that say "the government" without saying whose: qualified by the PA-X country.
GENERIC_NAMES = frozenset(
    {
        "government",
        "national government",
        "national govt",
        "the government",
        "federal government",
        "gobierno nacional",
        "gobierno",
        "gouvernement",
        "the national government",
    }
)


def slug(text: str, max_length: int = 60) -> str:
    """A kebab-case id fragment: ASCII letters and digits joined by single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length:
            break
        out = candidate
    if not out:
        out = "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return out


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not taken yet."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def guess_kind(name: str) -> ActorKind:
    """A first guess at the actor kind from words in its name."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(name):
            return kind
    return ActorKind.OTHER


def split_abbreviation(name: str) -> tuple[str, str | None]:
    """``("River Front", "RF")`` for "River Front (RF)"; the name alone when it has none."""
    match = PARENTHESES.search(name)
    if match is None or not ACRONYM.match(match.group(1).strip()):
        return name, None
    display = (name[: match.start()].rstrip() + " " + name[match.end() :].lstrip()).strip()
    return (display, match.group(1).strip()) if display else (name, None)


def new_actor(
    actor_id: str, name: str, countries: set[str], agt_id: int, source: str
) -> dict[str, Any]:
    """The data of a created actor, as written to actors/<id>.yaml."""
    display, abbreviation = split_abbreviation(name)
    # The name as written stays a name of the actor, so name_used holds for it.
    aliases = [abbreviation, name] if abbreviation else []
    kind = ActorKind.STATE if name.casefold() in countries else guess_kind(display)
    return compact(
        {
            "id": actor_id,
            "kind": kind.value,
            "name": display,
            "aliases": aliases,
            "note": (
                f"needs-review: created by the PA-X import from the party text of AgtId {agt_id}; "
                "the kind is a guess from the name. Check whether it is another actor's name."
            ),
            "sources": [source],
        }
    )

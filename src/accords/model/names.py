"""Names: how names are folded for matching, which actor bore a name, and did-you-mean."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from accords.model.actors import Actor

_SPACE_RE = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """A name folded for matching: case-folded, whitespace collapsed, hyphens as spaces."""
    return _SPACE_RE.sub(" ", text.replace("-", " ")).strip().casefold()


def names_index(actors: Iterable[Actor]) -> dict[str, set[str]]:
    """Normalised name → ids of the actors that bore it (primary name, aliases, dated names)."""
    index: dict[str, set[str]] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases, *(n.name for n in actor.names)):
            index.setdefault(normalise_name(name), set()).add(actor.id)
    return index


def did_you_mean(
    word: str, known: Iterable[str], names: dict[str, set[str]] | None = None
) -> str | None:
    """A hint naming the closest known id, or the actor whose name the word spells."""
    if names is not None:
        owners = names.get(normalise_name(word))
        if owners:
            return "did you mean " + " or ".join(sorted(owners)) + "? (the word is its name)"
    close = difflib.get_close_matches(word, list(known), n=3, cutoff=0.75)
    if not close:
        return None
    return "did you mean " + ", ".join(close) + "?"

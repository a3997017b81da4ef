"""Names: how names are folded for comparison, which actor bore a name, and did-you-mean.

Two foldings answer two questions. :func:`normalise_name` asks whether a record spells a name
the actor bore (``name_used`` must be one of its names): it forgives only case, hyphens and
spacing, so a misspelt or transliterated-otherwise name is still caught. :func:`match_key` asks
whether a name from outside (an importer's party list) may denote an actor: it also drops
diacritics, apostrophes, punctuation and a leading "the", since other datasets transliterate
and punctuate names their own way, and a person confirms what it matches.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from accords.model.actors import Actor

_SPACE_RE = re.compile(r"\s+")
_APOSTROPHE = re.compile(r"['’‘`´]")
_PUNCT = re.compile(r"[^\w]+")


def normalise_name(text: str) -> str:
    """A name folded as a record must spell it: case-folded, whitespace collapsed, hyphens as
    spaces."""
    return _SPACE_RE.sub(" ", text.replace("-", " ")).strip().casefold()


def match_key(name: str) -> str:
    """A name folded loosely, to match names from other datasets: no diacritics, case folded,
    apostrophes removed, other punctuation as spaces, a leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _PUNCT.sub(" ", _APOSTROPHE.sub("", bare.casefold())).strip()
    return key[4:] if key.startswith("the ") else key


def names_index(actors: Iterable[Actor]) -> dict[str, set[str]]:
    """Normalised name → ids of the actors that bore it (primary name, aliases, dated names)."""
    index: dict[str, set[str]] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases, *(n.name for n in actor.names)):
            index.setdefault(normalise_name(name), set()).add(actor.id)
    return index


#: Above this many known words a lookup first shortlists the words sharing rare trigrams with
#: the word, so that a check of thousands of records does not compare every id with every id.
INDEX_FROM = 200
#: How many shortlisted words difflib then compares.
_SHORTLIST = 50


def suggest(
    word: str,
    known: Iterable[str],
    *,
    n: int = 1,
    cutoff: float = 0.6,
    exclude: Iterable[str] = (),
) -> list[str]:
    """The known words closest to ``word`` (at most ``n``, best first), each at least
    ``cutoff`` alike by :func:`difflib.get_close_matches`; the caller words the hint.

    With more than :data:`INDEX_FROM` known words, only the words that share the most rare
    trigrams with ``word`` are compared (a trigram is rare when at most a tenth of the words,
    or 50, hold it): a typo keeps most of a word's distinctive trigrams, and the lookup stays
    near constant in the number of words.
    """
    words = tuple(known)
    skip = set(exclude)
    candidates = _shortlist(word, words) if len(words) > INDEX_FROM else words
    return difflib.get_close_matches(
        word, [w for w in candidates if w not in skip], n=n, cutoff=cutoff
    )


def _trigrams(word: str) -> set[str]:
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@functools.lru_cache(maxsize=8)
def _trigram_index(words: tuple[str, ...]) -> tuple[dict[str, list[int]], int]:
    """Trigram → the indices of the words holding it, and the most holders a rare one has."""
    index: dict[str, list[int]] = {}
    for i, known in enumerate(words):
        for gram in _trigrams(known):
            index.setdefault(gram, []).append(i)
    return index, max(_SHORTLIST, len(words) // 10)


def _shortlist(word: str, words: tuple[str, ...]) -> list[str]:
    index, rare = _trigram_index(words)
    shared: Counter[int] = Counter()
    for gram in _trigrams(word):
        holders = index.get(gram)
        if holders is not None and len(holders) <= rare:
            shared.update(holders)
    return [words[i] for i, _ in shared.most_common(_SHORTLIST)]


def did_you_mean(
    word: str,
    known: Iterable[str],
    names: dict[str, set[str]] | None = None,
    exclude: Iterable[str] = (),
) -> str | None:
    """A hint naming the closest known ids (``exclude`` aside), or the actor whose name the
    word spells."""
    if names is not None:
        owners = names.get(normalise_name(word))
        if owners:
            return "did you mean " + " or ".join(sorted(owners)) + "? (the word is its name)"
    close = suggest(word, known, n=3, cutoff=0.75, exclude=exclude)
    if not close:
        return None
    return "did you mean " + ", ".join(close) + "?"

"""Name folding and did-you-mean suggestions, each defined once in the model."""

from __future__ import annotations

import difflib

import pytest

from accords.model.names import did_you_mean, match_key, normalise_name, suggest
from support import within


def test_suggest_gives_the_closest_words_best_first() -> None:
    known = ["kerry-lavrov-2016", "kerry-lavrov-2017", "astana-talks-2017"]
    assert suggest("kery-lavrov-2016", known) == ["kerry-lavrov-2016"]
    assert suggest("kery-lavrov-2016", known, n=3) == ["kerry-lavrov-2016", "kerry-lavrov-2017"]
    assert suggest("geneva", known) == []


def test_suggest_keeps_each_callers_cutoff() -> None:
    assert suggest("C10", ["C101", "C201"], n=3, cutoff=0.5) == ["C101", "C201"]
    assert suggest("C10", ["C101", "C201"], n=3, cutoff=0.75) == ["C101"]


def test_did_you_mean_words_the_hint() -> None:
    assert did_you_mean("kerry-lavrov-2061", ["kerry-lavrov-2016"]) == (
        "did you mean kerry-lavrov-2016?"
    )
    assert did_you_mean("Syrian Army", [], {"syrian army": {"saa"}}) == (
        "did you mean saa? (the word is its name)"
    )
    assert did_you_mean("geneva", ["kerry-lavrov-2016"]) is None


def test_the_two_foldings_answer_different_questions() -> None:
    # As a record must spell a name: only case, hyphens and spacing are forgiven.
    assert normalise_name("  Ahrar  al-Sham ") == "ahrar al sham"
    assert normalise_name("Āhrār al-Shām") == "āhrār al shām"
    # As another dataset may write it: diacritics, apostrophes, punctuation and "the" too.
    assert match_key("The Āhrār al-Shām") == "ahrar al sham"
    assert match_key("People’s Protection Units (YPG)") == "peoples protection units ypg"


def _patterned_ids(count: int) -> list[str]:
    places = ["zabadani", "madaya", "homs", "aleppo", "idlib", "daraa", "kefraya", "foua"]
    return [f"agreement-{i:05d}-{places[i % len(places)]}" for i in range(count)]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("agreement-01237-daraaa", "agreement-01237-daraa"),
        ("agreemnet-04321-madaya", "agreement-04321-madaya"),
    ],
)
def test_a_typo_among_thousands_of_alike_ids_finds_what_a_full_scan_finds(
    typo: str, meant: str
) -> None:
    ids = _patterned_ids(5_000)
    found = suggest(typo, ids, n=3, cutoff=0.75)
    assert found == difflib.get_close_matches(typo, ids, n=3, cutoff=0.75)
    assert found[0] == meant


def test_excluded_words_are_never_suggested() -> None:
    ids = ["russia", "rusia", "prussia"]
    assert suggest("rusia", ids, n=3, cutoff=0.6, exclude=("rusia",)) == ["russia", "prussia"]


def test_lookups_among_thousands_of_ids_stay_fast() -> None:
    ids = _patterned_ids(10_000)
    with within(5.0):  # every id against every id took minutes
        for i in range(0, 10_000, 5):
            suggest(f"agreement-{i:05d}", ids, n=3, cutoff=0.75)

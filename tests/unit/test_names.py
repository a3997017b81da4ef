"""Name folding and did-you-mean suggestions, each defined once in the model."""

from __future__ import annotations

from accords.model.names import did_you_mean, match_key, normalise_name, suggest


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

"""pydantic errors become findings a person can act on: plain words, exact places, hints."""

from __future__ import annotations

import pytest

from accords.findings import Finding
from accords.loading.records import parse_file
from accords.model.agreements import Role


def findings(text: str, kind: str = "agreement") -> list[Finding]:
    loaded = parse_file(text.encode("utf-8"), kind, "f.yaml")
    assert loaded.record is None, "the document was expected to be invalid"
    return loaded.findings


def only(text: str, kind: str = "agreement") -> Finding:
    found = findings(text, kind)
    assert len(found) == 1, [f"{f.code} {f.line}:{f.col} {f.message}" for f in found]
    return found[0]


HEAD = "id: a\ntitle: T\nkind: ceasefire\n"


def test_bad_enum_word_lists_the_words_and_suggests_one() -> None:
    f = only(HEAD + "participants:\n  - {actor: russia, roles: [mediatr]}\n")
    assert f.code == "E104"
    assert (f.line, f.col) == (5, 29)
    words = ", ".join(role.value for role in Role)
    assert f.message == f"participants[0].roles[0]: expected one of: {words}; got 'mediatr'"
    assert f.hint == "did you mean 'mediator'?"


def test_bad_enum_word_without_a_near_miss_has_no_hint() -> None:
    f = only(HEAD.replace("ceasefire", "zzzz"))
    assert f.code == "E104" and f.hint is None


def test_unknown_key_names_the_allowed_keys_and_the_near_miss() -> None:
    f = only(HEAD + "dates:\n  efective: '2016-12-30'\n")
    assert f.code == "E102"
    assert (f.line, f.col) == (5, 3), "an unknown key points at the key"
    assert f.message.startswith("unknown field 'efective'; expected one of: announced, effective")
    assert f.hint == "did you mean 'effective'?"


def test_alias_is_the_allowed_spelling() -> None:
    text = "id: a\nkind: state\nname: A\nnames:\n  - {name: B, from_: '2016'}\n"
    f = only(text, "actor")
    assert f.code == "E102"
    assert "'from_'" in f.message and "from," in f.message
    assert f.hint == "did you mean 'from'?"


def test_missing_field_points_at_the_mapping_that_lacks_it() -> None:
    f = only("# comment\nid: a\nkind: ceasefire\n")
    assert (f.code, f.line, f.col) == ("E101", 2, 1)
    assert f.message == "missing required field 'title' in the document"
    nested = only(HEAD + "participants:\n  - roles: [party]\n")
    assert (nested.code, nested.line, nested.col) == ("E101", 5, 5)
    assert nested.message == "missing required field 'actor' in participants[0]"


def test_bad_date_says_what_shape_a_date_takes() -> None:
    f = only(HEAD + "dates: {signed: '2016-02-30'}\n")
    assert f.code == "E105"
    assert f.message == "dates.signed: '2016-02-30' is not a date in the accepted form"
    assert f.hint is not None and "YYYY-MM-DD" in f.hint and "calendar" in f.hint


def test_bad_id_suggests_a_kebab_case_spelling() -> None:
    f = only("id: Ankara_Deal 2016\ntitle: T\nkind: ceasefire\n")
    assert f.code == "E106"
    assert f.message == "id: 'Ankara_Deal 2016' is not a valid id"
    assert f.hint is not None and f.hint.endswith("e.g. 'ankara-deal-2016'")


def test_number_for_text_says_to_quote_it() -> None:
    f = only(HEAD + "sources: [daily, 2016]\n")
    assert (f.code, f.line, f.col) == ("E103", 4, 18)
    assert f.message == "sources[1]: expected text, got the number 2016"
    assert f.hint == 'quote it: "2016"'


@pytest.mark.parametrize(
    ("value", "described"),
    [("true", "true (a boolean)"), ("2.5", "the number 2.5"), ("'12'", "the text '12'")],
)
def test_wrong_type_for_a_whole_number_names_what_was_given(value: str, described: str) -> None:
    f = only(HEAD + f"pax: {{agt_id: {value}}}\n")
    assert f.code == "E103"
    assert f.message == f"pax.agt_id: expected a whole number, got {described}"


def test_text_for_a_boolean_is_not_read_as_yes() -> None:
    f = only(HEAD + "participants:\n  - {actor: russia, roles: [party], contested: yes}\n")
    assert f.code == "E103"
    assert f.message == "participants[0].contested: expected true or false, got the text 'yes'"


def test_a_mapping_in_a_union_reports_the_error_inside_it() -> None:
    f = only(HEAD + "sources: [daily, {source: weekly, locator: 4}]\n")
    assert (f.code, f.line, f.col) == ("E103", 4, 44)
    assert f.message == "sources[1].locator: expected text, got the number 4"
    event = "events:\n  - {id: e, date: '2016', kind: attack, summary: S, fatalities: {min: 1}}\n"
    g = only(event, "event")
    assert g.code == "E101" and g.message == "missing required field 'max' in events[0].fatalities"


def test_wrong_type_deep_in_a_list_points_at_the_item() -> None:
    text = (
        HEAD + "terms:\n  - id: t\n    kind: cessation\n    text: x\n    obligations: [a, [b], c]\n"
    )
    f = only(text)
    assert (f.code, f.line, f.col) == ("E103", 8, 22)
    assert f.message == "terms[0].obligations[1]: expected text, got a list"


def test_empty_values_say_they_must_not_be_empty() -> None:
    found = findings(
        HEAD.replace("title: T", "title: ''") + "participants:\n  - {actor: a, roles: []}\n"
    )
    assert [(f.code, f.message) for f in found] == [
        ("E107", "title: must not be empty"),
        ("E107", "participants[0].roles: must not be empty"),
    ]


def test_every_error_of_a_file_is_reported_in_order() -> None:
    text = "id: Bad\ntitle: 5\nkind: truce\ncolour: red\ndates: {signed: '2016-13'}\n"
    found = findings(text)
    assert [(f.code, f.line) for f in found] == [
        ("E106", 1),
        ("E103", 2),
        ("E104", 3),
        ("E102", 4),
        ("E105", 5),
    ]


def test_messages_carry_no_pydantic_jargon() -> None:
    text = (
        "id: Bad\ntitle: 5\nkind: truce\ncolour: red\ndates: {signed: '2016-13'}\n"
        "participants:\n  - {actor: a, roles: [mediatr], contested: 1}\n"
        "pax: {agt_id: 1.5}\nsources: [{source: s, page: 2}]\n"
    )
    for f in findings(text):
        for jargon in ("Input should", "pydantic", "errors.pydantic.dev", "[type=", "Citation"):
            assert jargon not in f.message, f.message


_CONTROL_HINT = (
    "remove it: a terminal or an editor would act on it instead of showing it; "
    "text may hold line breaks and tabs"
)


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\\e[2J", "U+001B (ESC)"),
        ("\\a", "U+0007 (BEL)"),
        ("\\x7f", "U+007F (DEL)"),
        ("\\x9b31m", "U+009B (CSI)"),
        ("\\N", "U+0085 (NEL)"),
        ("\\r", "U+000D (CR)"),
        ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\\u2067", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
    ],
)
def test_a_control_character_in_text_is_named_at_the_value(written: str, named: str) -> None:
    f = only(f'id: a\ntitle: "Truce {written} held"\nkind: ceasefire\n')
    assert (f.code, f.line, f.col) == ("E108", 2, 8)
    assert f.message == f"title: control character {named} is not allowed"
    assert f.hint == _CONTROL_HINT


def test_control_characters_in_every_kind_of_text_field() -> None:
    text = (
        HEAD
        + 'aliases: [ok, "b\\e"]\n'
        + "participants:\n"
        + '  - {actor: r, roles: [party], note: "n\\a", sources: [{source: s, locator: "\\x9b"}]}\n'
        + 'pax: {agt_id: 1, provisions: {"K\\e": 1, V: "\\u202e"}}\n'
        + 'note: "line\\nbreak\\tand tab are fine"\n'
    )
    assert [(f.code, f.line, f.col, f.message) for f in findings(text)] == [
        ("E108", 4, 15, "aliases[1]: control character U+001B (ESC) is not allowed"),
        ("E108", 6, 38, "participants[0].note: control character U+0007 (BEL) is not allowed"),
        (
            "E108",
            6,
            76,
            "participants[0].sources[0].locator: control character U+009B (CSI) is not allowed",
        ),
        ("E108", 7, 31, "pax.provisions.'K\\x1b': control character U+001B (ESC) is not allowed"),
        (
            "E108",
            7,
            44,
            "pax.provisions.V: control character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed",
        ),
    ]


def test_a_right_to_left_mark_is_text() -> None:
    loaded = parse_file((HEAD + 'note: "\\u0627\\u200f (b)"\n').encode("utf-8"), "agreement", "f")
    assert loaded.findings == []

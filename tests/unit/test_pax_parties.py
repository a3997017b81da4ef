"""Splitting PA-X party text into names, roles of third parties, matching against the registry."""

from __future__ import annotations

import pytest

from accords.importing.matching import Registry
from accords.importing.pax.parties import split_parties
from accords.model import Actor
from accords.model.agreements import Role
from accords.model.names import match_key
from support import within

SPLITS = [
    # (field text, expected names) — shapes seen in the PA-X export
    (
        "Israel, Syria, Lebanon, Jordan, Palestine Liberation Organisation",
        ["Israel", "Syria", "Lebanon", "Jordan", "Palestine Liberation Organisation"],
    ),
    (
        "Government of the Syrian Arab Republic;\r\nThe United Nations.",
        ["Government of the Syrian Arab Republic", "United Nations"],
    ),
    (
        "For the Government of Guatemala:\n\n(Signed) Gustavo PORRAS CASTEJON\n\n"
        "For the Unidad Revolucionaria Nacional Guatemalteca:\n(Signed) Ricardo RAMIREZ",
        ["Government of Guatemala", "Unidad Revolucionaria Nacional Guatemalteca"],
    ),
    (
        "• Islamic Union of Ajnad al-Sham\n• Nour El-Deen Zenki Movement\n"
        "• Islam Army (Jaysh Al-Islam)",
        [
            "Islamic Union of Ajnad al-Sham",
            "Nour El-Deen Zenki Movement",
            "Islam Army (Jaysh Al-Islam)",
        ],
    ),
    (
        "Elias Haraoui, signed on behalf of the Lebanese Republic; Hafez al-Asad, signed on behalf "
        "of the Syrian Arab Republic.",
        ["Lebanese Republic", "Syrian Arab Republic"],
    ),
    ("Miriam Corone Ferrer, GPH Panel Chair; \nMohagher Iqbal, MILF Panel Chair", []),
    ("[Note: Parties not listed.]", []),
    ("Bosnia and Herzegovina", ["Bosnia and Herzegovina"]),
    ("China, Egypt, the EU, and the United States", ["China", "Egypt", "EU", "United States"]),
    (
        "Pour le Gouvernement de la République du Mali\nS.E.M. Abdoulaye DIOP",
        ["Gouvernement de la République du Mali"],
    ),
]


@pytest.mark.parametrize(("text", "names"), SPLITS)
def test_split_party_fields(text: str, names: list[str]) -> None:
    found = [c.name for c in split_parties(text).names]
    assert found == names, (text, found)


def test_sentences_are_reported_not_taken_as_names() -> None:
    split = split_parties(
        "The 19-member KNU delegation held talks with other representatives of the government"
    )
    assert split.names == []
    assert split.unread, "a sentence is reported as not read"


def test_third_party_roles_come_from_the_text_or_stay_unstated() -> None:
    split = split_parties(
        "Witnessed by:\nNorthland, as guarantor\nThe United Nations\nMediated by Eastland",
        third_party=True,
    )
    roles = {c.name: c.role for c in split.names}
    assert roles == {
        "Northland": Role.GUARANTOR,
        "United Nations": Role.OBSERVER,
        "Eastland": Role.MEDIATOR,
    }, roles
    plain = split_parties("UN, Syrian Red Crescent", third_party=True)
    assert [c.role for c in plain.names] == [None, None], "no role word: no role claimed"


def test_each_name_once() -> None:
    assert [c.name for c in split_parties("Israel; israel\nIsrael").names] == ["Israel"]


def _actor(actor_id: str, name: str, **extra: object) -> Actor:
    return Actor.model_validate(
        {"id": actor_id, "kind": "armed-group", "name": name, "sources": ["s"], **extra}
    )


def test_normalise_drops_diacritics_case_apostrophes_and_the() -> None:
    assert match_key("Āhrār al-Shām") == match_key("AHRAR AL SHAM")
    assert match_key("The People’s Protection Units") == match_key("peoples protection units")


def test_matching_by_name_alias_and_abbreviation() -> None:
    registry = Registry.of(
        [
            _actor("free-syrian-army", "Free Syrian Army", aliases=["FSA"]),
            _actor("ypg", "People's Protection Units", aliases=["YPG"]),
        ]
    )
    assert registry.match("The Free Syrian Army (FSA)") == ["free-syrian-army"]
    assert registry.match("fsa") == ["free-syrian-army"]
    assert registry.match("Peoples Protection Units") == ["ypg"]
    assert registry.match("People's Defence Units (YPG)") == [], "an abbreviation alone is weak"
    assert registry.match("Jaysh al-Islam") == []


def test_dated_names_settle_an_ambiguity_by_date() -> None:
    nusra = _actor(
        "jabhat-fateh-al-sham",
        "Jabhat Fateh al-Sham",
        names=[{"name": "Jabhat al-Nusra", "until": "2016-07-28", "sources": ["s"]}],
    )
    other = _actor(
        "later-nusra",
        "Other Front",
        names=[{"name": "Jabhat al-Nusra", "from": "2020", "sources": ["s"]}],
    )
    registry = Registry.of([nusra, other])
    assert registry.match("Jabhat al-Nusra", "2015-12-18") == ["jabhat-fateh-al-sham"]
    assert registry.match("Jabhat al-Nusra", "2021-01-01") == ["later-nusra"]
    assert registry.match("Jabhat al-Nusra") == ["jabhat-fateh-al-sham", "later-nusra"]


def test_bears_is_literal_as_name_used_requires() -> None:
    registry = Registry.of([_actor("fsa", "Free Syrian Army")])
    assert registry.bears("fsa", "free syrian army")
    assert not registry.bears("fsa", "The Free Syrian Army")


def test_a_qualified_generic_name_never_falls_back_to_the_bare_name() -> None:
    registry = Registry.of([_actor("government-colombia", "Government (Colombia)")])
    assert registry.match("Government (Syria)") == []
    assert registry.match("government (colombia)") == ["government-colombia"]


def test_a_role_phrase_is_not_part_of_the_name() -> None:
    split = split_parties("Syrian Army to act as guarantor.", third_party=True)
    assert [(c.name, c.role) for c in split.names] == [("Syrian Army", Role.GUARANTOR)]


RUN = 50_000
HOSTILE = [
    # (field text, expected (name, role) pairs, number of unread pieces): each pattern that once
    # rescanned a run of spaces, commas or unclosed brackets from every position in it.
    ("Party A" + " " * RUN + "Party B", [("Party A Party B", None)], 0),
    (
        "Hill Front, River Front" + " " * RUN + "and Lake Front",
        [("Hill Front", None), ("River Front", None), ("Lake Front", None)],
        0,
    ),
    ("For the Government of Hill" + " " * RUN + ": Mr X", [("Government of Hill", None)], 0),
    ("Front," * RUN, [("Front", None)], 0),
    ("Hill Front [" * RUN, [], 1),
    ("Hill Front (see " * RUN, [], 1),
    ("Hill Front (signed on " * RUN, [("Hill Front", None)], 0),
    ("Northland" + " " * RUN + ", as guarantor", [("Northland", Role.GUARANTOR)], 0),
]


@pytest.mark.parametrize(("text", "names", "unread"), HOSTILE)
def test_hostile_party_text_splits_in_linear_time(
    text: str, names: list[tuple[str, Role | None]], unread: int
) -> None:
    with within(1.0):
        split = split_parties(text, third_party=True)
    assert [(c.name, c.role) for c in split.names] == names
    assert len(split.unread) == unread


def test_bracketed_notes_are_cut_and_an_unclosed_one_is_left() -> None:
    split = split_parties("Hill Front [see annex], River Front (page 3); [unclosed; Lake Front")
    assert [c.name for c in split.names] == ["Hill Front", "River Front", "[unclosed", "Lake Front"]

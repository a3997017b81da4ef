"""The actor × agreement matrix on the fixture dataset: marks, filters, grouping, file order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.analysis.compare import compare
from accords.dataset import Dataset, load_dataset, load_records
from accords.errors import UsageError
from accords.loading.discovery import dataset_files

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FIXTURE)


def cells(result: object) -> dict[tuple[str, str], list[str]]:
    data = result.to_dict()  # type: ignore[attr-defined]
    return {(c["actor"], c["agreement"]): c["marks"] for c in data["cells"]}


def test_json_has_exactly_the_design_shape(dataset: Dataset) -> None:
    data = compare(dataset).to_dict()
    assert set(data) == {"agreements", "actors", "cells"}
    assert all(set(a) == {"id", "title"} for a in data["agreements"])
    assert all(set(a) == {"id", "name"} for a in data["actors"])
    assert all(set(c) == {"actor", "agreement", "marks"} for c in data["cells"])
    assert [a["id"] for a in data["agreements"]] == [
        "valley-declaration-2031",
        "riverside-truce-2031",
        "harbour-evacuation-2031",
        "capital-talks-2031",
    ], "columns follow the agreements' first dates"


def test_every_kind_of_mark_is_spelled_as_in_the_design(dataset: Dataset) -> None:
    found = cells(compare(dataset))
    assert found[("northland", "riverside-truce-2031")] == ["mediator", "guarantor"]
    assert found[("calc-group", "riverside-truce-2031")] == ["excluded:talks:shut-out?"]
    assert found[("black-flag", "riverside-truce-2031")] == ["excluded:protection:explicit"]
    assert found[("northland", "harbour-evacuation-2031")] == ["guarantor?"]
    assert found[("hill-brigade", "harbour-evacuation-2031")] == [
        "observer",
        "excluded:talks:sidelined",
    ]
    assert found[("eastland", "valley-declaration-2031")] == ["rejected"]


def test_renamed_actor_is_one_row_named_as_of_the_date(dataset: Dataset) -> None:
    now = compare(dataset).to_dict()
    then = compare(dataset, as_of="2031-02-12").to_dict()
    assert [a["name"] for a in now["actors"] if a["id"] == "river-front"] == ["River Front"]
    assert [a["name"] for a in then["actors"] if a["id"] == "river-front"] == [
        "River Liberation Front"
    ]
    assert len([a for a in now["actors"] if a["id"] == "river-front"]) == 1


def test_as_of_keeps_what_existed_and_flags_the_undetermined(dataset: Dataset) -> None:
    result = compare(dataset, as_of="2031-04-01")
    ids = [a.id for a in result.agreements]
    assert "capital-talks-2031" not in ids, "proposed for June, after the date"
    assert [a.id for a in result.agreements if a.undetermined] == ["harbour-evacuation-2031"]
    assert result.to_dict()["as_of"]["undetermined"] == ["harbour-evacuation-2031"]
    # The UN welcomed the declaration on 2031-05-01, after the date: its stance is left out.
    assert ("un", "valley-declaration-2031") not in cells(result)
    assert cells(compare(dataset))[("un", "valley-declaration-2031")] == ["welcomed"]


def test_scenario_marks_what_it_adds_and_removes(dataset: Dataset) -> None:
    result = compare(dataset, ["riverside-truce-2031"], scenario="riverside-what-if")
    changes = {
        (c["actor"], c["mark"], c["change"]) for c in result.to_dict()["scenario"]["changes"]
    }
    assert changes == {
        ("hill-brigade", "party", "added"),
        ("eastland", "signatory", "removed"),
        ("eastland", "party", "removed"),
        ("calc-group", "excluded:talks:shut-out?", "removed"),
    }
    found = cells(result)
    assert ("eastland", "riverside-truce-2031") not in found
    assert found[("hill-brigade", "riverside-truce-2031")] == ["party", "rejected"]
    assert dataset.agreements["riverside-truce-2031"].participants[2].actor == "eastland", (
        "the scenario leaves the record untouched"
    )


def test_filters_order_and_grouping(dataset: Dataset) -> None:
    states = compare(dataset, kinds=["state"])
    assert {r.id for r in states.actors} == {"northland", "eastland"}
    every = compare(dataset, only_marked=False)
    assert "a-minister" in {r.id for r in every.actors}
    assert "a-minister" not in {r.id for r in compare(dataset).actors}
    by_name = [r.name for r in compare(dataset, order="name").actors]
    assert by_name == sorted(by_name, key=str.casefold)
    grouped = compare(dataset, group_by="coalition").actors
    alliance = [r.id for r in grouped if r.group == "Valley Alliance"]
    assert set(alliance) == {"river-front", "calc-group", "valley-alliance"}
    assert [r.group for r in grouped][: len(alliance)] == ["Valley Alliance"] * len(alliance)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"agreements": ["nope"]}, "unknown agreement"),
        ({"as_of": "20xx"}, "--as-of"),
        ({"as_of": "2000"}, "no agreement existed"),
        ({"scenario": "nope"}, "unknown scenario"),
        ({"kinds": ["planet"]}, "unknown actor kind"),
        ({"order": "height"}, "unknown order"),
        ({"group_by": "colour"}, "unknown grouping"),
    ],
)
def test_bad_requests_are_usage_errors(
    dataset: Dataset, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        compare(dataset, **kwargs)  # type: ignore[arg-type]


_FILES = dataset_files(FIXTURE)
_EXPECTED = compare(load_records(_FILES, FIXTURE), group_by="coalition").to_dict()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_matrix_does_not_depend_on_file_order(rng: random.Random) -> None:
    shuffled = list(_FILES)
    rng.shuffle(shuffled)
    result = compare(load_records(shuffled, FIXTURE), group_by="coalition")
    assert result.to_dict() == _EXPECTED

"""Reference rules group their symptoms, name their causes, and causes sort first."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from accords.checking.runner import CheckOptions, run_checks
from accords.dataset import load_dataset
from accords.findings import CheckResult, Finding, Severity, Tally
from accords.render.findings import render_text

SOURCE = "id: daily\ntitle: Daily\npublisher: Example Daily\npublished: '2017-01-31'\nkind: news\n"
ACTOR = "id: {id}\nkind: military\nname: {name}\nsources: [daily]\n"
TRUCE = """\
id: {id}
title: Truce
kind: ceasefire
dates: {{signed: "2016-12-29"}}
participants:
  - {{actor: ghost, roles: [party]}}
  - {{actor: north, roles: [party]}}
terms:
  - {{id: stop, kind: cessation, text: Stop., obligations: [ghost, north]}}
  - {{id: stop, kind: cessation, text: Stop.}}
  - {{id: stop, kind: cessation, text: Stop.}}
related:
  - {{agreement: nowhere, relation: follows}}
sources: [daily, missing, missing]
"""


def _write(root: Path, files: dict[str, str]) -> None:
    (root / "accords.toml").write_text("", encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _check(root: Path, monkeypatch: pytest.MonkeyPatch, *select: str) -> list[Finding]:
    monkeypatch.chdir(root)
    return run_checks(load_dataset(root), CheckOptions(select=select))


def _shown(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.path, f.line, f.col, f.message, f.hint, f.related) for f in findings]


def test_references_to_one_unknown_id_are_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        {
            "seeds/daily.yaml": SOURCE,
            "actors/north.yaml": ACTOR.format(id="north", name="North")
            + "relations:\n  - {actor: ghost, type: allied-with}\n",
            "agreements/truce.yaml": TRUCE.format(id="truce"),
        },
    )
    truce = "agreements/truce.yaml"
    assert _shown(_check(tmp_path, monkeypatch, "R102", "R103", "R105")) == [
        (
            "R102",
            "actors/north.yaml",
            6,
            13,
            "unknown actor 'ghost' (referenced 3 times)",
            None,
            ((truce, 6, 13), (truce, 9, 60)),
        ),
        ("R103", truce, 13, 17, "unknown agreement 'nowhere'", None, ()),
        (
            "R105",
            truce,
            14,
            18,
            "unknown source 'missing' (cited 2 times)",
            None,
            ((truce, 14, 27),),
        ),
    ]


def test_duplicates_are_one_finding_per_id_at_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        {
            "seeds/daily.yaml": SOURCE,
            "actors/north.yaml": ACTOR.format(id="north", name="North"),
            "actors/a-copy.yaml": ACTOR.format(id="north", name="North"),
            "actors/z-copy.yaml": ACTOR.format(id="north", name="North"),
            "agreements/truce.yaml": TRUCE.format(id="truce"),
        },
    )
    truce = "agreements/truce.yaml"
    assert _shown(_check(tmp_path, monkeypatch, "R101")) == [
        (
            "R101",
            "actors/a-copy.yaml",
            1,
            5,
            "actor id 'north' appears 3 times",
            None,
            (("actors/north.yaml", 1, 5), ("actors/z-copy.yaml", 1, 5)),
        ),
        (
            "R101",
            truce,
            10,
            10,
            "term id 'stop' appears 3 times in this agreement",
            None,
            ((truce, 9, 10), (truce, 11, 10)),
        ),
    ]


def test_an_id_that_differs_from_its_file_name_is_reported_with_its_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        {
            "seeds/daily.yaml": SOURCE,
            "actors/north.yaml": ACTOR.format(id="nort", name="North"),
            "actors/south-army.yaml": ACTOR.format(id="south-army", name="South Army"),
            "actors/south.yaml": ACTOR.format(id="south-amry", name="South"),
            "actors/copy.yaml": ACTOR.format(id="south-army", name="South Army"),
            "agreements/truce.yaml": TRUCE.format(id="truce"),
            "events/2016.yaml": "events:\n  - {id: e1, date: '2016-12-30', kind: attack,"
            " summary: An attack.,"
            " sources: [daily]}\n",
        },
    )
    assert _shown(_check(tmp_path, monkeypatch, "R107")) == [
        (
            "R107",
            "actors/copy.yaml",
            1,
            5,
            "actor id 'south-army' differs from its file name 'copy'",
            "'south-army' is also the id of actors/south-army.yaml; change this id to 'copy'",
            (),
        ),
        (
            "R107",
            "actors/north.yaml",
            1,
            5,
            "actor id 'nort' differs from its file name 'north'",
            "change the id to 'north', or rename the file to nort.yaml",
            (),
        ),
        (
            "R107",
            "actors/south.yaml",
            1,
            5,
            "actor id 'south-amry' differs from its file name 'south'",
            "change the id to 'south', or rename the file to south-amry.yaml;"
            " did you mean south-army?",
            (),
        ),
    ]
    # The events file is named after none of its events, and is not flagged for it.
    assert list(load_dataset(tmp_path).events) == ["e1"]


def test_causes_come_first_and_the_symptom_names_its_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        {
            "seeds/daily.yaml": SOURCE,
            "actors/north.yaml": ACTOR.format(id="nort", name="North"),
            # No sources: a warning (S102) that sorts after the causes and their symptoms.
            "actors/ghost.yaml": "id: ghost\nkind: military\nname: Ghost\n",
            "agreements/truce.yaml": TRUCE.format(id="truce"),
            "agreements/broken.yaml": "id: broken\ntitle: [\n",
        },
    )
    findings = _check(tmp_path, monkeypatch)
    assert [(f.code, f.path, f.line) for f in findings] == [
        ("E001", "agreements/broken.yaml", 3),
        ("R107", "actors/north.yaml", 1),
        ("R101", "agreements/truce.yaml", 10),
        ("R102", "agreements/truce.yaml", 7),
        ("R103", "agreements/truce.yaml", 13),
        ("R105", "agreements/truce.yaml", 14),
        ("S102", "actors/ghost.yaml", 1),
    ]
    assert findings[3].hint == "actors/north.yaml declares 'nort'; did you mean id: north there?"


def test_text_lists_related_locations_compactly_and_bounded() -> None:
    related = tuple((f"a/{i}.yaml", i, 2) for i in range(1, 8))
    finding = Finding(
        "R102", Severity.ERROR, "unknown actor 'x'", "no/such.yaml", 3, 4, "h", related
    )
    out = io.StringIO()
    render_text(CheckResult([finding], Tally()), out)
    # The summary line that ends the report has tests of its own.
    assert out.getvalue().splitlines()[:-1] == [
        "no/such.yaml:3:4: R102 error: unknown actor 'x'",
        "   = hint: h",
        "   = see also: a/1.yaml:1:2, a/2.yaml:2:2, a/3.yaml:3:2, a/4.yaml:4:2, a/5.yaml:5:2"
        " (and 2 more)",
    ]

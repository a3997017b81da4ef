"""One cause, one finding: a mistyped id is reported once at the typo, its symptoms once.

The bundled dataset's actors/russia.yaml is copied with ``id: rusia``; before, ``accords check``
reported one unknown reference per mention (49 at the time) and nothing at the typo, and
GitHub showed only symptoms.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from accords.model import FOLDERS
from support import run_accords, without_timing

REPO = Path(__file__).resolve().parent.parent.parent
ROOT_CAUSES = REPO / "tests" / "data" / "root-causes"


RUSSIA_HINT = "actors/russia.yaml declares 'rusia'; did you mean id: russia there?"


@pytest.fixture
def mistyped_russia(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled dataset whose actors/russia.yaml declares ``id: rusia``."""
    if not (REPO / "actors" / "russia.yaml").is_file():
        pytest.skip("the bundled dataset is not there")
    shutil.copy(REPO / "accords.toml", tmp_path / "accords.toml")
    for folder in FOLDERS.values():
        shutil.copytree(REPO / folder, tmp_path / folder)
    actor = tmp_path / "actors" / "russia.yaml"
    text = actor.read_text(encoding="utf-8")
    assert "\nid: russia\n" in text, "the bundled actors/russia.yaml changed its shape"
    actor.write_text(text.replace("\nid: russia\n", "\nid: rusia\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _russia_references(root: Path) -> int:
    """How many times the record names the id ``russia``, counted in the text of its files."""
    token = re.compile(r"(?<![-\w])russia(?![-\w])")
    return sum(
        len(token.findall(path.read_text(encoding="utf-8")))
        for folder in FOLDERS.values()
        for path in (root / folder).rglob("*.yaml")
    )


def _check(*args: str) -> tuple[int, str]:
    result = run_accords("check", *args)
    return result.code, result.out


def test_a_mistyped_actor_id_is_its_own_finding_before_one_symptom(
    mistyped_russia: Path,
) -> None:
    code, output = _check("--format", "json")
    assert code == 1
    errors = [f for f in json.loads(output)["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["path"], f["line"]) for f in errors] == [
        ("R107", "actors/russia.yaml", 2),
        ("R102", "actors/andrei-karlov.yaml", 9),
    ]
    typo, symptom = errors
    assert (typo["col"], typo["message"], typo["hint"]) == (
        5,
        "actor id 'rusia' differs from its file name 'russia'",
        "change the id to 'russia', or rename the file to rusia.yaml",
    )
    references = len(symptom["related"]) + 1
    assert (symptom["message"], symptom["hint"]) == (
        f"unknown actor 'russia' (referenced {references} times)",
        RUSSIA_HINT,
    )
    assert references == _russia_references(mistyped_russia)


def test_github_annotates_the_typo_then_the_one_symptom(mistyped_russia: Path) -> None:
    code, output = _check("--format", "github")
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("::error ")]
    assert errors == [
        "::error file=actors/russia.yaml,line=2,col=5,title=R107::"
        "actor id 'rusia' differs from its file name 'russia' "
        "(hint: change the id to 'russia', or rename the file to rusia.yaml)",
        "::error file=actors/andrei-karlov.yaml,line=9,col=12,title=R102::"
        f"unknown actor 'russia' (referenced {_russia_references(mistyped_russia)} times) "
        f"(hint: {RUSSIA_HINT})",
    ]


def test_sarif_lists_the_other_references_as_related_locations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT_CAUSES)
    code, output = _check("--format", "sarif")
    assert code == 1
    run = json.loads(output)["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    results = run["results"]
    # The index moves whenever the catalogue grows: it is checked here, not stored.
    assert [rules[r.pop("ruleIndex")] for r in results] == [r["ruleId"] for r in results]
    expected = json.loads((ROOT_CAUSES / "expected-sarif-results.json").read_text("utf-8"))
    assert results == expected


def test_text_lists_the_other_references_under_the_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT_CAUSES)
    code, output = _check()
    assert code == 1
    *body, summary = output.splitlines(keepends=True)
    # The summary line has tests of its own; the stored file holds the findings.
    assert "".join(body) == (ROOT_CAUSES / "expected-check.txt").read_text("utf-8")
    assert without_timing(summary) == (
        "Checked 1 agreement, 2 actors and 1 source (4 files) in T s: 3 errors in 2 files. "
        "1 fixable with check --unsafe-fixes.\n"
    )

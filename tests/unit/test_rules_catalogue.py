"""The catalogue: every rule documented, listed by ``accords rules``, explained, and in SARIF."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from accords.checking.registry import CODES, load_all
from accords.findings import CheckResult, Finding, Severity, Tally
from accords.render.sarif import path_to_uri, render_sarif
from support import run_accords

RULES = load_all()
TESTS = Path(__file__).resolve().parent.parent
README = TESTS.parent / "README.md"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_an_explain_text_with_examples(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"[ERCPSFX]\d{3}", code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", rule.name), rule.name
    assert "Fails" in rule.explain and "Passes" in rule.explain, code
    assert not rule.title.endswith("."), code


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_every_code_is_in_the_readme_section() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [code for code in RULES if f"`{code}`" not in text]
    assert missing == [], "codes not in README.md"


def test_rules_lists_the_catalogue_as_json() -> None:
    result = run_accords("rules", "--format", "json")
    assert result.code == 0, result.output
    rows = json.loads(result.out)
    assert [row["code"] for row in rows] == sorted(RULES)
    e200 = next(row for row in rows if row["code"] == "E200")
    assert e200["default"] is False


def test_rules_lists_the_catalogue_as_text() -> None:
    result = run_accords("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(RULES)
    assert any(line.startswith("C103") and "event-outside-window" in line for line in lines)


@pytest.mark.parametrize("word", ["C103", "c103", "event-outside-window"])
def test_explain_accepts_a_code_or_a_name(word: str) -> None:
    result = run_accords("explain", word)
    assert result.code == 0, result.output
    assert result.out.startswith("C103 event-outside-window (error)")
    assert RULES["C103"].explain in result.out


def test_explain_an_unknown_code_suggests_near_ones() -> None:
    result = run_accords("explain", "C1033")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("accords: error: no rule 'C1033'")
    assert "C103" in result.err


def _sarif(findings: list[Finding]) -> dict[str, object]:
    out = io.StringIO()
    render_sarif(CheckResult(findings, Tally()), out)
    document = json.loads(out.getvalue())
    assert isinstance(document, dict)
    return document


def test_sarif_results_point_at_their_rules() -> None:
    findings = [
        Finding("C103", Severity.ERROR, "late", "events/2016 09.yaml", 4, 7),
        Finding(
            "R101",
            Severity.WARNING,
            "twice",
            "agreements/a.yaml",
            1,
            5,
            "hint",
            related=(("agreements/b.yaml", 1, 5),),
        ),
        Finding("X101", Severity.INFO, "unmapped", "/data/acled.csv", 1, 1),
    ]
    document = _sarif(findings)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    results = run["results"]
    for result, finding in zip(results, findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.col)
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["events/2016%2009.yaml", "agreements/a.yaml", "file:///data/acled.csv"]
    assert results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert "hint" in results[1]["message"]["text"]


def test_sarif_matches_the_reviewed_file() -> None:
    """The whole SARIF document of a small case: rule order, fields, the result, its region."""
    stored = TESTS / "data" / "sarif" / "r102-fail.sarif.json"
    result = run_accords("check", "--format", "sarif", cwd=TESTS / "data" / "rules" / "r102-fail")
    assert result.code == 1, result.err
    assert result.out == stored.read_text(encoding="utf-8"), (
        f"the SARIF output differs from {stored}; if the change is intended, review it and "
        "store the new output of 'accords check --format sarif' run in that case"
    )


@pytest.mark.parametrize(
    ("path", "uri"),
    [("a/b.yaml", "a/b.yaml"), ("a\\b c.yaml", "a/b%20c.yaml"), ("/x/y.csv", "file:///x/y.csv")],
)
def test_paths_become_uris(path: str, uri: str) -> None:
    assert path_to_uri(path) == uri


def test_the_list_of_codes_is_the_codes_the_rules_register() -> None:
    # Codes are checked against CODES without importing the rule modules: the two must agree.
    assert sorted(CODES) == sorted(load_all())

"""Every rule against its cases in tests/data/rules/: a failing case and a passing one each.

A case folder is a tiny dataset with an ``expect.yaml``: ``findings`` lists the code and
``path:line:col`` of every finding the case gives, no more and no fewer; ``absent`` lists codes
that must not appear at all (a passing case names its rule there);
``events`` names an ACLED-format CSV checked with the dataset, as ``check --events`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from accords.checking.registry import load_all
from accords.checking.runner import CheckOptions, run_checks
from accords.dataset import load_dataset
from accords.findings import Finding

CASES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "expect.yaml").is_file())


def _expect(case: Path) -> dict[str, Any]:
    data = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), case
    return data


def _findings(case: Path, expect: dict[str, Any]) -> list[Finding]:
    dataset = load_dataset(case)
    events = Path(expect["events"]) if "events" in expect else None
    return run_checks(dataset, CheckOptions(events=events))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    expect = _expect(case)
    findings = _findings(case, expect)
    found = sorted((f.code, f"{f.path}:{f.line}:{f.col}") for f in findings)
    shown = "\n".join(f"{f.code} {f.path}:{f.line}:{f.col} {f.message}" for f in findings)
    expected = sorted((item["code"], item["at"]) for item in expect.get("findings", []))
    assert found == expected, f"the case gives:\n{shown}"
    for code in expect.get("absent", []):
        assert not any(f.code == code for f in findings), f"{code} found:\n{shown}"


def test_every_checked_rule_has_a_failing_and_a_passing_case() -> None:
    failing: set[str] = set()
    passing: set[str] = set()
    for case in CASES:
        expect = _expect(case)
        failing.update(item["code"] for item in expect.get("findings", []))
        passing.update(expect.get("absent", []))
    codes = {code for code in load_all() if not code.startswith("E")}
    assert codes - failing == set(), "rules without a failing case"
    assert codes - passing == set(), "rules without a passing case"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_names_its_rule(case: Path) -> None:
    """``x101-fail`` expects an X101 finding; ``x101-pass`` lists X101 as absent."""
    code, outcome = case.name.split("-", 1)
    expect = _expect(case)
    if outcome == "fail":
        assert code.upper() in {item["code"] for item in expect.get("findings", [])}
    else:
        assert outcome == "pass"
        assert code.upper() in expect.get("absent", [])


def test_the_bundled_dataset_has_no_errors(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not any((repo / "agreements").glob("*.yaml")):
        pytest.skip("the bundled dataset is not there")
    monkeypatch.chdir(repo)
    errors = [f for f in run_checks(load_dataset(repo)) if f.severity.label == "error"]
    shown = "\n".join(f"{f.path}:{f.line}:{f.col} {f.code} {f.message}" for f in errors)
    assert errors == [], shown

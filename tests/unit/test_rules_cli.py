"""``accords check`` end to end: selection, severities, exit codes, formats, --events."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import run_accords

CASES = Path(__file__).resolve().parent.parent / "data" / "rules"


def _check(case: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(CASES / case)
    result = run_accords("check", *args)
    assert "internal error" not in result.err, result.output
    return result.code, result.output


def test_an_error_fails_and_ignoring_it_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _check("c101-fail", monkeypatch)
    assert code == 1 and "C101 error" in output
    assert _check("c101-fail", monkeypatch, "--ignore", "C101")[0] == 0
    assert _check("c101-fail", monkeypatch, "--select", "R,S")[0] == 0


def test_strict_fails_on_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _check("c100-fail", monkeypatch)
    assert code == 0 and "C100 warning" in output
    assert _check("c100-fail", monkeypatch, "--strict")[0] == 1


def test_accords_toml_sets_severity_and_ignores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = tmp_path / "case"
    shutil.copytree(CASES / "c100-fail", case)
    config = case / "accords.toml"
    dataset = '[dataset]\nexclude = ["expect.yaml"]\n'
    config.write_text(dataset + '[check.severity]\nC100 = "error"\n', encoding="utf-8")
    monkeypatch.chdir(case)
    result = run_accords("check")
    assert result.code == 1 and "C100 error" in result.output
    config.write_text(dataset + '[check]\nignore = ["C1"]\n', encoding="utf-8")
    result = run_accords("check")
    assert result.code == 0 and "C100" not in result.output


def test_events_findings_in_json_and_github(monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _check("x104-fail", monkeypatch, "--events", "events.csv", "-f", "json")
    assert code == 0
    found = {(f["code"], f["path"], f["line"]) for f in json.loads(output)["findings"]}
    assert ("X104", "events.csv", 3) in found
    code, output = _check("x104-fail", monkeypatch, "--events", "events.csv", "-f", "github")
    assert "::warning file=events.csv,line=3,col=1,title=X104::" in output
    assert _check("x104-fail", monkeypatch, "--events", "events.csv", "--strict")[0] == 1


def test_sarif_from_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _check("r102-fail", monkeypatch, "-f", "sarif")
    assert code == 1
    results = json.loads(output)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["R102"]


def test_a_missing_events_file_is_exit_2_without_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "accords", "check", "--events", "no-such.csv"],
        cwd=CASES / "x104-pass",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "no-such.csv" in done.stderr


def test_c100_stands_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    _, output = _check("c100-fail", monkeypatch, "--select", "C100", "-f", "json")
    codes = [f["code"] for f in json.loads(output)["findings"]]
    assert codes == ["C100"]
    _, output = _check("c100-fail", monkeypatch, "--ignore", "C100", "-f", "json")
    assert "C100" not in [f["code"] for f in json.loads(output)["findings"]]

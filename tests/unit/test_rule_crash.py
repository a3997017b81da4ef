"""A rule that crashes is one internal-error finding (E900); every other finding still shows."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from accords.checking.registry import EVENTS_CHECKS, RULES, load_all
from accords.dataset import Dataset
from accords.findings import Finding
from support import run_accords, without_timing

CASES = Path(__file__).resolve().parent.parent / "data" / "rules"


def _boom(dataset: Dataset) -> Iterator[Finding]:
    yield from ()
    raise ValueError("year 10000 is out of range")


_LINE = _boom.__code__.co_firstlineno + 2


@pytest.fixture
def crashing_s101(monkeypatch: pytest.MonkeyPatch) -> None:
    """S101 (missing sources) raises; C101 still finds the case's dates out of order."""
    load_all()
    monkeypatch.setitem(RULES, "S101", dataclasses.replace(RULES["S101"], check=_boom))
    monkeypatch.chdir(CASES / "c101-fail")


_EXPECTED = f"""\
accords.toml:1:1: E900 error: rule S101 stopped with an internal error (ValueError: year 10000 \
is out of range at test_rule_crash.py:{_LINE}); its findings are missing from this report
 1 | [dataset]
   | ^
   = hint: a bug in accords: please report it with the command and its input
agreements/riverside-truce.yaml:4:42: C101 error: effective 2016-12-28 is before signed 2016-12-29
 4 | dates: {{signed: "2016-12-29", effective: "2016-12-28"}}
   |                                          ^
   = see also: agreements/riverside-truce.yaml:4:17
Checked 1 agreement, 3 actors and 2 sources (6 files) in T s: 2 errors in 2 files.
"""


@pytest.mark.usefixtures("crashing_s101")
def test_a_crashing_rule_is_one_finding_and_the_others_still_show() -> None:
    result = run_accords("check")
    assert (result.code, without_timing(result.out)) == (1, _EXPECTED)


@pytest.mark.usefixtures("crashing_s101")
@pytest.mark.parametrize("args", [["--ignore", "E900"], ["--ignore", "E"], ["--select", "S101,C"]])
def test_an_internal_error_is_never_filtered_out(args: list[str]) -> None:
    result = run_accords("check", *args)
    assert (result.code, without_timing(result.out)) == (1, _EXPECTED)


@pytest.mark.usefixtures("crashing_s101")
def test_the_crash_is_not_reported_when_the_rule_is_not_selected() -> None:
    result = run_accords("check", "--ignore", "S101")
    assert (result.code, without_timing(result.out)) == (
        1,
        _EXPECTED.split("\n", 4)[4].replace("2 errors in 2 files", "1 error in 1 file"),
    )


@pytest.mark.parametrize("step", ["read", "check"])
def test_a_crash_in_the_events_check_is_one_finding(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    # The file is read in a thread while the records load: a crash there counts the same.
    def broken(*args: object) -> list[Finding]:
        raise KeyError("event_date")

    line = broken.__code__.co_firstlineno + 1
    load_all()
    events = EVENTS_CHECKS["X"]
    monkeypatch.setitem(EVENTS_CHECKS, "X", dataclasses.replace(events, **{step: broken}))
    monkeypatch.chdir(CASES / "x104-fail")
    result = run_accords("check", "--events", "events.csv", "--format", "json")
    assert result.code == 1, result.output
    assert json.loads(result.out)["findings"] == [
        {
            "code": "E900",
            "severity": "error",
            "path": "accords.toml",
            "line": 1,
            "col": 1,
            "message": "rule X101-X104 stopped with an internal error (KeyError: 'event_date' at "
            f"test_rule_crash.py:{line}); its findings are missing from this report",
            "hint": "a bug in accords: please report it with the command and its input",
        }
    ]

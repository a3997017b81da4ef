"""The committed hostile-input corpus: each file yields its stated finding, at its position.

``tests/data/hostile/cases.toml`` names every file of the corpus with the first finding it must
produce; a file without an entry (or an entry without a file) fails, so the two cannot drift.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from accords.config import Layout
from accords.loading.records import load_file

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CASES: dict[str, dict[str, Any]] = tomllib.loads((HOSTILE / "cases.toml").read_text("utf-8"))


def test_every_corpus_file_has_a_case_and_every_case_a_file() -> None:
    on_disk = {p.relative_to(HOSTILE).as_posix() for p in HOSTILE.rglob("*.yaml")}
    assert on_disk == set(CASES), on_disk.symmetric_difference(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file_yields_its_finding(name: str) -> None:
    case = CASES[name]
    path = HOSTILE / name
    kind = Layout().kind_by_folder_name(path)
    assert kind is not None, name
    loaded = load_file(path, kind, name)
    found = [(f.code, f.line, f.col) for f in loaded.findings]
    if case.get("clean"):
        assert found == [], (case["why"], loaded.findings)
        assert loaded.record is not None
        return
    assert found, (name, case["why"])
    assert found[0] == (case["code"], case["line"], case["col"]), (case["why"], loaded.findings)
    for finding in loaded.findings:
        assert finding.path == name
        assert finding.line >= 1 and finding.col >= 1, finding
        assert "\n" not in finding.message, finding
    if "hint" in case:
        first = loaded.findings[0]
        assert first.hint is not None and case["hint"] in first.hint, first


def test_the_alias_bomb_is_refused_before_anything_is_expanded() -> None:
    loaded = load_file(HOSTILE / "agreements" / "alias-bomb.yaml", "agreement")
    assert loaded.doc.value is None
    # Only the scalars read before the first anchor were recorded.
    assert len(loaded.doc.locations) <= 3, loaded.doc.locations


def test_crlf_positions_count_lines_like_lf() -> None:
    loaded = load_file(HOSTILE / "agreements" / "crlf.yaml", "agreement")
    assert loaded.doc.locations[("title",)] == (3, 8)
    assert loaded.doc.value is not None
    assert loaded.doc.value["title"] == "Line endings from Windows"


def test_tabs_inside_values_are_kept_as_text() -> None:
    loaded = load_file(HOSTILE / "agreements" / "tab-in-value.yaml", "agreement")
    assert loaded.doc.value is not None
    assert loaded.doc.value["title"] == "A title\twith an escaped tab"
    assert loaded.doc.value["note"] == "a plain\ttab inside a value"

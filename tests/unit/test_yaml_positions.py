"""The safe YAML reader: YAML 1.2 scalars, positions, and findings instead of exceptions."""

from __future__ import annotations

import pytest

from accords.loading.yaml_positions import read_yaml


def test_values_and_positions_are_recorded() -> None:
    doc = read_yaml("f.yaml", b"a: 1\nb:\n  - x\n  - {c: d}\n")
    assert doc.value == {"a": 1, "b": ["x", {"c": "d"}]}
    assert doc.locations[("a",)] == (1, 4)
    assert doc.locations[("b", 1, "c")] == (4, 9)
    assert doc.key_locations[("b", 1, "c")] == (4, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("on", "on"),
        ("yes", "yes"),
        ("true", True),
        ("false", False),
        ("True", "True"),
        ("1:20", "1:20"),
        ("2016-09-12", "2016-09-12"),
        ("0x1F", "0x1F"),
        ("12", 12),
        ("-1.5", -1.5),
        ("~", None),
        ("'12'", "12"),
    ],
)
def test_scalars_follow_yaml_1_2(text: str, expected: object) -> None:
    doc = read_yaml("f.yaml", f"v: {text}\n".encode())
    assert doc.findings == []
    assert doc.value == {"v": expected}


@pytest.mark.parametrize(
    ("data", "code", "line", "col"),
    [
        (b"a: 1\nb: 2\na: 3\n", "E002", 3, 1),
        (b"a: &x 1\nb: *x\n", "E003", 1, 4),
        (b"b: *x\n", "E003", 1, 4),
        (b"<<: {a: 1}\n", "E004", 1, 1),
        (b"a: !!python/object:os.system x\n", "E005", 1, 4),
        (b"a: \xff\n", "E006", 1, 4),
        (b"\xef\xbb\xbfa: 1\n", "E006", 1, 1),
        (b"- a\n", "E008", 1, 1),
        (b"", "E008", 1, 1),
        (b"a: [\n", "E001", 2, 1),
        (b"[a]: 1\n", "E011", 1, 1),
        (b"a: 123456789012345678901234567890\n", "E010", 1, 4),
        (b"a: 1\n---\nb: 2\n", "E008", 2, 1),
    ],
)
def test_defects_are_findings_with_positions(data: bytes, code: str, line: int, col: int) -> None:
    doc = read_yaml("f.yaml", data)
    assert [(f.code, f.line, f.col) for f in doc.findings][:1] == [(code, line, col)], doc.findings


def test_duplicate_key_names_both_places() -> None:
    doc = read_yaml("f.yaml", b"a: 1\na: 2\n")
    (finding,) = doc.findings
    assert finding.related == (("f.yaml", 1, 1),)
    assert "line 1" in finding.message

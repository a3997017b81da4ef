"""Property tests: the loader turns any bytes into a value or findings, never an exception.

Two sources of input: arbitrary bytes (mostly rejected early, as not UTF-8 or not YAML), and
valid records mutated by YAML-aware edits (a character inserted, a line duplicated or
re-indented, a quote dropped), which reach deep into the parser and the model validation.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml_edits import edited

from accords.findings import Finding
from accords.loading.records import LoadedFile, parse_file
from accords.loading.yaml_positions import read_yaml
from accords.scaffold import KINDS, render

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters that mean something to YAML, and a few that YAML or UTF-8 refuse.
_SIGNIFICANT = [*":-?[]{},#&*!|>'\"%@`\t\n\r ~\\", "\x00", "\x07", "\ufeff", "\u2028", "é"]

SEEDS = [render(kind, f"fuzz-{kind}") for kind in KINDS] + [
    "id: x\nparticipants:\n  - {actor: a, roles: [party], sources: [s]}\n"
    "dates: {signed: '2016-12-30', ended: 2017-01}\nsources: [{source: s, locator: p. 1}]\n"
]


def _well_formed(findings: list[Finding], path: str) -> None:
    for finding in findings:
        assert finding.path == path, finding
        assert finding.line >= 1 and finding.col >= 1, finding
        assert finding.code[:1] == "E" and finding.code[1:].isdigit(), finding
        assert finding.message and "\n" not in finding.message, finding


def _check(loaded: LoadedFile) -> None:
    _well_formed(loaded.findings, "f.yaml")
    if loaded.record is not None:
        assert isinstance(loaded.doc.value, dict)
    if not loaded.findings:
        assert loaded.record is not None, "a file without findings must load"


@_SETTINGS
@given(st.binary(max_size=400), st.sampled_from(KINDS))
def test_arbitrary_bytes_give_a_record_or_findings(data: bytes, kind: str) -> None:
    _check(parse_file(data, kind, "f.yaml"))


@_SETTINGS
@given(st.text(alphabet=st.sampled_from(_SIGNIFICANT + list("abc01")), max_size=200))
def test_yaml_punctuation_soup_gives_a_mapping_or_findings(text: str) -> None:
    doc = read_yaml("f.yaml", text.encode())
    _well_formed(doc.findings, "f.yaml")
    assert doc.value is None or isinstance(doc.value, dict) or doc.findings


@st.composite
def mutated_records(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid record with a handful of YAML-aware edits."""
    index = draw(st.integers(0, len(SEEDS) - 1))
    kind = KINDS[index] if index < len(KINDS) else "agreement"
    kinds = ("insert", "delete", "duplicate", "indent", "swap", "drop")
    text = draw(edited(SEEDS[index], _SIGNIFICANT, kinds, max_rounds=4))
    return kind, text.encode("utf-8")


@_SETTINGS
@given(mutated_records())
def test_mutated_records_give_a_record_or_findings(case: tuple[str, bytes]) -> None:
    kind, data = case
    _check(parse_file(data, kind, "f.yaml"))


def test_the_seeds_themselves_are_valid() -> None:
    for index, seed in enumerate(SEEDS[: len(KINDS)]):
        loaded = parse_file(seed.encode(), KINDS[index], "f.yaml")
        assert loaded.findings == [], (seed, loaded.findings)

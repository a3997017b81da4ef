"""Round trip: model → dump → YAML text → the accords loader → model, equal to the start.

What a tool writes with ``yaml.safe_dump`` must read back through the loader unchanged: no
string turning into a number, a boolean or a date on the way.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from model_strategies import documents
from pydantic import BaseModel

from accords.loading.records import parse_file
from accords.loading.yaml_positions import overflows_yaml12_float, read_yaml
from accords.model import FILE_MODELS

KINDS = sorted(FILE_MODELS)


def dump(record: BaseModel, *, allow_unicode: bool = False) -> str:
    data = record.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)


def _has_raw_break(value: object) -> bool:
    """Whether a dumped value holds NEL, LS or PS, which PyYAML writes raw when allowed Unicode
    and every YAML reader then folds as a line break: a dumper limit, not a loader one."""
    if isinstance(value, str):
        return any(ch in value for ch in "\x85\u2028\u2029")
    if isinstance(value, dict):
        return any(_has_raw_break(k) or _has_raw_break(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_raw_break(v) for v in value)
    return False


def _overflows_yaml12(value: object) -> bool:
    """Whether a dumped string is, to a YAML 1.2 reader, a number too large for any float
    (``1e310``): PyYAML writes it unquoted, being text to YAML 1.1, and the loader refuses it
    (E010) because YAML 1.2 readers would read infinity. A dumper limit, like the breaks above."""
    if isinstance(value, str):
        return overflows_yaml12_float(value)
    if isinstance(value, dict):
        return any(_overflows_yaml12(k) or _overflows_yaml12(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_overflows_yaml12(v) for v in value)
    return False


def load(text: str, kind: str) -> BaseModel | None:
    loaded = parse_file(text.encode("utf-8"), kind, f"{kind}.yaml")
    errors = [f for f in loaded.findings if f.severity.label == "error"]
    assert not errors, f"{[f'{f.code} {f.line}:{f.col} {f.message}' for f in errors]}\n{text}"
    return loaded.record


@pytest.mark.parametrize("kind", KINDS)
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_dump_then_load_gives_the_same_record(kind: str, data: st.DataObject) -> None:
    model = FILE_MODELS[kind]
    record = model.model_validate(data.draw(documents(model), label="document"))
    assume(not _overflows_yaml12(record.model_dump(mode="json")))
    text = dump(record)
    assert load(text, kind) == record, text


@pytest.mark.parametrize("kind", KINDS)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_dump_with_unicode_then_load_gives_the_same_record(kind: str, data: st.DataObject) -> None:
    model = FILE_MODELS[kind]
    doc = data.draw(documents(model).filter(lambda d: not _has_raw_break(d)), label="document")
    record = model.model_validate(doc)
    assume(not _overflows_yaml12(record.model_dump(mode="json")))
    text = dump(record, allow_unicode=True)
    assert load(text, kind) == record, text


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "NO",
        "on",
        "yes",
        "true",
        "null",
        "~",
        "1:20",
        "0x1F",
        "1e5",
        "1_000",
        "2016-09-12",
        "12",
        "-1.5",
        ".5",
        "+1",
        "",
        " padded ",
        "line\nbreak",
        "trailing\n",
        "# not a comment",
        "a: b",
        "- item",
        "09",
        "-09",
        "010",
        "0E0",
        "1.5e3",
        "-.5",
        "+.5",
        "Jabhat Fateh al-Sham / جبهة فتح الشام",
        # NEL (U+0085), a YAML line break, is a control character that text refuses (E108);
        # the Unicode line separator is the same trap and is allowed.
        "\u2028",
        "\u200f",
        "tab\there",
        "'quoted'",
        '"double"',
        "&anchor",
        "*alias",
        "!tag",
        "%",
        "@",
        "`",
    ],
)
def test_tricky_text_survives_the_round_trip(text: str) -> None:
    model = FILE_MODELS["source"]
    record = model.model_validate(
        {"id": "doc", "title": text or "x", "publisher": "p", "kind": "news", "note": text or None}
    )
    assert load(dump(record), "source") == record


@pytest.mark.parametrize("plain", ["09", "-09", "010", "1e5", "0E0", "1.5e3", "-.5", "1_000"])
def test_plain_scalars_that_yaml_1_1_writers_leave_unquoted_stay_text(plain: str) -> None:
    doc = read_yaml("f.yaml", f"v: {plain}\n".encode())
    assert doc.value == {"v": plain}, doc.findings


@pytest.mark.parametrize(
    ("plain", "number"),
    [
        ("0", 0),
        ("12", 12),
        ("-7", -7),
        ("+3", 3),
        ("1.5", 1.5),
        ("-1.", -1.0),
        (".5", 0.5),
        ("1.0e+5", 1.0e5),
        ("2.5E-3", 2.5e-3),
    ],
)
def test_plain_numbers_that_every_reader_agrees_on_are_numbers(plain: str, number: float) -> None:
    doc = read_yaml("f.yaml", f"v: {plain}\n".encode())
    assert doc.value == {"v": number}
    assert type(doc.value["v"]) is type(number)

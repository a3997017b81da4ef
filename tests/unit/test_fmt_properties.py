"""The laws of ``accords fmt``: it never changes what a file means, and it settles.

For every bundled file, and for documents that hypothesis generates from the models, the text is
first written messily (``messy_yaml``: shuffled keys, mixed styles, odd indentation, unquoted
dates, comments on many lines); formatting it must give the same records as the accords loader
reads from the messy text, keep every comment, and give a text that formatting leaves as it is.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from messy_yaml import messy_text
from model_strategies import documents

from accords.config import load_config
from accords.formatting.files import _round_trip, format_text
from accords.formatting.quick import canonical_text
from accords.formatting.rules import modeline
from accords.loading.discovery import dataset_files
from accords.loading.records import parse_file
from accords.model import FILE_MODELS

REPO = Path(__file__).resolve().parents[2]
BUNDLED = dataset_files(REPO, load_config(REPO).layout)


def _records(text: str, kind: str) -> Any:
    loaded = parse_file(text.encode("utf-8"), kind, "x.yaml")
    assert loaded.record is not None, [str(f) for f in loaded.findings]
    return loaded.record.model_dump(mode="json")


def _formatted(text: str, kind: str) -> str:
    result = format_text(text, f"{kind}s/x.yaml", kind)
    assert isinstance(result, str), result
    return result


def _assert_laws(messy: str, comments: list[str], kind: str) -> str:
    once = _formatted(messy, kind)
    assert _records(once, kind) == _records(messy, kind)
    assert _formatted(once, kind) == once
    assert [c for c in comments if once.count(c) != 1] == []
    _assert_quick_path_agrees(messy, kind)
    _assert_quick_path_agrees(once, kind)
    return once


def _assert_quick_path_agrees(text: str, kind: str) -> None:
    """When the quick path calls a text canonical, the round trip leaves it as it is."""
    loaded = parse_file(text.encode("utf-8"), kind, "x")
    assert loaded.record is not None
    if canonical_text(text, loaded.record, _modeline(kind)) == text:
        assert _round_trip(text, loaded) == text


def _modeline(kind: str) -> str:
    return modeline(f"../schemas/{kind}.schema.json")


@pytest.mark.parametrize("record_file", BUNDLED, ids=lambda f: f.display)
def test_every_bundled_file_formats_to_itself_and_its_messy_copy_to_it(record_file: Any) -> None:
    text = record_file.path.read_text("utf-8")
    kind = parse_file(text.encode(), None, "x", folder_kind=record_file.folder_kind).kind
    assert kind is not None
    relative = record_file.path.relative_to(REPO).as_posix()
    assert _formatted(text, kind) == text, relative  # the bundled dataset is canonical
    value = parse_file(text.encode(), kind, "x").doc.value
    _assert_quick_path_agrees(text, kind)
    plain, _ = messy_text(value, random.Random(0), _modeline(kind), comments=False)
    assert _assert_laws(plain, [], kind) == text, relative
    for seed in range(1, 3):
        messy, comments = messy_text(value, random.Random(seed), _modeline(kind))
        assert _records(messy, kind) == _records(text, kind)
        _assert_laws(messy, comments, kind)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(FILE_MODELS)),
    seed=st.integers(0, 2**32 - 1),
    data=st.data(),
)
def test_generated_documents_keep_their_records_and_comments_and_settle(
    kind: str, seed: int, data: st.DataObject
) -> None:
    value = data.draw(documents(FILE_MODELS[kind]))
    rng = random.Random(seed)
    head = rng.choice(("", _modeline(kind), "# yaml-language-server: $schema=wrong.json"))
    messy, comments = messy_text(value, rng, head)
    _assert_laws(messy, comments, kind)

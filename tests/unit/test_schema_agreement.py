"""The committed JSON Schemas and the pydantic models give the same verdict on every document.

Editors and other tools validate with the schema, ``accords`` with the models; a document that
one accepts and the other rejects would be a trap. Valid documents are generated field by field
from the models; invalid ones by mutating valid ones (see ``model_strategies``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_strategies import Document, documents, mutated
from pydantic import BaseModel, ValidationError

from accords.model import FILE_MODELS
from accords.schema import schema_path

REPO = Path(__file__).resolve().parents[2]
KINDS = sorted(FILE_MODELS)

# Mutated documents carry the property; valid ones are a smaller smoke check of the generator.
_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(REPO, kind).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def model_accepts(model: type[BaseModel], doc: Any) -> bool:
    try:
        model.model_validate(doc)
    except ValidationError:
        return False
    return True


def schema_accepts(kind: str, doc: Any) -> bool:
    return bool(validator(kind).is_valid(doc))


def verdicts(kind: str, doc: Any) -> str:
    """Both verdicts and the schema's first complaint, for the assertion message."""
    errors = sorted(validator(kind).iter_errors(doc), key=lambda e: list(e.absolute_path))
    first = f"{list(errors[0].absolute_path)}: {errors[0].message[:200]}" if errors else "none"
    try:
        FILE_MODELS[kind].model_validate(doc)
        model = "accepts"
    except ValidationError as exc:
        model = f"rejects ({exc.errors()[0]['loc']}: {exc.errors()[0]['msg']})"
    return f"{kind}: schema error {first}; model {model}; document {doc!r:.600}"


@pytest.mark.parametrize("kind", KINDS)
@settings(_SETTINGS, max_examples=40)
@given(data=st.data())
def test_valid_documents_pass_both(kind: str, data: st.DataObject) -> None:
    model = FILE_MODELS[kind]
    doc: Document = data.draw(documents(model), label="document")
    assert model_accepts(model, doc), verdicts(kind, doc)
    assert schema_accepts(kind, doc), verdicts(kind, doc)


@pytest.mark.parametrize("kind", KINDS)
@_SETTINGS
@given(data=st.data())
def test_schema_and_model_agree_on_mutated_documents(kind: str, data: st.DataObject) -> None:
    model = FILE_MODELS[kind]
    doc: Document = data.draw(mutated(model), label="document")
    assert schema_accepts(kind, doc) == model_accepts(model, doc), verdicts(kind, doc)


_GOOD_AGREEMENT: Document = {
    "id": "riverside-truce-2031",
    "title": "Riverside truce",
    "kind": "ceasefire",
    "dates": {"announced": "2031-03-02", "effective": "2031-03~"},
    "participants": [
        {"actor": "northland", "roles": ["mediator"], "contested": False},
        {"actor": "river-front", "roles": ["party"], "sources": ["daily", {"source": "weekly"}]},
    ],
    "pax": {"agt_id": 12, "provisions": {"GCh": 1, "Pol": "text"}},
    "sources": ["daily"],
}

# One case per kind of mistake the issue names; each must be rejected by both.
_MISTAKES: dict[str, tuple[tuple[str | int, ...], Any]] = {
    "missing required field": (("title",), ...),
    "unknown key": (("colour",), "red"),
    "alias spelled as the field name": (("dates", "from_"), "2031"),
    "wrong type deep in a list": (("participants", 1, "sources", 1), 5),
    "bad enum word": (("participants", 0, "roles", 0), "mediatr"),
    "empty list where one item is required": (("participants", 0, "roles"), []),
    "bad day": (("dates", "announced"), "2016-02-30"),
    "not a leap year": (("dates", "announced"), "2015-02-29"),
    "bad month": (("dates", "announced"), "2016-13"),
    "date with trailing newline": (("dates", "announced"), "2016-09-12\n"),
    "date with time": (("dates", "announced"), "2016-09-12T10:00"),
    "non-ASCII digits in a date": (("dates", "announced"), "\u0662\u0660\u0661\u0666-09-12"),
    "bad id": (("id",), "Riverside_Truce"),
    "id with trailing newline": (("id",), "riverside\n"),
    "double hyphen in id": (("participants", 0, "actor"), "north--land"),
    "boolean for an int": (("pax", "agt_id"), True),
    "float for an int": (("pax", "agt_id"), 12.5),
    "text for an int": (("pax", "agt_id"), "12"),
    "int for a bool": (("participants", 0, "contested"), 1),
    "text for a bool": (("participants", 0, "contested"), "yes"),
    "null for a list": (("sources",), None),
    "empty text": (("title",), ""),
    "int below minimum": (("pax", "agt_id"), 0),
    "boolean in a dict of ints or text": (("pax", "provisions", "GCh"), True),
    "escape sequence in a title": (("title",), "Riverside \x1b[2J truce"),
    "bell in a note": (("participants", 0, "note"), "ring\x07"),
    "C1 control sequence introducer in an alias": (("aliases",), ["\x9b31m"]),
    "DEL in a provision's text": (("pax", "provisions", "Pol"), "te\x7fxt"),
    "right-to-left override in a locator": (
        ("participants", 1, "sources", 1, "locator"),
        "para. \u202e4",
    ),
    "isolate in the area": (("scope",), {"area": "east \u2066Aleppo\u2069"}),
    "carriage return in the title": (("title",), "Riverside\r truce"),
    "control character in a provision's name": (("pax", "provisions"), {"G\x1bCh": 1}),
}


def _with(doc: Any, loc: tuple[str | int, ...], new: Any) -> Any:
    if isinstance(doc, dict):
        copy: Any = dict(doc)
    else:
        copy = list(doc)
    head, rest = loc[0], loc[1:]
    if rest:
        copy[head] = _with(doc[head], rest, new)
    elif new is ...:
        del copy[head]
    else:
        copy[head] = new
    return copy


def test_the_reference_agreement_is_valid() -> None:
    assert model_accepts(FILE_MODELS["agreement"], _GOOD_AGREEMENT)
    assert schema_accepts("agreement", _GOOD_AGREEMENT)


@pytest.mark.parametrize("mistake", sorted(_MISTAKES))
def test_named_mistakes_are_rejected_by_both(mistake: str) -> None:
    loc, new = _MISTAKES[mistake]
    doc = _with(_GOOD_AGREEMENT, loc, new)
    assert not model_accepts(FILE_MODELS["agreement"], doc), verdicts("agreement", doc)
    assert not schema_accepts("agreement", doc), verdicts("agreement", doc)


def test_integral_floats_are_the_one_known_difference() -> None:
    """JSON has one number type, so the schema cannot tell 12.0 from 12; YAML can, and so can
    the model, which keeps the stricter reading: ``agt_id: 12.0`` is not a whole number."""
    doc = _with(_GOOD_AGREEMENT, ("pax", "agt_id"), 12.0)
    assert schema_accepts("agreement", doc)
    assert not model_accepts(FILE_MODELS["agreement"], doc)

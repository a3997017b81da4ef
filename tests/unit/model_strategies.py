"""Hypothesis strategies for record documents, built by walking the pydantic models.

Valid documents come from one strategy per field type (ids, EDTF dates, enum words, strict
numbers, nested records); invalid candidates come from mutating a valid document at a random
place: a wrong type, an unknown key, a removed key, a bad word, date or id, a trailing newline.
A mutation need not make the document invalid (removing an optional key does not): the tests
compare verdicts, they do not presume them.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from accords.model.common import CONTROL_RANGES, ID_PATTERN, TEXT_PATTERN
from accords.model.dates import EDTF_PATTERN

Document = dict[str, Any]
KeyPath = tuple[str | int, ...]

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)

#: Kebab-case ids: words of lower-case letters and digits joined by single hyphens.
ids = st.lists(_WORD, min_size=1, max_size=3).map("-".join)

_DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))
_SINGLE_DATES = st.one_of(
    _DAYS.map(lambda d: d.isoformat()),
    _DAYS.map(lambda d: d.isoformat()[:7]),
    _DAYS.map(lambda d: d.isoformat()[:4]),
)
_QUALIFIED = st.tuples(_SINGLE_DATES, st.sampled_from(["", "", "~", "?", "%"])).map("".join)

#: Dates of the EDTF subset: days, months, years, qualified, and intervals with open ends.
dates = st.one_of(
    _QUALIFIED,
    st.tuples(st.one_of(_QUALIFIED, st.just("..")), st.one_of(_QUALIFIED, st.just(".."))).map(
        "/".join
    ),
)

_CONTROLS = "".join(chr(c) for low, high in CONTROL_RANGES for c in range(low, high + 1))

#: Free text as people type it, including non-ASCII letters, tabs and, rarely, line breaks;
#: never the control characters the models refuse.
texts = st.text(st.characters(codec="utf-8", exclude_characters=_CONTROLS), min_size=1, max_size=24)

_BAD_VALUES: list[Any] = [
    0,
    -1,
    7,
    2.5,
    -0.5,
    True,
    False,
    None,
    "",
    "text",
    "Bad_Id",
    "a--b",
    "-a",
    "id\n",
    "2016-02-30",
    "2015-02-29",
    "2016-13",
    "2016-00",
    "16-09-12",
    "2016-09-12\n",
    "2016-09-12T10:00",
    "2016/2017/2018",
    "mediatr",
    "Ceasefire",
    "x" * 121,
    "x" * 20001,
    "A truce\x1b[31m",
    "bell\x07",
    "csi\x9b31m",
    "del\x7f",
    "\u202eesrever",
    "isolate\u2066",
    "\r",
    [],
    ["x"],
    [1],
    {},
    {"a": 1},
    {"source": "Bad Id"},
]


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    """Pattern, lengths and bounds collected from pydantic/annotated-types metadata."""
    found: dict[str, Any] = {}
    for item in metadata:
        nested = getattr(item, "metadata", None)
        if isinstance(nested, list):
            found.update(_constraints(nested))
        for name in ("pattern", "min_length", "max_length", "ge", "le"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _string(found: dict[str, Any]) -> st.SearchStrategy[str]:
    pattern = found.get("pattern")
    if pattern == ID_PATTERN:
        return ids
    if pattern == EDTF_PATTERN:
        return dates
    if pattern == TEXT_PATTERN:
        return texts
    if pattern is not None:
        # The models' patterns end in "$(?!\n)", which is "\Z" in Python's dialect.
        return st.from_regex(pattern.replace("$(?!\\n)", r"\Z"))
    return texts


def values(annotation: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    """Valid values for a (possibly Annotated, optional or nested) annotation."""
    metadata = list(metadata or [])
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return values(base, [*metadata, *extra])
    if origin is typing.Union or origin is types.UnionType:
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        return st.one_of(*(values(m, metadata) for m in members))
    found = _constraints(metadata)
    if origin is list:
        (item,) = typing.get_args(annotation)
        low = found.get("min_length", 0)
        return st.lists(values(item), min_size=low, max_size=low + 2)
    if origin is dict:
        _, value_type = typing.get_args(annotation)
        return st.dictionaries(texts, values(value_type), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return documents(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([member.value for member in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=found.get("ge", -(10**6)), max_value=10**6)
    if annotation is float:
        return st.floats(
            min_value=found.get("ge", -1e6),
            max_value=found.get("le", 1e6),
            allow_nan=False,
            allow_infinity=False,
        )
    if annotation is str:
        return _string(found)
    raise TypeError(f"no strategy for {annotation!r}")


_DOCUMENTS: dict[type[BaseModel], st.SearchStrategy[Document]] = {}


def documents(model: type[BaseModel]) -> st.SearchStrategy[Document]:
    """Valid documents of ``model``, keyed by alias: required fields always, others at random."""
    cached = _DOCUMENTS.get(model)
    if cached is not None:
        return cached

    @st.composite
    def build(draw: st.DrawFn) -> Document:
        doc: Document = {}
        for name, info in model.model_fields.items():
            key = info.alias or name
            if not info.is_required() and not draw(st.booleans()):
                continue
            optional = type(None) in typing.get_args(info.annotation)
            if optional and not info.is_required() and draw(st.integers(0, 5)) == 0:
                doc[key] = None
                continue
            doc[key] = draw(values(info.annotation, info.metadata))
        return doc

    # Deferred so that recursive or mutually nested models do not recurse at build time.
    strategy = st.deferred(build)
    _DOCUMENTS[model] = strategy
    return strategy


def locations(value: Any, here: KeyPath = ()) -> list[KeyPath]:
    """Every path into a document, the root included."""
    found = [here]
    if isinstance(value, dict):
        for key, sub in value.items():
            found.extend(locations(sub, (*here, key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(locations(sub, (*here, index)))
    return found


def _get(doc: Any, loc: KeyPath) -> Any:
    for part in loc:
        doc = doc[part]
    return doc


def _replace(doc: Any, loc: KeyPath, new: Any) -> Any:
    """A copy of ``doc`` with the value at ``loc`` replaced (containers copied along the path)."""
    if not loc:
        return new
    head, rest = loc[0], loc[1:]
    copy: Any = dict(doc) if isinstance(doc, dict) else list(doc)
    copy[head] = _replace(doc[head], rest, new)
    return copy


def _type_swaps(value: Any) -> list[Any]:
    """Values of a neighbouring wrong type: bools for ints, ints for bools, floats for ints …"""
    if isinstance(value, bool):
        return [int(value), str(value).lower(), "yes"]
    if isinstance(value, int):
        return [bool(value % 2), value + 0.5, str(value), [value]]
    if isinstance(value, float):
        return [str(value), True, [value]]
    if isinstance(value, str):
        return [
            value + "\n",
            value.upper() + "_",
            " " + value,
            value + "\x1b",
            "\u202e" + value,
            2016,
            [value],
            {"value": value},
        ]
    if isinstance(value, list):
        return [value[0] if value else "x", {}, "x"]
    if isinstance(value, dict):
        return [list(value.values()), "x", 1]
    return ["x"]


@st.composite
def mutated(draw: st.DrawFn, model: type[BaseModel]) -> Document:
    """A valid document of ``model`` with one random mistake (or a harmless change)."""
    doc = draw(documents(model))
    loc = draw(st.sampled_from(locations(doc)))
    target = _get(doc, loc)
    choice = draw(st.integers(0, 3))
    if isinstance(target, dict) and choice == 0:
        unknown = draw(
            st.one_of(
                st.sampled_from(["colour", "from_", "Id", "ID", "sources ", "_", ""]),
                st.sampled_from([k.upper() for k in target] or ["X"]),
            )
        )
        if unknown in target:
            unknown += "x"
        result: Document = _replace(doc, loc, {**target, unknown: draw(st.sampled_from([1, "x"]))})
        return result
    if isinstance(target, dict) and target and choice == 1:
        key = draw(st.sampled_from(sorted(target)))
        kept = {k: v for k, v in target.items() if k != key}
        return typing.cast(Document, _replace(doc, loc, kept))
    if not loc:
        return doc
    if choice == 2:
        new = draw(st.sampled_from(_type_swaps(target)))
    else:
        new = draw(st.sampled_from(_BAD_VALUES))
    return typing.cast(Document, _replace(doc, loc, new))

"""Walking a record: every nested model with its location, for rules and exports alike."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import get_args

from pydantic import BaseModel

#: A key path inside a record: YAML keys and list indexes, e.g. ``("participants", 0)``.
KeyPath = tuple[str | int, ...]


def walk(model: BaseModel, loc: KeyPath = ()) -> Iterator[tuple[KeyPath, BaseModel]]:
    """Every record model nested in ``model`` (itself first), with its location (YAML keys)."""
    yield loc, model
    for name, key in _nested_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from walk(value, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, (*loc, key, index))


@cache
def _nested_fields(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """``(attribute, yaml key)`` of the fields of ``cls`` that can hold models: walking only
    those keeps a walk over thousands of records cheap."""
    return tuple(
        (name, info.alias or name)
        for name, info in cls.model_fields.items()
        if _holds_model(info.annotation)
    )


def _holds_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in get_args(annotation))

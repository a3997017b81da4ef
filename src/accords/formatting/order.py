"""Which model a mapping was validated into, and the order of its keys: the model's fields."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel


def key_order(record: Any) -> dict[str, str]:
    """The YAML keys of ``record``'s model in declaration order, each with its attribute name;
    empty when ``record`` is not a model (a plain mapping keeps its own order)."""
    return _fields(type(record)) if isinstance(record, BaseModel) else {}


@cache
def _fields(model: type[BaseModel]) -> dict[str, str]:
    return {(info.alias or name): name for name, info in model.model_fields.items()}


def child(record: Any, key: Any, fields: dict[str, str]) -> Any:
    """The part of ``record`` that the value under ``key`` was validated into."""
    if fields:
        name = fields.get(str(key))
        return getattr(record, name, None) if name is not None else None
    if isinstance(record, dict):
        return record.get(key)
    return None

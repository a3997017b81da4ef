"""What changed in one record between two versions of a dataset, field by field.

A field's value is compared as its JSON form; a scalar (a date, a status, an id) is shown
before and after, a list or a table only named, since its old and new values would not fit
on a line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field whose value differs: its key path in dots (``dates.effective``), and its value
    before and after as text when it is a scalar (``None``: absent, or not a scalar)."""

    field: str
    before: str | None
    after: str | None
    scalar: bool

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "before": self.before, "after": self.after}


def dumped(model: BaseModel | None, renames: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The model as JSON values, keyed by field name; nothing for ``None``. With ``renames``,
    every text that is a renamed id reads as the new id: a reference that follows a rename is
    no change of its own."""
    data = model.model_dump(mode="json") if model is not None else {}
    return _renamed(data, renames) if renames else data


def _renamed(value: Any, renames: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_renamed(v, renames) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, renames) for k, v in value.items()}
    return value


def field_changes(
    before: BaseModel | None,
    after: BaseModel | None,
    prefix: str = "",
    *,
    skip: Iterable[str] = (),
    renames: Mapping[str, str] | None = None,
) -> tuple[FieldChange, ...]:
    """Every field of two versions of one model whose value differs, in field order; the
    old version's references to renamed records read as the new ids."""
    old, new = dumped(before, renames), dumped(after)
    names = [n for n in dict.fromkeys([*old, *new]) if n not in set(skip)]
    changes = []
    for name in names:
        a, b = old.get(name), new.get(name)
        if a == b or (_empty(a) and _empty(b)):
            continue
        scalar = _is_scalar(a) and _is_scalar(b)
        changes.append(
            FieldChange(
                f"{prefix}{name}",
                _text(a) if scalar else None,
                _text(b) if scalar else None,
                scalar,
            )
        )
    return tuple(changes)


def differs(
    before: BaseModel,
    after: BaseModel,
    *,
    skip: Iterable[str] = (),
    renames: Mapping[str, str] | None = None,
) -> bool:
    """Whether two models differ in anything but the fields skipped (and renamed references)."""
    left, right = dumped(before, renames), dumped(after)
    for name in skip:
        left.pop(name, None)
        right.pop(name, None)
    return left != right


def _empty(value: object) -> bool:
    """An absent field and an empty list say the same."""
    return value is None or value == [] or value == {}


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

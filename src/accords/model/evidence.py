"""The claims of a record that cite sources, each named as a person reads it."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from accords.model.common import SourceRef
from accords.model.walk import KeyPath, walk


def cited_claims(record: BaseModel) -> Iterator[tuple[str, list[SourceRef]]]:
    """``(claim, citations)`` of every part of ``record`` that cites sources, the record itself
    first; a claim is named by its place in the record: ``participants[0]``, ``outcome``."""
    for loc, model in walk(record):
        sources = getattr(model, "sources", None)
        if isinstance(sources, list) and sources:
            yield claim_name(loc, model), sources


def claim_name(loc: KeyPath, model: BaseModel | None = None) -> str:
    """``participants[0]`` style name of a location (``record`` for the record itself), with
    what the claim is about when a list item says: ``participants[0] (russia)``."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    about = _about(model) if loc and isinstance(loc[-1], int) else None
    return (name or "record") + (f" ({about})" if about else "")


def _about(model: BaseModel | None) -> str | None:
    """The actor, id or parties a list item is about."""
    for attribute in ("actor", "id", "agreement"):
        value = getattr(model, attribute, None)
        if isinstance(value, str):
            return value
    by, against = getattr(model, "by", None), getattr(model, "against", None)
    return f"{by} against {against}" if isinstance(by, str) and isinstance(against, str) else None

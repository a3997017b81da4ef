"""Tell a file's record kind from what it says: its ``$schema`` modeline, or else its keys.

The modeline is the comment that points editors at the schema
(``# yaml-language-server: $schema=../schemas/agreement.schema.json``); it is looked for in the
comments that open the file. A file without one is told by its top-level keys: the kind whose
required fields it has and whose fields it shares most, when exactly one kind does.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from accords.model import FILE_MODELS

#: The modeline's schema: a file name ``<kind>.schema.json``, after any folder or address.
_MODELINE_RE = re.compile(rb"\$schema=\S*?([a-z]+)\.schema\.json\s*$")
#: Only the comments at the top of a file are read for a modeline.
_HEAD_BYTES = 4096


def kind_from_modeline(data: bytes) -> str | None:
    """The kind named by the ``$schema`` modeline among the file's opening comments."""
    for line in data[:_HEAD_BYTES].splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(b"#"):
            return None
        match = _MODELINE_RE.search(stripped)
        if match:
            kind = match.group(1).decode("ascii")
            return kind if kind in FILE_MODELS else None
    return None


def kind_from_keys(value: Any) -> str | None:
    """The one kind whose required fields ``value`` has and whose fields it shares most."""
    if not isinstance(value, dict):
        return None
    keys = set(value)
    scores: dict[str, int] = {}
    for kind, (required, fields) in _fields().items():
        if required <= keys:
            scores[kind] = len(keys & fields)
    if not scores:
        return None
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


@cache
def _fields() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per kind: the names of its required fields, and of all its fields (aliases included)."""
    fields: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for kind, model in FILE_MODELS.items():
        names = {info.alias or name: info for name, info in model.model_fields.items()}
        required = frozenset(name for name, info in names.items() if info.is_required())
        fields[kind] = (required, frozenset(names))
    return fields

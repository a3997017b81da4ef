"""The round-trip YAML reader and writer: ruamel.yaml, imported here and nowhere else.

Every plain scalar is read as text (only ``~``, ``null`` and an empty value are null), and
written back as it was read: no resolver stands between the file's words and the writer, so a
plain ``12`` or ``yes`` is written back plain, exactly as accords reads it. Quotes are kept as
the author wrote them, and lines are never wrapped by the writer: the rules decide folding.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from accords.formatting.rules import INDENT

_NULL_TAG = "tag:yaml.org,2002:null"
_NULL_RE = re.compile(r"^(?:~|null|)$")
#: Longer than any line the writer may leave alone.
_NO_WRAPPING = 1 << 20


class _TextResolver(VersionedResolver):
    """Resolves a plain scalar to null or text, never to a number, boolean or timestamp."""

    @property
    def versioned_resolver(self) -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
        nulls = [(_NULL_TAG, _NULL_RE)]
        return {"": nulls, "~": nulls, "n": nulls}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True
    yaml.width = _NO_WRAPPING
    yaml.indent(mapping=INDENT, sequence=2 * INDENT, offset=INDENT)
    yaml.allow_unicode = True
    return yaml


__all__ = ["YAMLError", "dump", "load"]


def load(text: str) -> Any:
    """The round-trip tree of one YAML document (comments attached)."""
    return _yaml().load(text)


def dump(tree: Any) -> str:
    """The YAML text of a round-trip tree."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()

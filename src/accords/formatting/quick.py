"""The canonical text of a comment-free file, written without the round-trip library.

Most files of a dataset are already canonical and hold no comment but the modeline. For them,
this module rebuilds the canonical text from libyaml's node tree (C, fast) and the validated
record; when it equals the file's text, the file is canonical and ruamel.yaml is never loaded.
Whatever it does not handle exactly as the round-trip writer does (comments, escapes, empty
collections, unusual keys or scalars) makes it give up (``None``), and the caller formats the
file the slow, exact way. It only ever answers "this text is canonical"; it never writes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import BaseModel

from accords.formatting.order import child, key_order
from accords.formatting.rules import (
    INDENT,
    fold_positions,
    is_date,
    is_flow_list,
    is_id,
    needs_folding,
    reads_back_plain,
)

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's composer, without tag resolution: only the nodes' text and style are read."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"


_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Characters that a plain scalar may not start with, in block context.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
#: Characters that the writer escapes, or that YAML reads as line breaks.
_SPECIAL_RE = re.compile("[\x00-\x1f\x7f-\xa0\u2028\u2029\ufeff]")


class _GiveUp(Exception):
    """The text holds something this module does not write exactly as ruamel.yaml does."""


def canonical_text(text: str, record: BaseModel, modeline: str) -> str | None:
    """The canonical text of ``text`` when it holds no comment but its opening ones and only
    what this module writes exactly; ``None`` otherwise."""
    head: list[str] = []
    for line in text.split("\n"):
        if not line.startswith("#"):
            break
        head.append(line)
    if modeline not in head:
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
        if not isinstance(root, yaml.MappingNode):
            return None
        out = list(head)
        _mapping(root, record, 0, out)
    except (_GiveUp, yaml.YAMLError):
        return None
    return "\n".join(out) + "\n"


def _mapping(node: yaml.MappingNode, record: Any, indent: int, out: list[str]) -> None:
    """Append the block mapping's lines; its first key goes on the current last line when
    that line is a list item's dash (``- ``)."""
    if not node.value:
        raise _GiveUp
    fields = key_order(record)
    pairs = node.value
    if fields:
        rank = {key: i for i, key in enumerate(fields)}
        pairs = sorted(pairs, key=lambda pair: rank.get(pair[0].value, len(rank)))
    for key_node, value in pairs:
        key = key_node.value
        if key_node.style or not isinstance(key, str) or not _KEY_RE.match(key):
            raise _GiveUp
        _entry(key, value, child(record, key, fields), indent, out)


def _entry(key: str, value: Any, record: Any, indent: int, out: list[str]) -> None:
    lead = " " * indent + key + ":"
    if out and out[-1].endswith("- ") and out[-1].strip() == "-":
        lead = out.pop() + key + ":"  # the first key of a list item shares the dash's line
    column = len(lead) + 1
    if isinstance(value, yaml.MappingNode):
        out.append(lead)
        _mapping(value, record, indent + INDENT, out)
    elif isinstance(value, yaml.SequenceNode):
        _sequence(lead, value, record, indent + INDENT, column, out)
    else:
        out.extend(_scalar(lead, value, indent + INDENT, column))


def _sequence(
    lead: str, node: yaml.SequenceNode, record: Any, indent: int, column: int, out: list[str]
) -> None:
    items = node.value
    if not items:
        raise _GiveUp
    words = [
        i.value
        for i in items
        if isinstance(i, yaml.ScalarNode)
        and is_id(i.value)
        and (not i.style or reads_back_plain(i.value))
    ]
    if len(words) == len(items) and is_flow_list(words, column):
        out.append(f"{lead} [{', '.join(words)}]")
        return
    out.append(lead)
    records = record if isinstance(record, list) and len(record) == len(items) else None
    for index, item in enumerate(items):
        item_record = records[index] if records is not None else None
        dash = " " * indent + "- "
        if isinstance(item, yaml.MappingNode):
            out.append(dash)
            _mapping(item, item_record, indent + INDENT, out)
        elif isinstance(item, yaml.ScalarNode):
            out.extend(_scalar(dash.rstrip(" "), item, indent + INDENT, indent + INDENT))
        else:
            raise _GiveUp


def _scalar(lead: str, node: yaml.ScalarNode, indent: int, column: int) -> list[str]:
    """The lines of a scalar written after ``lead`` (``key:`` or ``-``), as arrange writes it."""
    value, style = node.value, node.style or None  # libyaml gives a plain scalar ''
    if not isinstance(value, str) or "\n" in value or _SPECIAL_RE.search(value):
        raise _GiveUp
    if is_date(value):
        return [f'{lead} "{_double(value)}"']
    if needs_folding(value, column):
        return [f"{lead} >-", *_folded(value, indent)]
    if style is None:
        if value == "":
            return [lead]
        if not _plain(value):
            raise _GiveUp
        return [f"{lead} {value}"]
    # Quoted, or a short block scalar: plain where it reads back the same (the cheap test first).
    if _plain(value) and reads_back_plain(value):
        return [f"{lead} {value}"]
    return [f'{lead} "{_double(value)}"']


def _double(value: str) -> str:
    """The text between double quotes: only backslash and quote are escaped (the caller has
    given up on every character the writer escapes otherwise)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _plain(value: str) -> bool:
    """Whether the writer keeps this plain text plain (a cautious subset of its own test)."""
    return not (
        value[0] in _INDICATORS
        or value[-1] in " :"
        or ": " in value
        or " #" in value
        or value.startswith(("---", "..."))
        or value in ("~", "null")
    )


def _folded(value: str, indent: int) -> list[str]:
    lines, start = [], 0
    for position in fold_positions(value, indent):
        lines.append(" " * indent + value[start:position])
        start = position + 1
    lines.append(" " * indent + value[start:])
    return lines

"""What the canonical form asks of the text itself: the modeline, and where comments stand."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from accords.formatting.rules import modeline

#: A modeline as editors read it, however it is spaced.
_MODELINE_RE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=")
#: A line that opens a block scalar (``key: >-``, ``- |``), perhaps with a comment after it.
_BLOCK_HEADER_RE = re.compile(r"(?:^|:|-)\s+[|>][-+0-9]*\s*(?:#.*)?$")


def schema_path(kind: str, file: Path, root: Path | None) -> str:
    """The path from ``file`` to its kind's schema in the dataset's ``schemas/`` folder."""
    return _schema_path(kind, file.parent, root)


@lru_cache(maxsize=1024)
def _schema_path(kind: str, folder: Path, root: Path | None) -> str:
    name = f"{kind}.schema.json"
    if root is None:
        return f"../schemas/{name}"
    target = root.resolve() / "schemas" / name
    return Path(os.path.relpath(target, folder.absolute().resolve())).as_posix()


def with_modeline(text: str, line: str) -> str:
    """``text`` whose opening comments hold ``line`` as their modeline, in place of any other.

    Only the comments above the first key are looked at; a modeline is added as the first line
    when none is there.
    """
    lines = text.splitlines(keepends=True)
    for index, current in enumerate(lines):
        stripped = current.strip()
        if stripped and not stripped.startswith("#"):
            break
        if _MODELINE_RE.match(stripped):
            lines[index] = line + "\n"
            return "".join(lines)
    return line + "\n" + text


def indent_comments(text: str) -> str:
    """Indent each comment on a line of its own like the next line that holds a value.

    A list item's dash left alone on its line, its comments below it (where the round-trip
    writer puts a comment it keeps before an item's first key), is joined to that key again,
    the comments going above it. Lines inside a block scalar are text, not comments, and are
    left alone.
    """
    lines = text.split("\n")
    block_indent: int | None = None  # the indentation of the line that opened a block scalar
    pending: list[int] = []  # comment lines waiting for the next line with a value
    lone_dash: int | None = None  # a line that holds only a list item's dash
    joined: set[int] = set()  # lone dashes joined to the line below them
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped:
            continue
        if stripped.startswith("#"):
            pending.append(index)
            continue
        if lone_dash is not None and indent == len(lines[lone_dash]) + 1:
            indent, stripped = indent - 2, "- " + stripped
            lines[index] = " " * indent + stripped
            joined.add(lone_dash)
        lone_dash = index if stripped == "-" else None
        for waiting in pending:
            lines[waiting] = " " * indent + lines[waiting].lstrip(" ")
        pending = []
        if _BLOCK_HEADER_RE.search(line):
            block_indent = _parent_indent(stripped, indent)
    for waiting in pending:
        lines[waiting] = lines[waiting].lstrip(" ")
    return "\n".join(line for index, line in enumerate(lines) if index not in joined)


def _parent_indent(stripped: str, indent: int) -> int:
    """The indentation that a block scalar opened on this line must go deeper than: its key's
    column, or the column of the dash whose item it is."""
    while stripped.startswith("- "):
        rest = stripped[2:].lstrip(" ")
        if rest[:1] in ("|", ">"):
            return indent
        indent += len(stripped) - len(rest)
        stripped = rest
    return indent


__all__ = ["indent_comments", "modeline", "schema_path", "with_modeline"]

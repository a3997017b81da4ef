"""Write a record's YAML value the way a careless hand would: shuffled keys, flow and block
styles mixed, odd indentation, dates unquoted, text plain or quoted at random, and a numbered
comment on many lines. The text reads back, through the accords loader, as the same value.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

from accords.formatting.rules import is_date, reads_back_plain

_WORD_RE = re.compile(r"^[a-z][a-z0-9-]*$")
_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
#: Mappings whose keys the record chooses (PA-X provision codes): fmt keeps their order.
_FREE_MAPPINGS = frozenset(("provisions",))
_RESERVED = frozenset(("true", "false", "null"))


class Messy:
    """One messy text under construction; ``comments`` lists the comment markers it holds."""

    def __init__(self, rng: random.Random, comments: bool) -> None:
        self.rng = rng
        self.commenting = comments
        self.lines: list[str] = []
        self.comments: list[str] = []

    def comment(self) -> str:
        marker = f"# c{len(self.comments):04d}"
        self.comments.append(marker)
        return marker

    def maybe_eol(self) -> str:
        return f"  {self.comment()}" if self.commenting and self.rng.random() < 0.3 else ""

    def maybe_line_comment(self, indent: int) -> None:
        if self.commenting and self.rng.random() < 0.2:
            self.lines.append(" " * indent + self.comment())


def messy_text(
    value: dict[str, Any], rng: random.Random, head: str = "", *, comments: bool = True
) -> tuple[str, list[str]]:
    """A messy YAML text of ``value`` and the comment markers placed in it (none when not
    ``comments``)."""
    messy = Messy(rng, comments)
    if head:
        messy.lines.append(head)
    if comments and rng.random() < 0.5:
        messy.lines.append(messy.comment())
    _mapping(messy, value, 0)
    if comments and rng.random() < 0.5:
        messy.lines.append(messy.comment())
    return "\n".join(messy.lines) + "\n", messy.comments


def _mapping(
    messy: Messy, value: dict[str, Any], indent: int, first_inline: bool = False, free: bool = False
) -> None:
    keys = list(value)
    if not free:
        messy.rng.shuffle(keys)
    for number, key in enumerate(keys):
        if not (first_inline and number == 0):
            messy.maybe_line_comment(indent)
        _entry(messy, key, value[key], indent)


def _entry(messy: Messy, key: str, item: Any, indent: int) -> None:
    rng, pad = messy.rng, " " * indent
    step = rng.choice((2, 3, 4))
    if isinstance(item, dict) and item and rng.random() < 0.7:
        messy.lines.append(f"{pad}{_key(key)}:{messy.maybe_eol()}")
        _mapping(messy, item, indent + step, free=key in _FREE_MAPPINGS)
    elif isinstance(item, list) and item and rng.random() < 0.6:
        messy.lines.append(f"{pad}{_key(key)}:{messy.maybe_eol()}")
        _sequence(messy, item, indent + rng.choice((0, 2, 4)))
    elif isinstance(item, dict | list):
        messy.lines.append(f"{pad}{_key(key)}: {_flow(item)}{messy.maybe_eol()}")
    else:
        messy.lines.append(f"{pad}{_key(key)}:{_scalar(rng, item)}{messy.maybe_eol()}")


def _sequence(messy: Messy, items: list[Any], indent: int) -> None:
    pad = " " * indent
    for item in items:
        messy.maybe_line_comment(indent)
        if isinstance(item, dict) and item:
            start = len(messy.lines)
            _mapping(messy, item, indent + 2, first_inline=True)
            messy.lines[start] = pad + "- " + messy.lines[start][indent + 2 :]
        elif isinstance(item, dict | list):
            messy.lines.append(f"{pad}- {_flow(item)}{messy.maybe_eol()}")
        else:
            messy.lines.append(f"{pad}-{_scalar(messy.rng, item)}{messy.maybe_eol()}")


def _scalar(rng: random.Random, item: Any) -> str:
    """The scalar after ``key:`` or ``-``, with its leading space (none for an empty null)."""
    if item is None:
        return rng.choice(("", " ~", " null"))
    if isinstance(item, bool):
        return " true" if item else " false"
    if isinstance(item, int):
        return f" {item}"
    if isinstance(item, float):
        # Python writes 1e-05; accords reads a plain number only in the form YAML 1.1 and 1.2
        # readers both take as one, which has a dot: 1.0e-05.
        mantissa, e, exponent = repr(item).partition("e")
        mantissa = mantissa if "." in mantissa else mantissa + ".0"
        return f" {mantissa}{e}{exponent}"
    text = str(item)
    styles = ["double"]
    if "\n" not in text and text == text.strip():
        styles.append("single")
    # ruamel.yaml refuses a tab in a plain scalar, which libyaml takes (fmt leaves such a file
    # untouched, with a finding; tests/acceptance/test_fmt.py shows it).
    plain_ok = "\t" not in text and reads_back_plain(text)
    if (is_date(text) and not text.isdigit()) or plain_ok:
        styles += ["plain", "plain"]
    style = rng.choice(styles)
    if style == "plain":
        return f" {text}"
    if style == "single":
        return " '" + text.replace("'", "''") + "'"
    return " " + _double(text, ascii_only=rng.random() < 0.5)


def _double(text: str, ascii_only: bool = False) -> str:
    """``text`` in double quotes: JSON's escapes are YAML's, but for characters beyond the BMP
    (JSON writes surrogate pairs, which YAML refuses) and the characters YAML reads as breaks."""
    ascii_only = ascii_only and all(ord(c) < 0xD800 for c in text)
    quoted = json.dumps(text, ensure_ascii=ascii_only)
    for char in "\u2028\u2029\ufeff":
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return quoted


def _key(key: str) -> str:
    """A mapping key: plain when it is a word, else double-quoted. The keys of a free mapping
    (PA-X provision codes) may be any text, and ``>``, ``1`` or ``a: b`` written plain would
    not read back as the same string key."""
    return key if _KEY_RE.match(key) and reads_back_plain(key) else _double(key)


def _flow(item: Any) -> str:
    if isinstance(item, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in item.items()) + "}"
    if isinstance(item, list):
        return "[" + ", ".join(_flow(v) for v in item) + "]"
    if isinstance(item, str) and _WORD_RE.match(item) and item not in _RESERVED:
        return item
    if isinstance(item, str):
        return _double(item)
    return _scalar(random.Random(0), item).strip() or "null"

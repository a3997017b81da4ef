"""The canonical form of a record file, stated once.

* Keys in the order the model declares its fields.
* Two-space indentation; a list's dashes indented two spaces under its key.
* Mappings in block style.
* A list of ids (kebab-case words, which covers roles and other enumerated words) in flow style,
  ``[a, b]``, when it fits on its line within :data:`WIDTH` columns and no comment stands
  between its items; every other list in block style, one item a line.
* Dates always in double quotes: any text that reads as an EDTF date or a YAML 1.1 timestamp.
* Text whose line would run past :data:`WIDTH` columns folded (``>-``) at that width, between
  words. Whether text fits is measured without its quotes, so that taking them off or putting
  them on never changes the decision (formatting twice gives what formatting once gave).
* Other text plain where that reads back as the same text, else in double quotes; text with
  line breaks in a block scalar (``|``, ``>``) stays as written. Plain values (numbers,
  ``true``, ids, words) stay plain: they read back as what they are.
* Comments kept: a comment on a line of its own is indented like the line below it, a comment at
  the end of a line stands two spaces after the value.
* The ``$schema`` modeline among the opening comments, pointing at the dataset's ``schemas/``
  folder: corrected where it is wrong, added as the first line where it is missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accords.loading.yaml_positions import read_yaml
from accords.model.common import ID_PATTERN
from accords.model.dates import EDTF_PATTERN

#: The width that folded text and flow lists keep within.
WIDTH = 100
#: Spaces per level of nesting.
INDENT = 2

_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(EDTF_PATTERN)
_DIGITS_RE = re.compile(r"^[0-9]+$")
#: What YAML 1.1 readers (js-yaml, PyYAML) take for a timestamp when it is not quoted.
_TIMESTAMP_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?$")
#: Characters that YAML counts as line breaks or that cannot stand in a block scalar.
_UNFOLDABLE = frozenset("\n\r\t\x85\u2028\u2029\ufeff")
#: A single space between two other characters: where a folded line may break.
_BREAKABLE_RE = re.compile(r"(?<=[^ ]) (?=[^ ])")


def is_date(text: str) -> bool:
    """Whether ``text`` reads as a date (a bare year only when quoted: plain, it is a number)."""
    if _DIGITS_RE.match(text):
        return False
    return bool(_DATE_RE.match(text) or _TIMESTAMP_RE.match(text))


def is_id(text: str) -> bool:
    """Whether ``text`` is a kebab-case id (or an enumerated word, which looks the same)."""
    return _ID_RE.match(text) is not None


def is_flow_list(items: Sequence[object], column: int) -> bool:
    """Whether a list of these items, starting at ``column`` (0-based), is written ``[a, b]``."""
    if not items or not all(isinstance(i, str) and _ID_RE.match(i) for i in items):
        return False
    return column + len("[" + ", ".join(map(str, items)) + "]") <= WIDTH


def needs_folding(text: str, column: int) -> bool:
    """Whether ``text``, starting at ``column``, runs past the width and can be folded."""
    if column + len(text) <= WIDTH or text != text.strip(" ") or _UNFOLDABLE.intersection(text):
        return False
    return _BREAKABLE_RE.search(text) is not None


def fold_positions(text: str, indent: int) -> list[int]:
    """Where to break ``text`` into lines of at most ``WIDTH - indent`` characters.

    Each position is a space between two words (a break there reads back as that one space); a
    word longer than a line stands on its own. Empty when the text cannot be folded safely.
    """
    if not text or text != text.strip(" ") or _UNFOLDABLE.intersection(text):
        return []
    room = max(WIDTH - indent, 20)
    spaces = [match.start() for match in _BREAKABLE_RE.finditer(text)]
    breaks: list[int] = []
    start = 0  # where the current line starts
    last: int | None = None  # the last space the current line may end at
    for space in spaces:
        if space - start <= room:
            last = space
            continue
        if last is not None:
            breaks.append(last)
            start, last = last + 1, None
            if space - start <= room:
                last = space
                continue
        breaks.append(space)  # a word longer than a line stands on its own
        start = space + 1
    if len(text) - start > room and last is not None:
        breaks.append(last)
    return breaks


def reads_back_plain(text: str) -> bool:
    """Whether ``text`` written plain (unquoted) reads back as this same text."""
    doc = read_yaml("", f"k: {text}\n".encode())
    return doc.value == {"k": text} and not doc.findings and not doc.plain_dates


def modeline(schema_path: str) -> str:
    """The comment that points editors at the file's schema."""
    return f"# yaml-language-server: $schema={schema_path}"

"""Apply the canonical form (:mod:`accords.formatting.rules`) to a round-trip YAML tree.

The tree is walked beside the record the accords loader built from the same file, so that each
mapping is ordered by the fields of the model it was validated into. Only layout changes: keys
move with their values and comments, text keeps its words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)
from ruamel.yaml.tokens import CommentToken

from accords.formatting.order import child as record_child
from accords.formatting.order import key_order
from accords.formatting.rules import INDENT, fold_positions, is_date, is_flow_list, needs_folding

#: Whether a text reads back the same when written plain (the caller asks the accords loader).
PlainCheck = Callable[[str], bool]


def arrange(tree: CommentedMap, record: BaseModel, plain_ok: PlainCheck) -> None:
    """Put the whole file's tree into canonical form, in place."""
    _Arranger(plain_ok).mapping(tree, record, 0)


class _Arranger:
    def __init__(self, plain_ok: PlainCheck) -> None:
        self.plain_ok = plain_ok

    def mapping(self, node: CommentedMap, record: Any, indent: int) -> None:
        """Order, style and descend into a mapping whose keys stand at ``indent``."""
        if not node:
            node.fa.set_flow_style()  # ``{}``: block style has no way to write it
            return
        node.fa.set_block_style()
        _settle_end_of_line_comments(node)
        fields = key_order(record)
        if fields:
            rank = {key: i for i, key in enumerate(fields)}
            for key in sorted(node, key=lambda k: rank.get(k, len(rank))):
                node.move_to_end(key)
        for key in list(node):
            child = record_child(record, key, fields)
            column = indent + len(str(key)) + 2
            value = self.value(node[key], child, indent, column)
            # Set past CommentedMap.__setitem__, which would keep the old value's quoting.
            ordereddict.__setitem__(node, key, value)
            if isinstance(value, FoldedScalarString | LiteralScalarString):
                _comments_out_of_block(node.ca.items.get(key, [None] * 3)[2])

    def value(self, node: Any, record: Any, indent: int, column: int) -> Any:
        """The canonical form of a value under a key at ``indent``, written from ``column``."""
        if isinstance(node, CommentedMap):
            self.mapping(node, record, indent + INDENT)
            return node
        if isinstance(node, CommentedSeq):
            self.sequence(node, record, indent + INDENT, column)
            return node
        if isinstance(node, str):
            return self.text(node, indent + INDENT, column)
        return node

    def sequence(self, node: CommentedSeq, record: Any, indent: int, column: int) -> None:
        """Style and descend into a list whose dashes stand at ``indent``."""
        _settle_end_of_line_comments(node)
        if not node:
            node.fa.set_flow_style()  # ``[]``: block style has no way to write it
            return
        has_comments = bool(node.ca.items or node.ca.end or node.ca.comment)
        words = [i for i in node if isinstance(i, str) and self.reads_back_plain(i)]
        if not has_comments and len(words) == len(node) and is_flow_list(words, column):
            for index, word in enumerate(words):
                list.__setitem__(node, index, str(word))
            node.fa.set_flow_style()
            return
        node.fa.set_block_style()
        records = record if isinstance(record, list) and len(record) == len(node) else None
        for index, item in enumerate(node):
            child = records[index] if records is not None else None
            if isinstance(item, CommentedMap):
                self.mapping(item, child, indent + INDENT)
                _lift_first_comments(node, index, item)
            elif isinstance(item, CommentedSeq):
                self.sequence(item, child, indent + INDENT, indent + INDENT)
            elif isinstance(item, str):
                written = self.text(item, indent + INDENT, indent + INDENT)
                list.__setitem__(node, index, written)
                if isinstance(written, FoldedScalarString | LiteralScalarString):
                    _comments_out_of_block(node.ca.items.get(index, [None])[0])

    def text(self, value: str, indent: int, column: int) -> str:
        """A text scalar in canonical form: dates in double quotes, long text folded, other
        quoted text plain where that reads back the same; plain text stays plain."""
        text = str(value)
        if _one_folded_paragraph(value):
            if not needs_folding(text[:-1], column):
                return value
            refolded = FoldedScalarString(text)
            refolded.fold_pos = fold_positions(text[:-1], indent)
            kept: str = refolded
            return kept
        if isinstance(value, FoldedScalarString | LiteralScalarString) and "\n" in text:
            return value  # lines the author broke on purpose stay as written
        written: str = value
        if is_date(text):
            written = DoubleQuotedScalarString(text)
        elif needs_folding(text, column):
            folded = FoldedScalarString(text)
            folded.fold_pos = fold_positions(text, indent)
            written = folded
        elif isinstance(value, ScalarString):
            written = text if self.plain_ok(text) else DoubleQuotedScalarString(text)
        return written

    def reads_back_plain(self, value: str) -> bool:
        """Whether a value is, or can be written as, plain text that reads back the same."""
        return not isinstance(value, ScalarString) or self.plain_ok(str(value))


def _settle_end_of_line_comments(node: CommentedMap | CommentedSeq) -> None:
    """Put every end-of-line comment two spaces after its value.

    A comment token that starts with ``#`` began on a line with a value; the writer keeps the
    column it was read at, which no longer fits once the line moves, so it is reset.
    """
    slots: list[Any] = [node.ca.comment[0]] if node.ca.comment else []
    for entry in node.ca.items.values():
        slots.extend(entry)
    for token in slots:
        if isinstance(token, CommentToken) and token.value.startswith("#"):
            token.value = " " + token.value
            token.start_mark = CommentMark(0)  # type: ignore[assignment]


def _comments_out_of_block(token: Any) -> None:
    """Move the comments that follow a block scalar to the start of their lines.

    Written at the column they were read at, they could stand inside the block's text and be
    read back as part of it; from the first column they end the block, and the layout then
    indents them like the line below them.
    """
    if isinstance(token, CommentToken):
        token.value = "\n".join(line.lstrip(" ") for line in token.value.split("\n"))
        token.start_mark = CommentMark(0)  # type: ignore[assignment]


def _lift_first_comments(node: CommentedSeq, index: int, item: CommentedMap) -> None:
    """Put the comments above a list item's first key above its dash instead.

    The round-trip writer puts them between the dash and the key, and loses its indentation
    after them; above the dash they say the same.
    """
    lifted: list[Any] = []
    if item.ca.comment and len(item.ca.comment) > 1 and item.ca.comment[1]:
        lifted.extend(item.ca.comment[1])
        item.ca.comment[1] = None
    first = next(iter(item), None)
    slots = item.ca.items.get(first) if first is not None else None
    if slots and len(slots) > 1 and slots[1]:
        lifted.extend(slots[1])
        slots[1] = None
    if lifted:
        entry = node.ca.items.setdefault(index, [None, None, None, None])
        entry[1] = [*(entry[1] or []), *lifted]


def _one_folded_paragraph(value: str) -> bool:
    """A folded text (``>``) of one paragraph, ending with its line break: refolded as such."""
    return isinstance(value, FoldedScalarString) and value.endswith("\n") and "\n" not in value[:-1]

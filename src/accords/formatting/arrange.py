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
    SingleQuotedScalarString,
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
            # Set past CommentedMap.__setitem__, which would keep the old value's quoting.
            ordereddict.__setitem__(node, key, self.value(node[key], child, indent, column))

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
        has_comments = bool(node.ca.items) or bool(node.ca.end)
        plain = [i for i in node if not isinstance(i, ScalarString)]
        if not has_comments and len(plain) == len(node) and is_flow_list(node, column):
            node.fa.set_flow_style()
            return
        node.fa.set_block_style()
        records = record if isinstance(record, list) and len(record) == len(node) else None
        for index, item in enumerate(node):
            child = records[index] if records is not None else None
            if isinstance(item, CommentedMap):
                self.mapping(item, child, indent + INDENT)
            elif isinstance(item, CommentedSeq):
                self.sequence(item, child, indent + INDENT, indent + INDENT)
            elif isinstance(item, str):
                list.__setitem__(node, index, self.text(item, indent + INDENT, indent + INDENT))

    def text(self, value: str, indent: int, column: int) -> str:
        """A text scalar in canonical form: dates quoted, long text folded."""
        if isinstance(value, LiteralScalarString) and "\n" in value:
            return value  # lines the author broke on purpose stay as written
        quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
        if (quoted or not isinstance(value, ScalarString)) and is_date(str(value)):
            quoted_date: str = DoubleQuotedScalarString(str(value))
            return quoted_date
        if needs_folding(str(value), column):
            folded = FoldedScalarString(str(value))
            folded.fold_pos = fold_positions(str(value), indent)
            as_text: str = folded
            return as_text
        if isinstance(value, FoldedScalarString | LiteralScalarString):
            plain = str(value)
            written: str = plain if self.plain_ok(plain) else DoubleQuotedScalarString(plain)
            return written
        return value


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

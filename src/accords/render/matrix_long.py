"""The matrix in long form for the terminal: one line per marked cell (actor, agreement, marks).

A matrix wider than the terminal cannot be read, and a thousand mostly empty columns cost
megabytes of borders; the long form prints only what is there. Text wraps at spaces, never
inside a word: a word longer than its column runs past it instead.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import TextIO

from accords.analysis.compare import ComparisonResult
from accords.render.escape import terminal_text
from accords.render.matrix_layout import row_groups, title_of
from accords.render.vocabulary import column_flag, mark_label, notes

#: The actor column never grows wider than this; longer names wrap at spaces.
ACTOR_WIDTH = 32
#: The marks column is given at least this much, however narrow the output.
MARKS_WIDTH = 20
_EMPTY = "·"
_GAP = "  "


def render_long(result: ComparisonResult, out: TextIO, width: int) -> None:
    """``Actor  Agreement  Marks`` lines under the title, marks in full words, then the notes."""
    names = {r.id: terminal_text(r.name) for r in result.actors}
    labels = {a.id: terminal_text(a.id + column_flag(a)) for a in result.agreements}
    actor_width = min(max([len("Actor"), *map(len, names.values())]), ACTOR_WIDTH)
    agreement_width = max([len("Agreement"), *map(len, labels.values())])
    marks_width = max(width - actor_width - agreement_width - 2 * len(_GAP), MARKS_WIDTH)
    shown = len(result.agreements)
    column = {a.id: index for index, a in enumerate(result.agreements)}
    out.write(f"{title_of(result)}: {len(result.actors)} actors, {shown} agreements\n")
    out.write(_line(("Actor", actor_width), ("Agreement", agreement_width), ("Marks", 0)) + "\n")
    for index, (group, rows) in enumerate(row_groups(result)):
        if group is not None:
            out.write(("\n" if index else "") + terminal_text(group) + "\n")
        for row in rows:
            marked = result.row(row.id)
            # Only the row's marked cells, in column order: thousands of columns are not walked.
            cells = sorted(marked.items(), key=lambda cell: column[cell[0]])
            if not cells:
                out.write(_line((names[row.id], actor_width), (_EMPTY, agreement_width)) + "\n")
            for agreement, marks in cells:
                text = ", ".join(terminal_text(mark_label(m)) for m in marks)
                for line in _wrapped(
                    (names[row.id], actor_width),
                    (labels[agreement], agreement_width),
                    (text, marks_width),
                ):
                    out.write(line + "\n")
    for note in notes(result):
        out.write(note + "\n")


def _wrapped(*columns: tuple[str, int]) -> Iterator[str]:
    """The columns side by side, each wrapped at spaces to its width."""
    pieces = [_wrap(text, width) for text, width in columns]
    for number in range(max(map(len, pieces))):
        yield _line(
            *(
                (lines[number] if number < len(lines) else "", width)
                for lines, (_, width) in zip(pieces, columns, strict=True)
            )
        )


def _wrap(text: str, width: int) -> list[str]:
    if len(text) <= width:  # most cells: no need to pay for textwrap
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _line(*columns: tuple[str, int]) -> str:
    """Columns padded to their widths and joined, with no trailing spaces."""
    return _GAP.join(text.ljust(width) for text, width in columns).rstrip()

"""The matrix as a rich table for the terminal: abbreviated marks, numbered columns, a legend."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from accords.analysis.compare import ComparisonResult
from accords.analysis.marks import ADDED, REMOVED, Mark
from accords.render.escape import terminal_text
from accords.render.matrix_layout import row_groups, title_of
from accords.render.vocabulary import column_flag, legend, mark_label, notes

if TYPE_CHECKING:
    from rich.text import Text

#: The width of the text format when the output is not a terminal (files, pipes, tests).
PLAIN_WIDTH = 100
#: The actor column never grows wider than this; longer names wrap at spaces.
ACTOR_WIDTH = 32
_EMPTY = "·"


def output_width(out: TextIO) -> int:
    """The columns the text format may fill: the terminal's width, or :data:`PLAIN_WIDTH`."""
    if out.isatty():
        import shutil

        return shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns
    return PLAIN_WIDTH


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _cell_text(marks: tuple[Mark, ...]) -> str:
    return " ".join(mark_label(m, short=True) for m in marks) if marks else _EMPTY


def column_widths(result: ComparisonResult) -> list[tuple[int, int]]:
    """``(fewest, most)`` columns of text each matrix column takes, the actor column first:
    fewest when it is as wide as its longest word, most when nothing in it wraps.

    Reads only the marked cells, so measuring a wide, mostly empty matrix is quick.
    """
    names = [terminal_text(r.name) for r in result.actors]
    if result.group_by is not None:
        names += [terminal_text(g) for g, _ in row_groups(result) if g is not None]
    actor = (
        max((_longest_word(n) for n in names), default=0),
        max((max(min(len(n), ACTOR_WIDTH), _longest_word(n)) for n in names), default=0),
    )
    widths = {a.id: [len(f"A{i}{column_flag(a)}")] * 2 for i, a in enumerate(result.agreements, 1)}
    for cell in result.cells:
        width = widths.get(cell.agreement)
        if width is not None:
            text = _cell_text(cell.marks)
            width[0], width[1] = max(width[0], _longest_word(text)), max(width[1], len(text))
    return [
        (max(actor[0], len("Actor")), max(actor[1], len("Actor"))),
        *((max(w[0], len(_EMPTY)), max(w[1], len(_EMPTY))) for w in widths.values()),
    ]


def table_width(widths: list[int]) -> int:
    """The columns a table with these text widths takes: each column has one space of padding
    on either side and a rule on its right; one more rule closes the left edge."""
    return sum(widths) + 3 * len(widths) + 1


def fit_widths(ranges: list[tuple[int, int]], width: int) -> list[int] | None:
    """Text widths for the columns that fill at most ``width`` with no word broken, narrowing
    the widest columns first; ``None`` when even the fewest columns do not fit."""
    widths = [most for _, most in ranges]
    excess = table_width(widths) - width
    if excess <= 0:
        return widths
    if table_width([fewest for fewest, _ in ranges]) > width:
        return None
    for _ in range(excess):
        index = max(
            (i for i, (fewest, _) in enumerate(ranges) if widths[i] > fewest),
            key=lambda i: widths[i],
        )
        widths[index] -= 1
    return widths


def render_table(result: ComparisonResult, out: TextIO, widths: list[int]) -> None:
    """Columns are numbered (A1, A2 …) and marks abbreviated, so wide matrices stay readable.

    ``widths`` are the text widths of the columns, the actor's first (:func:`fit_widths`);
    each holds its column's longest word, so text wraps only at spaces.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    terminal = out.isatty()
    console = Console(
        file=out,
        width=max(table_width(widths), output_width(out)),
        color_system="auto" if terminal else None,
        force_terminal=terminal,
        highlight=False,
    )
    table = Table(title=title_of(result), title_justify="left", show_lines=False)
    # Every column is as wide as its longest word, so folding (rather than cutting a word
    # short with an ellipsis) is only a guard.
    table.add_column("Actor", width=widths[0], overflow="fold")
    labels = [f"A{i}" + column_flag(a) for i, a in enumerate(result.agreements, 1)]
    for label, width in zip(labels, widths[1:], strict=True):
        table.add_column(label, width=width, overflow="fold")
    for index, (group, rows) in enumerate(row_groups(result)):
        if index:
            table.add_section()
        if group is not None:
            table.add_row(Text(terminal_text(group), style="bold"), *[""] * len(labels))
        for row in rows:
            marked = result.row(row.id)
            cells = [_cell(marked.get(a.id, ())) for a in result.agreements]
            table.add_row(Text(terminal_text(row.name)), *cells)
    console.print(table)
    for label, agreement in zip(labels, result.agreements, strict=True):
        shown = agreement.shown_date
        date = f" ({shown})" if shown else ""
        console.print(Text(terminal_text(f"{label:<4} {agreement.id}: {agreement.title}{date}")))
    used = legend(result)
    if used:
        console.print(Text("Legend: " + "; ".join(f"{a} {w}" for a, w, _ in used)))
    for note in notes(result):
        console.print(Text(note))


def _cell(marks: tuple[Mark, ...]) -> Text:
    from rich.text import Text

    if not marks:
        return Text(_EMPTY, style="dim")
    text = Text()
    for index, mark in enumerate(marks):
        if index:
            text.append(" ")
        style = {ADDED: "green", REMOVED: "red strike"}.get(mark.change or "", "")
        text.append(mark_label(mark, short=True), style=style)
    return text

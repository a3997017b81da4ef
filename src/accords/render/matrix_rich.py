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

#: Kept under 100 columns when the output is not a terminal (files, pipes, tests).
PLAIN_WIDTH = 100
_EMPTY = "·"


def render_table(result: ComparisonResult, out: TextIO) -> None:
    """Columns are numbered (A1, A2 …) and marks abbreviated, so wide matrices stay readable."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    terminal = out.isatty()
    console = Console(
        file=out,
        width=None if terminal else PLAIN_WIDTH,
        color_system="auto" if terminal else None,
        force_terminal=terminal,
        highlight=False,
    )
    table = Table(title=title_of(result), title_justify="left", show_lines=False)
    table.add_column("Actor", overflow="fold", max_width=32)
    labels = [f"A{i}" + column_flag(a) for i, a in enumerate(result.agreements, 1)]
    for label in labels:
        table.add_column(label, overflow="fold")
    for index, (group, rows) in enumerate(row_groups(result)):
        if index:
            table.add_section()
        if group is not None:
            table.add_row(Text(terminal_text(group), style="bold"), *[""] * len(labels))
        for row in rows:
            cells = [_cell(result.cell(row.id, a.id)) for a in result.agreements]
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

"""The matrix laid out for a page: rows whose empty cells collapse into runs, and the compact
data the site's matrix page builds its rows from.

Neither costs anything per empty cell: a run of empty cells is one ``colspan``, and the data
lists only the cells that hold marks. 1,500 agreements by 3,000 actors stay a few megabytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from accords.analysis.compare import ComparisonResult
from accords.analysis.marks import Mark
from accords.render.escape import visible_text
from accords.render.matrix_layout import row_groups
from accords.render.site.look import mark_classes
from accords.render.vocabulary import column_flag, footnote_numbers, mark_label

#: Above this many cells (rows × columns) the site's matrix page leaves out its script-free
#: copy of the table, which would repeat the data; the actor and agreement pages hold it all.
PLAIN_TABLE_LIMIT = 60_000


@dataclass(frozen=True, slots=True)
class ShownMark:
    """One mark as a cell shows it: its text, its classes, its footnote numbers."""

    text: str
    classes: str
    notes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A cell with marks (``marks``), or a run of ``span`` empty cells (``marks`` empty)."""

    span: int
    marks: tuple[ShownMark, ...] = ()


@dataclass(frozen=True, slots=True)
class ShownRow:
    id: str
    name: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ShownGroup:
    label: str | None
    rows: tuple[ShownRow, ...]


def change_class(mark: Mark) -> str:
    return f" {mark.change}" if mark.change else ""


def shown_mark(mark: Mark, numbers: dict[str, int]) -> ShownMark:
    notes = tuple(numbers[s] for s in mark.sources)
    return ShownMark(mark_label(mark), mark_classes(mark) + change_class(mark), notes)


def column_marks(result: ComparisonResult) -> dict[str, dict[int, tuple[Mark, ...]]]:
    """Each actor's marked cells by column index: one pass over the cells, none over the grid."""
    index = {a.id: i for i, a in enumerate(result.agreements)}
    by_actor: dict[str, dict[int, tuple[Mark, ...]]] = {}
    for cell in result.cells:
        if cell.marks:
            by_actor.setdefault(cell.actor, {})[index[cell.agreement]] = cell.marks
    return by_actor


def shown_groups(result: ComparisonResult) -> list[ShownGroup]:
    """The rows of the plain table, gathered by group, each a list of segments."""
    numbers = footnote_numbers(result)
    marked = column_marks(result)
    width = len(result.agreements)
    groups = []
    for label, rows in row_groups(result):
        shown = []
        for row in rows:
            segments: list[Segment] = []
            at = 0
            for column, marks in sorted(marked.get(row.id, {}).items()):
                if column > at:
                    segments.append(Segment(column - at))
                segments.append(Segment(1, tuple(shown_mark(m, numbers) for m in marks)))
                at = column + 1
            if at < width:
                segments.append(Segment(width - at))
            shown.append(ShownRow(row.id, row.name, tuple(segments)))
        groups.append(ShownGroup(label, tuple(shown)))
    return groups


def matrix_data(result: ComparisonResult) -> dict[str, Any]:
    """The matrix as compact data for the page's script: columns, rows and marked cells only.

    ``cells`` is ``[row, column, [[text, classes, [note, …]], …]]`` by row, then column.
    Record text has its control characters made visible, as in every other format.
    """
    numbers = footnote_numbers(result)
    rows = {row.id: i for i, row in enumerate(result.actors)}
    marked = column_marks(result)
    cells = []
    for row in result.actors:
        for column, marks in sorted(marked.get(row.id, {}).items()):
            shown = [shown_mark(m, numbers) for m in marks]
            cells.append(
                [rows[row.id], column, [[visible_text(s.text), s.classes, s.notes] for s in shown]]
            )
    return {
        "agreements": [
            [a.id, visible_text(a.title), a.shown_date or "", column_flag(a)]
            for a in result.agreements
        ],
        "actors": [
            [r.id, visible_text(r.name), visible_text(r.group) if r.group else None]
            for r in result.actors
        ],
        "cells": cells,
    }


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` element: no ``</script>``, no
    ``<!--``, whatever the record text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def has_plain_table(result: ComparisonResult) -> bool:
    return len(result.actors) * len(result.agreements) <= PLAIN_TABLE_LIMIT

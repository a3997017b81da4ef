"""Renderers of the actor × agreement matrix, one function per format, in :data:`FORMATS`.

``text`` (for the terminal: a rich table, or the long form when that does not fit),
``markdown`` (GitHub), ``csv``, ``json`` (DESIGN §4), ``html`` (one self-contained page) and
``latex`` (booktabs, longtable). Rendering only: every fact comes
from the :class:`~accords.analysis.compare.ComparisonResult`.
"""

from __future__ import annotations

import csv
from typing import TextIO

from accords.analysis.common import LIST_SEPARATOR
from accords.analysis.compare import AgreementColumn, ComparisonResult
from accords.render.contract import Renderer
from accords.render.escape import csv_cell, json_document, markdown_text
from accords.render.matrix_doc import render_html
from accords.render.matrix_latex import render_latex
from accords.render.matrix_layout import row_groups, title_of
from accords.render.vocabulary import (
    column_flag,
    footnote_numbers,
    legend,
    mark_label,
    notes,
    source_line,
)


def render_csv(result: ComparisonResult, out: TextIO) -> None:
    """One row per actor, one column per agreement; every cell spreadsheet-safe."""
    writer = csv.writer(out, lineterminator="\n")
    grouped = result.group_by is not None
    header = ["actor_id", "actor_name", *(["group"] if grouped else [])]
    writer.writerow([csv_cell(h) for h in (*header, *(a.id for a in result.agreements))])
    for row in result.actors:
        marked = result.row(row.id)
        cells = [
            csv_cell(LIST_SEPARATOR.join(mark_label(m) for m in marked[a.id]))
            if a.id in marked
            else ""
            for a in result.agreements
        ]
        first = [row.id, row.name, *([row.group or ""] if grouped else [])]
        writer.writerow([*(csv_cell(value) for value in first), *cells])


def render_json(result: ComparisonResult, out: TextIO) -> None:
    """DESIGN §4's shape, with the legend and each mark's sources in extra top-level keys."""
    data = result.to_dict()
    data["legend"] = {word: text for _, word, text in legend(result)}
    data["sources"] = [
        {"actor": c.actor, "agreement": c.agreement, "mark": m.word, "sources": list(m.sources)}
        for c in result.cells
        for m in c.marks
        if m.sources and m.change != "removed"
    ]
    out.write(json_document(data) + "\n")


def render_markdown(result: ComparisonResult, out: TextIO) -> None:
    """A GitHub table with full mark words, numbered source footnotes and a legend."""
    numbers = footnote_numbers(result)
    out.write(f"### {markdown_text(title_of(result))}\n\n")
    headers = ["Actor", *(_header(a) for a in result.agreements)]
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + " --- |" * len(headers) + "\n")
    for group, rows in row_groups(result):
        if group is not None:
            out.write(f"| **{markdown_text(group)}** |" + " |" * len(result.agreements) + "\n")
        for row in rows:
            marked = result.row(row.id)
            cells = [
                ", ".join(
                    markdown_text(mark_label(m)) + "".join(f"[^{numbers[s]}]" for s in m.sources)
                    for m in marked[a.id]
                )
                if a.id in marked
                else ""
                for a in result.agreements
            ]
            out.write("| " + " | ".join([markdown_text(row.name), *cells]) + " |\n")
    out.write("\n**Agreements**\n\n")
    for a in result.agreements:
        date = f" ({markdown_text(a.shown_date)})" if a.shown_date else ""
        out.write(f"- `{a.id}`: {markdown_text(a.title)}{date}\n")
    out.write("\n**Legend**\n\n")
    for _, word, text in legend(result):
        out.write(f"- {markdown_text(word)}: {markdown_text(text)}\n")
    for note in notes(result):
        out.write(f"- {markdown_text(note)}\n")
    if numbers:
        out.write("\n")
        for source, number in numbers.items():
            out.write(f"[^{number}]: {markdown_text(source_line(result, source))}\n")


def _header(column: AgreementColumn) -> str:
    flag = column_flag(column)
    return f"`{column.id}`" + (f" {flag}" if flag else "")


#: How the text format lays the matrix out: ``auto`` prints the matrix when it fits the width
#: of the output with no word broken, and the long form otherwise.
LAYOUTS = ("auto", "matrix", "long")


def text_renderer(layout: str = "auto") -> Renderer[ComparisonResult]:
    """The text format in one layout: the matrix (a rich table; rich loads only for it), or
    the long form, one line per marked cell. A forced matrix too wide for the output grows
    wider than it rather than break words."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")

    def render_text(result: ComparisonResult, out: TextIO) -> None:
        from accords.render.matrix_long import render_long
        from accords.render.matrix_rich import column_widths, fit_widths, output_width
        from accords.render.matrix_rich import render_table as render_matrix

        width = output_width(out)
        ranges = column_widths(result) if layout != "long" else []
        widths = fit_widths(ranges, width) if layout == "auto" else None
        if layout == "matrix":
            widths = fit_widths(ranges, width) or [fewest for fewest, _ in ranges]
        if widths is None:
            render_long(result, out, width)
        else:
            render_matrix(result, out, widths)

    return render_text


FORMATS: dict[str, Renderer[ComparisonResult]] = {
    "text": text_renderer("auto"),
    "markdown": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "html": render_html,
    "latex": render_latex,
}

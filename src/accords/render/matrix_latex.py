"""The matrix in LaTeX: booktabs ``longtable`` tables that break across pages and fit the line.

A wide matrix is split: at most :data:`LATEX_COLUMNS` agreements share a table, so that each
fits the width of an A4 page at the default margins, and long words (ids, marks) may break
after their hyphens and colons. The output is a fragment for a document whose preamble loads
booktabs, longtable and array.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import TextIO

from accords.analysis.compare import ActorRow, AgreementColumn, ComparisonResult
from accords.analysis.marks import ADDED, REMOVED, Mark
from accords.render.escape import latex_text
from accords.render.matrix_layout import row_groups, title_of
from accords.render.vocabulary import (
    background_flag,
    column_flag,
    footnote_numbers,
    legend,
    notes,
    source_line,
    stance_flag,
)

#: The LaTeX form of a column flag.
_LATEX_FLAGS = {"": "", "†": "$^\\dagger$", "‡": "$^\\ddagger$"}
#: At most this many agreement columns share one table, so that each fits the width of an A4
#: page, portrait, at the default margins; more agreements make more tables.
LATEX_COLUMNS = 3
#: Each of them is this share of the line wide; the actor column takes the rest.
_LATEX_COLUMN_SHARE = 0.24
_LATEX_CELL = ">{\\raggedright\\arraybackslash\\hspace{0pt}}p{\\dimexpr%s\\linewidth-2\\tabcolsep}"


def render_latex(result: ComparisonResult, out: TextIO) -> None:
    """``longtable`` tables with booktabs rules, at most :data:`LATEX_COLUMNS` agreements each,
    that break across pages and fit the line; then the agreements, legend and sources."""
    numbers = footnote_numbers(result)
    out.write("% Requires \\usepackage{booktabs,longtable,array} in the preamble.\n")
    chunks = [
        list(enumerate(result.agreements, 1))[i : i + LATEX_COLUMNS]
        for i in range(0, len(result.agreements), LATEX_COLUMNS)
    ]
    out.write("\\begingroup\n\\footnotesize\n\\setlength{\\tabcolsep}{4pt}\n")
    rows = [row for _, group in row_groups(result) for row in group]
    for chunk in chunks:
        shown = rows if len(chunks) == 1 else _marked_rows(result, rows, chunk)
        _latex_table(result, chunk, shown, numbers, out)
    out.write("\\endgroup\n\n\\begin{flushleft}\\footnotesize\n")
    for i, a in enumerate(result.agreements, 1):
        date = f" ({latex_text(a.shown_date)})" if a.shown_date else ""
        out.write(f"A{i}: \\textsf{{{latex_text(a.id)}}}, {latex_text(a.title)}{date}\\\\\n")
    words = "; ".join(f"{_breakable(w)}: {latex_text(t)}" for _, w, t in legend(result))
    out.write(f"Legend: {words}.\\\\\n")
    for note in notes(result):
        out.write(latex_text(note) + "\\\\\n")
    for source, number in numbers.items():
        line = latex_text(source_line(result, source))
        out.write(f"\\textsuperscript{{{number}}} {line}\\\\\n")
    out.write("\\end{flushleft}\n")


def _marked_rows(
    result: ComparisonResult, rows: list[ActorRow], chunk: list[tuple[int, AgreementColumn]]
) -> list[ActorRow]:
    """The rows with a mark in one of the chunk's agreements, in order."""
    ids = {a.id for _, a in chunk}
    marked = {c.actor for c in result.cells if c.agreement in ids}
    return [row for row in rows if row.id in marked]


def _latex_table(
    result: ComparisonResult,
    chunk: list[tuple[int, AgreementColumn]],
    rows: list[ActorRow],
    numbers: dict[str, int],
    out: TextIO,
) -> None:
    """One longtable over some of the agreements and the given rows, under their groups."""
    width = len(chunk) + 1
    actor_share = 1 - _LATEX_COLUMN_SHARE * LATEX_COLUMNS
    cell = _LATEX_CELL % _LATEX_COLUMN_SHARE
    # A group's name spans the table: as wide as its columns, less the outer padding.
    across = _LATEX_CELL % f"{actor_share + _LATEX_COLUMN_SHARE * len(chunk):.2f}"
    spec = _LATEX_CELL % f"{actor_share:.2f}" + f"*{{{len(chunk)}}}{{{cell}}}"
    caption = latex_text(title_of(result))
    if len(chunk) < len(result.agreements):
        caption += f" (A{chunk[0][0]}--A{chunk[-1][0]})"
    header = " & ".join(["Actor", *(f"A{i}" + _LATEX_FLAGS[column_flag(a)] for i, a in chunk)])
    out.write(f"\\begin{{longtable}}{{@{{}}{spec}@{{}}}}\n\\caption{{{caption}}}\\\\\n")
    out.write(f"\\toprule\n{header} \\\\\n\\midrule\n\\endfirsthead\n")
    out.write(f"\\toprule\n{header} \\\\\n\\midrule\n\\endhead\n\\bottomrule\n\\endlastfoot\n")
    for index, (group, members) in enumerate(groupby(rows, key=lambda row: row.group)):
        if result.group_by is not None:
            if index:
                out.write("\\midrule\n")
            label = f"\\textit{{{_breakable(group or '')}}}"
            out.write(f"\\multicolumn{{{width}}}{{@{{}}{across}@{{}}}}{{{label}}} \\\\\n")
        for row in members:
            marked = result.row(row.id)
            cells = [
                ", ".join(_latex_mark(m, numbers) for m in marked.get(a.id, ())) for _, a in chunk
            ]
            out.write(" & ".join([_breakable(row.name), *cells]) + " \\\\\n")
    out.write("\\end{longtable}\n")


#: After these a line may break inside a word: ids, marks and names such as ``al-Sham``,
#: ``excluded:talks:shut-out`` or ``<script>alert('x')</script>`` are single words to TeX.
#: Never after an opening bracket or quote, which belongs to what follows it.
_BREAK_AFTER = re.compile(r"(?<=[-:/>),.;_|\]])(?=\S)")


def _breakable(text: str) -> str:
    """``text`` escaped for LaTeX, with a permitted line break after each punctuation mark
    inside a word, so that a narrow column wraps it instead of running over."""
    return "\\allowbreak{}".join(latex_text(piece) for piece in _BREAK_AFTER.split(text))


def _latex_mark(mark: Mark, numbers: dict[str, int]) -> str:
    text = _breakable(mark.word + background_flag(mark)) + _LATEX_FLAGS[stance_flag(mark)]
    if mark.change == ADDED:
        text = f"\\textbf{{{text}}} (+)"
    elif mark.change == REMOVED:
        text = f"\\textit{{{text}}} ($-$)"
    refs = ",".join(str(numbers[s]) for s in mark.sources)
    return text + (f"\\textsuperscript{{{refs}}}" if refs else "")

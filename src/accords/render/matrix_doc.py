"""The matrix as documents: one self-contained HTML page, and a LaTeX booktabs table."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.compare import ComparisonResult
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


def render_html(result: ComparisonResult, out: TextIO) -> None:
    """One self-contained page in the site's look (:mod:`accords.render.site`): no script,
    no external file, every piece of record text escaped, empty cells in runs."""
    from accords.render.site.pages import compare_page

    out.write(compare_page(result))


#: The LaTeX form of a column flag.
_LATEX_FLAGS = {"": "", "†": "$^\\dagger$", "‡": "$^\\ddagger$"}


def render_latex(result: ComparisonResult, out: TextIO) -> None:
    """A ``table`` float with a booktabs ``tabular``; needs ``\\usepackage{booktabs}``."""
    numbers = footnote_numbers(result)
    columns = len(result.agreements)
    out.write("% Requires \\usepackage{booktabs} in the preamble.\n")
    out.write("\\begin{table}[htbp]\n\\centering\n\\small\n")
    out.write(f"\\caption{{{latex_text(title_of(result))}}}\n")
    out.write(f"\\begin{{tabular}}{{l{'l' * columns}}}\n\\toprule\n")
    headers = [f"A{i}" + _LATEX_FLAGS[column_flag(a)] for i, a in enumerate(result.agreements, 1)]
    out.write(" & ".join(["Actor", *headers]) + " \\\\\n\\midrule\n")
    for index, (group, rows) in enumerate(row_groups(result)):
        if group is not None:
            if index:
                out.write("\\midrule\n")
            out.write(
                f"\\multicolumn{{{columns + 1}}}{{l}}{{\\textit{{{latex_text(group)}}}}} \\\\\n"
            )
        for row in rows:
            cells = [
                ", ".join(_latex_mark(m, numbers) for m in result.cell(row.id, a.id))
                for a in result.agreements
            ]
            out.write(" & ".join([latex_text(row.name), *cells]) + " \\\\\n")
    out.write("\\bottomrule\n\\end{tabular}\n\n\\medskip\n\\begin{flushleft}\\footnotesize\n")
    for i, a in enumerate(result.agreements, 1):
        date = f" ({latex_text(a.shown_date)})" if a.shown_date else ""
        out.write(f"A{i}: \\texttt{{{latex_text(a.id)}}}, {latex_text(a.title)}{date}\\\\\n")
    words = "; ".join(f"{latex_text(w)}: {latex_text(t)}" for _, w, t in legend(result))
    out.write(f"Legend: {words}.\\\\\n")
    for note in notes(result):
        out.write(latex_text(note) + "\\\\\n")
    for source, number in numbers.items():
        out.write(f"\\textsuperscript{{{number}}} {latex_text(source_line(result, source))}\\\\\n")
    out.write("\\end{flushleft}\n\\end{table}\n")


def _latex_mark(mark: Mark, numbers: dict[str, int]) -> str:
    text = latex_text(mark.word + background_flag(mark)) + _LATEX_FLAGS[stance_flag(mark)]
    if mark.change == ADDED:
        text = f"\\textbf{{{text}}} (+)"
    elif mark.change == REMOVED:
        text = f"\\textit{{{text}}} ($-$)"
    refs = ",".join(str(numbers[s]) for s in mark.sources)
    return text + (f"\\textsuperscript{{{refs}}}" if refs else "")

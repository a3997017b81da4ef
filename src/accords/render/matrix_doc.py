"""The matrix as a document: one self-contained HTML page."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.compare import ComparisonResult
from accords.analysis.marks import ADDED, REMOVED, Mark
from accords.render.escape import html_text
from accords.render.matrix_layout import row_groups, title_of
from accords.render.vocabulary import (
    CHANGE_SUFFIX,
    background_flag,
    column_flag,
    footnote_numbers,
    legend,
    notes,
    source_line,
    stance_flag,
)

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
td { vertical-align: top; }
thead th { border-bottom: 2px solid #444; }
tr.group th { background: #f3f3f3; }
.contested { font-style: italic; }
ins { color: #176f2c; } del { color: #a4161a; }
sup a { text-decoration: none; }
""".strip()


def render_html(result: ComparisonResult, out: TextIO) -> None:
    """A page with no external resources; every piece of record text is escaped."""
    numbers = footnote_numbers(result)
    title = html_text(title_of(result))
    out.write(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<table>\n<thead>\n<tr><th>Actor</th>"
    )
    for a in result.agreements:
        mark = f" {column_flag(a)}" if column_flag(a) else ""
        out.write(f'<th title="{html_text(a.title)}"><code>{html_text(a.id)}</code>{mark}</th>')
    out.write("</tr>\n</thead>\n<tbody>\n")
    width = len(result.agreements) + 1
    for group, rows in row_groups(result):
        if group is not None:
            out.write(f'<tr class="group"><th colspan="{width}">{html_text(group)}</th></tr>\n')
        for row in rows:
            out.write(f'<tr><th scope="row" title="{html_text(row.id)}">{html_text(row.name)}</th>')
            for a in result.agreements:
                marks = ", ".join(_html_mark(m, numbers) for m in result.cell(row.id, a.id))
                out.write(f"<td>{marks}</td>")
            out.write("</tr>\n")
    out.write("</tbody>\n</table>\n<h2>Agreements</h2>\n<ul>\n")
    for a in result.agreements:
        date = f" ({html_text(a.shown_date)})" if a.shown_date else ""
        out.write(f"<li><code>{html_text(a.id)}</code>: {html_text(a.title)}{date}</li>\n")
    out.write("</ul>\n<h2>Legend</h2>\n<dl>\n")
    for _, word, text in legend(result):
        out.write(f"<dt>{html_text(word)}</dt><dd>{html_text(text)}</dd>\n")
    out.write("</dl>\n")
    for note in notes(result):
        out.write(f"<p>{html_text(note)}</p>\n")
    if numbers:
        out.write("<h2>Sources</h2>\n<ol>\n")
        for source, number in numbers.items():
            line = html_text(source_line(result, source))
            out.write(f'<li id="src-{number}">{line}</li>\n')
        out.write("</ol>\n")
    out.write("</body>\n</html>\n")


def _html_mark(mark: Mark, numbers: dict[str, int]) -> str:
    text = html_text(mark.word + background_flag(mark) + stance_flag(mark))
    if mark.contested:
        text = f'<span class="contested">{text}</span>'
    if mark.change == ADDED:
        text = f"<ins>{text}{CHANGE_SUFFIX[ADDED]}</ins>"
    elif mark.change == REMOVED:
        text = f"<del>{text}{CHANGE_SUFFIX[REMOVED]}</del>"
    refs = ",".join(f'<a href="#src-{numbers[s]}">{numbers[s]}</a>' for s in mark.sources)
    return text + (f"<sup>{refs}</sup>" if refs else "")

"""The matrix as a document: one self-contained HTML page."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.compare import ComparisonResult


def render_html(result: ComparisonResult, out: TextIO) -> None:
    """One self-contained page in the site's look (:mod:`accords.render.site`): no script,
    no external file, every piece of record text escaped, empty cells in runs."""
    from accords.render.site.pages import compare_page

    out.write(compare_page(result))

"""The pages of the site and the one-page matrix, rendered from the templates.

Every value reaches a template through jinja2's autoescape, after its control characters are
made visible (:func:`accords.render.escape.visible_text`), so record text is only ever text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from accords.analysis.compare import ComparisonResult
from accords.analysis.show import Duration
from accords.analysis.site import SiteContent
from accords.render.escape import html_text
from accords.render.matrix_layout import title_of
from accords.render.site.look import FAMILIES, family, mark_classes
from accords.render.site.matrix_view import (
    change_class,
    has_plain_table,
    matrix_data,
    script_json,
    shown_groups,
)
from accords.render.vocabulary import (
    BACKGROUND_FLAG,
    BACKGROUND_NOTE,
    column_flag,
    footnote_numbers,
    kind_phrase,
    legend,
    mark_label,
    notes,
    source_line,
)

HERE = Path(__file__).parent
#: Rows the matrix page builds at first, and at each "show more".
MATRIX_PAGE_ROWS = 200


def _escaped(value: Any) -> Any:
    """Record text escaped as every HTML output escapes it (:func:`html_text`: control
    characters shown as ``\\x1b``); markup the templates made, kept as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(html_text(value))
    return value


def _words(items: list[str], separator: str) -> str:
    """Items joined as plain text, to be escaped once as a whole (``join`` would escape each
    item without making control characters visible)."""
    return separator.join(items)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        finalize=_escaped,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["words"] = _words
    env.filters["kind_phrase"] = kind_phrase
    env.globals.update(
        family=family,
        classes=lambda m: mark_classes(m) + change_class(m),
        label=mark_label,
        background_flag=BACKGROUND_FLAG,
        background_note=BACKGROUND_NOTE,
    )
    return env


def static_text(name: str) -> str:
    """A file of ``static/`` (the style sheet, the script)."""
    return (HERE / "static" / name).read_text(encoding="utf-8")


def _matrix_context(result: ComparisonResult) -> dict[str, Any]:
    """What every matrix page shows around the table: columns, legend, notes, sources."""
    return {
        "caption": title_of(result),
        "columns": [
            {"id": a.id, "title": a.title, "flag": column_flag(a), "shown_date": a.shown_date}
            for a in result.agreements
        ],
        "families": list(FAMILIES.items()),
        "words": [(word, text, family(word)) for _, word, text in legend(result)],
        "notes": notes(result),
        "sources": [(n, source_line(result, s)) for s, n in footnote_numbers(result).items()],
    }


def compare_page(result: ComparisonResult) -> str:
    """The matrix as one self-contained page: the site's look, no script, no external file."""
    context = _matrix_context(result)
    context |= {"title": context["caption"], "css": Markup(static_text("site.css"))}
    context["groups"] = shown_groups(result)
    return environment().get_template("compare.html").render(context)


def matrix_page(content: SiteContent) -> str:
    """The site's matrix: data embedded once, rows built on demand by the page's script; a
    plain table for readers without script when the matrix is small enough."""
    result = content.comparison
    context = _matrix_context(result) | _site(content, "")
    context["data"] = Markup(script_json(matrix_data(result)))
    context["groups"] = shown_groups(result) if has_plain_table(result) else None
    context["page"] = MATRIX_PAGE_ROWS
    return environment().get_template("matrix.html").render(context)


def _site(content: SiteContent, root: str) -> dict[str, Any]:
    return {"site_title": content.title, "root": root}


def index_page(content: SiteContent) -> str:
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "date": column.shown_date or "",
            "sort_date": content.first_days.get(a.id, "~"),
            "kind": a.kind,
            "certainty": a.certainty,
            "outcome": a.outcome.status if a.outcome else "",
        }
        for a, column in zip(content.agreements, content.comparison.agreements, strict=True)
    ]
    context = _site(content, "") | {"rows": rows, "actor_count": len(content.actors)}
    return environment().get_template("index.html").render(context)


def actors_page(content: SiteContent) -> str:
    context = _site(content, "") | {"actors": content.actors}
    return environment().get_template("actors.html").render(context)


def timeline_page(content: SiteContent) -> str:
    context = _site(content, "") | {"items": content.timeline.items}
    return environment().get_template("timeline.html").render(context)


def agreement_pages(content: SiteContent) -> dict[str, str]:
    """``agreements/ID.html`` for every agreement."""
    template = environment().get_template("agreement.html")
    known = {s: source_line(content.comparison, s) for s in content.comparison.sources}
    pages = {}
    for summary in content.agreements:
        sources = known | {s.id: f"{s.id} — {s.title}" for s in summary.sources if s.title}
        context = _site(content, "../") | {
            "a": summary,
            "in_effect": _in_effect(summary.in_effect),
            "sources": sources,
        }
        pages[f"agreements/{summary.id}.html"] = template.render(context)
    return pages


def actor_pages(content: SiteContent) -> dict[str, str]:
    """``actors/ID.html`` for every actor."""
    template = environment().get_template("actor.html")
    return {
        f"actors/{p.id}.html": template.render(_site(content, "../") | {"p": p})
        for p in content.actors
    }


def _in_effect(duration: Duration | None) -> str:
    if duration is None:
        return ""
    if duration.end is None:
        return f"from {duration.start}; the record gives no end"
    days = (
        f"{duration.min_days} days"
        if duration.min_days == duration.max_days
        else f"between {duration.min_days} and {duration.max_days} days"
    )
    return f"for {days}, from {duration.start} to {duration.end}"


def site_pages(content: SiteContent) -> dict[str, str]:
    """Every file of the site by its path inside the site's folder."""
    return {
        "index.html": index_page(content),
        "matrix.html": matrix_page(content),
        "actors.html": actors_page(content),
        "timeline.html": timeline_page(content),
        "site.css": static_text("site.css"),
        "site.js": static_text("site.js"),
        **agreement_pages(content),
        **actor_pages(content),
    }

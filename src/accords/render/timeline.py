"""Renderers of a timeline: text, Markdown, Mermaid (a gantt chart GitHub draws) and JSON."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.timeline import AGREEMENT, Timeline, TimelineItem
from accords.model.dates import LAST_ORDINAL, iso_day, parse_date
from accords.render.contract import Renderer
from accords.render.escape import markdown_text, mermaid_text, terminal_text
from accords.render.writers import write_json


def _when(item: TimelineItem) -> str:
    text = item.described
    if item.kind == AGREEMENT and item.end:
        text += f" → {item.end}"
    return text + (" *" if item.partial else "")


def _footnote(timeline: Timeline) -> str | None:
    if any(i.partial for i in timeline.items):
        return "* the date's precision reaches outside the --from/--to window"
    return None


def render_text(timeline: Timeline, out: TextIO) -> None:
    width = max((len(_when(i)) for i in timeline.items), default=0)
    for item in timeline.items:
        label = f"{item.kind} {item.id} ({item.category}, {item.status}): {item.label}"
        out.write(terminal_text(f"{_when(item):<{width}}  {label}") + "\n")
    note = _footnote(timeline)
    out.write((note + "\n") if note else "")
    out.write(f"{len(timeline.items)} item(s).\n")


def render_markdown(timeline: Timeline, out: TextIO) -> None:
    out.write("| date | kind | id | what | status |\n| --- | --- | --- | --- | --- |\n")
    for item in timeline.items:
        cells = (
            _when(item),
            f"{item.kind}: {item.category}",
            item.id,
            item.label,
            item.status,
        )
        out.write("| " + " | ".join(markdown_text(c) for c in cells) + " |\n")
    note = _footnote(timeline)
    out.write(f"\n{markdown_text(note)}\n" if note else "")


def render_mermaid(timeline: Timeline, out: TextIO) -> None:
    """A gantt chart: agreements as bars from first date to end, events as milestones.

    A partial date becomes a bar over every day it may denote, labelled with its precision.
    """
    out.write("gantt\n    title Agreements and events\n    dateFormat YYYY-MM-DD\n")
    out.write("    axisFormat %Y-%m-%d\n")
    sections = (("Agreements", AGREEMENT), ("Events", "event"))
    for index, (title, kind) in enumerate(sections):
        items = [i for i in timeline.items if i.kind == kind]
        if not items:
            continue
        out.write(f"    section {title}\n")
        for number, item in enumerate(items, 1):
            task = f"{kind[0]}{index}x{number}"
            label = mermaid_label(item)
            end = item.end_latest if item.kind == AGREEMENT and item.end_latest else item.latest
            if item.earliest == end and item.kind != AGREEMENT:
                out.write(f"    {label} :milestone, {task}, {item.earliest}, 0d\n")
            else:
                after = _bar_end(item.earliest, max(end, item.earliest))
                out.write(f"    {label} :{task}, {item.earliest}, {after}\n")


#: A gantt chart's labels sit beside their bars: longer ones run over the chart.
MERMAID_LABEL = 40


def mermaid_label(item: TimelineItem) -> str:
    """The item's id, cut to :data:`MERMAID_LABEL` characters with ``…`` when longer: titles
    and summaries are sentences, too long to sit beside a bar."""
    label = mermaid_text(item.id)
    return label if len(label) <= MERMAID_LABEL else label[: MERMAID_LABEL - 1] + "…"


def _bar_end(first: str, last: str) -> str:
    """Where a Mermaid bar over the days ``first`` to ``last`` ends.

    Bar ends are exclusive: the day after the last day it may cover. A bar reaching 9999-12-31
    has no such day that a date format writes, so it gets its length in days instead.
    """
    first_day, last_day = parse_date(first).earliest, parse_date(last).earliest
    if last_day < LAST_ORDINAL:
        return iso_day(last_day + 1)
    return f"{last_day - first_day + 1}d"


def render_json(timeline: Timeline, out: TextIO) -> None:
    write_json(timeline.to_dict(), out)


FORMATS: dict[str, Renderer[Timeline]] = {
    "text": render_text,
    "markdown": render_markdown,
    "mermaid": render_mermaid,
    "json": render_json,
}

"""Renderers of diff and show results: text for the terminal, Markdown, JSON."""

from __future__ import annotations

from typing import Any, Protocol, TextIO

from accords.analysis.diff import ActorChange, DiffResult
from accords.analysis.show import AgreementSummary
from accords.render.escape import json_document, markdown_text, terminal_text
from accords.render.vocabulary import BACKGROUND_FLAG, BACKGROUND_NOTE, STANCE_FLAGS, STANCE_NOTES

REPORT_FORMATS = ("text", "markdown", "json")


class Writer(Protocol):
    """Writes lines of text, escaping record text for its format."""

    def heading(self, text: str) -> None: ...
    def line(self, text: str) -> None: ...
    def item(self, text: str) -> None: ...


class TextWriter:
    def __init__(self, out: TextIO) -> None:
        self.out, self.started = out, False

    def heading(self, text: str) -> None:
        self.out.write(("\n" if self.started else "") + terminal_text(text) + "\n")
        self.started = True

    def line(self, text: str) -> None:
        self.out.write(terminal_text(text) + "\n")

    def item(self, text: str) -> None:
        self.out.write("  " + terminal_text(text) + "\n")


class MarkdownWriter:
    def __init__(self, out: TextIO, level: int = 3) -> None:
        self.out, self.level, self.in_list = out, level, False

    def heading(self, text: str) -> None:
        self._end_list()
        self.out.write(f"{'#' * self.level} {markdown_text(text)}\n\n")

    def line(self, text: str) -> None:
        self._end_list()
        self.out.write(markdown_text(text) + "\n\n")

    def item(self, text: str) -> None:
        self.out.write(f"- {markdown_text(text)}\n")
        self.in_list = True

    def _end_list(self) -> None:
        # A list needs a blank line before whatever follows it.
        if self.in_list:
            self.out.write("\n")
            self.in_list = False


def write_json(data: dict[str, Any], out: TextIO) -> None:
    out.write(json_document(data) + "\n")


def writer_for(name: str, out: TextIO) -> Writer:
    return MarkdownWriter(out) if name == "markdown" else TextWriter(out)


def _change(change: ActorChange) -> str:
    before = _words(change.before, dict(change.before_unplaced)) or "—"
    after = _words(change.after, dict(change.after_unplaced)) or "—"
    return f"{change.name} ({change.actor}): {before} → {after}"


def _words(words: tuple[str, ...], unplaced: dict[str, str]) -> str:
    """The marks, each stance the --as-of date cannot place flagged † or ‡."""
    return ", ".join(w + STANCE_FLAGS.get(unplaced.get(w, ""), "") for w in words)


def _diff_notes(result: DiffResult) -> list[str]:
    """The notes for the flags the listed changes use."""
    changes = (*result.entered, *result.left, *result.changed)
    used = {why for c in changes for _, why in (*c.before_unplaced, *c.after_unplaced)}
    return [note for why, note in STANCE_NOTES.items() if why in used]


def render_diff(result: DiffResult, fmt: str, out: TextIO) -> None:
    """Who entered, who left, whose marks changed; JSON carries the unchanged actors too."""
    if fmt == "json":
        write_json(result.to_dict(), out)
        return
    w = writer_for(fmt, out)
    w.heading(f"{result.first[0]} → {result.second[0]}")
    w.line(f"{result.first[1]} → {result.second[1]}")
    sections = (
        ("Entered (at the table only in the second)", result.entered),
        ("Left (at the table only in the first)", result.left),
        ("Changed role, exclusion or stance", result.changed),
    )
    for title, changes in sections:
        if changes:
            w.heading(f"{title}: {len(changes)}")
            for change in changes:
                w.item(_change(change))
    for note in _diff_notes(result):
        w.line(note)
    if result.empty:
        w.line("No actor's marks differ between the two agreements.")
    w.line(f"{len(result.unchanged)} actor(s) marked the same in both.")


def render_show(summary: AgreementSummary, fmt: str, out: TextIO) -> None:
    """A person-readable summary; JSON gives every field."""
    if fmt == "json":
        write_json(summary.to_dict(), out)
        return
    w = writer_for(fmt, out)
    w.heading(f"{summary.title} ({summary.id})")
    facts = f"A {summary.kind} ({summary.certainty})"
    if summary.scope:
        facts += f", covering {summary.scope}"
    if summary.aliases:
        facts += "; also called " + "; ".join(summary.aliases)
    w.line(facts + ".")
    _section(w, "Dates", [f"{k}: {v}" for k, v in summary.dates.items()])
    if summary.in_effect is not None:
        d = summary.in_effect
        if d.end is None:
            text = f"from {d.start}; the record gives no end"
        elif d.min_days == d.max_days:
            text = f"{d.min_days} days, from {d.start} to {d.end}"
        else:
            text = f"between {d.min_days} and {d.max_days} days, from {d.start} to {d.end}"
        _section(w, "In effect", [text])
    _section(w, "Participants", [_participant(p) for p in summary.participants])
    _section(
        w,
        "Excluded",
        [
            f"{e['name']}: {e['scope']}, {e['manner']}"
            + (" (contested)" if e["contested"] else "")
            + _background(e)
            for e in summary.exclusions
        ],
    )
    _section(
        w,
        "Positions",
        [
            f"{p['name']}: {p['stance']}"
            + (f" on {p['date']}" if p["date"] else "")
            + (" (contested)" if p["contested"] else "")
            + _background(p)
            for p in summary.positions
        ],
    )
    _section(
        w,
        "Terms",
        [
            f"{t['id']} ({t['kind']}): {t['text']}"
            + (f" Deadline {t['deadline']}." if t["deadline"] else "")
            + (f" Status: {t['status']}." if t["status"] else "")
            for t in summary.terms
        ],
    )
    if summary.outcome is not None:
        o = summary.outcome
        text = o["status"] + (f" ({o['date']})" if o["date"] else "")
        if o["ended_by"]:
            text += f"; ended by {o['ended_by']}"
            text += f": {o['ended_by_summary']}" if o["ended_by_summary"] else ""
        _section(w, "Outcome", [text])
    _section(
        w,
        "Undermined by",
        [
            f"{e.date} {e.id} ({e.effect}{', contested' if e.contested else ''}): {e.summary}"
            for e in summary.undermined_by
        ],
    )
    _section(
        w,
        "Blame",
        [
            f"{a['by']} blamed {a['against']}: {a['claim']}"
            + (f" ({a['date']})" if a["date"] else "")
            for a in summary.accusations
        ],
    )
    _section(w, "Events", [f"{e.date} {e.id} ({e.effect}, {e.status})" for e in summary.events])
    _section(
        w,
        "Related",
        [
            f"{r['relation']} {r['agreement']}" + (f": {r['title']}" if r["title"] else "")
            for r in summary.related
        ],
    )
    _section(
        w, "Sources", [s["id"] + (f": {s['title']}" if s["title"] else "") for s in summary.sources]
    )
    _evidence(w, summary)
    claims = (*summary.participants, *summary.exclusions, *summary.positions)
    if any(c["background_only"] for c in claims):
        w.line(BACKGROUND_NOTE)


def _evidence(w: Writer, summary: AgreementSummary) -> None:
    """Each claim, then each citation with its quotes (``show --evidence``)."""
    if not summary.evidence:
        return
    w.heading("Evidence")
    for claim in summary.evidence:
        w.item(claim.claim + (f" {BACKGROUND_FLAG}" if claim.background_only else ""))
        for cited in claim.citations:
            where = f", {cited.locator}" if cited.locator else ""
            basis = f" ({cited.basis})" if cited.basis != "stated" else ""
            kind = " [background]" if cited.source_kind == "background" else ""
            w.item(f"  {cited.source}{where}{kind}{basis}")
            for quote in cited.quote:
                w.item(f"    “{quote}”")


def _background(claim: dict[str, Any]) -> str:
    return f" {BACKGROUND_FLAG}" if claim["background_only"] else ""


def _participant(p: dict[str, Any]) -> str:
    text = f"{p['name']}: {', '.join(p['roles'])}"
    if p["represented_by"]:
        text += f", represented by {', '.join(p['represented_by'])}"
    if p["name_used"]:
        text += f" (as {p['name_used']})"
    return text + (" (contested)" if p["contested"] else "") + _background(p)


def _section(w: Writer, title: str, items: list[str]) -> None:
    if items:
        w.heading(title)
        for item in items:
            w.item(item)

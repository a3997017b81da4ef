"""Renderers of one agreement's summary (``accords show``): text, Markdown, JSON."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.show import (
    Accusation,
    AgreementSummary,
    ClaimEvidence,
    Duration,
    ExclusionSummary,
    LinkedEvent,
    OutcomeSummary,
    ParticipantSummary,
    PositionSummary,
    TermSummary,
)
from accords.render.contract import Renderer
from accords.render.vocabulary import BACKGROUND_FLAG, BACKGROUND_NOTE, kind_phrase
from accords.render.writers import MarkdownWriter, TextWriter, Writer, section, write_json


def _write_summary(summary: AgreementSummary, w: Writer) -> None:
    """A person-readable summary: facts, then one section per kind of claim."""
    w.heading(f"{summary.title} ({summary.id})")
    w.line(_facts(summary))
    section(w, "Dates", [f"{k}: {v}" for k, v in summary.dates.items()])
    if summary.in_effect is not None:
        section(w, "In effect", [_in_effect(summary.in_effect)])
    section(w, "Participants", [_participant(p) for p in summary.participants])
    section(w, "Excluded", [_exclusion(e) for e in summary.exclusions])
    section(w, "Positions", [_position(p) for p in summary.positions])
    section(w, "Terms", [_term(t) for t in summary.terms])
    if summary.outcome is not None:
        section(w, "Outcome", [_outcome(summary.outcome)])
    section(w, "Undermined by", [_undermining(e) for e in summary.undermined_by])
    section(w, "Blame", [_accusation(a) for a in summary.accusations])
    section(w, "Events", [f"{e.date} {e.id} ({e.effect}, {e.status})" for e in summary.events])
    section(
        w,
        "Related",
        [f"{r.relation} {r.agreement}" + _colon(r.title) for r in summary.related],
    )
    section(w, "Sources", [s.id + _colon(s.title) for s in summary.sources])
    _evidence(w, summary.evidence)
    if summary.background_only:
        w.line(BACKGROUND_NOTE)


def _facts(summary: AgreementSummary) -> str:
    facts = f"{kind_phrase(summary.kind, 'agreement').capitalize()} ({summary.certainty})"
    if summary.scope:
        facts += f", covering {summary.scope}"
    if summary.aliases:
        facts += "; also called " + "; ".join(summary.aliases)
    return facts + "."


def _in_effect(d: Duration) -> str:
    if d.end is None:
        return f"from {d.start}; the record gives no end"
    if d.min_days == d.max_days:
        return f"{d.min_days} days, from {d.start} to {d.end}"
    return f"between {d.min_days} and {d.max_days} days, from {d.start} to {d.end}"


def _participant(p: ParticipantSummary) -> str:
    text = f"{p.name}: {', '.join(p.roles)}"
    if p.represented_by:
        text += f", represented by {', '.join(p.represented_by)}"
    if p.name_used:
        text += f" (as {p.name_used})"
    return text + _flags(p.contested, p.background_only)


def _exclusion(e: ExclusionSummary) -> str:
    return f"{e.name}: {e.scope}, {e.manner}" + _flags(e.contested, e.background_only)


def _position(p: PositionSummary) -> str:
    when = f" on {p.date}" if p.date else ""
    return f"{p.name}: {p.stance}{when}" + _flags(p.contested, p.background_only)


def _term(t: TermSummary) -> str:
    deadline = f" Deadline {t.deadline}." if t.deadline else ""
    status = f" Status: {t.status}." if t.status else ""
    return f"{t.id} ({t.kind}): {t.text}{deadline}{status}"


def _outcome(o: OutcomeSummary) -> str:
    text = o.status + (f" ({o.date})" if o.date else "")
    if o.ended_by:
        text += f"; ended by {o.ended_by}" + _colon(o.ended_by_summary)
    return text


def _undermining(e: LinkedEvent) -> str:
    return f"{e.date} {e.id} ({e.effect}{', contested' if e.contested else ''}): {e.summary}"


def _accusation(a: Accusation) -> str:
    return f"{a.by} blamed {a.against}: {a.claim}" + (f" ({a.date})" if a.date else "")


def _colon(text: str | None) -> str:
    return f": {text}" if text else ""


def _flags(contested: bool, background_only: bool) -> str:
    """`` (contested)`` and the background flag, for the claims that carry them."""
    return (" (contested)" if contested else "") + (
        f" {BACKGROUND_FLAG}" if background_only else ""
    )


def _evidence(w: Writer, evidence: list[ClaimEvidence]) -> None:
    """Each claim, then each citation with its quotes (``show --evidence``)."""
    if not evidence:
        return
    w.heading("Evidence")
    for claim in evidence:
        w.item(claim.claim + (f" {BACKGROUND_FLAG}" if claim.background_only else ""))
        for cited in claim.citations:
            where = f", {cited.locator}" if cited.locator else ""
            basis = f" ({cited.basis})" if cited.basis != "stated" else ""
            kind = " [background]" if cited.source_kind == "background" else ""
            w.item(f"  {cited.source}{where}{kind}{basis}")
            for quote in cited.quote:
                w.item(f"    “{quote}”")


def render_text(summary: AgreementSummary, out: TextIO) -> None:
    _write_summary(summary, TextWriter(out))


def render_markdown(summary: AgreementSummary, out: TextIO) -> None:
    _write_summary(summary, MarkdownWriter(out))


def render_json(summary: AgreementSummary, out: TextIO) -> None:
    """Every field of the summary."""
    write_json(summary.to_dict(), out)


FORMATS: dict[str, Renderer[AgreementSummary]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}

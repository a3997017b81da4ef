"""Renderers of the changes between two versions of the record: text, Markdown, JSON."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.changes import AgreementChange, ChangesResult, KindChanges
from accords.analysis.record_changes import FieldChange
from accords.findings import Finding
from accords.render.contract import Renderer
from accords.render.diff import change_text
from accords.render.writers import MarkdownWriter, TextWriter, Writer, section, write_json

_PLURALS = {
    "agreement": "Agreements",
    "actor": "Actors",
    "event": "Events",
    "source": "Sources",
    "scenario": "Scenarios",
}


def _field(change: FieldChange) -> str:
    if not change.scalar:
        return f"{change.field} changed"
    return f"{change.field}: {change.before or '—'} → {change.after or '—'}"


def _finding(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.col}: {f.code} {f.severity.label}: {f.message}"


def _write_kind(w: Writer, kind: str, changes: KindChanges, *, with_changed: bool) -> None:
    """The records of one kind added, removed, renamed (and changed, when listed by name)."""
    title = _PLURALS[kind]
    section(
        w, f"{title} added: {len(changes.added)}", [f"{r.id} — {r.label}" for r in changes.added]
    )
    section(
        w,
        f"{title} removed: {len(changes.removed)}",
        [f"{r.id} — {r.label}" for r in changes.removed],
    )
    section(
        w,
        f"{title} renamed: {len(changes.renamed)}",
        [f"{r.old} → {r.new} — {r.label} ({r.rule})" for r in changes.renamed],
    )
    if with_changed:
        section(w, f"{title} changed: {len(changes.changed)}", [r.id for r in changes.changed])


def _write_agreement(w: Writer, change: AgreementChange) -> None:
    """Who entered or left, whose marks changed, and the agreement's own fields."""
    w.heading(f"Agreement changed: {change.id} — {change.title}")
    items = [
        *(f"entered: {change_text(c)}" for c in change.entered),
        *(f"left: {change_text(c)}" for c in change.left),
        *(f"changed role, exclusion or stance: {change_text(c)}" for c in change.changed),
        *(_field(c) for c in change.dates),
        *(f"term added: {t}" for t in change.terms_added),
        *(f"term removed: {t}" for t in change.terms_removed),
        *(f"term changed: {t} ({', '.join(fields)})" for t, fields in change.terms_changed),
        *(_field(c) for c in change.outcome),
    ]
    if change.other:
        items.append(f"also changed: {', '.join(change.other)}")
    for item in items:
        w.item(item)


def _summary(result: ChangesResult) -> str:
    """One line: how many records of each kind changed, and the findings' balance."""
    parts = []
    for kind, changes in result.kinds.items():
        counts = [
            (len(changes.added), "added"),
            (len(changes.removed), "removed"),
            (len(changes.renamed), "renamed"),
            (len(changes.changed), "changed"),
        ]
        said = ", ".join(f"{n} {verb}" for n, verb in counts if n)
        if said:
            parts.append(f"{_PLURALS[kind].lower()}: {said}")
    found = result.findings
    parts.append(f"findings: {len(found.introduced)} introduced, {len(found.fixed)} fixed")
    return "; ".join(parts) + "."


def _write_changes(result: ChangesResult, w: Writer) -> None:
    w.heading(f"Changes in the record: {result.base.label} → {result.target.label}")
    if result.empty:
        w.line("No change in the record, and no finding introduced or fixed.")
        return
    w.line(_summary(result))
    _write_kind(w, "agreement", result.kinds["agreement"], with_changed=False)
    for change in result.agreements:
        _write_agreement(w, change)
    _write_kind(w, "actor", result.kinds["actor"], with_changed=False)
    section(
        w,
        f"Actors changed: {len(result.kinds['actor'].changed)}",
        [
            f"{r.id} — {r.label}: {', '.join(result.actors[r.id])}"
            for r in result.kinds["actor"].changed
        ],
    )
    for kind in ("event", "source", "scenario"):
        _write_kind(w, kind, result.kinds[kind], with_changed=True)
    found = result.findings
    section(
        w, f"Findings introduced: {len(found.introduced)}", [_finding(f) for f in found.introduced]
    )
    section(w, f"Findings fixed: {len(found.fixed)}", [_finding(f) for f in found.fixed])


def render_text(result: ChangesResult, out: TextIO) -> None:
    _write_changes(result, TextWriter(out))


def render_markdown(result: ChangesResult, out: TextIO) -> None:
    _write_changes(result, MarkdownWriter(out))


def render_json(result: ChangesResult, out: TextIO) -> None:
    write_json(result.to_dict(), out)


FORMATS: dict[str, Renderer[ChangesResult]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}

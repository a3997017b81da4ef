"""Renderers of a diff between two agreements: text for the terminal, Markdown, JSON."""

from __future__ import annotations

from typing import TextIO

from accords.analysis.diff import ActorChange, DiffResult
from accords.render.contract import Renderer
from accords.render.vocabulary import STANCE_FLAGS, STANCE_NOTES
from accords.render.writers import MarkdownWriter, TextWriter, Writer, write_json


def change_text(change: ActorChange) -> str:
    """``Name (id): before → after``, the marks of one actor."""
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


def _write_diff(result: DiffResult, w: Writer) -> None:
    """Who entered, who left, whose marks changed."""
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
                w.item(change_text(change))
    for note in _diff_notes(result):
        w.line(note)
    if result.empty:
        w.line("No actor's marks differ between the two agreements.")
    w.line(f"{len(result.unchanged)} actor(s) marked the same in both.")


def render_text(result: DiffResult, out: TextIO) -> None:
    _write_diff(result, TextWriter(out))


def render_markdown(result: DiffResult, out: TextIO) -> None:
    _write_diff(result, MarkdownWriter(out))


def render_json(result: DiffResult, out: TextIO) -> None:
    """Every field, the unchanged actors too."""
    write_json(result.to_dict(), out)


FORMATS: dict[str, Renderer[DiffResult]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}

"""Renderers of ``accords fmt``: what was (or would be) reformatted, as a list or a diff."""

from __future__ import annotations

import difflib
from typing import TextIO

from accords.findings import CheckResult, Tally
from accords.formatting.files import FormatResult
from accords.render.escape import visible_text
from accords.render.findings import render_text


def render_written(result: FormatResult, out: TextIO) -> None:
    """The files rewritten, then the findings of files left untouched, then a summary."""
    for formatted in result.changed:
        out.write(f"reformatted {visible_text(formatted.display)}\n")
    _findings(result, out)
    out.write(summary(result, "reformatted") + "\n")


def render_check(result: FormatResult, out: TextIO) -> None:
    """The files that would change, then the findings of files left untouched, then a summary."""
    for formatted in result.changed:
        out.write(f"would reformat {visible_text(formatted.display)}\n")
    _findings(result, out)
    out.write(summary(result, "would be reformatted") + "\n")


def render_diff(result: FormatResult, out: TextIO) -> None:
    """A unified diff of every file that would change (``git apply`` takes it as it is)."""
    for formatted in result.changed:
        assert formatted.after is not None
        name = formatted.display
        out.writelines(
            difflib.unified_diff(
                formatted.before.splitlines(keepends=True),
                formatted.after.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


def render_findings(result: FormatResult, out: TextIO) -> None:
    """Only the findings and the summary (what ``--diff`` prints beside the diff)."""
    _findings(result, out)
    out.write(summary(result, "would be reformatted") + "\n")


def _findings(result: FormatResult, out: TextIO) -> None:
    if result.findings:
        render_text(
            CheckResult(result.findings, Tally(result.records, result.read), verb="Read"), out
        )


def summary(result: FormatResult, verb: str) -> str:
    """How many files changed, how many were already canonical, how many were left untouched."""
    changed = len(result.changed)
    kept = len(result.files) - changed
    untouched = len(result.untouched)
    parts = [f"{_files(changed)} {verb}", f"{_files(kept)} already formatted"]
    if untouched:
        parts.append(f"{_files(untouched)} left untouched (findings above)")
    return ", ".join(parts) + "."


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"

"""``accords changes BASE [--to REV]``: what changed in the record between two git revisions."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

HELP = """Show what changed in the record between a git revision and the working tree (or --to REV).

In the record's terms: agreements and actors added, removed and renamed; per agreement, who
entered or left, whose roles, exclusions or stances changed, its dates, terms and outcome;
events, sources and scenarios added, removed or changed; and the findings of `accords check`
introduced and fixed.

Renamed: an id that is gone and a new id are one record when the new record is kept in the
same file, or is equal to the old in everything but its id. Findings are matched by code,
record, key path and message, never by line, so an edit above a finding moves it without
fixing it. Revisions are read with git itself; the working tree is read from disk.

Example:

    accords changes origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
"""


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def changes(
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE", help="The revision to compare from (a branch, tag, commit)."
        ),
    ],
    to: Annotated[
        str | None,
        typer.Option("--to", help="The revision to compare to (default: the working tree)."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
) -> None:
    from accords.render.changes import FORMATS
    from accords.review import record_changes

    FORMATS[fmt.value](record_changes(base, to), sys.stdout)

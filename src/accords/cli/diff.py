"""``accords diff A B``: who entered, who left, whose marks changed between two agreements."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

HELP = """Show who entered, who left, and whose role or stance changed between two agreements.

Entered: at the table (any role) in the second agreement only; left: in the first only;
changed: any other difference in roles, exclusions or stances. --as-of DATE leaves out
positions dated after DATE; undated ones, and those whose date's precision cannot place them
before or after it, stay.

Example:

    accords diff kerry-lavrov-cessation-2016 moscow-declaration-2016 --format markdown
"""


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def diff(
    first: Annotated[str, typer.Argument(help="The earlier (or reference) agreement id.")],
    second: Annotated[str, typer.Argument(help="The agreement to compare it with.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Leave out positions taken after this date.")
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
) -> None:
    from accords.analysis.diff import diff as run_diff
    from accords.dataset import load_dataset
    from accords.render.reports import render_diff

    render_diff(run_diff(load_dataset(), first, second, as_of=as_of), fmt.value, sys.stdout)

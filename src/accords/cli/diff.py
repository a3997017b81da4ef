"""``accords diff A B``: who entered, who left, whose marks changed between two agreements."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from accords.cli.common import NoCache

HELP = """Show who entered, who left, and whose role or stance changed between two agreements.

Entered: at the table (any role) in the second agreement only; left: in the first only;
changed: any other difference in roles, exclusions or stances.

--as-of DATE reads both agreements as known on that date: one dated after DATE is an error,
positions dated after it are left out, and a position whose date's precision cannot place it
before or after DATE stays, marked † (rejected†), as does an undated one, marked ‡.

Example:

    accords diff kerry-lavrov-cessation-2016 moscow-declaration-2016 --format markdown
"""


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def diff(
    first: Annotated[
        str, typer.Argument(metavar="FIRST", help="The earlier (or reference) agreement id.")
    ],
    second: Annotated[
        str, typer.Argument(metavar="SECOND", help="The agreement to compare it with.")
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Read the record as known on this date (EDTF).")
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.diff import diff as run_diff
    from accords.dataset import load_dataset
    from accords.render.diff import FORMATS

    result = run_diff(load_dataset(cache=not no_cache), first, second, as_of=as_of)
    FORMATS[fmt.value](result, sys.stdout)

"""``accords timeline``: agreements and events in date order."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from accords.cli.common import NoCache

HELP = """List agreements and events in date order, partial dates shown with their precision.

--from and --to keep what may fall inside the window; an item whose date reaches outside it
is marked with *. A --from after --to is an error. The mermaid format is a gantt chart that
GitHub draws.

Example:

    accords timeline --from 2016-12 --to 2017-01 --format mermaid
"""


class TimelineFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    mermaid = "mermaid"
    json = "json"


def timeline(
    start: Annotated[str | None, typer.Option("--from", help="Earliest date (EDTF).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (EDTF).")] = None,
    fmt: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TimelineFormat.text,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.timeline import timeline as run_timeline
    from accords.dataset import load_dataset
    from accords.render.timeline import FORMATS

    result = run_timeline(load_dataset(cache=not no_cache), start=start, end=end)
    FORMATS[fmt.value](result, sys.stdout)

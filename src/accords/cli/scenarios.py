"""``accords scenarios``: resolve every expectation against the record, with Brier scores."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from accords.cli.common import NoCache
from accords.cli.diff import ReportFormat

HELP = """Resolve every expectation: true, false, open or undetermined, with the deciding record.

An expectation is true when a record matching its resolves_when condition is dated by its
deadline; false when the deadline has passed (as of --as-of, default today) without one;
open while the deadline is ahead; undetermined when partial dates cannot settle it. The
Brier score averages (probability − outcome)² over expectations resolved true or false.

--as-of DATE reads the record as known on that date: forecasts made after it and records
dated after it are left out. A matching record with no date, or one whose date's precision
cannot place it before or after DATE, makes the verdict undetermined, never true.

Example:

    accords scenarios --as-of 2017-06-30 --format markdown
"""


def scenarios(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="IDS", help="Scenario ids; default: all.")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Read the record as known on this date (default: all of it)."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.scenarios import resolve_scenarios
    from accords.dataset import load_dataset
    from accords.render.scenarios import FORMATS

    report = resolve_scenarios(load_dataset(cache=not no_cache), ids or None, as_of=as_of)
    FORMATS[fmt.value](report, sys.stdout)

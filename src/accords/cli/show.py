"""``accords show ID``: one agreement summarised, with what the record lets us derive."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from accords.cli.common import NoCache
from accords.cli.diff import ReportFormat

HELP = """Summarise one agreement: dates, who was at the table or left out, terms and outcome.

Derived facts: how long it was in effect (a range of days when dates are partial), which
events violated, undermined or ended it, and who blamed whom. Claims that rest on background
knowledge alone (no archived source states them) are marked °.

Example:

    accords show riverside-truce-2031 --format markdown
    accords show riverside-truce-2031 --evidence
"""


def show(
    agreement: Annotated[str, typer.Argument(metavar="AGREEMENT", help="The agreement id.")],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
    evidence: Annotated[
        bool,
        typer.Option("--evidence", help="Each claim with the citations and quotes it rests on."),
    ] = False,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.show import show as run_show
    from accords.dataset import load_dataset
    from accords.render.show import FORMATS

    summary = run_show(load_dataset(cache=not no_cache), agreement, evidence=evidence)
    FORMATS[fmt.value](summary, sys.stdout)

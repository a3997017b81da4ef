"""Helpers shared by the commands: finding output, exit codes, the dataset root."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from accords.findings import CheckResult

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: ``--no-cache``, on every command that loads the dataset.
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and validate every file, neither using nor filling the cache "
        "(.accords_cache/; also ACCORDS_NO_CACHE=1).",
    ),
]


class FindingsFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def emit_findings(result: CheckResult, fmt: FindingsFormat) -> int:
    """Render a run's findings to stdout; the exit code says whether any fails the run."""
    from accords.render.findings import FORMATS

    FORMATS[fmt.value](result, sys.stdout)
    return EXIT_FINDINGS if result.failed else EXIT_CLEAN

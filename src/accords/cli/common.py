"""Helpers shared by the commands: finding output, exit codes, format names, the dataset root."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
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


#: The human-readable format of every command is ``text``; names that once meant the same
#: keep working, unlisted, so that scripts written for them still run.
FORMAT_ALIASES = {"table": "text"}


def format_choice(
    names: Sequence[str], aliases: Mapping[str, str] = FORMAT_ALIASES
) -> Callable[[str], str]:
    """A ``--format`` value parser: one of ``names`` (case as given), or an alias of one.

    Aliases are accepted but left out of help and error messages, so the one vocabulary is
    what users see.
    """
    import typer

    def parse(value: str) -> str:
        name = aliases.get(value, value)
        if name in names:
            return name
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(map(repr, names))}.")

    return parse


def format_metavar(names: Sequence[str]) -> str:
    return "<" + "|".join(names) + ">"


def split_list(values: list[str] | None) -> list[str] | None:
    """Repeated or comma-separated option values as one list (``None`` when not given): every
    option that takes several values takes them either way."""
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]

"""``accords rules`` and ``accords explain CODE``: the rule catalogue."""

from __future__ import annotations

import sys
from enum import StrEnum
from types import SimpleNamespace
from typing import Annotated

import typer

HELP = """List the rule catalogue: code, default severity, name and title of every rule.

Rules that are off by default are marked "(off)"; accords.toml turns them on with
extend-select. --format json prints the same as a list of objects.

Example:

    accords rules --format json
"""

EXPLAIN_HELP = """Explain one rule: what it checks, why, and a failing and a passing example.

CODE is a rule code (C103) or name (event-outside-window), in any case.

Example:

    accords explain C103
"""


class CatalogueFormat(StrEnum):
    text = "text"
    json = "json"


def rules(
    fmt: Annotated[
        CatalogueFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CatalogueFormat.text,
) -> None:
    from accords.checking.catalogue import catalogue
    from accords.render.rules import FORMATS

    FORMATS[fmt.value](catalogue(), sys.stdout)


def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code or name.")],
) -> None:
    from accords.checking.catalogue import find_rule
    from accords.render.rules import EXPLAIN_FORMATS

    EXPLAIN_FORMATS["text"](find_rule(code), sys.stdout)


#: ``explain`` registered as a command of its own, with its own help text.
EXPLAIN = SimpleNamespace(HELP=EXPLAIN_HELP, explain=explain)

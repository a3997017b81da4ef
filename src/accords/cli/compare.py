"""``accords compare``: the actor × agreement matrix in six formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from accords.cli.common import NoCache, format_choice, format_metavar, split_list

HELP = """Compare agreements: one row per actor, one column per agreement, every mark in the cells.

Cells hold roles (mediator), exclusions (excluded:talks:shut-out), stances (rejected);
a contested mark ends with '?'. --scenario applies a scenario's what-if changes and marks
what changed. Formats: text, markdown, csv, json, html, latex.

The text format prints the matrix when it fits the terminal (100 columns when the output is
not a terminal) with no word broken, and otherwise the long form: one line per actor and
agreement with its marks. --layout matrix or --layout long chooses one.

--as-of DATE reads the record as known on that date: agreements and positions dated after it
are left out and actors are named as they were called then. An agreement whose dates'
precision cannot place it before or after DATE stays, marked †; one with no date stays,
marked ‡ undated, never shown as existing by then. Positions are marked alike (rejected†,
welcomed‡); in JSON, as_of lists the undetermined, undated and unplaced_stances.

Example:

    accords compare riverside-truce-2031 harbour-evacuation-2031 --format markdown
"""


#: The formats, in the order help lists them; ``table`` is an old name of ``text``.
FORMATS = ("text", "markdown", "csv", "json", "html", "latex")


class Layout(StrEnum):
    auto = "auto"
    matrix = "matrix"
    long = "long"


class RowOrder(StrEnum):
    first_appearance = "first-appearance"
    name = "name"
    kind = "kind"


class Grouping(StrEnum):
    kind = "kind"
    coalition = "coalition"


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output format.",
        parser=format_choice(FORMATS),
        metavar=format_metavar(FORMATS),
        autocompletion=lambda: FORMATS,
    ),
]
LayoutOption = Annotated[
    Layout,
    typer.Option(
        "--layout", help="The text format's layout: the matrix when it fits (auto), or always one."
    ),
]


def compare(
    agreements: Annotated[
        list[str] | None,
        typer.Argument(metavar="AGREEMENTS", help="Agreement ids, in column order; default: all."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Read the record as known on this date (EDTF).")
    ] = None,
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="Apply this scenario's what-if changes.")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only actors of these kinds (repeat or comma-separate)."),
    ] = None,
    only_marked: Annotated[
        bool,
        typer.Option("--only-marked/--all-actors", help="Leave out actors without any mark."),
    ] = True,
    order: Annotated[
        RowOrder, typer.Option("--order", help="Row order.")
    ] = RowOrder.first_appearance,
    group_by: Annotated[
        Grouping | None, typer.Option("--group-by", help="Gather rows by kind or coalition.")
    ] = None,
    fmt: FormatOption = "text",
    layout: LayoutOption = Layout.auto,
    no_cache: NoCache = False,
) -> None:
    from accords.analysis.compare import compare as run_compare
    from accords.cli.progress import progress
    from accords.dataset import load_dataset
    from accords.errors import UsageError
    from accords.render import matrix

    if layout is not Layout.auto and fmt != "text":
        raise UsageError(f"--layout applies to the text format, not to {fmt}")
    render = matrix.text_renderer(layout.value) if fmt == "text" else matrix.FORMATS[fmt]
    with progress("reading the records") as step:
        dataset = load_dataset(cache=not no_cache)
        step(f"comparing {len(dataset.agreements):,} agreements")
        result = run_compare(
            dataset,
            agreements or None,
            as_of=as_of,
            scenario=scenario,
            kinds=split_list(kind),
            only_marked=only_marked,
            order=order.value,
            group_by=group_by.value if group_by is not None else None,
        )
        if not sys.stdout.isatty():  # on a terminal the spinner would draw over the output
            step(f"writing {len(result.actors):,} actors × {len(result.agreements):,} agreements")
            render(result, sys.stdout)
            return
    render(result, sys.stdout)

"""``accords new``: scaffold a record file that already validates."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

HELP = """Create a new record file that already validates, and print its path.

The file goes into the kind's folder of the dataset (agreements/, events/, actors/, seeds/,
scenarios/) as ID.yaml, with the schema modeline for editors and a placeholder source that
'accords check' reports until you cite a real one. An existing file is never replaced
unless --force is given; the write is atomic.

Example:

    accords new agreement riverside-truce-2031
"""


class Kind(StrEnum):
    agreement = "agreement"
    event = "event"
    actor = "actor"
    source = "source"
    scenario = "scenario"


def new(
    kind: Annotated[
        Kind,
        typer.Argument(
            metavar="KIND",
            help="What to create: agreement, event, actor, source or scenario.",
        ),
    ],
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new record's id, in kebab-case.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    from pathlib import Path

    from accords.loading.discovery import find_root
    from accords.scaffold import check_id, create

    check_id(record_id)  # before looking for the dataset: a bad id is the first thing to say
    path = create(find_root(), kind.value, record_id, force=force)
    try:
        shown = path.relative_to(Path.cwd())
    except ValueError:
        shown = path
    typer.echo(str(shown))

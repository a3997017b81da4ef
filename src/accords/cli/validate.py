"""``accords validate``: structure only, every error in every file, one pass."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import FindingsFormat, NoCache, emit_findings


class RecordKind(StrEnum):
    agreement = "agreement"
    actor = "actor"
    event = "event"
    source = "source"
    scenario = "scenario"


HELP = """Check files against the schema: every error, in every file, in one pass.

Without PATHS, validates the whole dataset found from accords.toml. A file's record kind comes
from --record-kind, else its $schema modeline, else its folder (agreements/, actors/, events/,
seeds/, scenarios/, or as [dataset.folders] in accords.toml says), else its keys; a file whose
kind none of them tells is a finding (E014). Exit 0 when clean, 1 when any file has errors,
2 on a usage error.

Example:

    accords validate agreements/ankara-aleppo-evacuation-2016.yaml --format json
"""


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATHS", help="Files or folders; default: the whole dataset."),
    ] = None,
    fmt: Annotated[
        FindingsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = FindingsFormat.text,
    kind: Annotated[
        RecordKind | None,
        typer.Option(
            "--record-kind", help="The record kind of every given file, whatever it says."
        ),
    ] = None,
    no_cache: NoCache = False,
) -> None:
    from accords.checking.validate import validate_paths
    from accords.cli.progress import progress

    with progress("finding the files") as step:
        result = validate_paths(
            paths or (), kind.value if kind is not None else None, cache=not no_cache, step=step
        )
    raise typer.Exit(emit_findings(result, fmt))

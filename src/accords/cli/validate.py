"""``accords validate``: structure only, every error in every file, one pass."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import FindingsFormat, emit_findings


class RecordKind(StrEnum):
    agreement = "agreement"
    actor = "actor"
    event = "event"
    source = "source"
    scenario = "scenario"


HELP = """Check files against the schema: every error, in every file, in one pass.

Without PATHS, validates the whole dataset found from accords.toml. A file's record kind comes
from its folder (agreements/, actors/, events/, seeds/, scenarios/); --kind names it for files
kept elsewhere. Exit 0 when clean, 1 when any file has errors, 2 on a usage error.

Example:

    accords validate agreements/ankara-aleppo-evacuation-2016.yaml --format json
"""


def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; default: the whole dataset.")
    ] = None,
    fmt: Annotated[
        FindingsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = FindingsFormat.text,
    kind: Annotated[
        RecordKind | None,
        typer.Option("--kind", help="The record kind of every given file, wherever it is kept."),
    ] = None,
) -> None:
    from accords.errors import DatasetNotFound, UsageError
    from accords.findings import Severity
    from accords.loading.discovery import dataset_files, find_root, select_files
    from accords.loading.validate import validate_files
    from accords.rules import structure  # noqa: F401  (registers the structure rules)
    from accords.rules.registry import RULES

    try:
        root: Path | None = find_root()
    except DatasetNotFound:
        if not paths:
            raise
        root = None
    if kind is not None and not paths:
        raise UsageError("--kind needs the files it applies to")
    chosen = kind.value if kind is not None else None
    files = select_files(paths, root, chosen) if paths else dataset_files(root)  # type: ignore[arg-type]
    if not files:
        raise UsageError("no YAML files to validate" + (" in the given paths" if paths else ""))
    from accords.config import load_selection

    selection = load_selection(root)
    # Validation reports structure codes only, so only the structure rules need loading.
    off = frozenset(code for code, rule in RULES.items() if not rule.default_enabled)
    findings = selection.apply(validate_files(files), off)
    raise typer.Exit(
        emit_findings(findings, fmt, selection.fail_on if findings else Severity.ERROR)
    )

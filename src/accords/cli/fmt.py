"""``accords fmt``: rewrite record files into one canonical form, comments and words kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import EXIT_CLEAN, EXIT_FINDINGS, NoCache

HELP = """Rewrite record files into one canonical form; comments and words are kept.

Keys in the order the model declares them, dates in double quotes, two-space indentation,
block mappings, short id lists as [a, b], long text folded at 100 columns, the $schema modeline
on the first line. Without PATHS, formats every record file of the dataset. A file that does
not validate is left untouched and its findings are shown. --check writes nothing and exits 1
when a file would change (for CI and pre-commit); --diff writes nothing and prints a unified
diff. Exit 0 when every file is canonical (or was made so), 1 when a file would change or has
findings, 2 on a usage error.

Example:

    accords fmt
    accords fmt --check
    accords fmt agreements/ --diff
"""


def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATHS", help="Files or folders; default: the whole dataset."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; list the files that would change.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Write nothing; print a unified diff of the changes.")
    ] = False,
    no_cache: NoCache = False,
) -> None:
    from accords.formatting.files import format_paths, write
    from accords.render.formatting import render_check, render_diff, render_findings, render_written

    result = format_paths(paths or (), cache=not no_cache)
    if diff:
        render_diff(result, sys.stdout)
        render_findings(result, sys.stderr)
    elif check:
        render_check(result, sys.stdout)
    else:
        write(result)
        render_written(result, sys.stdout)
    failed = bool(result.findings) or ((check or diff) and bool(result.changed))
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)

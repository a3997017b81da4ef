"""``accords schema``: write the JSON Schemas, or check the committed ones for drift."""

from __future__ import annotations

from typing import Annotated

import typer

HELP = """Write schemas/ from the models, or (--check) verify the committed ones.

Each file accords writes carries the hash of its content; a file changed since (edited by hand)
is kept, with the places where it differs, unless --force.

Example:

    accords schema --check
"""


def schema(
    check: Annotated[
        bool, typer.Option("--check", help="Fail when schemas/ differs from the models.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite schema files that differ.")
    ] = False,
) -> None:
    from accords.errors import WouldOverwrite
    from accords.loading.discovery import display_path, find_root
    from accords.schema import differences, drift, rendered_all, schema_path, written_by_accords
    from accords.writing import write_atomic

    root = find_root()
    problems = drift(root)
    if check:
        for problem in problems:
            state = "missing" if problem.missing else "out of date"
            typer.echo(f"{problem.path}: {state}; run 'accords schema' to regenerate it")
        if not problems:
            typer.echo("schemas/ matches the models.")
        raise typer.Exit(1 if problems else 0)
    stale = {p.path for p in problems}
    kept: list[str] = []
    for kind, text in rendered_all().items():
        path = schema_path(root, kind)
        if path not in stale:
            continue
        # Schema files are generated, but a hand edit is still the user's: ask before replacing.
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current is not None and not force and not written_by_accords(current):
            places = differences(current, kind)
            why = (
                f"{', '.join(places)} differ from the models' schema"
                if places
                else "it has no stamp of accords, though its content matches"
            )
            kept.append(f"{display_path(path)}: {why}")
            continue
        write_atomic(path, text, force=True)
        typer.echo(f"wrote {path}")
    if kept:
        raise WouldOverwrite(
            "kept schema files changed since accords wrote them: "
            + "; ".join(kept)
            + ". Pass --force to replace them with what the models generate"
        )
    if not stale:
        typer.echo("schemas/ is up to date.")

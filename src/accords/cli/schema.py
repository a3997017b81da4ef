"""``accords schema``: write the JSON Schemas, or check the committed ones for drift."""

from __future__ import annotations

from typing import Annotated

import typer

HELP = """Write schemas/ from the models, or (--check) verify the committed ones.

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
    from accords.loading.discovery import find_root
    from accords.schema import drift, rendered_all, schema_path
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
    for kind, text in rendered_all().items():
        path = schema_path(root, kind)
        if path not in stale:
            continue
        # Schema files are generated, but a hand edit is still the user's: ask before replacing.
        write_atomic(path, text, force=force or not path.exists() or _is_generated(path))
        typer.echo(f"wrote {path}")
    if not stale:
        typer.echo("schemas/ is up to date.")


def _is_generated(path: object) -> bool:
    """Whether a schema file carries the generated ``$id`` (then regenerating it is safe)."""
    import json
    from pathlib import Path

    try:
        data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and str(data.get("$id", "")).startswith("urn:accords:schema:")

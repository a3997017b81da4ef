"""``accords init``: a new dataset that passes ``accords check`` from the first command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

HELP = """Create a new dataset in DIR: accords.toml, the record folders, schemas/, one worked
example (an actor, a source, an agreement citing it), .pre-commit-config.yaml, a GitHub
workflow that runs the accords Action, and a .gitignore for accords' cache.

The example passes 'accords check'. DIR may be missing or hold other files; a folder that
already holds a dataset is refused, and no existing file is ever overwritten.

Example:

    accords init my-dataset && cd my-dataset && accords check
"""


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to create the dataset.")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="The dataset's name in accords.toml (default: DIR's name)."),
    ] = None,
) -> None:
    from accords.starter import create_dataset

    written = create_dataset(folder, name)
    for path in written:
        typer.echo(str(path))
    typer.echo(f"\nNext: cd {folder} && accords check", err=True)

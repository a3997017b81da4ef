"""Options that mean the same on every command are spelled the same: ``-o`` is ``--out``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer

from accords.cli.app import app


def _options(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, list[str]]]:
    """Every option of every leaf command, as ``("import pax", ["--out", "-o"])``."""
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        for param in command.params:
            if param.param_type_name == "option":
                yield " ".join(path), [*param.opts, *param.secondary_opts]
        return
    for name, sub in subcommands.items():
        yield from _options(sub, (*path, name))


OPTIONS = list(_options(typer.main.get_command(app)))


def test_every_out_option_has_the_short_form_o_and_nothing_else_does() -> None:
    with_out = sorted(command for command, opts in OPTIONS if "--out" in opts)
    with_o = sorted(command for command, opts in OPTIONS if "-o" in opts)
    assert with_o == with_out
    # The commands that write files name them with --out; a new one joins this rule by itself.
    assert {"export", "import pax"} <= set(with_out)
    assert all(sorted(opts) == ["--out", "-o"] for _, opts in OPTIONS if "-o" in opts)

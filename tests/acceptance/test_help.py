"""Every command has help with an example, and is documented in the README."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from accords import __version__
from accords.cli.app import app
from support import run_accords

REPO = Path(__file__).resolve().parents[2]


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every leaf command of the app, as ``("import pax", command)``."""
    # typer may bundle its own click; a group is whatever has subcommands.
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield " ".join(path), command
        return
    for name, sub in subcommands.items():
        yield from _commands(sub, (*path, name))


COMMANDS = dict(_commands(typer.main.get_command(app)))


def _docs() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_the_app_has_the_documented_commands() -> None:
    assert {"validate", "check", "schema", "new"} <= set(COMMANDS), sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    help_text = COMMANDS[name].help or ""
    assert help_text.strip(), f"accords {name} has no help"
    assert re.search(r"^Example", help_text, re.MULTILINE), f"accords {name}: no Example block"
    example = re.compile(r"^ {4}accords " + re.escape(name) + r"\b", re.MULTILINE)
    assert example.search(help_text), f"accords {name}: the example does not run the command"
    result = run_accords(*name.split(), "--help")
    assert result.code == 0, result.output
    assert f"accords {name}" in result.out and "Example:" in result.out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    assert f"accords {name}" in _docs(), f"'accords {name}' is not in README.md"


def test_the_top_level_help_has_an_example_and_completion() -> None:
    result = run_accords("--help")
    assert result.code == 0
    assert "Example" in result.output
    assert "--install-completion" in result.output
    assert "--version" in result.output


def test_version() -> None:
    result = run_accords("--version")
    assert result.code == 0
    assert result.output == f"accords {__version__}\n"


def test_completion_covers_commands() -> None:
    # Click completes through environment variables; ask it for the commands after 'accords '.
    result = run_accords(
        env={"_ACCORDS_COMPLETE": "complete_bash", "COMP_WORDS": "accords ne", "COMP_CWORD": "1"}
    )
    assert "new" in result.output.split(), result.output

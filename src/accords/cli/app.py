"""The ``accords`` command: a thin typer app; each command lives in its own module.

Heavy imports (pydantic models, rich, jsonschema) happen inside the commands, so that
``accords --help`` stays as fast as importing yaml and pydantic.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from accords import __version__
from accords.cli import changes as changes_cmd
from accords.cli import check as check_cmd
from accords.cli import compare as compare_cmd
from accords.cli import diff as diff_cmd
from accords.cli import export as export_cmd
from accords.cli import fmt as fmt_cmd
from accords.cli import import_ as import_cmd
from accords.cli import init as init_cmd
from accords.cli import new as new_cmd
from accords.cli import rules as rules_cmd
from accords.cli import scenarios as scenarios_cmd
from accords.cli import schema as schema_cmd
from accords.cli import show as show_cmd
from accords.cli import site as site_cmd
from accords.cli import timeline as timeline_cmd
from accords.cli import validate as validate_cmd
from accords.cli.common import EXIT_USAGE

app = typer.Typer(
    name="accords",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help: rich's formatter costs more start-up time than all of pydantic.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": bool(os.environ.get("ACCORDS_DEBUG"))}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accords {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Ceasefires, evacuation deals, declarations and negotiation rounds as checked YAML.

    Example:

    \b
        accords check
    """
    if debug:
        _state["debug"] = True


def keep_examples(help_text: str) -> str:
    """Mark indented paragraphs (examples) so that click prints them as written, unwrapped."""
    paragraphs = help_text.strip("\n").split("\n\n")
    return "\n\n".join("\b\n" + p if p.startswith("    ") else p for p in paragraphs)


def _register(name: str, module: object) -> None:
    function = getattr(module, name.replace("-", "_"))
    help_text = module.HELP  # type: ignore[attr-defined]
    app.command(name, help=keep_examples(help_text), short_help=help_text.splitlines()[0])(function)


_register("validate", validate_cmd)
_register("check", check_cmd)
_register("fmt", fmt_cmd)
_register("schema", schema_cmd)
_register("new", new_cmd)
_register("init", init_cmd)
app.add_typer(import_cmd.app, name="import")
_register("compare", compare_cmd)
_register("diff", diff_cmd)
_register("changes", changes_cmd)
_register("show", show_cmd)
_register("timeline", timeline_cmd)
_register("export", export_cmd)
_register("site", site_cmd)
_register("scenarios", scenarios_cmd)
_register("rules", rules_cmd)
_register("explain", rules_cmd.EXPLAIN)


def main() -> None:
    """Run the app; errors that stop a command become one line and exit code 2."""
    from accords.errors import AccordsError

    # This entry point is guarded, so worker processes may import it again: the command line
    # reads many files in workers (accords.loading.yaml_workers).
    os.environ.setdefault("ACCORDS_WORKERS", "auto")

    for stream in (sys.stdout, sys.stderr):
        # A file name that is not UTF-8 must not turn into an encoding error on output.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except AccordsError as exc:
        typer.echo(f"accords: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # output piped into `head`: stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # the last line of defence: never a traceback for any input
        if _state["debug"] or "--debug" in sys.argv:
            raise
        detail = " ".join(str(exc).split())[:300]
        typer.echo(
            f"accords: internal error: {type(exc).__name__}: {detail} "
            "(a bug in accords: please report it with the command and its input; "
            "--debug shows the traceback)",
            err=True,
        )
        sys.exit(EXIT_USAGE)

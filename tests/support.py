"""What many tests share: one way to run the command line, and output held still where it
changes from run to run."""

from __future__ import annotations

import contextlib
import re
import signal
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from accords.cli.app import main

_TIMING = re.compile(r" in [0-9]+\.[0-9] s: ")


def without_timing(output: str) -> str:
    """``output`` with the time a run took (``in 0.4 s:``) written as ``in T s:``."""
    return _TIMING.sub(" in T s: ", output)


@dataclass(frozen=True, slots=True)
class Run:
    """What one ``accords`` run gave: its exit code, standard output and standard error, and
    ``output``, the two streams interleaved as a terminal shows them."""

    code: int
    out: str
    err: str
    output: str


def run_accords(
    *args: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> Run:
    """Run ``accords ARGS`` in ``cwd`` through the real entry point, in this process.

    The entry point turns a usage error into exit code 2 and a line on standard error, and a
    crash into an ``internal error`` line, as the installed command does; a test that needs a
    real process (an installed script, a memory limit, a signal) starts one itself.
    """
    argv = ["accords", *map(str, args)]
    with (
        contextlib.chdir(cwd or Path.cwd()),
        CliRunner().isolation(env=env) as (out, err, mixed),
        _argv(argv),
    ):
        code = _exit_code(main)
        sys.stdout.flush()
        sys.stderr.flush()
        streams = out.getvalue(), err.getvalue(), mixed.getvalue()
    return Run(code, *(data.decode("utf-8").replace("\r\n", "\n") for data in streams))


def _exit_code(entry: Callable[[], None]) -> int:
    """The exit code of calling ``entry``: 0 when it returns, its ``SystemExit`` code otherwise."""
    try:
        entry()
    except SystemExit as exited:
        code = exited.code
        if code is None:
            return 0
        return code if isinstance(code, int) else 1
    return 0


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail the test when the block uses more than ``seconds`` of CPU time, and stop it then:
    a quadratic pass fails in a second rather than running on for minutes. CPU time, not wall
    clock, so that a busy machine (other jobs on the same cores) does not fail a linear pass."""

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextlib.contextmanager
def _argv(argv: list[str]) -> Iterator[None]:
    saved = sys.argv
    sys.argv = argv
    try:
        yield
    finally:
        sys.argv = saved


#: Two commits of this repository's own history between which the bundled record changed: the
#: stored outputs of ``accords changes`` compare them.
HISTORY_COMMITS = ("f983731", "43fbb1b")


def history_missing(repo: Path) -> str | None:
    """Why the commits of ``HISTORY_COMMITS`` cannot be read in ``repo`` (a shallow clone, an
    archive without ``.git``, no git), or None when they can."""
    import shutil
    import subprocess

    if shutil.which("git") is None:
        return "git is not installed"
    for commit in HISTORY_COMMITS:
        found = subprocess.run(
            ["git", "-C", str(repo), "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
            check=False,
        )
        if found.returncode != 0:
            return f"commit {commit} of this repository's history is not here (a shallow clone?)"
    return None


class Calls:
    """Counts the calls of a function: ``wrap`` it, and use what it gives in its place."""

    def __init__(self) -> None:
        self.count = 0

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def counting(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return function(*args, **kwargs)

        return counting


def count_calls(monkeypatch: Any, owner: object, name: str) -> Calls:
    """Counts the calls of ``owner.name`` for the rest of the test (``monkeypatch`` undoes it)."""
    counter = Calls()
    monkeypatch.setattr(owner, name, counter.wrap(getattr(owner, name)))
    return counter

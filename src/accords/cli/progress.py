"""Progress on standard error for the commands that can run for seconds: a spinner naming the
step under way, cleared when the command ends.

It shows only on a terminal: when standard error is a file or a pipe, or ``CI`` is set, it
writes nothing at all, so logs and captured output stay exactly the command's own.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

#: Moves the spinner on to the next step.
Step = Callable[[str], None]


def shows_progress() -> bool:
    """Whether progress goes to standard error: a terminal, and not under CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress(first: str) -> Iterator[Step]:
    """A spinner that starts at step ``first``; the context gives the function for the next."""
    if not shows_progress():
        yield _silent
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    shown = Progress(
        *columns,
        console=Console(file=sys.stderr),
        transient=True,
        # The command's output is never taken into the display: it goes where it was sent.
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with shown:
        task = shown.add_task(first, total=None)
        yield lambda step: shown.update(task, description=step)


def _silent(step: str) -> None:
    """Progress where none is shown."""

"""Running a command as a child process, measured as a user sees it: wall-clock seconds, CPU
seconds (user and system, every thread) and peak memory (the child's own ``ru_maxrss``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Container, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    """What one run of a child process took, and its exit code."""

    wall: float
    cpu: float
    peak_mib: float
    code: int


def accords(*args: str) -> list[str]:
    """The command line of ``accords ARGS`` in this interpreter."""
    return [sys.executable, "-m", "accords", *args]


def measure(command: Sequence[str], cwd: Path, ok: Container[int] = (0, 1)) -> Measured:
    """Run ``command`` in ``cwd`` with its output thrown away; stop the benchmark when it exits
    with a code not in ``ok`` (a crash must never be timed as a result)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(map(str, command))} exited {code} in {cwd}")
    return Measured(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)

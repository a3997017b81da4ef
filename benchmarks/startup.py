"""Benchmark: how fast the light commands start, against importing yaml and pydantic.

Times, each as a fresh process and alternately so that a burst of load from elsewhere on the
machine falls on every side alike, the median of ``--runs`` runs of:

- ``python -c "import yaml, pydantic"`` (the floor: the two libraries every command needs);
- ``accords --help``;
- ``accords validate FILE`` on one bundled agreement;
- ``accords rules``.

The inputs are the bundled records themselves: the command runs in the repository, a dataset.
It prints each median, its ratio to the floor (the bar is 1.5), and the machine's load.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ONE_FILE = "agreements/nationwide-ceasefire-2016-12-30.yaml"


def commands() -> dict[str, list[str]]:
    accords = [sys.executable, "-m", "accords"]
    return {
        'python -c "import yaml, pydantic"': [sys.executable, "-c", "import yaml, pydantic"],
        "accords --help": [*accords, "--help"],
        "accords validate FILE": [*accords, "validate", ONE_FILE],
        "accords rules": [*accords, "rules"],
    }


def timed(command: Sequence[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]!r}")
    return elapsed


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command")
    args = parser.parse_args(argv)
    named = commands()
    times: dict[str, list[float]] = {name: [] for name in named}
    print(f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}; load before: {load()}")
    for _ in range(args.runs):
        for name, command in named.items():
            times[name].append(timed(command))
    floor_name = next(iter(named))
    floor = statistics.median(times[floor_name])
    print(f"median of {args.runs} alternating runs each")
    for name, runs in times.items():
        median = statistics.median(runs)
        ratio = "" if name == floor_name else f"  ratio {median / floor:5.2f}  (bar <= 1.5)"
        print(f"{name:36s} {median:6.3f} s{ratio}")
    print(f"load after: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

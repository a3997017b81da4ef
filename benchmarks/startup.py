"""Benchmark: how fast the light commands start, against importing yaml and pydantic.

Times, each as a fresh process and alternately so that a burst of load from elsewhere on the
machine falls on every side alike, the median of ``--runs`` runs of:

- ``python -c "import yaml, pydantic"`` (the floor: the two libraries every command needs);
- ``python -c "import typer, yaml, accords.model"``: typer, yaml and the record models
  (pydantic's model machinery and the model classes, their validators not yet built), the
  least that a ``validate`` can take whose options typer parses and whose validity the models
  define;
- ``accords --help``;
- ``accords validate FILE`` on one bundled agreement;
- ``accords rules``.

The inputs are the bundled records themselves: the command runs in the repository, a dataset.
The accords package is byte-compiled first, as an installed one is (with
``PYTHONDONTWRITEBYTECODE`` set, a changed module would otherwise be compiled on every run),
and each command runs once untimed. It prints each median, its ratio to the floor (the bar is
1.5), and the machine's load.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from child import measure

REPO = Path(__file__).resolve().parent.parent
ONE_FILE = "agreements/nationwide-ceasefire-2016-12-30.yaml"


def commands() -> dict[str, list[str]]:
    accords = [sys.executable, "-m", "accords"]
    return {
        'python -c "import yaml, pydantic"': [sys.executable, "-c", "import yaml, pydantic"],
        'python -c "import typer, yaml, accords.model"': [
            sys.executable,
            "-c",
            "import typer, yaml, accords.model",
        ],
        "accords --help": [*accords, "--help"],
        "accords validate FILE": [*accords, "validate", ONE_FILE],
        "accords rules": [*accords, "rules"],
    }


def timed(command: Sequence[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system) of one run of ``command``."""
    measured = measure(command, REPO, ok=(0,))
    return measured.wall, measured.cpu


def compile_package() -> None:
    """Write the bytecode of every accords module, as installing the package does."""
    import accords

    package = str(Path(accords.__file__).parent)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], env=env, check=True)


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command")
    args = parser.parse_args(argv)
    named = commands()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in named}
    compile_package()
    for command in named.values():
        timed(command)
    print(f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}; load before: {load()}")
    for _ in range(args.runs):
        for name, command in named.items():
            times[name].append(timed(command))
    floor_name = next(iter(named))
    floor = statistics.median(wall for wall, _ in times[floor_name])
    floor_cpu = statistics.median(cpu for _, cpu in times[floor_name])
    print(f"median of {args.runs} alternating runs each: wall-clock, and CPU (user + system)")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        ratio = (
            ""
            if name == floor_name
            else f"  ratio {wall / floor:5.2f} wall-clock, {cpu / floor_cpu:5.2f} CPU (bar <= 1.5)"
        )
        print(f"{name:46s} {wall:6.3f} s {cpu:6.3f} s{ratio}")
    print(f"load after: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

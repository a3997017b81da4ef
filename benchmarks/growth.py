"""Benchmark: how time and peak memory grow with the number of agreements and event rows.

Every input is built from the bundled records (``bundled_data``): datasets of agreements cloned
from the bundled ones, with the bundled actors, sources, events and scenarios, and events files
in ACLED's export format whose actor strings are the bundled actors'. Each command runs once as
a child process that reads its files itself (``ACCORDS_WORKERS=1``: no worker processes, whose
time and memory would not be the child's); its time is wall-clock, its peak memory its own
``ru_maxrss`` (``wait4``).

- ``accords validate`` and ``accords check`` on 100, 1,000 and 10,000 agreements;
- ``accords check --events`` on 10,000, 100,000 and 1,000,000 rows (5,000,000 with
  ``--with-5m``: a 1.7 GB file, long to build), against the bundled dataset itself (11
  agreements), so that the rows, not the records, make the time.

It prints a Markdown table with wall-clock and CPU time (the CPU time is steadier on a shared
machine), the CPU time each step up in size added per 1,000 agreements or per million rows
(flat when the growth is linear: start-up, paid once, drops out), and the peak memory; and the
machine's load before and after.

    python benchmarks/growth.py [--with-5m] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundled_data import REPO, clone_dataset, write_events_apart
from child import accords, measure

AGREEMENTS = (100, 1_000, 10_000)
ROWS = (10_000, 100_000, 1_000_000)


def run(root: Path, *args: str) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds and peak memory (MiB) of one ``accords ARGS`` child.

    CPU time (user and system) is shown beside wall-clock time: on a machine shared with other
    work, the wall clock measures the neighbours too.
    """
    measured = measure(accords(*args), root)
    return measured.wall, measured.cpu, measured.peak_mib


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def row(
    command: str,
    size: str,
    figures: tuple[float, float, float],
    units: float,
    previous: tuple[float, float] | None,
) -> str:
    """A table row; the growth column is the CPU time the step from ``previous`` (its units
    and CPU time) added per unit: flat when the growth is linear, whatever start-up costs."""
    seconds, cpu, mib = figures
    growth = "" if previous is None else f"{(cpu - previous[1]) / (units - previous[0]):.2f} s"
    return f"| `{command}` | {size} | {seconds:.2f} s | {cpu:.2f} s | {growth} | {mib:,.0f} MiB |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-5m", action="store_true", help="also 5,000,000 event rows")
    parser.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    args = parser.parse_args()
    # Each run reads its files in one process: a worker's CPU time and memory are not the
    # child's own, and the growth of the work itself is what this measures.
    os.environ["ACCORDS_WORKERS"] = "1"
    work = args.keep or Path(tempfile.mkdtemp(prefix="accords-growth-"))
    rows = (*ROWS, 5_000_000) if args.with_5m else ROWS
    print(f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}; load before: {load()}")
    lines = [
        "| command | input | wall-clock time | CPU time | added CPU time per unit | peak memory |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    last: dict[str, tuple[float, float]] = {}  # per command: the previous size's units and CPU
    try:
        for n in AGREEMENTS:
            root = work / f"agreements-{n}"
            if not (root / "accords.toml").exists():
                clone_dataset(root, n)
            for command in ("validate", "check"):
                figures = run(root, command)
                size, units = f"{n:,} agreements", n / 1000
                before = last.get(command)
                lines.append(row(f"accords {command}", size, figures, units, before))
                last[command] = (units, figures[1])
                print(lines[-1], flush=True)
        bundled = work / "bundled"
        if not (bundled / "accords.toml").exists():
            clone_dataset(bundled, len(list((REPO / "agreements").glob("*.yaml"))))
        for n in rows:
            events = work / f"events-{n}.csv"
            if not events.exists():
                write_events_apart(events, n)
            figures = run(bundled, "check", "--events", str(events))
            size = f"{n:,} rows ({events.stat().st_size / 1e6:,.0f} MB)"
            before = last.get("events")
            lines.append(row("accords check --events", size, figures, n / 1e6, before))
            last["events"] = (n / 1e6, figures[1])
            print(lines[-1], flush=True)
        print(f"load after: {load()}")
        print("\n".join(lines))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

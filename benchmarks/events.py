"""Benchmark: ``accords check --events`` against a bare ``csv.reader`` pass over the same file.

Builds, in a temporary folder, inputs from the bundled records (``bundled_data``): a dataset of
2,000 agreements cloned from the bundled ones with the bundled actors, sources, events and
scenarios, and a 1,000,000-row events file in ACLED's export format whose actor strings are
the bundled actors'. Then it measures, in one run:

- a bare ``csv.reader`` pass over the CSV, in this process (every row read, nothing kept);
- ``accords check --events FILE`` as a child process (``python -m accords``), which starts
  Python, loads and checks the whole dataset, reads the events file, and renders the findings
  (text, to /dev/null): the command a user runs. Its peak memory is that child's ``ru_maxrss``.
  The archived source texts are left out unless ``--texts`` (the issue's measurement had none);
- ``accords check`` without the events file, to show how much of the time the records take.

Runs alternate and the best time of each is kept. It prints the times, the ratio (the target
is at most 1.2, under 600 MB), the findings by code and the machine's load. ``--formats``
adds the same rows as ``.csv.gz`` and ``.parquet``.

    python benchmarks/events.py [--rows 1000000] [--agreements 2000] [--formats csv,csv.gz]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundled_data import clone_dataset, write_events


def time_csv_reader(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - start


def run_check(root: Path, *args: str) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds and peak memory (MiB) of one ``accords check ARGS``."""
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "accords", "check", *args], cwd=root, stdout=sink
        )
        _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"accords check {' '.join(args)} exited {code}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def findings_by_code(root: Path, events: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "accords", "check", "--events", str(events), "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    codes = Counter(f["code"] for f in json.loads(done.stdout)["findings"])
    return f"{sum(codes.values()):,} findings: " + ", ".join(
        f"{code} {n:,}" for code, n in sorted(codes.items())
    )


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--agreements", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default="csv", help="comma-separated: csv, csv.gz, parquet")
    parser.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    parser.add_argument(
        "--texts", action="store_true", help="check quotes against the archived texts too"
    )
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="accords-events-"))
    formats = ["csv", *(f for f in args.formats.split(",") if f and f != "csv")]
    files = {kind: root / f"acled-{args.rows}.{kind}" for kind in formats}
    try:
        if not (root / "accords.toml").exists():
            clone_dataset(root, args.agreements, texts=args.texts)
        for path in files.values():
            if not path.exists():
                write_events(path, args.rows)
        csv_file = files["csv"]
        print(
            f"{args.agreements:,} agreements cloned from the bundled ones; {args.rows:,} rows "
            f"({csv_file.stat().st_size / 1e6:,.0f} MB CSV); {os.cpu_count()} CPUs, "
            f"python {sys.version.split()[0]}; load before: {load()}"
        )
        reader: list[tuple[float, float]] = []
        records: list[tuple[float, float, float]] = []
        checks: dict[str, list[tuple[float, float, float]]] = {kind: [] for kind in files}
        for _ in range(args.repeat):
            began = time.process_time()
            reader.append((time_csv_reader(csv_file), time.process_time() - began))
            records.append(run_check(root))
            for kind, path in files.items():
                checks[kind].append(run_check(root, "--events", str(path)))
        best_reader = min(r[0] for r in reader)
        reader_cpu = min(r[1] for r in reader)
        print(f"(best of {args.repeat} alternating runs each; peak memory: the largest)")
        print("                                            wall-clock  CPU (user+system)")
        print(
            f"csv.reader pass over the CSV (in process):  {best_reader:6.2f} s  {reader_cpu:6.2f} s"
        )
        print(
            f"accords check, no events file:              {min(r[0] for r in records):6.2f} s  "
            f"{min(r[1] for r in records):6.2f} s  peak {max(r[2] for r in records):5.0f} MiB"
        )
        for kind, runs in checks.items():
            best, cpu, peak = (
                min(r[0] for r in runs),
                min(r[1] for r in runs),
                max(r[2] for r in runs),
            )
            print(
                f"accords check --events .{kind:8s}           {best:6.2f} s  {cpu:6.2f} s  "
                f"peak {peak:5.0f} MiB (target < 600 MB); ratio to csv.reader "
                f"{best / best_reader:4.2f} wall-clock, {cpu / reader_cpu:4.2f} CPU (target <= 1.2)"
            )
        print(f"load after: {load()}")
        print(findings_by_code(root, csv_file))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

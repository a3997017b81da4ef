"""Benchmark: ``accords check --events`` against a bare ``csv.reader`` pass over the same file.

Builds, in a temporary folder, inputs from the bundled records (``bundled_data``): a dataset of
2,000 agreements cloned from the bundled ones with the bundled actors, sources, events and
scenarios, and a 1,000,000-row events file in ACLED's export format whose actor strings are
the bundled actors'. Then it measures, in one run:

- a bare ``csv.reader`` pass over the CSV, in this process (every row read, nothing kept);
- ``accords check --events FILE`` as a child process (``python -m accords``), which starts
  Python, loads the whole dataset, reads the events file, checks the record against it, and
  renders the findings (text, to /dev/null): the command a user runs. Its peak memory is that
  child's ``ru_maxrss``. The archived source texts are left out unless ``--texts`` (the issue's
  measurement had none). The record is unchanged since the previous run, so its own findings
  come from the cache and only the events checks run: checking a new export against the
  record, as an analyst does;
- the same command after one agreement file changed (a comment added), so that every rule
  runs again over the whole record (the unchanged files still from the cache);
- the same command with ``--no-cache``: every YAML file parsed, every rule run;
- ``accords check`` without the events file after such a change, and with ``--no-cache``, to
  show how much of the time the records and the rules take: the least that ``check --events``
  can take with the same cache, whatever the events file.

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
from bundled_data import clone_dataset, write_events_apart
from child import accords, measure


def time_csv_reader(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - start


def run_check(root: Path, *args: str) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds and peak memory (MiB) of one ``accords check ARGS``."""
    measured = measure(accords("check", *args), root)
    return measured.wall, measured.cpu, measured.peak_mib


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
                write_events_apart(path, args.rows)
        csv_file = files["csv"]
        print(
            f"{args.agreements:,} agreements cloned from the bundled ones; {args.rows:,} rows "
            f"({csv_file.stat().st_size / 1e6:,.0f} MB CSV); {os.cpu_count()} CPUs, "
            f"python {sys.version.split()[0]}; load before: {load()}"
        )
        edited = sorted((root / "agreements").glob("*.yaml"))[0]
        original = edited.read_bytes()
        edits = iter(range(1_000_000))

        def changed() -> None:
            edited.write_bytes(original + f"# edit {next(edits)}\n".encode())

        run_check(root, "--events", str(csv_file))  # fills the cache
        reader: list[tuple[float, float]] = []
        timings: dict[str, list[tuple[float, float, float]]] = {
            "the record alone, after a change": [],
            **{f"--events .{kind}": [] for kind in files},
            "--events .csv, after a change": [],
            "--events .csv, --no-cache": [],
            "the record alone, --no-cache": [],
        }
        try:
            for _ in range(args.repeat):
                began = time.process_time()
                reader.append((time_csv_reader(csv_file), time.process_time() - began))
                changed()
                timings["the record alone, after a change"].append(run_check(root))
                for kind, path in files.items():
                    timings[f"--events .{kind}"].append(run_check(root, "--events", str(path)))
                changed()
                timings["--events .csv, after a change"].append(
                    run_check(root, "--events", str(csv_file))
                )
                timings["--events .csv, --no-cache"].append(
                    run_check(root, "--events", str(csv_file), "--no-cache")
                )
                timings["the record alone, --no-cache"].append(run_check(root, "--no-cache"))
        finally:
            edited.write_bytes(original)
        best_reader = min(r[0] for r in reader)
        reader_cpu = min(r[1] for r in reader)
        print(f"(best of {args.repeat} alternating runs each; peak memory: the largest)")
        print("                                              wall-clock  CPU (user+system)")
        print(
            f"csv.reader pass over the CSV (in process):    {best_reader:6.2f} s  "
            f"{reader_cpu:6.2f} s"
        )
        for name, runs in timings.items():
            best, cpu, peak = (
                min(r[0] for r in runs),
                min(r[1] for r in runs),
                max(r[2] for r in runs),
            )
            line = f"accords check {name:32s} {best:6.2f} s  {cpu:6.2f} s  peak {peak:5.0f} MiB"
            line += (
                f"; ratio to csv.reader {best / best_reader:4.2f} wall-clock, "
                f"{cpu / reader_cpu:4.2f} CPU"
            )
            print(line)
        print(
            "(targets: --events at most 1.2x csv.reader wall-clock, under 600 MB; the record "
            "alone is the least any --events run of the same cache state can take)"
        )
        print(f"load after: {load()}")
        print(findings_by_code(root, csv_file))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

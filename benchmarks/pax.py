"""Measure accords on a real corpus: the PA-X export, imported, then validated, checked, compared.

Each step runs as a fresh ``python -m accords`` process, as a user would run it, and prints its
wall-clock seconds; ``check`` also prints its findings counted by code. The export is third-party
data read from ``../shared/data/pax/`` beside the repository (or ``--csv``); nothing is copied
into the repository. Run it from the repository root::

    python benchmarks/pax.py
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO / ".." / "shared" / "data" / "pax" / "PAX_with_additional.csv"


def timed(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "accords", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the PA-X CSV export")
    parser.add_argument("--keep", type=Path, help="import into this folder and keep it")
    options = parser.parse_args()
    if not options.csv.is_file():
        print(f"pax: the PA-X export is not at {options.csv}; nothing measured")
        return 0
    work = Path(tempfile.mkdtemp(prefix="accords-pax-"))
    out = options.keep or work / "pax"
    try:
        seconds, result = timed(
            ["import", "pax", str(options.csv.resolve()), "--out", str(out)], work
        )
        print(f"import:   {seconds:6.2f} s  (exit {result.returncode})")
        print("\n".join("  " + line for line in result.stdout.splitlines()[2:8]))
        agreements = len(list((out / "agreements").glob("*.yaml")))
        actors = len(list((out / "actors").glob("*.yaml")))
        print(f"dataset:  {agreements} agreements, {actors} actors")

        seconds, result = timed(
            ["import", "pax", str(options.csv.resolve()), "--out", str(out)], work
        )
        files = [line.split() for line in result.stdout.splitlines() if line.startswith("  ")]
        changed = sum(
            int(w[-1]) for w in files if w[-1].isdigit() and ("updated" in w or "created" in w)
        )
        print(f"re-run:   {seconds:6.2f} s  (exit {result.returncode}; {changed} files written)")

        seconds, result = timed(["validate"], out)
        print(
            f"validate: {seconds:6.2f} s  (exit {result.returncode}) {result.stdout.strip()[-60:]}"
        )

        seconds, result = timed(["check", "--format", "json"], out)
        counts = _codes(result.stdout)
        total = sum(counts.values())
        print(f"check:    {seconds:6.2f} s  (exit {result.returncode}; {total} findings)")
        for code, count in sorted(counts.items()):
            print(f"  {code}: {count}")

        seconds, result = timed(["compare", "--format", "json"], out)
        if result.returncode == 2 and "No such command" in result.stderr:
            print("compare: not available")
        else:
            size = len(result.stdout.encode("utf-8"))
            print(f"compare:  {seconds:6.2f} s  (exit {result.returncode}; {size:,} bytes of JSON)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _codes(text: str) -> collections.Counter[str]:
    try:
        data = json.loads(text or "[]")
    except ValueError:
        return collections.Counter({"(unparsed output)": 1})
    items = data.get("findings", []) if isinstance(data, dict) else data
    return collections.Counter(str(item.get("code")) for item in items if isinstance(item, dict))


if __name__ == "__main__":
    sys.exit(main())

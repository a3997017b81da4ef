"""Benchmark: ``accords check --events`` on hostile and large inputs, time and peak memory.

Builds, in a temporary folder, the inputs of ``benchmarks/events.py`` (from the bundled records:
2,000 agreements cloned from the bundled ones, ``bundled_data``) and these events files, then
runs ``accords check --events FILE`` on each as a child process and prints its time (best of
``--repeat``) and peak memory (that child's ``ru_maxrss``):

- ``findings``: Battles rows between two parties of a bundled ceasefire on each day of its
  window, in turn until there are ``--findings`` rows, plus 1,000 rows of the wrong width.
  Every clone of that ceasefire shares its window, so each row is fighting inside every
  clone's window (X104 reports one finding per ceasefire, with its days as runs);
- ``none``: the same rows as Protests (no X104), the same 1,000 short rows: the same reading;
- ``long line``: a header and a row whose notes are ``--line-mb`` MB: refused, never held;
- ``events.py``: the 1,000,000-row file of ``benchmarks/events.py`` (its default size).

Targets: findings within 1.3x of none; the long line refused under 300 MiB.

    python benchmarks/robustness_events.py [--findings 100000] [--line-mb 100] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accords.model import Actor
from bundled_data import ACLED_HEADER as HEADER
from bundled_data import REPO, clone_dataset, write_events_apart
from child import accords, measure

ROW = dict.fromkeys(HEADER, "")


def windows() -> list[tuple[list[str], int, int]]:
    """Per bundled ceasefire: two of its parties' ACLED strings, its first and last day."""
    from accords.dataset import load_dataset
    from accords.rules.acled import ceasefire_windows

    dataset = load_dataset(REPO)
    ids = sorted(dataset.actors)
    found = ceasefire_windows(dataset, {actor_id: code for code, actor_id in enumerate(ids)})
    result = []
    for window, (_, first, last) in enumerate(found.spans):
        sides = {code: own[window] for code, own in found.sides.items() if window in own}
        pair = next((a, b) for a in sides for b in sides if a < b and len(sides[a] | sides[b]) > 1)
        strings = [_string(dataset.actors[ids[code]]) for code in pair]
        result.append((strings, first, min(last, first + 400)))
    return result


def _string(actor: Actor) -> str:
    return actor.acled[0] if actor.acled else actor.name


def write_fighting(path: Path, limit: int, event_type: str) -> int:
    """Rows on each day of each window, in turn until ``limit``; returns the count."""
    n = 0
    spans = windows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        while n < limit:
            for parties, first, last in spans:
                for day in range(first, last + 1):
                    if n == limit:
                        break
                    if n % 100 == 0 and n // 100 < 1_000:
                        writer.writerow([f"BAD{n}", "2017-01-01", "Battles"])
                    n += 1
                    iso = dt.date.fromordinal(day).isoformat()
                    row = dict(ROW, event_id_cnty=f"SYR{n}", event_date=iso, year=iso[:4])
                    row.update(event_type=event_type, actor1=parties[0], actor2=parties[1])
                    row.update(notes=f"On {iso}, fighting was reported.", fatalities="1")
                    writer.writerow(row.values())
    return n


def write_long_line(path: Path, megabytes: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(HEADER) + "\n")
        handle.write("EXM1,2017-01-01,2017,1,Political violence,Battles,Armed clash,A,,1,B")
        handle.write(",,2,12," + ",".join([""] * 13) + ",")
        chunk = "x" * (1 << 20)
        for _ in range(megabytes):
            handle.write(chunk)
        handle.write(",1,,1600000000\n")


def run(root: Path, events: Path) -> tuple[float, float, int]:
    """Seconds, peak memory (MiB) and exit code of one ``accords check --events`` child."""
    measured = measure(accords("check", "--events", str(events)), root)
    return measured.wall, measured.peak_mib, measured.code


def best(root: Path, events: Path, repeat: int) -> tuple[float, float]:
    runs = [run(root, events) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--line-mb", type=int, default=100)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate here and keep the files")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="accords-robust-"))
    root.mkdir(parents=True, exist_ok=True)
    files = {name: root / f"{name}.csv" for name in ("findings", "none", "long", "acled")}
    try:
        if not (root / "accords.toml").exists():
            clone_dataset(root, 2_000)
            write_events_apart(files["acled"], args.rows)
            write_fighting(files["findings"], args.findings, "Battles")
            write_fighting(files["none"], args.findings, "Protests")
            write_long_line(files["long"], args.line_mb)
        figures = {name: best(root, path, args.repeat) for name, path in files.items()}
        none, found = figures["none"][0], figures["findings"][0]
        labels = {
            "none": "rows without findings (1,000 short)",
            "findings": f"{args.findings:,} fighting rows (1,000 short)",
            "long": f"a {args.line_mb} MB line (refused)",
            "acled": f"events.py file, {args.rows:,} rows",
        }
        for name, (seconds, mib) in figures.items():
            size = files[name].stat().st_size / 1e6
            print(f"{labels[name]:45s} {size:7.0f} MB {seconds:7.2f} s {mib:7.0f} MiB")
        print(f"ratio findings / none: {found / none:.2f}  (target <= 1.3)")
        print(f"load average (1, 5, 15 min): {os.getloadavg()}")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

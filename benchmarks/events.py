"""Benchmark: ``accords check --events`` against a bare ``csv.reader`` pass over the same CSV.

Generates, in a temporary folder, a dataset of 2,000 ceasefires (with 500 actors and 40
sources) and a 1,000,000-row CSV in ACLED's export format, then measures in one run:

- a bare ``csv.reader`` pass over the CSV, in this process (every row read, nothing kept);
- ``accords check --events FILE`` as a child process (``python -m accords``), which starts
  Python, loads and checks the whole dataset, reads the CSV, and renders the findings (text, to
  /dev/null): the command a user runs.

Each is timed three times and the best time is kept. It prints both times, their ratio (the
target is at most 1.5), the child's peak memory (``ru_maxrss``), and the machine's load.

    python benchmarks/events.py [--rows 1000000] [--agreements 2000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Agreement"),
    ("Riots", "Violent demonstration"),
]
FIRST_DAY = dt.date(2015, 1, 1).toordinal()
LAST_DAY = dt.date(2020, 12, 31).toordinal()


def generate_dataset(root: Path, n_agreements: int, n_actors: int, rng: random.Random) -> None:
    """A dataset of ``n_agreements`` ceasefires between ``n_actors`` actors."""
    (root / "accords.toml").write_text('[dataset]\nname = "benchmark"\n', encoding="utf-8")
    for folder in ("seeds", "actors", "agreements"):
        (root / folder).mkdir()
    sources = [f"report-{i:03d}" for i in range(40)]
    for source in sources:
        (root / "seeds" / f"{source}.yaml").write_text(
            f"id: {source}\ntitle: Report {source}\npublisher: Example Wire\n"
            'published: "2021-01-01"\nkind: news\n',
            encoding="utf-8",
        )
    for i in range(n_actors):
        (root / "actors" / f"actor-{i:04d}.yaml").write_text(
            f"id: actor-{i:04d}\nkind: armed-group\nname: Armed Group {i}\n"
            f"aliases: [Group {i}]\nacled: [Militia ({i}) of Example]\n"
            f"sources: [{rng.choice(sources)}]\n",
            encoding="utf-8",
        )
    for i in range(n_agreements):
        start = rng.randrange(FIRST_DAY, LAST_DAY - 30)
        signed = dt.date.fromordinal(start)
        effective = dt.date.fromordinal(start + rng.randrange(0, 3))
        ended = dt.date.fromordinal(start + rng.randrange(5, 120))
        parties = rng.sample(range(n_actors), rng.randrange(2, 5))
        mediator = rng.randrange(n_actors)
        lines = [
            f"id: ceasefire-{i:05d}",
            f"title: Ceasefire number {i}",
            "kind: ceasefire",
            "scope: {area: Example province}",
            f'dates: {{signed: "{signed}", effective: "{effective}", ended: "{ended}"}}',
            "participants:",
            *(
                f"  - {{actor: actor-{p:04d}, roles: [signatory, party], "
                f"sources: [{rng.choice(sources)}]}}"
                for p in parties
            ),
            f"  - {{actor: actor-{mediator:04d}, roles: [mediator]}}",
            "terms:",
            "  - id: cessation",
            "    kind: cessation",
            "    text: The parties cease all offensive operations in the province.",
            f'outcome: {{status: lapsed, date: "{ended}"}}',
            f"sources: [{rng.choice(sources)}, {rng.choice(sources)}]",
        ]
        (root / "agreements" / f"ceasefire-{i:05d}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )


def generate_csv(path: Path, n_rows: int, n_actors: int, rng: random.Random) -> None:
    """``n_rows`` events in ACLED's export format; a tenth of the actors are unmapped."""
    mapped = [f"Militia ({i}) of Example" for i in range(n_actors)]
    unmapped = [f"Unidentified Armed Group ({i})" for i in range(n_actors // 10)]
    actors = mapped + unmapped
    days = [dt.date.fromordinal(d).isoformat() for d in range(FIRST_DAY, LAST_DAY + 1)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(n_rows):
            day = rng.choice(days)
            event_type, sub_type = rng.choice(EVENT_TYPES)
            writer.writerow(
                [
                    f"EXM{i}",
                    day,
                    day[:4],
                    "1",
                    "Political violence",
                    event_type,
                    sub_type,
                    rng.choice(actors),
                    "",
                    "2",
                    rng.choice(actors),
                    "",
                    "2",
                    "22",
                    "",
                    "999",
                    "Middle East",
                    "Exampleland",
                    "North",
                    "North district",
                    "",
                    f"Village {rng.randrange(500)}",
                    f"{rng.uniform(32, 37):.4f}",
                    f"{rng.uniform(35, 42):.4f}",
                    "1",
                    "Example Observatory",
                    "National",
                    f"On {day}, fighting was reported near village {rng.randrange(500)}; "
                    f"{rng.randrange(10)} casualties were reported.",
                    str(rng.randrange(10)),
                    "",
                    "1600000000",
                ]
            )


def time_csv_reader(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - start


def time_check(root: Path, events: Path) -> tuple[float, int, int]:
    """Seconds, exit code and peak RSS (KiB) of one ``accords check --events`` child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "accords", "check", "--events", str(events)],
            cwd=root,
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"accords check failed ({done.returncode}): {done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, done.returncode, max(peak, before)


def count_findings(root: Path, events: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "accords", "check", "--events", str(events), "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    import json

    summary = json.loads(done.stdout)["summary"]
    codes: dict[str, int] = {}
    for finding in json.loads(done.stdout)["findings"]:
        codes[finding["code"]] = codes.get(finding["code"], 0) + 1
    return f"{summary['total']:,} findings {dict(sorted(codes.items()))}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--agreements", type=int, default=2_000)
    parser.add_argument("--actors", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate here and keep the files")
    args = parser.parse_args()
    rng = random.Random(20161230)
    root = args.keep or Path(tempfile.mkdtemp(prefix="accords-events-"))
    root.mkdir(parents=True, exist_ok=True)
    events = root / "acled.csv"
    try:
        if not (root / "accords.toml").exists():
            t0 = time.perf_counter()
            generate_dataset(root, args.agreements, args.actors, rng)
            generate_csv(events, args.rows, args.actors, rng)
            print(f"generated in {time.perf_counter() - t0:.1f} s: {root}")
        size = events.stat().st_size / 1e6
        print(f"{args.agreements:,} agreements, {args.rows:,} rows ({size:,.0f} MB)")
        reader = min(time_csv_reader(events) for _ in range(args.repeat))
        runs = [time_check(root, events) for _ in range(args.repeat)]
        check = min(r[0] for r in runs)
        peak_kib = max(r[2] for r in runs)
        print(f"csv.reader pass (in process):          {reader:6.2f} s")
        print(f"accords check --events (child process): {check:6.2f} s")
        print(f"ratio check / csv.reader:               {check / reader:6.2f}  (target <= 1.5)")
        print(f"peak memory of the check:               {peak_kib / 1024:6.0f} MiB")
        print(f"load average (1, 5, 15 min):            {os.getloadavg()}")
        print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
        print(count_findings(root, events))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

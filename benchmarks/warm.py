"""Benchmark: a warm ``accords check`` (unchanged dataset, cache filled) against a cold one.

Builds, in a temporary folder, a dataset of 2,000 realistic agreements (``agreement_data``:
about 3.5 KB each, each file named by its id) beside the bundled actors, events, sources,
scenarios and agreements, plus a source record for every source id the generated agreements
cite and an actor record for every actor id the bundled registry lacks, so that the rules see a
record that holds together. Then it times, in one run, each as a fresh process
(``python -m accords check``, output to /dev/null, as a user runs it):

* cold: the cache folder removed before each run, so every file is parsed and validated and
  the cache written;
* warm: the same command again on the unchanged dataset, answered from the kept findings;
* edited: the same command after one agreement file changed (a comment added, then taken out
  again), as on every save: every rule runs again, the unchanged files come from the cache.

Then it shows where the time goes in a run that runs the rules: the CPU time of loading the
dataset (cold, writing the cache; warm, reading it) and of the rules.

Cold and warm runs alternate and the best of each is kept, so that a burst of load from other
processes does not land on one side of the ratio only. It checks that both print the same
report, then prints both times, their ratio (the bar is at most 0.3), the core count and the
load average. ::

    python benchmarks/warm.py [--agreements 2000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from agreement_data import agreement_text  # noqa: E402

_BUNDLED = ("actors", "agreements", "events", "scenarios", "seeds")
_ID = re.compile(r"^id: (\S+)$", re.MULTILINE)
_SOURCE_IDS = re.compile(r"\bsource-[0-9]{4}-[0-9]{3}\b")
_ACTOR_IDS = re.compile(r"\b(?:actor|by|against): ([a-z0-9-]+)|obligations: \[([a-z0-9, -]+)\]")
_TIMING = re.compile(r" in [0-9]+\.[0-9] s: ")


def build_dataset(root: Path, count: int, seed: int = 2016) -> int:
    """The bundled dataset plus ``count`` generated agreements; returns the number of files."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "accords.toml", root / "accords.toml")
    for folder in _BUNDLED:
        shutil.copytree(REPO / folder, root / folder)
    rng = random.Random(seed)
    sources: set[str] = set()
    actors: set[str] = set()
    for index in range(count):
        # 40 sources a year, as a dataset that cites the same reports again and again.
        text = _SOURCE_IDS.sub(_fewer_sources, agreement_text(index, rng))
        found = _ID.search(text)
        assert found is not None
        (root / "agreements" / f"{found.group(1)}.yaml").write_text(text, encoding="utf-8")
        sources.update(_SOURCE_IDS.findall(text))
        for single, listed in _ACTOR_IDS.findall(text):
            actors.update([single] if single else listed.split(", "))
    for source in sorted(sources):
        year = source.split("-")[1]
        (root / "seeds" / f"{source}.yaml").write_text(
            f"id: {source}\ntitle: Report {source}\npublisher: Example Wire\n"
            f'published: "{year}-12-31"\nkind: news\nlanguage: en\n',
            encoding="utf-8",
        )
    known = {path.stem for path in (root / "actors").glob("*.yaml")}
    for actor in sorted(actors - known):
        (root / "actors" / f"{actor}.yaml").write_text(
            f"id: {actor}\nkind: armed-group\nname: {actor.replace('-', ' ').title()}\n"
            "sources: [source-2016-001]\n",
            encoding="utf-8",
        )
    return sum(1 for _ in root.rglob("*.yaml"))


def _fewer_sources(match: re.Match[str]) -> str:
    year, number = match.group(0).split("-")[1:]
    return f"source-{year}-{int(number) % 40:03d}"


def run_check(root: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds and report (timing masked) of one ``accords check`` child process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "accords", "check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"accords check failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, _TIMING.sub(" in T s: ", done.stdout)


_PHASES = """
import sys, time
from accords.checking.runner import run_checks
from accords.dataset import load_dataset
began = time.process_time()
dataset = load_dataset()
loaded = time.process_time()
run_checks(dataset)
print(loaded - began, time.process_time() - loaded)
"""


def phases(root: Path, env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds of loading the dataset and of running the rules, in one child process."""
    done = subprocess.run(
        [sys.executable, "-c", _PHASES], cwd=root, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"phases failed: {done.stderr[-2000:]}")
    load, rules = done.stdout.split()
    return float(load), float(rules)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3, help="cold and warm runs each")
    parser.add_argument("--keep", type=Path, help="build the dataset here and keep it")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="accords-warm-")) / "dataset"
    cache = root / ".accords_cache"
    unset = ("ACCORDS_NO_CACHE", "ACCORDS_CACHE_DIR")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    try:
        if not root.exists():
            files = build_dataset(root, args.agreements)
            print(f"built {files:,} files ({args.agreements:,} generated agreements) in {root}")
        print(f"{os.cpu_count()} cores; load average before: {_load()}")
        edited = next(iter(sorted((root / "agreements").glob("agreement-*.yaml"))))
        original = edited.read_bytes()
        cold_runs, warm_runs, edited_runs = [], [], []
        reports = set()
        for turn in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold, cold_report = run_check(root, env)
            warm, warm_report = run_check(root, env)
            edited.write_bytes(original + f"# edit {turn}\n".encode())
            edit, edit_report = run_check(root, env)
            edited.write_bytes(original)
            cold_runs.append(cold)
            warm_runs.append(warm)
            edited_runs.append(edit)
            reports.update((cold_report, warm_report, edit_report))
        if len(reports) != 1:
            raise SystemExit("cold, warm and edited runs printed different reports")
        cold, warm, edit = min(cold_runs), min(warm_runs), min(edited_runs)
        summary = reports.pop().splitlines()[-1]
        print(f"(best of {args.repeat} alternating runs each)\n{summary}")
        print(f"cold accords check (no cache):    {cold:7.2f} s")
        print(f"warm accords check (cache full):  {warm:7.2f} s")
        print(f"  ratio warm / cold:              {warm / cold:7.2f}   (bar: <= 0.3)")
        print(f"one file edited (rules run):      {edit:7.2f} s")
        print(f"  ratio edited / cold:            {edit / cold:7.2f}")
        shutil.rmtree(cache, ignore_errors=True)
        cold_load, cold_rules = phases(root, env)
        warm_load, warm_rules = phases(root, env)
        print("where the time goes (CPU seconds, in process):")
        print(f"  loading, cold (cache written):  {cold_load:7.2f} s")
        print(
            f"  loading, warm (cache read):     {warm_load:7.2f} s   ({warm_load / cold_load:.2f})"
        )
        print(f"  rules (cold run / warm run):    {cold_rules:7.2f} s / {warm_rules:.2f} s")
        print(f"load average after: {_load()}")
    finally:
        if args.keep is None:
            shutil.rmtree(root.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark ``accords validate`` against a bare YAML load and check-jsonschema, in one run.

Builds a dataset of N agreements cloned from the bundled ones (``bundled_data``: each clone its
original byte for byte but for its id, with the bundled actors, sources, events and scenarios),
then times, each as a fresh process so that start-up and imports count alike:

* a bare ``yaml.load(..., CSafeLoader)`` of every file (no positions, no validation) and
  ``accords validate`` on the dataset (positions, models, findings), alternately, best of 3;
  each validate starts with no cache folder, so it reads every file and writes the cache;
* ``accords validate`` again on the unchanged files, from the cache (best of 3);
* ``check-jsonschema --schemafile schemas/agreement.schema.json`` on the same files;
* ``accords --help`` and a one-file ``accords validate`` against
  ``python -c "import yaml, pydantic"`` (best of several runs each).

It prints the ratios the design sets as bars (DESIGN §8). Run it from the repository root::

    python benchmarks/validate.py --n 10000
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bundled_data import clone_dataset  # noqa: E402

_BARE_LOAD = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def _accords() -> list[str]:
    found = shutil.which("accords")
    return [found] if found else [sys.executable, "-m", "accords"]


def timed(command: Sequence[str], cwd: Path, *, expect: int = 0) -> float:
    """Wall-clock seconds of one run of ``command``; fails loudly on an unexpected exit code."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != expect:
        raise SystemExit(
            f"{' '.join(command[:4])} … exited {done.returncode}:\n"
            f"{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )
    return elapsed


def best_of(runs: int, command: Sequence[str], cwd: Path) -> float:
    return min(timed(command, cwd) for _ in range(runs))


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of agreement files")
    parser.add_argument("--runs", type=int, default=5, help="runs of each start-up measurement")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the bare load and of validate"
    )
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "validate")
    parser.add_argument(
        "--skip-check-jsonschema", action="store_true", help="leave out the slowest comparison"
    )
    args = parser.parse_args(argv)

    root: Path = args.work / f"n{args.n}"
    if root.exists():
        shutil.rmtree(root)
    clone_dataset(root, args.n)
    files = sorted((root / "agreements").glob("*.yaml"))
    size = sum(p.stat().st_size for p in files)
    print(
        f"{args.n} agreement files cloned from the bundled ones, {size / args.n / 1024:.1f} KB each"
    )
    print(f"{os.cpu_count()} CPUs; load average before: {_load()}")
    python = sys.executable
    accords = _accords()

    # Alternate the two runs and keep the best of each, so that a burst of load from other
    # processes on the machine does not land on one side of the ratio only.
    bare_runs, validate_runs = [], []
    for _ in range(args.repeat):
        bare_runs.append(timed([python, "-c", _BARE_LOAD, str(root / "agreements")], root))
        # A cold run: every file read and validated, and the cache written for the next run.
        shutil.rmtree(root / ".accords_cache", ignore_errors=True)
        validate_runs.append(timed([*accords, "validate"], root))
    bare, validate = min(bare_runs), min(validate_runs)
    warm = min(timed([*accords, "validate"], root) for _ in range(args.repeat))
    print(f"(best of {args.repeat} alternating runs each)")
    print(f"bare yaml.load(CSafeLoader):   {bare:8.2f} s")
    print(f"accords validate (cold cache): {validate:8.2f} s")
    print(f"  ratio validate / yaml.load:  {validate / bare:8.2f}   (bar: <= 0.9)")
    print(f"accords validate (warm cache): {warm:8.2f} s")
    print(f"  ratio warm / cold validate:  {warm / validate:8.2f}")

    schema = REPO / "schemas" / "agreement.schema.json"
    if args.skip_check_jsonschema:
        print("check-jsonschema:              skipped")
    elif importlib.util.find_spec("check_jsonschema") is None:
        print("check-jsonschema:              not installed (pip install -e '.[bench]')")
    else:
        command = [python, "-m", "check_jsonschema", "--schemafile", str(schema)]
        relative = [str(p.relative_to(root)) for p in files]
        checker = timed([*command, *relative], root)
        print(f"check-jsonschema:              {checker:8.2f} s")
        print(f"  ratio validate / check-jsonschema: {validate / checker:6.3f}   (bar: <= 0.1)")

    imports = best_of(args.runs, [python, "-c", "import yaml, pydantic"], root)
    help_time = best_of(args.runs, [*accords, "--help"], root)
    one_file = best_of(args.runs, [*accords, "validate", str(files[0].relative_to(root))], root)
    print(f'python -c "import yaml, pydantic": {imports:6.3f} s (best of {args.runs})')
    print(f"accords --help:                    {help_time:6.3f} s")
    print(f"  ratio --help / imports:          {help_time / imports:6.2f}   (bar: <= 1.5)")
    print(f"accords validate (one file):       {one_file:6.3f} s")
    print(f"  ratio one-file validate / imports: {one_file / imports:4.2f}   (bar: <= 1.5)")
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

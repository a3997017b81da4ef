"""Benchmark ``accords fmt``: formatting 10,000 bundled-size files, and ``fmt --check`` on an
unchanged (already canonical) dataset against ``accords check`` on the same files.

Generates N realistic agreement files (``agreement_data``: flow-style participants and
citations, as people write them), then times, each as a fresh process:

* ``accords fmt`` rewriting every file into the canonical form (once: the files change);
* ``accords fmt --check`` on the now canonical files, ``accords validate`` and ``accords check``
  on them, alternately, best of ``--repeat``; the ratio to ``check`` is the bar (``fmt --check``
  on an unchanged dataset costs no more than a ``check``). The generated files cite sources
  that are not in the dataset, so ``check`` reports (and suggests) for every citation: it is a
  slow baseline here, and ``validate`` (the reading that both share) is printed beside it.

``--reuse`` skips generating and formatting when the folder of a previous run is there.

Run it from the repository root::

    python benchmarks/fmt.py --n 10000
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from agreement_data import generate  # noqa: E402
from validate import _accords, _load, timed  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of agreement files")
    parser.add_argument("--repeat", type=int, default=3, help="runs of fmt --check and check")
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "fmt")
    parser.add_argument("--reuse", action="store_true", help="keep a previous run's files")
    parser.add_argument("--skip-check", action="store_true", help="leave out the slow check")
    args = parser.parse_args(argv)

    root: Path = args.work / f"n{args.n}"
    accords = _accords()
    if args.reuse and root.exists():
        files = sorted((root / "agreements").glob("*.yaml"))
        print(f"{len(files)} agreement files, formatted by an earlier run, in {root}")
    else:
        if root.exists():
            shutil.rmtree(root)
        files = generate(root, args.n)
        size = sum(p.stat().st_size for p in files)
        print(f"{args.n} agreement files, {size / args.n / 1024:.1f} KB each, in {root}")
        print(f"load average before: {_load()}")
        formatting = timed([*accords, "fmt"], root)
        after = sum(p.stat().st_size for p in files)
        per_file = formatting / args.n * 1000
        print(f"accords fmt (every file rewritten):  {formatting:8.2f} s")
        print(f"  {per_file:.2f} ms a file; {after / args.n / 1024:.1f} KB each after")
    print(f"load average before the checks: {_load()}")

    runs: dict[str, list[float]] = {"fmt --check": [], "validate": [], "check": []}
    for _ in range(args.repeat):
        runs["fmt --check"].append(timed([*accords, "fmt", "--check"], root))
        runs["validate"].append(timed([*accords, "validate"], root))
        if not args.skip_check:
            # The generated files cite sources that are not in the dataset: check exits 1.
            runs["check"].append(timed([*accords, "check"], root, expect=1))
    best = {name: min(times) for name, times in runs.items() if times}
    print(f"(best of {args.repeat} alternating runs each)")
    for name, seconds in best.items():
        print(f"accords {name + ':':<30} {seconds:8.2f} s")
    print(f"  ratio fmt --check / validate:      {best['fmt --check'] / best['validate']:8.2f}")
    if "check" in best:
        ratio = best["fmt --check"] / best["check"]
        print(f"  ratio fmt --check / check:         {ratio:8.2f}   (bar: <= 1.0)")
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

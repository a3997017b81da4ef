"""Benchmark ``accords fmt``: formatting 10,000 bundled-size files, and ``fmt --check`` on an
unchanged (already canonical) dataset against ``accords check`` on the same files.

Generates N realistic agreement files (``agreement_data``: flow-style participants and
citations, as people write them), then times, each as a fresh process:

* ``accords fmt`` rewriting every file into the canonical form (once: the files change);
* ``accords fmt --check`` on the now canonical files and ``accords check`` on them,
  alternately, best of 3; their ratio is the bar (DESIGN: ``fmt --check`` on an unchanged
  dataset costs no more than a ``check``).

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
    args = parser.parse_args(argv)

    root: Path = args.work / f"n{args.n}"
    if root.exists():
        shutil.rmtree(root)
    files = generate(root, args.n)
    size = sum(p.stat().st_size for p in files)
    print(f"{args.n} agreement files, {size / args.n / 1024:.1f} KB each, in {root}")
    print(f"load average before: {_load()}")
    accords = _accords()

    formatting = timed([*accords, "fmt"], root)
    after = sum(p.stat().st_size for p in files)
    print(f"accords fmt (every file rewritten):  {formatting:8.2f} s")
    print(
        f"  {formatting / args.n * 1000:.2f} ms a file; {after / args.n / 1024:.1f} KB each after"
    )

    # The generated files cite sources that are not in the dataset: check exits 1 on them.
    check_runs, fmt_runs = [], []
    for _ in range(args.repeat):
        check_runs.append(timed([*accords, "check"], root, expect=1))
        fmt_runs.append(timed([*accords, "fmt", "--check"], root))
    check, fmt_check = min(check_runs), min(fmt_runs)
    print(f"(best of {args.repeat} alternating runs each)")
    print(f"accords check:                       {check:8.2f} s")
    print(f"accords fmt --check (unchanged):     {fmt_check:8.2f} s")
    print(f"  ratio fmt --check / check:         {fmt_check / check:8.2f}   (bar: <= 1.0)")
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

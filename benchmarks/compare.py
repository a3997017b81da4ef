"""Benchmark: ``accords compare`` over 1,000+ agreements, in every format.

Builds each input in a temporary folder: the PA-X export imported with ``accords import pax``
(1,518 agreements and about 3,700 actors: a wide, almost empty matrix), and N agreements
generated from the bundled records' shape by ``agreement_data.py`` (24 actors: a dense one).
Then runs ``python -m accords compare --format F`` as a fresh process for every format, its
output going to a file as in ``accords compare > out``, and prints the best wall-clock time
of ``--runs``, the output's size, and whether it meets the bar (under 10 s), with the
machine's load beside the figures.

    python benchmarks/compare.py [--agreements 1518] [--runs 1] [--pax FILE | --no-pax]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement_data import generate

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAX = REPO / ".." / "shared" / "data" / "pax" / "PAX_with_additional.csv"
FORMATS = ("text", "markdown", "csv", "json", "html", "latex")
BAR_SECONDS = 10.0


def _accords(args: list[str], cwd: Path, out: Path) -> tuple[float, int]:
    """Seconds and exit code of one ``accords`` run, its standard output written to ``out``."""
    env = {**os.environ, "CI": "1"}  # no progress display, as in a log
    with out.open("wb") as sink:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "accords", *args],
            cwd=cwd,
            stdout=sink,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        return time.perf_counter() - started, done.returncode


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def measure(name: str, root: Path, runs: int, work: Path) -> None:
    agreements = len(list((root / "agreements").glob("*.yaml")))
    print(f"\n{name}: {agreements:,} agreements  [{_load()}]")
    print(f"  {'format':<9} {'seconds':>8} {'output':>14}  bar (< {BAR_SECONDS:.0f} s)")
    for fmt in FORMATS:
        out = work / f"{name}.{fmt}"
        best, code = min(_accords(["compare", "--format", fmt], root, out) for _ in range(runs))
        size = out.stat().st_size
        verdict = "met" if code == 0 and best < BAR_SECONDS else f"MISSED (exit {code})"
        print(f"  {fmt:<9} {best:8.2f} {size:>12,} B  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=1518, help="generated agreements")
    parser.add_argument("--runs", type=int, default=1, help="runs per format; the best counts")
    parser.add_argument("--pax", type=Path, default=DEFAULT_PAX, help="the PA-X CSV export")
    parser.add_argument("--no-pax", action="store_true", help="measure generated data only")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="accords-compare-"))
    try:
        print(f"accords compare benchmark  [{_load()}]")
        if not options.no_pax and options.pax.is_file():
            pax = work / "pax"
            seconds, code = _accords(
                ["import", "pax", str(options.pax.resolve()), "--out", str(pax)],
                work,
                work / "import.log",
            )
            print(f"PA-X import: {seconds:.1f} s (exit {code})")
            measure("pax", pax, options.runs, work)
        elif not options.no_pax:
            print(f"the PA-X export is not at {options.pax}; measuring generated data only")
        generated = work / "generated"
        generate(generated, options.agreements)
        measure("generated", generated, options.runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure the HTML outputs on large datasets: ``compare --format html`` and ``accords site``.

The bar (DESIGN §8): the one-page HTML matrix of 1,000+ agreements under 10 MB and 10 s. Two
datasets: 2,000 agreements built from the bundled records' shape (benchmarks/agreement_data.py,
a dense matrix of few actors), and the PA-X export imported (1,518 agreements, thousands of
actors, a sparse matrix) when it is at ``../shared/data/pax/``. Each command runs as a fresh
``python -m accords`` process; the load average is printed beside the figures. Run it from the
repository root::

    python benchmarks/site.py
"""

from __future__ import annotations

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
PAX_CSV = REPO / ".." / "shared" / "data" / "pax" / "PAX_with_additional.csv"
BAR_BYTES = 10_000_000
BAR_SECONDS = 10.0


def run(args: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "accords", *args], cwd=cwd, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"accords {' '.join(args)} failed: {result.stderr.strip()}")
    return seconds, result.stdout


def measure(name: str, root: Path) -> None:
    agreements = len(list((root / "agreements").glob("*.yaml")))
    print(f"{name}: {agreements} agreements (load {os.getloadavg()[0]:.2f})")
    seconds, page = run(["compare", "--format", "html"], root)
    size = len(page.encode("utf-8"))
    print(
        f"  compare --format html: {size / 1e6:6.2f} MB ({size / BAR_BYTES:.2f} of the 10 MB bar)"
        f" in {seconds:5.2f} s ({seconds / BAR_SECONDS:.2f} of the 10 s bar)"
    )
    out = root / "_site"
    seconds, _ = run(["site", str(out)], root)
    files = [p for p in out.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    matrix = (out / "matrix.html").stat().st_size
    print(
        f"  site: {len(files)} files, {total / 1e6:.1f} MB in {seconds:5.2f} s; matrix.html "
        f"{matrix / 1e6:.2f} MB ({matrix / BAR_BYTES:.2f} of the bar)"
    )


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="accords-site-"))
    try:
        built = work / "built"
        generate(built, 2000)
        measure("built from the bundled records", built)
        if PAX_CSV.is_file():
            pax = work / "pax"
            run(["import", "pax", str(PAX_CSV.resolve()), "--out", str(pax)], work)
            measure("PA-X export", pax)
        else:
            print(f"PA-X: the export is not at {PAX_CSV}; not measured")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

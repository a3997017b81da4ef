"""Time and peak memory of ``accords import pax`` on hostile and large inputs.

Each case runs as a fresh ``python -m accords`` child process; its peak resident memory is
read from the child's own ``/proc/self/status`` (VmHWM) as it exits, so the parent's memory
never counts. Inputs are built from the PA-X export in ``../shared/data/pax/`` (third-party
data, read from there, never copied into the repository) in a temporary folder. Run it from
the repository root::

    python benchmarks/robustness_pax.py
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / ".." / "shared" / "data" / "pax" / "PAX_with_additional.csv"
PROBE = (
    "import sys\nfrom accords.cli.app import main\ntry:\n    main()\nfinally:\n"
    "    print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1],"
    " file=sys.stderr)\n"
)


def measure(export: Path, out: Path) -> tuple[float, float, int]:
    """Seconds, peak MiB and exit code of importing ``export`` into ``out``."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "import", "pax", str(export), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak = int(result.stderr.strip().splitlines()[-1]) / 1024
    return seconds, peak, result.returncode


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def cases(work: Path, rows: list[list[str]]) -> list[tuple[str, Path]]:
    header, body = rows[0], rows[1:]
    part = header.index("Part")
    spaces = [list(r) for r in body[:1]]
    spaces[0][part] = "Party A" + " " * 50_000 + "Party B"
    cell = [list(r) for r in body[:1]]
    cell[0][part] = "A" * 60_000_000
    long_header = work / "header.csv"
    with long_header.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "," + "X" * 100_000_000 + "\n")
    large = work / "large.csv"
    with large.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        while handle.tell() < 70_000_000:
            writer.writerows(body)
    return [
        (
            "party cell: 'Party A' + 50,000 spaces + 'Party B'",
            write(work / "spaces.csv", [header, *spaces]),
        ),
        ("a 100 MB header line (refused)", long_header),
        ("a 60 MB cell (refused)", write(work / "cell.csv", [header, *cell])),
        (f"{large.stat().st_size / 1e6:.0f} MB of ordinary rows (the export repeated)", large),
    ]


def main() -> int:
    if not REAL.is_file():
        print(f"robustness_pax: the PA-X export is not at {REAL}; nothing measured")
        return 0
    rows = list(csv.reader(io.StringIO(REAL.read_bytes().decode("utf-8-sig"), newline="")))
    work = Path(tempfile.mkdtemp(prefix="accords-robust-"))
    try:
        print(f"{'input':<52} {'seconds':>8} {'peak MiB':>9} {'exit':>5}")
        for name, export in cases(work, rows):
            seconds, peak, code = measure(export, work / "out")
            shutil.rmtree(work / "out", ignore_errors=True)
            print(f"{name:<52} {seconds:8.2f} {peak:9.0f} {code:5d}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

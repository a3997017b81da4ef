"""A killed ``accords import pax`` leaves nothing a re-run cannot finish: the re-run ends in the
state of one clean run, owns every file the import wrote, and a later import updates them all."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from support import run_accords

HEADER = "AgtId,Con,Agt,Dat,Status,Part,ThrdPart\n"


def export(path: Path, year: int, rows: int = 300) -> Path:
    """A synthetic export: ``rows`` agreements, two new actors each, dated in ``year``."""
    lines = [HEADER]
    for k in range(1, rows + 1):
        lines.append(
            f"{k},Hill,Hill Truce {k},{year}-05-{k % 28 + 1:02d},Multiparty signed/agreed,"
            f'"Hill Front {k}; River Army {k}",Northland\n'
        )
    path.write_text("".join(lines), encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def start(csv_path: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "accords", "import", "pax", str(csv_path), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_an_import_killed_at_random_points_then_rerun_ends_as_one_clean_run(
    tmp_path: Path,
) -> None:
    first = export(tmp_path / "pax-2031.csv", 2031)
    clean = tmp_path / "clean"
    started = time.perf_counter()
    assert start(first, clean).wait() == 0
    duration = time.perf_counter() - started
    killed = tmp_path / "killed"
    chance = random.Random(16)
    for _ in range(4):
        process = start(first, killed)
        time.sleep(duration * chance.uniform(0.3, 0.95))
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert start(first, killed).wait() == 0
    assert snapshot(killed) == snapshot(clean)
    assert not [p for p in killed.rglob("*") if p.name.endswith(".tmp")]

    # The same file name, so the same source record: the revised export replaces the first.
    revised = export(tmp_path / "pax-2031.csv", 2032)
    result = run_accords("import", "pax", revised, "--out", killed)
    assert result.code == 0, result.output
    assert "kept" not in result.output, result.output
    agreements = sorted((killed / "agreements").glob("*.yaml"))
    assert len(agreements) == 300
    assert [a.name for a in agreements if "2032-05-" not in a.read_text(encoding="utf-8")] == []

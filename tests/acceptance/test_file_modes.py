"""Files the commands write get the user's umask, as from any editor; replaced files keep theirs.

``new``, ``schema``, ``export --out`` and ``import pax`` all write through ``write_atomic``;
each is run under a set umask and every file it wrote is checked for its exact mode.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from accords.analysis.export import COLUMNS
from accords.writing import write_atomic
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"
PAX = REPO / "tests" / "data" / "pax" / "dmy_bom.csv"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture(params=[0o022, 0o002, 0o077], ids=["umask-022", "umask-002", "umask-077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The process umask set for the test, and restored after it."""
    mask: int = request.param
    old = os.umask(mask)
    try:
        yield mask
    finally:
        os.umask(old)


def modes(root: Path) -> dict[str, int]:
    """The permission bits of every file under ``root``, by relative path."""
    return {
        p.relative_to(root).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def invoke(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.chdir(cwd)
    result = run_accords(*args)
    assert result.code == 0, result.output


def test_a_new_file_gets_the_umask(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "deep" / "x.yaml"
    write_atomic(path, "a: 1\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert path.read_text(encoding="utf-8") == "a: 1\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.yaml"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: int, mode: int) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(mode)
    write_atomic(path, "new\n", force=True)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_accords_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    (tmp_path / "accords.toml").chmod(0o644)
    invoke(tmp_path, monkeypatch, "new", "agreement", "riverside-truce-2031")
    invoke(tmp_path, monkeypatch, "new", "actor", "river-front")
    assert modes(tmp_path) == {
        "accords.toml": 0o644,
        "actors/river-front.yaml": 0o666 & ~umask,
        "agreements/riverside-truce-2031.yaml": 0o666 & ~umask,
    }


def test_accords_new_force_keeps_the_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    invoke(tmp_path, monkeypatch, "new", "actor", "river-front")
    (tmp_path / "actors" / "river-front.yaml").chmod(0o600)
    invoke(tmp_path, monkeypatch, "new", "actor", "river-front", "--force")
    assert modes(tmp_path / "actors") == {"river-front.yaml": 0o600}


def test_accords_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    invoke(tmp_path, monkeypatch, "schema")
    kinds = ("actor", "agreement", "event", "scenario", "source")
    assert modes(tmp_path / "schemas") == {f"{k}.schema.json": 0o666 & ~umask for k in kinds}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_accords_export_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int, fmt: str
) -> None:
    out = tmp_path / "tables"
    invoke(FIXTURE, monkeypatch, "export", "--format", fmt, "--out", str(out))
    assert modes(out) == {f"{t}.{fmt}": 0o666 & ~umask for t in COLUMNS}


def test_accords_import_pax(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    out = tmp_path / "pax"
    invoke(tmp_path, monkeypatch, "import", "pax", str(PAX), "--out", str(out))
    written = modes(out)
    assert len(written) > 5, written
    assert written == dict.fromkeys(written, 0o666 & ~umask)

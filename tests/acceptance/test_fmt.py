"""``accords fmt`` on the bundled dataset, on a messy copy, and on what it must refuse.

``tests/data/fmt/messy`` is a small dataset written carelessly (keys out of order, unquoted
dates, odd indentation, flow mappings, quotes, a wrong modeline, comments on many lines);
``tests/data/fmt/expected`` holds what fmt makes of it, reviewed by hand.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from accords.config import load_config
from accords.loading.discovery import dataset_files
from accords.loading.records import parse_file
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
MESSY = REPO / "tests" / "data" / "fmt" / "messy"
EXPECTED = REPO / "tests" / "data" / "fmt" / "expected"
FILES = ("agreements/riverside-truce-2031.yaml", "events/2031-03.yaml")
_COMMENT_RE = re.compile(r"#[^\n]*")


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    root = tmp_path / "messy"
    shutil.copytree(MESSY, root)
    return root


def _texts(root: Path) -> dict[str, str]:
    return {name: (root / name).read_text("utf-8") for name in FILES}


def _records(root: Path) -> dict[str, object]:
    loaded = {name: parse_file((root / name).read_bytes(), None, name) for name in FILES}
    return {name: f.record.model_dump(mode="json") for name, f in loaded.items() if f.record}


def test_the_bundled_dataset_is_in_canonical_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    count = len(dataset_files(REPO, load_config(REPO).layout))
    result = run_accords("fmt", "--check")
    assert (result.code, result.out) == (
        0,
        f"0 files would be reformatted, {count} files already formatted.\n",
    )


def test_fmt_makes_the_messy_copy_canonical_and_keeps_every_comment(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    before, records = _texts(messy), _records(messy)
    result = run_accords("fmt")
    assert (result.code, result.out) == (
        0,
        f"reformatted {FILES[0]}\nreformatted {FILES[1]}\n"
        "2 files reformatted, 0 files already formatted.\n",
    )
    after = _texts(messy)
    assert after == _texts(EXPECTED)
    assert _records(messy) == records
    for name in FILES:
        kept = sorted(c.strip() for c in _COMMENT_RE.findall(after[name]))
        written = sorted(c.strip() for c in _COMMENT_RE.findall(before[name]))
        # Every comment is kept; the modeline is corrected (it named the wrong folder).
        assert [c for c in kept if "$schema" not in c] == [c for c in written if "$schema" not in c]
    again = run_accords("fmt")
    assert (again.code, again.out) == (0, "0 files reformatted, 2 files already formatted.\n")
    assert _texts(messy) == after


def test_check_lists_the_files_that_would_change_and_writes_nothing(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    before = _texts(messy)
    result = run_accords("fmt", "--check")
    assert (result.code, result.out) == (
        1,
        f"would reformat {FILES[0]}\nwould reformat {FILES[1]}\n"
        "2 files would be reformatted, 0 files already formatted.\n",
    )
    assert _texts(messy) == before


def test_diff_prints_a_unified_diff_and_writes_nothing(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    before = _texts(messy)
    result = run_accords("fmt", "--diff", FILES[1])
    expected = "".join(
        difflib.unified_diff(
            before[FILES[1]].splitlines(keepends=True),
            (EXPECTED / FILES[1]).read_text("utf-8").splitlines(keepends=True),
            fromfile=f"a/{FILES[1]}",
            tofile=f"b/{FILES[1]}",
        )
    )
    assert (result.code, result.out) == (1, expected)
    assert result.err == "1 file would be reformatted, 0 files already formatted.\n"
    assert _texts(messy) == before


def test_a_file_that_does_not_validate_is_left_untouched_with_its_findings(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    broken = messy / "events" / "broken.yaml"
    text = "events:\n  - {id: x, date: 2031-03-40, kind: other}\n"
    broken.write_text(text, encoding="utf-8")
    result = run_accords("fmt", "events/")
    assert result.code == 1
    findings = [line for line in result.out.splitlines() if line.startswith("events/broken")]
    assert findings == [
        "events/broken.yaml:2:19: E200 warning: date is not quoted",
        "events/broken.yaml:2:5: E101 error: missing required field 'summary' in events[0]",
        "events/broken.yaml:2:19: E105 error: events[0].date: '2031-03-40' is not a date in "
        "the accepted form",
    ]
    assert result.out.splitlines()[0] == "reformatted events/2031-03.yaml"
    assert result.out.splitlines()[-1] == (
        "1 file reformatted, 0 files already formatted, 1 file left untouched (findings above)."
    )
    assert broken.read_text("utf-8") == text


def test_a_file_the_round_trip_library_cannot_read_is_left_untouched_with_a_finding(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    tabbed = messy / FILES[1]
    text = tabbed.read_text("utf-8").replace("Shelling of the", "Shelling\tof the")
    tabbed.write_text(text, encoding="utf-8")
    result = run_accords("fmt", FILES[1])
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        f"{FILES[1]}:2:20: E900 error: accords fmt cannot format this file safely (ruamel.yaml "
        "cannot read it: found character '\\t' that cannot start any token); it is left "
        "untouched"
    )
    assert tabbed.read_text("utf-8") == text


def test_a_rewritten_file_keeps_its_permissions(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(messy)
    target = messy / FILES[1]
    target.chmod(0o640)
    assert run_accords("fmt", FILES[1]).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left


def test_validate_and_check_never_import_ruamel() -> None:
    program = (
        "import sys\n"
        "from accords.cli.app import main\n"
        "sys.argv = ['accords', 'check']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('ruamel' in ' '.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert done.stderr.splitlines()[-1] == "False", done.stderr[-2000:]

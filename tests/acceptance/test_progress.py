"""Progress goes to standard error on a terminal only: never into files, pipes or CI logs."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accords.checking.runner import CheckOptions, check
from accords.checking.validate import validate_paths
from accords.dataset import load_dataset
from support import run_accords, without_timing

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"


def _stderr_on_a_terminal(
    env: dict[str, str], args: tuple[str, ...] = ("compare", "-f", "csv"), cwd: Path = FIXTURE
) -> tuple[int, str, bytes]:
    """Run ``accords ARGS`` with standard error on a pseudo-terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "accords", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    out, _ = process.communicate(timeout=60)
    os.close(leader)
    return process.returncode, out.decode("utf-8"), shown


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "TERM": "xterm", **extra}


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals on this system")
def test_a_terminal_sees_the_steps_and_the_output_stays_the_same() -> None:
    expected = run_accords("compare", "-f", "csv", cwd=FIXTURE).out
    code, out, shown = _stderr_on_a_terminal(_env())
    assert (code, out) == (0, expected)
    assert b"reading the records" in shown or b"comparing 4 agreements" in shown, shown


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals on this system")
def test_under_ci_a_terminal_sees_nothing() -> None:
    code, out, shown = _stderr_on_a_terminal(_env(CI="true"))
    assert (code, shown) == (0, b"")
    assert out == run_accords("compare", "-f", "csv", cwd=FIXTURE).out


def test_a_file_or_pipe_sees_nothing() -> None:
    result = run_accords("compare", "-f", "csv", cwd=FIXTURE, env={"CI": ""})
    assert (result.code, result.err) == (0, "")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals on this system")
def test_an_import_shows_its_step_on_a_terminal(tmp_path: Path) -> None:
    export = Path(__file__).resolve().parent.parent / "data" / "pax" / "iso_no_part.csv"
    args = ("import", "pax", str(export), "--out", str(tmp_path / "out"))
    code, out, shown = _stderr_on_a_terminal(_env(), args, tmp_path)
    assert code == 0, out
    assert b"importing iso_no_part.csv" in shown, shown
    code, out, shown = _stderr_on_a_terminal(_env(CI="1"), args, tmp_path)
    assert (code, shown) == (0, b"")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals on this system")
@pytest.mark.parametrize("command", ["check", "validate"])
def test_check_and_validate_show_their_steps_on_a_terminal(command: str) -> None:
    expected = run_accords(command, "--no-cache", cwd=FIXTURE)
    code, out, shown = _stderr_on_a_terminal(_env(), (command, "--no-cache"))
    assert (code, without_timing(out)) == (expected.code, without_timing(expected.out))
    assert b"finding the files" in shown, shown


def test_a_check_names_each_step_as_it_starts(tmp_path: Path) -> None:
    """Loading the records and running the rules are steps only when they happen: a check of
    an unchanged record reads its kept findings; the events file is a step of its own."""
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    events = root / "events.csv"
    events.write_text("event_date,event_type,actor1,actor2\n", encoding="utf-8")
    runs = [(), (), (events,)]
    seen = []
    for given in runs:
        steps: list[str] = []
        check(root, CheckOptions(events=given[0] if given else None), step=steps.append)
        seen.append(steps)
    files = f"reading {len(list(root.rglob('*.yaml')))} files"
    records = f"checking {len(load_dataset(root, cache=False).entries)} records"
    assert seen == [
        [files, records],
        [files],
        [files, f"checking the record against {events}"],
    ]


def test_validate_names_its_step(tmp_path: Path) -> None:
    steps: list[str] = []
    folder = FIXTURE / "agreements"
    validate_paths([folder], cache=False, step=steps.append)
    assert steps == [f"validating {len(list(folder.glob('*.yaml')))} files"]

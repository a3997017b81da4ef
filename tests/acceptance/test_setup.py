"""The README's first command works when pasted into a fresh shell at the repository's root.

A fresh shell has no virtual environment active: the command must make one, install accords
into it and run ``accords check``, with nothing from the shell that runs the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _first_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, flags=re.DOTALL)
    assert block is not None, "README lost its set-up command"
    return block.group(1).strip()


def _tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


@pytest.mark.skipif(shutil.which("git") is None, reason="the checkout's files are listed by git")
@pytest.mark.skipif(shutil.which("sh") is None, reason="the command is for a POSIX shell")
def test_the_first_command_sets_up_and_checks_in_a_fresh_shell(tmp_path: Path) -> None:
    command = _first_command()
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install")
    copy = tmp_path / "accords"
    for name in _tracked_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, copy / name)
    # The Python running the tests, but none of its virtual environment.
    python = tmp_path / "bin"
    python.mkdir()
    (python / "python3").symlink_to(getattr(sys, "_base_executable", sys.executable))
    venv_bin = str(Path(sys.executable).parent)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join([str(python), *path])
    result = subprocess.run(
        ["sh", "-c", command],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (copy / ".venv" / "bin" / "accords").is_file()
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"Checked 11 agreements, .* in [0-9.]+ s: .*", last), last

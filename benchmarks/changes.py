"""Benchmark ``accords changes`` against the two ``accords check`` runs it stands for, in one run.

Generates N realistic agreement files (``agreement_data``) in a git repository, commits them
(``base``), then edits one file in twenty (a date moved) and renames one in a hundred (file and
id, ``git mv``), and commits again (``edited``). It times, each as a fresh process:

* ``accords check`` on the working tree, twice (what a reviewer would otherwise run, once on
  each side), against ``accords changes base``, which reads ``base`` from git and the working
  tree from disk, loads and checks both, and compares them;
* ``accords changes base --to edited``, which reads both sides from git.

Alternating runs, best of ``--repeat`` each. Run it from the repository root::

    python benchmarks/changes.py --n 2000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from agreement_data import generate  # noqa: E402
from validate import _accords, _load, timed  # noqa: E402

_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Benchmark",
    "GIT_AUTHOR_EMAIL": "benchmark@example.org",
    "GIT_COMMITTER_NAME": "Benchmark",
    "GIT_COMMITTER_EMAIL": "benchmark@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **_GIT_ENV}, check=True)


def build(root: Path, count: int) -> list[Path]:
    """The repository: ``base`` with the generated files, ``edited`` with the edits."""
    if root.exists():
        shutil.rmtree(root)
    files = generate(root, count)
    git(root, "init", "--quiet")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    git(root, "tag", "base")
    for index, path in enumerate(files):
        if index % 20 == 0:
            text = path.read_text("utf-8")
            path.write_text(text.replace('"20', '"19', 1), encoding="utf-8")
        elif index % 100 == 1:
            old_id, new_id = path.stem, path.stem + "-renamed"
            moved = path.with_name(new_id + ".yaml")
            git(root, "mv", str(path.relative_to(root)), str(moved.relative_to(root)))
            moved.write_text(moved.read_text("utf-8").replace(old_id, new_id), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "edited")
    git(root, "tag", "edited")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2_000, help="number of agreement files")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command")
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "changes")
    args = parser.parse_args(argv)

    root: Path = args.work / f"n{args.n}"
    build(root, args.n)
    print(f"{args.n} agreement files in a git repository at {root}")
    print(f"{os.cpu_count()} CPUs; load average before: {_load()}")
    accords = _accords()
    # `check` exits 1 when a finding fails the run: the same code each time is all we ask.
    check_code = _check_code(accords, root)
    check_runs, changes_runs, git_runs = [], [], []
    for _ in range(args.repeat):
        check_runs.append(timed([*accords, "check"], root, expect=check_code))
        changes_runs.append(timed([*accords, "changes", "base"], root))
        git_runs.append(timed([*accords, "changes", "base", "--to", "edited"], root))
    check, changes, from_git = min(check_runs), min(changes_runs), min(git_runs)
    print(f"(best of {args.repeat} alternating runs each)")
    print(f"accords check (one side):               {check:8.2f} s")
    print(f"accords changes base (git + disk):      {changes:8.2f} s")
    print(f"  ratio changes / (2 x check):          {changes / (2 * check):8.2f}")
    print(f"accords changes base --to edited (git): {from_git:8.2f} s")
    print(f"  ratio changes from git / (2 x check): {from_git / (2 * check):8.2f}")
    print(f"load average after: {_load()}")
    return 0


def _check_code(accords: list[str], root: Path) -> int:
    done = subprocess.run([*accords, "check"], cwd=root, capture_output=True, check=False)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

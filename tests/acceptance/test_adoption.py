"""The pre-commit hooks and the GitHub Action are well-formed, and what they run works.

Both files are parsed, their commands are checked against the app's commands, and then run:
the hooks' entries in-process on the bundled dataset, the action's check step as the shell
script GitHub would run. The snippets in the README refer to hooks and inputs that exist.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from accords.cli.app import app
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
HOOKS: list[dict[str, Any]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
ACTION: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
DOC = (REPO / "README.md").read_text("utf-8")
COMMANDS = set(getattr(typer.main.get_command(app), "commands", {}))


def _hook(hook_id: str) -> dict[str, Any]:
    (hook,) = [h for h in HOOKS if h["id"] == hook_id]
    return hook


def _snippets(language: str) -> list[Any]:
    blocks = re.findall(rf"```{language}\n(.*?)```", DOC, flags=re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


# --- pre-commit -----------------------------------------------------------------------------


def test_the_hooks_are_the_three_documented_ones() -> None:
    assert [h["id"] for h in HOOKS] == ["accords-validate", "accords-check", "accords-fmt"]
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        program, command, *_ = shlex.split(hook["entry"])
        assert program == "accords"
        assert command in COMMANDS, hook


def test_accords_validate_runs_per_file_and_accords_check_once() -> None:
    assert _hook("accords-validate").get("pass_filenames", True) is True
    assert _hook("accords-check")["pass_filenames"] is False


@pytest.mark.parametrize(
    ("name", "matches"),
    [
        ("agreements/riverside-truce.yaml", True),
        ("data/syria/events/2016-12.yml", True),
        ("seeds/al-monitor.yaml", True),
        ("README.md", False),
        ("schemas/agreement.schema.json", False),
        ("agreements/notes.txt", False),
        ("my-agreements/x.yaml", False),
    ],
)
def test_the_validate_hook_picks_record_files(name: str, matches: bool) -> None:
    assert bool(re.search(_hook("accords-validate")["files"], name)) is matches


def test_the_fmt_hook_runs_per_record_file_like_validate() -> None:
    assert _hook("accords-fmt").get("pass_filenames", True) is True
    assert _hook("accords-fmt")["files"] == _hook("accords-validate")["files"]
    assert shlex.split(_hook("accords-fmt")["entry"]) == ["accords", "fmt"]


def test_the_fmt_hook_entry_leaves_the_bundled_files_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "agreements").glob("*.yaml"))[:3]
    before = [Path(f).read_bytes() for f in files]
    result = run_accords(*shlex.split(_hook("accords-fmt")["entry"])[1:], "--check", *files)
    assert result.code == 0, result.output
    assert [Path(f).read_bytes() for f in files] == before


def test_the_action_runs_fmt_check_only_when_asked() -> None:
    (step,) = [s for s in _steps() if "accords fmt" in s.get("run", "")]
    assert step["run"] == "accords fmt --check"
    assert "inputs.fmt == 'true'" in step["if"]
    assert ACTION["inputs"]["fmt"]["default"] == "false"


def test_the_check_hook_also_runs_when_the_configuration_changes() -> None:
    pattern = _hook("accords-check")["files"]
    assert re.search(pattern, "accords.toml") and re.search(pattern, "data/accords.toml")
    assert re.search(pattern, "actors/russia.yaml")


def test_the_validate_hook_entry_runs_on_record_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "agreements").glob("*.yaml"))[:3]
    if not files:
        pytest.skip("the bundled dataset has no agreements yet")
    result = run_accords(*shlex.split(_hook("accords-validate")["entry"])[1:], *files)
    assert "internal error" not in result.err, result.output
    assert result.code in (0, 1), result.output


def test_the_check_hook_entry_runs_without_file_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_accords(*shlex.split(_hook("accords-check")["entry"])[1:])
    assert "internal error" not in result.err, result.output
    assert result.code in (0, 1), result.output


def test_the_documented_pre_commit_configs_use_the_hooks() -> None:
    configs = [s for s in _snippets("yaml") if isinstance(s, dict) and "repos" in s]
    assert len(configs) == 2, configs
    remote, local = configs
    assert {h["id"] for h in remote["repos"][0]["hooks"]} == {h["id"] for h in HOOKS}
    # The repository has no tags: a rev such as v0.1.0 would not exist. The branch, or a commit.
    assert re.fullmatch(r"main|[0-9a-f]{40}", remote["repos"][0]["rev"]), remote
    (local_hook,) = local["repos"][0]["hooks"]
    assert local_hook["entry"] == _hook("accords-check")["entry"]
    assert local_hook["files"] == _hook("accords-check")["files"]


# --- the GitHub Action ----------------------------------------------------------------------


def _steps() -> list[dict[str, Any]]:
    assert ACTION["runs"]["using"] == "composite"
    steps: list[dict[str, Any]] = ACTION["runs"]["steps"]
    return steps


def test_every_run_step_names_its_shell() -> None:
    # Composite actions refuse a run step without an explicit shell.
    for step in _steps():
        if "run" in step:
            assert step.get("shell") == "bash", step


def test_the_action_installs_itself_and_runs_check_for_github() -> None:
    runs = [step["run"] for step in _steps() if "run" in step]
    assert any("pip install" in run and "$GITHUB_ACTION_PATH" in run for run in runs), runs
    (check,) = [step for step in _steps() if "accords check" in step.get("run", "")]
    assert "accords check --format github" in check["run"]
    # Inputs reach the script through the environment, never by textual substitution.
    assert "${{" not in check["run"]
    # Resolved from the repository root, not from wherever the job's steps start.
    assert check["working-directory"] == "${{ github.workspace }}/${{ inputs.working-directory }}"


def test_the_documented_workflow_uses_existing_inputs() -> None:
    workflows = [s for s in _snippets("yaml") if isinstance(s, dict) and "jobs" in s]
    assert len(workflows) == 1
    steps = workflows[0]["jobs"]["check"]["steps"]
    (ours,) = [s for s in steps if "accords" in s.get("uses", "")]
    assert set(ours.get("with", {})) <= set(ACTION["inputs"]), ours
    assert re.fullmatch(r"[\w-]+/accords@(main|[0-9a-f]{40})", ours["uses"]), ours


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
@pytest.mark.parametrize(("args", "codes"), [("", (0, 1)), ("--select R101 --strict", (0,))])
def test_the_action_check_step_runs(tmp_path: Path, args: str, codes: tuple[int, ...]) -> None:
    (check,) = [step for step in _steps() if "accords check" in step.get("run", "")]
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "ACCORDS_ARGS": args,
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    result = subprocess.run(
        ["bash", "-e", "-c", check["run"]],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in codes, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(
        line.startswith(("::error ", "::warning ", "::notice ", "Checked ")) for line in lines
    ), lines[:5]


def _github_expression(text: str, values: dict[str, str]) -> str:
    """``text`` with each ``${{ name }}`` replaced as GitHub would, from ``values``."""
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], text)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_a_dataset_below_the_root_gets_annotations_on_the_files_of_the_repository(
    tmp_path: Path,
) -> None:
    """``working-directory: data`` runs in ``<root>/data`` and names ``data/agreements/…``."""
    root = tmp_path / "repository"
    shutil.copytree(REPO / "tests" / "data" / "fixture-dataset", root / "data")
    (root / "data" / "agreements" / "bad.yaml").write_text("id: Bad Id\n", encoding="utf-8")
    (check,) = [step for step in _steps() if "accords check" in step.get("run", "")]
    values = {"github.workspace": str(root), "inputs.working-directory": "data"}
    folder = Path(_github_expression(check["working-directory"], values))
    assert folder == root / "data"
    env = {
        **os.environ,
        "ACCORDS_ARGS": "--select E",
        "GITHUB_WORKSPACE": str(root),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    result = subprocess.run(
        ["bash", "-e", "-c", check["run"]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    annotations = [line.split("::")[1] for line in result.stdout.splitlines()[:-1]]
    assert annotations == [
        "error file=data/agreements/bad.yaml,line=1,col=1,title=E101",
        "error file=data/agreements/bad.yaml,line=1,col=1,title=E101",
        "error file=data/agreements/bad.yaml,line=1,col=5,title=E106",
    ]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.count("| `data/agreements/bad.yaml:1:") == 3


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_runs_every_hook_from_the_checkout(tmp_path: Path) -> None:
    """What a new user's ``pre-commit`` does with this repository: installs accords from the
    checkout in its own environment and runs the hooks on a fresh repository's dataset."""
    pytest.importorskip(
        "pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')"
    )
    dataset = tmp_path / "dataset"
    shutil.copytree(REPO / "tests" / "data" / "fixture-dataset", dataset)
    (dataset / "agreements" / "bad.yaml").write_text("id: Bad Id\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "CI": "1"}
    env.pop("VIRTUAL_ENV", None)
    git = ["git", "-c", "user.name=accords", "-c", "user.email=accords@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "a dataset"]):
        subprocess.run([*git, *args], cwd=dataset, check=True, env=env)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "--all-files"],
        cwd=dataset,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    verdicts = re.findall(r"^(accords \w+)\.+(Passed|Failed)$", output, flags=re.MULTILINE)
    # fmt fails too: it leaves the invalid file alone with its findings, and rewrites the
    # fixture's files (not in canonical form), which fails a pre-commit hook.
    assert sorted(verdicts) == [
        ("accords check", "Failed"),
        ("accords fmt", "Failed"),
        ("accords validate", "Failed"),
    ]
    assert output.count("agreements/bad.yaml:1:5: E106 error: id: 'Bad Id' is not a valid id") == 3

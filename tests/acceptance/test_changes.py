"""``accords changes``: real git repositories built in a temporary folder, in every format.

The dataset is the fixture dataset kept in a folder of the repository (``data/``), committed,
then edited as an analyst would: an actor renamed (file and id), an agreement renamed, a
participant removed and another added, a date and a term's status changed, a term removed, an
unknown actor excluded (a finding introduced), an end date made precise (findings fixed), the
outcome's status, an actor's aliases and an event's summary changed.
Commits carry fixed dates, so their names, and the outputs, are the same on every run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import run_accords

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"
EXPECTED = REPO / "tests" / "data" / "changes"

_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Analyst",
    "GIT_AUTHOR_EMAIL": "analyst@example.org",
    "GIT_COMMITTER_NAME": "Analyst",
    "GIT_COMMITTER_EMAIL": "analyst@example.org",
    "GIT_AUTHOR_DATE": "2031-06-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2031-06-01T12:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **_GIT_ENV}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rename_everywhere(data: Path, old: str, new: str) -> None:
    for path in data.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


def _analyst_edits(data: Path) -> None:
    """The edits of one pull request, as a person makes them."""
    git(data, "mv", "actors/hill-brigade.yaml", "actors/hill-corps.yaml")
    _rename_everywhere(data, "hill-brigade", "hill-corps")
    git(data, "mv", "agreements/capital-talks-2031.yaml", "agreements/capital-round-2031.yaml")
    _rename_everywhere(data, "capital-talks-2031", "capital-round-2031")
    truce = data / "agreements" / "riverside-truce-2031.yaml"
    _edit(
        truce,
        "  - {actor: river-front, roles: [party], sources: [daily-2031-03-03]}\n",
        "  - {actor: valley-alliance, roles: [party], sources: [daily-2031-03-03]}\n",
    )
    _edit(truce, 'ended: "2031-03"}', 'ended: "2031-03-20"}')
    _edit(truce, "status: not-implemented", "status: implemented")
    _edit(truce, "  status: collapsed\n", "  status: partially-implemented\n")
    _edit(data / "actors" / "river-front.yaml", "aliases: [RF]", "aliases: [RF, The Front]")
    _edit(
        data / "events" / "2031.yaml",
        "summary: Northland announces the Riverside truce.",
        "summary: Northland announces the Riverside truce on the radio.",
    )
    _edit(
        truce,
        "  - {id: cessation, kind: cessation, text: All parties halt offensive operations in the "
        "district., obligations: [river-front, eastland], sources: [daily-2031-03-03]}\n",
        "",
    )
    _edit(
        truce,
        "exclusions:\n",
        "exclusions:\n  - {actor: ghost-group, scope: talks, manner: not-invited, "
        "sources: [daily-2031-03-03]}\n",
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose ``data/`` folder holds the dataset: a first commit (``base``) with
    the fixture as it is, a second (``edited``) with the analyst's edits; the work tree clean."""
    top = tmp_path / "record"
    top.mkdir()
    git(top, "init", "--quiet", "--initial-branch", "main")
    (top / "README.md").write_text("A record kept in git.\n", encoding="utf-8")
    git(top, "add", "README.md")
    git(top, "commit", "--quiet", "-m", "start")
    git(top, "tag", "start")
    shutil.copytree(FIXTURE, top / "data")
    git(top, "add", "data")
    git(top, "commit", "--quiet", "-m", "the fixture dataset")
    git(top, "tag", "base")
    _analyst_edits(top / "data")
    git(top, "add", "-A")
    git(top, "commit", "--quiet", "-m", "edits")
    git(top, "tag", "edited")
    return top


def _expected(name: str, actual: str) -> str:
    path = EXPECTED / name
    if os.environ.get("ACCORDS_REGEN_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_changes_between_two_revisions(repository: Path, fmt: str) -> None:
    run = run_accords("changes", "base", "--to", "edited", "--format", fmt, cwd=repository / "data")
    assert (run.code, run.err) == (0, ""), run.output
    suffix = {"text": "txt", "markdown": "md", "json": "json"}[fmt]
    assert run.out == _expected(f"edits.{suffix}", run.out)


def test_the_working_tree_is_the_default_target(repository: Path) -> None:
    """Uncommitted edits are read from disk: the same changes as the committed ones."""
    git(repository, "reset", "--quiet", "--soft", "base")
    committed = run_accords("changes", "base", "--to", "edited", cwd=repository / "data")
    on_disk = run_accords("changes", "base", cwd=repository / "data")
    assert on_disk.code == 0, on_disk.output
    revision_line = committed.out.splitlines()[0]
    assert revision_line.startswith("Changes in the record: base (")
    assert revision_line.endswith(" → edited (" + git(repository, "rev-parse", "edited")[:12] + ")")
    expected = committed.out.replace(
        revision_line, revision_line.rsplit(" → ", 1)[0] + " → the working tree"
    )
    assert on_disk.out == expected


def test_no_change(repository: Path) -> None:
    run = run_accords("changes", "edited", cwd=repository / "data")
    short = git(repository, "rev-parse", "edited")[:12]
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        f"Changes in the record: edited ({short}) → the working tree\n"
        "No change in the record, and no finding introduced or fixed.\n"
    )


def test_a_fresh_dataset_is_all_added(repository: Path) -> None:
    """Before the dataset's accords.toml was committed, there was no dataset: all is added."""
    run = run_accords(
        "changes", "start", "--to", "base", "--format", "json", cwd=repository / "data"
    )
    assert (run.code, run.err) == (0, ""), run.output
    assert run.out == _expected("fresh.json", run.out)


def test_a_bad_revision(repository: Path) -> None:
    run = run_accords("changes", "no-such-branch", cwd=repository / "data")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "accords: error: unknown revision 'no-such-branch': no such commit in the repository\n"
    )


def test_an_option_is_not_a_revision(repository: Path) -> None:
    run = run_accords("changes", "base", "--to=--output=x", cwd=repository / "data")
    assert (run.code, run.out) == (2, "")
    assert run.err == "accords: error: '--output=x' is not a revision\n"


def test_not_a_git_repository(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    run = run_accords("changes", "HEAD", cwd=tmp_path / "data", env=env)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "accords: error: git cannot find the repository: not a git repository "
        "(or any of the parent directories): .git\n"
    )


def test_git_is_missing(repository: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    run = run_accords("changes", "base", cwd=repository / "data", env={"PATH": str(empty)})
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "accords: error: git is not installed or not on PATH: reading a revision needs it\n"
    )


def test_a_shallow_clone_without_the_base(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    base = git(repository, "rev-parse", "base")
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{repository}", str(clone)],
        check=True,
        env={**os.environ, **_GIT_ENV},
    )
    run = run_accords("changes", base, cwd=clone / "data")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"accords: error: unknown revision '{base}': the clone is shallow and lacks it: fetch "
        "the history it needs (git fetch --unshallow, or actions/checkout with fetch-depth: 0)\n"
    )


# The Action's step: the script with a fake `gh` on PATH that logs its arguments.

ACTION_SCRIPT = REPO / "action" / "changes.sh"
MARKER = "<!-- accords-changes -->"


def _run_action(
    repository: Path, tmp_path: Path, base: str, comments: str = "", **env: str
) -> tuple[subprocess.CompletedProcess[str], list[list[str]], str]:
    """Run the step's script in the dataset folder; its result, the fake gh's calls, and what it
    wrote to the job summary."""
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir(exist_ok=True)
    gh = fake_bin / "gh"
    gh.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        "with open(os.environ['FAKE_GH_LOG'], 'a', encoding='utf-8') as log:\n"
        "    log.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        "if '--method' not in sys.argv:\n"
        "    print(os.environ['FAKE_GH_COMMENTS'])\n",
        encoding="utf-8",
    )
    gh.chmod(0o755)
    log, summary = tmp_path / "gh.log", tmp_path / "summary.md"
    path = os.pathsep.join([str(fake_bin), str(Path(sys.executable).parent), os.environ["PATH"]])
    done = subprocess.run(
        ["bash", str(ACTION_SCRIPT)],
        cwd=repository / "data",
        env={
            **os.environ,
            "PATH": path,
            "ACCORDS_CHANGES_BASE": base,
            "GITHUB_REPOSITORY": "analysts/record",
            "GITHUB_STEP_SUMMARY": str(summary),
            "FAKE_GH_LOG": str(log),
            "FAKE_GH_COMMENTS": comments,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    calls = (
        [json.loads(line) for line in log.read_text("utf-8").splitlines()] if log.exists() else []
    )
    return done, calls, summary.read_text("utf-8") if summary.exists() else ""


def _report_on_the_working_tree(repository: Path) -> str:
    """The stored Markdown of the edits, as compared with the working tree rather than --to."""
    stored = (EXPECTED / "edits.md").read_text("utf-8")
    edited = git(repository, "rev-parse", "edited")[:12]
    return stored.replace(f"→ edited ({edited})", "→ the working tree", 1)


_LISTING = [
    "api",
    "--paginate",
    "repos/analysts/record/issues/7/comments",
    "--jq",
    f'.[] | select(.body | startswith("{MARKER}")) | .id',
]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_the_action_writes_the_summary_and_one_new_comment(
    repository: Path, tmp_path: Path
) -> None:
    done, calls, summary = _run_action(
        repository, tmp_path, "base", ACCORDS_COMMENT="true", ACCORDS_PR_NUMBER="7"
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stdout + done.stderr
    report = _report_on_the_working_tree(repository)
    assert summary == report
    body = f"{MARKER}\n\n{report.rstrip(chr(10))}"
    post = ["api", "--method", "POST", "repos/analysts/record/issues/7/comments", "-f"]
    assert calls == [_LISTING, [*post, f"body={body}"]]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_the_action_updates_its_earlier_comment(repository: Path, tmp_path: Path) -> None:
    done, calls, _ = _run_action(
        repository,
        tmp_path,
        "base",
        comments="123\n456",
        ACCORDS_COMMENT="true",
        ACCORDS_PR_NUMBER="7",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    body = f"{MARKER}\n\n{_report_on_the_working_tree(repository).rstrip(chr(10))}"
    patch = ["api", "--method", "PATCH", "repos/analysts/record/issues/comments/123", "-f"]
    assert calls == [_LISTING, [*patch, f"body={body}"]]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
@pytest.mark.parametrize(
    ("env", "stderr"),
    [
        ({}, ""),
        ({"ACCORDS_COMMENT": "true"}, "accords: not a pull request, so no comment is written\n"),
    ],
)
def test_the_action_comments_only_when_asked_on_a_pull_request(
    repository: Path, tmp_path: Path, env: dict[str, str], stderr: str
) -> None:
    done, calls, summary = _run_action(repository, tmp_path, "base", **env)
    assert (done.returncode, done.stderr, calls) == (0, stderr, [])
    assert summary == _report_on_the_working_tree(repository)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_the_action_takes_the_base_as_data_not_as_script(repository: Path, tmp_path: Path) -> None:
    base = "$(touch spliced)"
    done, calls, summary = _run_action(repository, tmp_path, base, ACCORDS_COMMENT="true")
    assert (done.returncode, calls, summary) == (2, [], "")
    assert done.stderr == (
        "accords: error: unknown revision '$(touch spliced)': no such commit in the repository\n"
    )
    assert not (repository / "data" / "spliced").exists()


def test_an_edit_above_a_finding_moves_it_without_fixing_it(repository: Path) -> None:
    git(repository, "checkout", "--quiet", "base")
    for name in ("agreements/harbour-evacuation-2031.yaml", "scenarios/riverside-what-if.yaml"):
        path = repository / "data" / name
        path.write_text("# Reviewed.\n\n" + path.read_text("utf-8"), encoding="utf-8")
    run = run_accords("changes", "base", cwd=repository / "data")
    short = git(repository, "rev-parse", "base")[:12]
    assert (run.code, run.err) == (0, ""), run.output
    assert run.out == (
        f"Changes in the record: base ({short}) → the working tree\n"
        "No change in the record, and no finding introduced or fixed.\n"
    )


def test_an_id_changed_in_its_own_file_is_a_rename(repository: Path) -> None:
    git(repository, "checkout", "--quiet", "base")
    declaration = repository / "data" / "agreements" / "valley-declaration-2031.yaml"
    _edit(declaration, "id: valley-declaration-2031", "id: valley-principles-2031")
    _edit(declaration, "title: Valley declaration of principles", "title: Valley principles")
    _rename_everywhere(repository / "data", "valley-declaration-2031", "valley-principles-2031")
    run = run_accords("changes", "base", cwd=repository / "data")
    short = git(repository, "rev-parse", "base")[:12]
    assert (run.code, run.err) == (0, ""), run.output
    assert run.out == (
        f"Changes in the record: base ({short}) → the working tree\n"
        "agreements: 1 renamed, 1 changed; findings: 1 introduced, 0 fixed.\n"
        "\n"
        "Agreements renamed: 1\n"
        "  valley-declaration-2031 → valley-principles-2031 — Valley principles (same file)\n"
        "\n"
        "Agreement changed: valley-principles-2031 — Valley principles\n"
        "  also changed: title\n"
        "\n"
        "Findings introduced: 1\n"
        "  agreements/valley-declaration-2031.yaml:1:5: R107 error: agreement id "
        "'valley-principles-2031' differs from its file name 'valley-declaration-2031'\n"
    )


def test_a_revision_is_read_as_the_same_files_on_disk_are(repository: Path) -> None:
    """What is not a record on disk is not one in a revision: hidden folders, a nested dataset,
    what accords.toml excludes, files that are not YAML; a broken file is read, as on disk."""
    data = repository / "data"
    _edit(data / "accords.toml", "[dataset]\n", '[dataset]\nexclude = ["drafts"]\n')
    extra = {
        ".github/workflow.yaml": "on: push\n",
        "nested/accords.toml": "",
        "nested/agreements/other.yaml": "id: other\n",
        "drafts/agreements/draft.yaml": "id: draft\n",
        "agreements/notes.txt": "not a record\n",
        "agreements/broken.yaml": "id: broken\ntitle: [unclosed\n",
    }
    for name, text in extra.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "--quiet", "-m", "more files")
    committed = run_accords("changes", "edited", "--to", "HEAD", cwd=data)
    on_disk = run_accords("changes", "edited", cwd=data)
    head = git(repository, "rev-parse", "HEAD")[:12]
    assert (committed.code, on_disk.code) == (0, 0), committed.output + on_disk.output
    assert committed.out == on_disk.out.replace("the working tree", f"HEAD ({head})", 1)
    assert committed.out.splitlines()[1:] == [
        "findings: 1 introduced, 0 fixed.",
        "",
        "Findings introduced: 1",
        "  agreements/broken.yaml:3:1: E001 error: YAML syntax error: while parsing a flow "
        "sequence did not find expected ',' or ']'",
    ]

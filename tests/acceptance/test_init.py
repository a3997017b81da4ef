"""``accords init DIR``: a dataset that passes every command from the first one, and that
never overwrites a file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tomllib
from pathlib import Path

import frictionless
import pytest
import yaml

from accords.analysis.export import TABLES
from accords.model import FOLDERS
from support import run_accords, without_timing

REPO = Path(__file__).resolve().parents[2]

#: Every file ``accords init`` writes, in the order it writes them.
FILES = [
    "accords.toml",
    *(f"schemas/{kind}.schema.json" for kind in FOLDERS),
    "actors/northland.yaml",
    "seeds/daily-2031-03-03.yaml",
    "agreements/riverside-truce-2031.yaml",
    "events/.gitkeep",
    "scenarios/.gitkeep",
    ".pre-commit-config.yaml",
    ".github/workflows/accords.yml",
    ".gitignore",
]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    result = run_accords("init", "x", cwd=tmp_path)
    assert result.code == 0, result.output
    assert result.out.splitlines() == [f"x/{name}" for name in FILES]
    assert result.err == "\nNext: cd x && accords check\n"
    return tmp_path / "x"


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_init_writes_exactly_the_dataset_files(dataset: Path) -> None:
    assert _files(dataset) == sorted(FILES)
    config = tomllib.loads((dataset / "accords.toml").read_text("utf-8"))
    assert config["dataset"]["name"] == "x"
    assert (dataset / ".gitignore").read_text("utf-8").splitlines()[-1] == ".accords_cache/"


def test_the_new_dataset_checks_and_validates_clean(dataset: Path) -> None:
    summary = "1 agreement, 1 actor and 1 source (3 files) in T s: all clear, no findings.\n"
    for command in (["check"], ["check", "--strict"], ["validate"]):
        result = run_accords(*command, cwd=dataset)
        assert result.code == 0, result.output
        verb = "Validated" if command == ["validate"] else "Checked"
        assert without_timing(result.output) == f"{verb} {summary}"
    schemas = run_accords("schema", "--check", cwd=dataset)
    assert (schemas.code, schemas.out) == (0, "schemas/ matches the models.\n")


def test_every_export_format_works_on_the_new_dataset(dataset: Path, tmp_path: Path) -> None:
    assert run_accords("export", "-f", "json", cwd=dataset).code == 0
    csv = run_accords("export", "-f", "csv", "-o", tmp_path / "csv", cwd=dataset)
    assert csv.code == 0, csv.output
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(
        f"{t}.csv" for t in TABLES
    )
    package = run_accords("export", "-f", "datapackage", "-o", tmp_path / "pkg", cwd=dataset)
    assert package.code == 0, package.output
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])
    db = tmp_path / "x.db"
    assert run_accords("export", "-f", "sqlite", "-o", db, cwd=dataset).code == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES
        }
    assert counts == {
        "agreements": 1,
        "participants": 1,
        "exclusions": 0,
        "positions": 0,
        "terms": 0,
        "events": 0,
        "event_agreements": 0,
        "citations": 3,
        "actors": 1,
    }


def test_the_hooks_and_the_workflow_use_this_repository(dataset: Path) -> None:
    hooks = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((dataset / ".pre-commit-config.yaml").read_text("utf-8"))
    [repo] = config["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == ["accords-validate", "accords-check"]
    assert {hook["id"] for hook in repo["hooks"]} <= hooks
    assert "pin `rev` to a real tag or commit" in (dataset / ".pre-commit-config.yaml").read_text()
    workflow = yaml.safe_load((dataset / ".github/workflows/accords.yml").read_text("utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    assert [step["uses"] for step in steps] == ["actions/checkout@v4", "OWNER/accords@v0.1.0"]
    action = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    assert set(steps[1]["with"]) <= set(action["inputs"])


def test_init_refuses_a_folder_that_holds_a_dataset(dataset: Path) -> None:
    before = {name: (dataset / name).read_bytes() for name in FILES}
    (dataset / "accords.toml").write_text("# mine\n", encoding="utf-8")
    before["accords.toml"] = b"# mine\n"
    result = run_accords("init", dataset)
    assert result.code == 2, result.output
    assert result.err == (
        f"accords: error: {dataset} already holds a dataset (accords.toml); nothing was written\n"
    )
    assert {name: (dataset / name).read_bytes() for name in FILES} == before


def test_init_never_overwrites_a_file_and_writes_nothing_then(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "northland.yaml").write_text("mine\n", encoding="utf-8")
    result = run_accords("init", tmp_path)
    assert result.code == 2, result.output
    assert result.err == (
        f"accords: error: {tmp_path} already has .gitignore, actors/northland.yaml; accords "
        "init never overwrites a file: move them away, or start the dataset in another folder\n"
    )
    assert _files(tmp_path) == [".gitignore", "actors/northland.yaml"]
    assert (tmp_path / ".gitignore").read_text("utf-8") == "build/\n"


def test_init_keeps_other_files_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My notes\n", encoding="utf-8")
    result = run_accords("init", ".", "--name", 'Riverside "2031"', cwd=tmp_path)
    assert result.code == 0, result.output
    assert _files(tmp_path) == sorted([*FILES, "README.md"])
    assert (tmp_path / "README.md").read_text("utf-8") == "# My notes\n"
    config = tomllib.loads((tmp_path / "accords.toml").read_text("utf-8"))
    assert config["dataset"]["name"] == 'Riverside "2031"'
    assert run_accords("check", cwd=tmp_path).code == 0


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = run_accords("init", "x", cwd=tmp_path)
    assert (result.code, result.err) == (2, "accords: error: x is not a folder\n")


def test_a_failed_init_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    calls: list[str] = []

    def fail_on_the_fourth(source: str, target: str) -> None:
        calls.append(str(target))
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_fourth)
    result = run_accords("init", "new/x", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        "accords: error: cannot write new/x/schemas/event.schema.json: No space left on device\n",
    )
    assert len(calls) == 4
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("git") is None, reason="accords changes needs git")
def test_a_new_dataset_publishes_and_reviews(dataset: Path, tmp_path: Path) -> None:
    """The publishing commands on the dataset init made: a site, and the changes of a commit."""
    site = run_accords("site", str(tmp_path / "public"), cwd=dataset)
    assert site.code == 0, site.output
    pages = sorted(
        p.relative_to(tmp_path / "public").as_posix() for p in (tmp_path / "public").rglob("*.html")
    )
    assert "agreements/riverside-truce-2031.html" in pages and "matrix.html" in pages
    git = ["git", "-c", "user.name=Analyst", "-c", "user.email=analyst@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        subprocess.run([*git, *args], cwd=dataset, check=True)
    agreement = dataset / "agreements" / "riverside-truce-2031.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.replace("title: ", "title: Revised ", 1), encoding="utf-8")
    changes = run_accords("changes", "HEAD", "--format", "json", cwd=dataset)
    assert changes.code == 0, changes.output
    report = json.loads(changes.out)
    changed = [a["id"] for a in report["agreements"]["changed"]]
    assert changed == ["riverside-truce-2031"]

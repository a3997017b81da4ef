"""No false pass: what was read is counted, and a run that read nothing, named an unknown code,
or met a file of no kind never ends in "all clear".

Each test copies the small fixture dataset into a temporary folder and changes one thing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from accords.config import Layout
from support import run_accords, without_timing

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"


def _run(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Exit code and output of ``accords ARGS`` in ``cwd``; usage errors as exit 2."""
    monkeypatch.chdir(cwd)
    result = run_accords(*args)
    assert "internal error" not in result.err, result.output
    return result.code, result.output


def _summary(output: str) -> str:
    return without_timing(output.splitlines()[-1])


def _findings(output: str) -> list[tuple[str, str]]:
    return [(f["code"], f["path"]) for f in json.loads(output)["findings"]]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    return root


FIXTURE_READ = "4 agreements, 9 actors, 6 events, 1 scenario and 6 sources (21 files)"


def test_the_summary_counts_what_was_read(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _run(["check"], dataset, monkeypatch)
    assert code == 0
    assert _summary(output) == f"Checked {FIXTURE_READ} in T s: 7 warnings, 1 info in 4 files."
    code, output = _run(["validate"], dataset, monkeypatch)
    assert _summary(output) == f"Validated {FIXTURE_READ} in T s: all clear, no findings."


def test_json_output_counts_what_was_read(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    summary = json.loads(output)["summary"]
    assert summary == {
        "total": 8,
        "error": 0,
        "warning": 7,
        "info": 1,
        "records": {"actor": 9, "agreement": 4, "event": 6, "scenario": 1, "source": 6},
        "files": 21,
    }


@pytest.mark.parametrize("command", [["check"], ["validate"], ["compare"], ["timeline"]])
def test_a_dataset_without_records_is_an_error_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    code, message = _run(command, tmp_path, monkeypatch)
    assert code == 2
    assert str(tmp_path) in message and "agreements/" in message, message


_MODELINE = "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"


def _agreements_in_records(dataset: Path, *, modeline: bool) -> None:
    """Move the agreements to records/, each file with the modeline or without it."""
    (dataset / "agreements").rename(dataset / "records")
    for path in (dataset / "records").iterdir():
        text = path.read_text("utf-8").removeprefix(_MODELINE)
        path.write_text((_MODELINE if modeline else "") + text, encoding="utf-8")


def _reads_the_whole_fixture(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _run(["check"], dataset, monkeypatch)
    assert code == 0, output
    assert _summary(output).startswith(f"Checked {FIXTURE_READ} in T s: ")


def test_records_kept_elsewhere_are_read_by_their_modeline(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _agreements_in_records(dataset, modeline=True)
    _reads_the_whole_fixture(dataset, monkeypatch)


def test_records_kept_elsewhere_are_read_by_the_configured_layout(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _agreements_in_records(dataset, modeline=False)
    config = dataset / "accords.toml"
    config.write_text(
        '[dataset]\n[dataset.folders]\nagreement = "records"\n[check]\nextend-select = ["E200"]\n',
        encoding="utf-8",
    )
    _reads_the_whole_fixture(dataset, monkeypatch)
    # The folder decides, not the keys: a draft whose keys name no kind is read as an agreement.
    (dataset / "records" / "draft.yaml").write_text("id: draft\nnote: x\n", encoding="utf-8")
    _, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    assert [c for c, path in _findings(output) if path == "records/draft.yaml"] == ["E101"] * 2
    config.write_text("", encoding="utf-8")
    _, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    assert [c for c, path in _findings(output) if path == "records/draft.yaml"] == ["E014"]


def test_a_yaml_file_of_no_kind_is_an_error_and_the_rest_is_still_checked(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dataset / "docs").mkdir()
    (dataset / "docs" / "mkdocs.yml").write_text("site_name: notes\n", encoding="utf-8")
    code, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    assert code == 1
    assert ("E014", "docs/mkdocs.yml") in _findings(output)
    assert json.loads(output)["summary"]["files"] == 22
    config = dataset / "accords.toml"
    config.write_text('[dataset]\nexclude = ["docs"]\n', encoding="utf-8")
    code, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    assert "E014" not in {c for c, _ in _findings(output)}
    assert json.loads(output)["summary"]["files"] == 21


def test_hidden_folders_and_nested_datasets_are_not_read(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dataset / ".github" / "workflows").mkdir(parents=True)
    (dataset / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    shutil.copytree(FIXTURE, dataset / "examples" / "other")
    _reads_the_whole_fixture(dataset, monkeypatch)


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["check", "--select", "Z999"], "", "--select: no rule code or prefix 'Z999'"),
        (["check", "--ignore", "Q12"], "", "--ignore: no rule code or prefix 'Q12'"),
        (["check", "--select", "C1O1"], "", "did you mean C101"),
        (["check"], '[check]\nignore = ["S1O2"]\n', "accords.toml [check] ignore: no rule"),
        (["check"], '[check]\nextend-select = ["E2OO"]\n', "[check] extend-select"),
        (["check"], '[check.severity]\nC999 = "error"\n', "[check.severity]: no rule"),
        (["validate"], '[check]\nselect = ["W"]\n', "[check] select: no rule code or prefix 'W'"),
    ],
)
def test_an_unknown_code_is_a_usage_error(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], config: str, message: str
) -> None:
    if config:
        (dataset / "accords.toml").write_text(config, encoding="utf-8")
    code, output = _run(args, dataset, monkeypatch)
    assert code == 2 and message in output, output


@pytest.mark.parametrize(
    ("args", "config"),
    [(["check", "--select", "C,R1"], ""), (["check"], '[check]\nignore = ["S102", "x"]\n')],
)
def test_known_codes_and_prefixes_are_accepted(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], config: str
) -> None:
    if config:
        (dataset / "accords.toml").write_text(config, encoding="utf-8")
    code, output = _run(args, dataset, monkeypatch)
    assert code == 0, output


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[dataset]\nfolders = ["records"]\n', "[dataset.folders] must be a table"),
        ('[dataset.folders]\ntreaty = "records"\n', "no record kind 'treaty'"),
        ('[dataset.folders]\nagreement = "../elsewhere"\n', "a folder inside the dataset"),
        ('[dataset]\nexclude = "tests"\n', "exclude must be a list"),
        ('[dataset]\nincluded = ["x"]\n', "unknown setting(s) in [dataset]: included"),
    ],
)
def test_a_bad_layout_is_a_configuration_error(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, config: str, message: str
) -> None:
    (dataset / "accords.toml").write_text(config, encoding="utf-8")
    code, output = _run(["check"], dataset, monkeypatch)
    assert code == 2 and message in output, output


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX")
def test_links_out_of_the_dataset_are_named_and_not_followed(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dataset / "everything").symlink_to("/")
    (dataset / "actors" / "passwd.yaml").symlink_to("/etc/passwd")
    (dataset / "actors" / "loop").symlink_to(dataset / "actors")
    (dataset / "actors" / "again.yaml").symlink_to(dataset / "actors" / "un.yaml")
    code, output = _run(["check", "--format", "json"], dataset, monkeypatch)
    assert code == 0, output
    found = [f for f in json.loads(output)["findings"] if f["code"] == "E015"]
    assert [(f["path"], f["severity"]) for f in found] == [
        ("actors/passwd.yaml", "warning"),
        ("everything", "warning"),
    ]
    assert "root:x:0:0" not in output
    assert json.loads(output)["summary"]["records"]["actor"] == 9


def test_paths_are_relative_to_the_folder_accords_runs_in(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dataset / "docs").mkdir()
    (dataset / "docs" / "stray.yaml").write_text("topic: x\n", encoding="utf-8")
    _, at_root = _run(["check", "--format", "json"], dataset, monkeypatch)
    _, below = _run(["check", "--format", "json"], dataset / "agreements", monkeypatch)
    assert ("E014", "docs/stray.yaml") in _findings(at_root)
    assert ("E014", "../docs/stray.yaml") in _findings(below)
    paths = {path for _, path in _findings(below)}
    assert all(p.startswith("../") or "/" not in p for p in paths), paths


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("tests", "tests/data/x.yaml", True),
        ("/tests", "sub/tests/x.yaml", False),
        ("tests", "tests", True),
        ("tests", "sub/tests", True),
        ("drafts/*.yaml", "drafts/a.yaml", True),
        ("drafts/*.yaml", "sub/drafts/a.yaml", False),
        ("*.yml", "docs/mkdocs.yml", True),
        ("/action.yml", "action.yml", True),
    ],
)
def test_exclude_patterns_read_like_gitignore(pattern: str, path: str, excluded: bool) -> None:
    from pathlib import PurePosixPath

    assert Layout(exclude=(pattern,)).excluded(PurePosixPath(path)) is excluded

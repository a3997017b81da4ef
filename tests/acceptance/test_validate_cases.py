"""``accords validate`` on the data-driven cases of tests/data/{invalid,valid}/.

Each invalid case is a tiny dataset (accords.toml plus record files) with an ``expected.txt``:
one ``CODE path:line:col`` per finding the run must report, ``# comments``, and an optional
``exit N`` (default 1). The run must report exactly those findings, in text and in JSON. Valid
cases must validate clean. Most runs go through the real entry point in-process; two run the
installed ``accords`` script.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from accords.loading.yaml_positions import MAX_FILE_BYTES
from support import run_accords, without_timing

DATA = Path(__file__).resolve().parents[1] / "data"
INVALID = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (DATA / "valid").iterdir() if p.is_dir())


@dataclass(frozen=True)
class Expected:
    findings: frozenset[tuple[str, str, int, int]]
    exit: int


def read_expected(case: Path) -> Expected:
    findings = set()
    exit_code = 1
    for raw in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("exit "):
            exit_code = int(line.split()[1])
            continue
        code, where = line.split()
        path, row, col = where.rsplit(":", 2)
        findings.add((code, path, int(row), int(col)))
    assert findings, f"{case}/expected.txt names no finding"
    return Expected(frozenset(findings), exit_code)


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_reports_exactly_its_findings(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = read_expected(case)
    run = run_accords("validate", "--format", "json", cwd=case)
    assert "Traceback" not in run.err, run.err
    reported = json.loads(run.out)["findings"]
    got = {(f["code"], f["path"], f["line"], f["col"]) for f in reported}
    assert got == expected.findings, (
        f"missing: {sorted(expected.findings - got)}\nunexpected: {sorted(got - expected.findings)}"
        f"\n{json.dumps(reported, indent=1, ensure_ascii=False)}"
    )
    assert run.code == expected.exit, run.out
    assert all(f["message"] for f in reported)


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_text_shows_position_line_and_caret(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = read_expected(case)
    run = run_accords("validate", cwd=case)
    lines = run.out.splitlines()
    for code, path, row, col in sorted(expected.findings):
        head = f"{path}:{row}:{col}: {code} "
        at = [i for i, line in enumerate(lines) if line.startswith(head)]
        assert at, f"no line starting {head!r} in:\n{run.out}"
        source = (case / path).read_bytes().decode("utf-8", "replace").splitlines()
        if 1 <= row <= len(source) and source[row - 1].strip():
            gutter, caret = lines[at[0] + 1], lines[at[0] + 2]
            assert gutter.startswith(f" {row} | "), run.out
            # The caret stands under the character at the finding's column, also when a long
            # line is shown as a window around it.
            text = source[row - 1]
            offset = caret.index("^") - caret.index("|") - 2
            shown = gutter[gutter.index("|") + 2 :]
            assert caret.endswith("^") and len(shown) <= 110, f"{gutter}\n{caret}"
            if col <= len(text) and text[col - 1].isprintable() and text[col - 1] != "\t":
                assert shown[offset] == text[col - 1], (
                    f"caret not under column {col}:\n{gutter}\n{caret}"
                )
    assert run.code == expected.exit


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_case_is_clean(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert any(case.rglob("*.yaml")), f"{case} holds no record file"
    run = run_accords("validate", cwd=case)
    assert run.code == 0, run.out + run.err
    assert summary(run.out).endswith(" in T s: all clear, no findings."), run.out


def test_every_loader_defect_and_schema_error_has_a_case() -> None:
    codes = {code for case in INVALID for code, *_ in read_expected(case).findings}
    # E007 (the size cap) needs a file over 1 MiB: test_oversized_file_is_refused_unread makes one.
    wanted = {f"E00{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9)} | {"E010", "E011"}
    wanted |= {f"E10{n}" for n in range(1, 8)}
    assert wanted <= codes, f"no case for {sorted(wanted - codes)}"


def test_github_format_annotates_each_finding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = DATA / "invalid" / "bad-date"
    run = run_accords("validate", "--format", "github", cwd=case)
    annotations = [line for line in run.out.splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(read_expected(case).findings)
    assert "::error file=agreements/date.yaml,line=5,col=13,title=E105::" in run.out
    assert run.code == 1


def _copy(case: Path, tmp_path: Path) -> Path:
    target = tmp_path / case.name
    shutil.copytree(case, target)
    return target


def test_oversized_file_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(DATA / "valid" / "minimal-agreement", tmp_path)
    big = root / "agreements" / "big.yaml"
    big.write_bytes(b"id: big\nnote: '" + b"x" * MAX_FILE_BYTES + b"'\n")
    run = run_accords("validate", "--format", "json", cwd=root)
    got = [(f["code"], f["path"], f["line"]) for f in json.loads(run.out)["findings"]]
    assert got == [("E007", "agreements/big.yaml", 1)]
    assert run.code == 1


def test_one_file_inside_the_dataset_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(DATA / "invalid" / "many-files-one-pass", tmp_path)
    run = run_accords("validate", "a.yaml", "--format", "json", cwd=root / "agreements")
    got = [(f["code"], f["path"], f["line"], f["col"]) for f in json.loads(run.out)["findings"]]
    assert got == [("E104", "a.yaml", 3, 7)], "only the named file is validated"
    assert run.code == 1


def test_one_clean_file_passes_though_others_fail(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = DATA / "invalid" / "many-files-one-pass"
    run = run_accords("validate", "agreements/ok.yaml", cwd=case)
    assert run.code == 0, run.out
    assert summary(run.out) == "Validated 1 agreement (1 file) in T s: all clear, no findings."


def test_a_file_outside_the_dataset_folders_is_told_by_its_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "draft.yaml"
    shutil.copy(DATA / "invalid" / "bad-enum-word" / "agreements" / "word.yaml", loose)
    run = run_accords("validate", "draft.yaml", "--format", "json", cwd=tmp_path)
    codes = sorted(f["code"] for f in json.loads(run.out)["findings"])
    assert codes == ["E104", "E104", "E104"]
    assert run.code == 1
    as_actor = run_accords(
        "validate", "draft.yaml", "--record-kind", "actor", "--format", "json", cwd=tmp_path
    )
    assert "E102" in {f["code"] for f in json.loads(as_actor.out)["findings"]}, (
        "title is no actor field"
    )


def test_the_modeline_tells_the_kind_of_a_file_kept_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (DATA / "valid" / "minimal-agreement" / "agreements" / "minimal.yaml").read_text()
    modeline = "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "minimal.yaml").write_text(modeline + source, encoding="utf-8")
    run = run_accords("validate", "notes/minimal.yaml", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert summary(run.out) == "Validated 1 agreement (1 file) in T s: all clear, no findings."


def test_a_file_of_no_kind_is_a_finding_and_the_others_are_still_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.yaml").write_text("topic: Aleppo\nstatus: draft\n", encoding="utf-8")
    shutil.copy(DATA / "invalid" / "bad-enum-word" / "agreements" / "word.yaml", tmp_path)
    run = run_accords("validate", "notes.yaml", "word.yaml", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["path"], f["line"]) for f in json.loads(run.out)["findings"]]
    assert found == [
        ("E014", "notes.yaml", 1),
        ("E104", "word.yaml", 3),
        ("E104", "word.yaml", 5),
        ("E104", "word.yaml", 7),
    ]
    assert run.code == 1


def test_kind_overrides_the_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = DATA / "valid" / "minimal-agreement"
    run = run_accords(
        "validate",
        "agreements/minimal.yaml",
        "--record-kind",
        "source",
        "--format",
        "json",
        cwd=case,
    )
    codes = {f["code"] for f in json.loads(run.out)["findings"]}
    # Read as a source: 'publisher' is missing and 'ceasefire' is no kind of source.
    assert codes == {"E101", "E104"}, run.out
    assert run.code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "agreements"], "no YAML files to validate"),
        (["validate", "missing.yaml"], "no such file"),
        (["validate", "--record-kind", "actor"], "--record-kind needs the files"),
        (["validate", "--record-kind", "treaty", "agreements"], "--record-kind"),
        (["validate", "--format", "xml"], "--format"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    (tmp_path / "agreements").mkdir()
    run = run_accords(*args, cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert message in run.err
    assert "Traceback" not in run.err


def test_empty_dataset_is_an_error_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    run = run_accords("validate", cwd=tmp_path)
    assert run.code == 2
    assert f"no record files in the dataset at {tmp_path.resolve()}" in run.err


def summary(output: str) -> str:
    """The last line of a text report, its timing replaced by ``T``."""
    return without_timing(output.splitlines()[-1])


def _script() -> list[str]:
    found = shutil.which("accords")
    return [found] if found else [sys.executable, "-m", "accords"]


def test_installed_script_reports_an_invalid_case() -> None:
    case = DATA / "invalid" / "wrong-type-deep-in-list"
    done = subprocess.run(
        [*_script(), "validate"], cwd=case, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    head = "agreements/deep-type.yaml:8:22: E103 error: participants[1].sources[1]: expected text"
    at = next(i for i, line in enumerate(lines) if line.startswith(head))
    assert lines[at + 1] == " 8 |     sources: [daily, 2016, {source: weekly, locator: 4}]"
    assert lines[at + 2] == "   |                      ^"
    assert summary(done.stdout) == "Validated 1 file (no valid record) in T s: 3 errors in 1 file."


def test_installed_script_passes_a_valid_case() -> None:
    case = DATA / "valid" / "one-of-each-kind"
    done = subprocess.run(
        [*_script(), "validate"], cwd=case, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert summary(done.stdout) == (
        "Validated 1 agreement, 1 actor, 2 events, 1 scenario and 1 source (5 files) "
        "in T s: all clear, no findings."
    )
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""

"""``accords check --fix`` and ``--unsafe-fixes`` on the cases in tests/data/fixes/.

Each case holds ``before/`` (a tiny dataset), ``after/`` (the whole dataset as the fix leaves
it, byte for byte: comments, quoting and line endings included) and ``case.yaml`` (the options
and the summary line). A safe fix leaves the loaded records equal; fixing again changes nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from accords.checking.catalogue import catalogue
from accords.dataset import load_dataset
from accords.findings import FixSafety
from support import run_accords, without_timing

CASES_DIR = Path(__file__).resolve().parent.parent / "data" / "fixes"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "case.yaml").is_file())


def _case(case: Path) -> dict[str, Any]:
    data = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), case
    return data


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative path, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _records(root: Path) -> list[tuple[str, str, dict[str, Any]]]:
    dataset = load_dataset(root)
    return sorted((e.kind, e.id, e.record.model_dump()) for e in dataset.entries)


def _copy(source: Path, tmp_path: Path) -> Path:
    work = tmp_path / "dataset"
    shutil.copytree(source, work)
    return work


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_fix_gives_the_stored_text(case: Path, tmp_path: Path) -> None:
    expect = _case(case)
    work = _copy(case / "before", tmp_path)
    run = run_accords("check", *expect["options"], cwd=work)
    assert run.code == 0, run.output
    assert without_timing(run.out.splitlines()[-1]) == expect["summary"]
    assert _tree(work) == _tree(case / "after")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_warm_run_fixes_as_a_cold_one(case: Path, tmp_path: Path) -> None:
    """The cache keeps each file's digest and fixes: a check that read it before, from
    another folder (so showing other paths), still fixes."""
    expect = _case(case)
    work = _copy(case / "before", tmp_path)
    elsewhere = min(path for path in work.iterdir() if path.is_dir())
    run_accords("check", cwd=elsewhere)  # fills the cache
    run = run_accords("check", *expect["options"], cwd=work)
    assert without_timing(run.out.splitlines()[-1]) == expect["summary"]
    assert _tree(work) == _tree(case / "after")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixing_a_fixed_dataset_changes_nothing(case: Path, tmp_path: Path) -> None:
    expect = _case(case)
    work = _copy(case / "after", tmp_path)
    run = run_accords("check", *expect["options"], cwd=work)
    assert run.code == 0, run.output
    assert run.out.splitlines()[-1].endswith("all clear, no findings. Fixed 0 findings (0 remain).")
    assert _tree(work) == _tree(case / "after")


SAFE_CASES = [c for c in CASES if _case(c)["safe"]]


@pytest.mark.parametrize("case", SAFE_CASES, ids=[c.name for c in SAFE_CASES])
def test_a_safe_fix_keeps_the_records_as_they_were(case: Path, tmp_path: Path) -> None:
    """The records after the fix are those of before, as a reader that skips a byte-order
    mark reads them (accords refuses the mark: E006)."""
    tolerant = tmp_path / "before"
    for relative, data in _tree(case / "before").items():
        (tolerant / relative).parent.mkdir(parents=True, exist_ok=True)
        (tolerant / relative).write_bytes(data.removeprefix(b"\xef\xbb\xbf"))
    before, after = _records(tolerant), _records(case / "after")
    assert len(before) == 6
    assert before == after
    assert _tree(case / "before") != _tree(case / "after")


def test_every_fixable_rule_has_a_case_of_its_safety() -> None:
    fixable = {rule.code: rule.fix for rule in catalogue() if rule.fix is not FixSafety.NONE}
    cases = {c.name[:4].upper(): _case(c)["safe"] for c in CASES}
    assert sorted(fixable) == sorted(cases)
    assert {code: fix is FixSafety.SAFE for code, fix in fixable.items()} == cases


def test_fix_leaves_the_unsafe_fixes_alone(tmp_path: Path) -> None:
    case = CASES_DIR / "e104-unknown-word"
    work = _copy(case / "before", tmp_path)
    run = run_accords("check", "--fix", cwd=work)
    assert run.code == 1
    assert without_timing(run.out.splitlines()[-1]) == (
        "Checked 3 actors and 2 sources (6 files) in T s: 2 errors in 1 file. "
        "Fixed 0 findings (2 remain; 2 fixable with --unsafe-fixes)."
    )
    assert _tree(work) == _tree(case / "before")


def test_check_without_fix_offers_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    case = CASES_DIR / "e200-unquoted-date"
    work = _copy(case / "before", tmp_path)
    run = run_accords("check", cwd=work)
    assert run.code == 0
    assert without_timing(run.out.splitlines()[-1]) == (
        "Checked 1 agreement, 3 actors and 2 sources (6 files) in T s: 3 warnings in 3 files. "
        "3 fixable with check --fix."
    )
    assert run.out.count("   = fix (safe): quote the date\n") == 3
    assert _tree(work) == _tree(case / "before")


def test_fix_with_json_lists_what_was_fixed(tmp_path: Path) -> None:
    work = _copy(CASES_DIR / "e200-unquoted-date" / "before", tmp_path)
    run = run_accords("check", "--fix", "--format", "json", cwd=work)
    assert run.code == 0, run.output
    document = json.loads(run.out)
    assert document["findings"] == []
    assert document["unapplied"] == []
    fixed = [(f["code"], f["path"], f["line"], f["col"]) for f in document["fixed"]]
    assert fixed == [
        ("E200", "actors/black-flag.yaml", 6, 46),
        ("E200", "agreements/riverside-truce.yaml", 7, 11),
        ("E200", "seeds/daily-2017-01-31.yaml", 4, 12),
    ]
    assert document["fixed"][2]["fix"] == {
        "safety": "safe",
        "description": "quote the date",
        "edits": [
            {
                "path": "seeds/daily-2017-01-31.yaml",
                "line": 4,
                "col": 12,
                "original": "2017-01-31",
                "replacement": '"2017-01-31"',
            }
        ],
    }


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_fix_keeps_the_other_formats_whole(fmt: str, tmp_path: Path) -> None:
    case = CASES_DIR / "r102-unknown-actor"
    work = _copy(case / "before", tmp_path)
    run = run_accords("check", "--unsafe-fixes", "--format", fmt, cwd=work)
    assert run.code == 0, run.output
    if fmt == "sarif":
        assert json.loads(run.out)["runs"][0]["results"] == []
    else:
        assert without_timing(run.out) == (
            "Checked 1 agreement, 3 actors and 2 sources (6 files) in T s: all clear, "
            "no findings. Fixed 1 finding (0 remain).\n"
        )
    assert _tree(work) == _tree(case / "after")


def test_a_fixed_file_keeps_its_permissions(tmp_path: Path) -> None:
    work = _copy(CASES_DIR / "r105-unknown-source" / "before", tmp_path)
    target = work / "agreements" / "riverside-truce.yaml"
    target.chmod(0o640)
    run = run_accords("check", "--unsafe-fixes", cwd=work)
    assert run.code == 0, run.output
    assert target.stat().st_mode & 0o777 == 0o640


README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_lists_every_fixable_code_with_its_safety() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Fixing findings", 1)[1].split("\n### ", 1)[0]
    listed: dict[str, str] = {}
    for row in section.splitlines():
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if not row.startswith("| `"):
            continue
        codes = cells[0].replace("`", "").split("–")
        if len(codes) == 2:
            first, last = int(codes[0][1:]), int(codes[1][1:])
            codes = [f"{codes[0][0]}{n}" for n in range(first, last + 1)]
        listed.update(dict.fromkeys(codes, cells[1]))
    fixable = {r.code: r.fix.value for r in catalogue() if r.fix is not FixSafety.NONE}
    assert listed == fixable

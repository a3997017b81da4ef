"""Property test: ``check`` on mutated copies of the bundled dataset gives findings, never a crash.

The bundled dataset is copied once into a temporary folder; each example edits one to three of
its files (characters inserted or deleted, lines duplicated, swapped or dropped, digits of dates
and ids changed), runs the library's ``run_checks(load_dataset(...))`` in-process, and restores the
files. The only outcomes allowed are: clean, or well-formed findings.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml_edits import edited

from accords.checking.runner import run_checks
from accords.dataset import load_dataset
from accords.findings import Finding
from accords.model import FOLDERS
from accords.scaffold import KINDS, path_for, render

REPO = Path(__file__).resolve().parents[2]
#: Re-indenting is left to the loader's fuzzing; these edits keep files recognisably records.
_EDITS = ("insert", "delete", "digit", "duplicate", "swap", "drop")
_SIGNIFICANT = [*":-?[]{},#&*!|>'\"\t\n ~0123456789", "é", "\x00"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset (or, if it has no records yet, one scaffold of each kind)."""
    root = tmp_path_factory.mktemp("fuzz") / "dataset"
    root.mkdir()
    (root / "accords.toml").write_text("", encoding="utf-8")
    for folder in FOLDERS.values():
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    if not _files(root):
        for kind in KINDS:
            path = path_for(root, kind, f"fuzz-{kind}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(kind, f"fuzz-{kind}"), encoding="utf-8")
    return root


def _files(root: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS.values() for p in (root / folder).rglob("*.yaml"))


def _well_formed(finding: Finding, root: Path) -> None:
    assert finding.line >= 1 and finding.col >= 1, finding
    assert finding.code[:1].isalpha() and finding.code[1:].isdigit(), finding
    assert finding.message and "\n" not in finding.message, finding
    assert not Path(finding.path).is_absolute() or Path(finding.path).is_relative_to(root)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_check_on_a_mutated_dataset_gives_findings_not_errors(
    copy: Path, data: st.DataObject
) -> None:
    files = _files(copy)
    chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3, unique=True))
    originals = {path: path.read_bytes() for path in chosen}
    try:
        for path, original in originals.items():
            text = original.decode("utf-8")
            path.write_text(data.draw(edited(text, _SIGNIFICANT, _EDITS)), encoding="utf-8")
        findings = run_checks(load_dataset(copy))
        for finding in findings:
            _well_formed(finding, copy)
    finally:
        for path, original in originals.items():
            path.write_bytes(original)
        # load_dataset freezes what it loaded; let the previous examples be collected.
        gc.unfreeze()

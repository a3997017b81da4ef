"""Golden outputs of every analysis in every format, on the fixture dataset.

After an intended change of output, regenerate the files and review the diff:

    ACCORDS_REGEN_GOLDEN=1 python -m pytest tests/unit/test_analysis_golden.py
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from accords.analysis.compare import compare
from accords.analysis.diff import diff
from accords.analysis.export import TABLES, export_tables
from accords.analysis.scenarios import resolve_scenarios
from accords.analysis.show import show
from accords.analysis.timeline import timeline
from accords.dataset import Dataset, load_dataset
from accords.render.datapackage import descriptor_text
from accords.render.diff import FORMATS as DIFF_FORMATS
from accords.render.export import csv_text, json_text
from accords.render.matrix import FORMATS as MATRIX_FORMATS
from accords.render.scenarios import FORMATS as SCENARIO_FORMATS
from accords.render.show import FORMATS as SHOW_FORMATS
from accords.render.sqlite import statements
from accords.render.timeline import FORMATS as TIMELINE_FORMATS

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURE = DATA / "fixture-dataset"
GOLDEN = DATA / "golden"
REGENERATE = os.environ.get("ACCORDS_REGEN_GOLDEN") == "1"
EXTENSIONS = {"markdown": "md", "text": "txt", "mermaid": "mmd", "latex": "tex"}

Case = Callable[[Dataset, io.StringIO], None]


def _matrix(fmt: str, **options: object) -> Case:
    return lambda d, out: MATRIX_FORMATS[fmt](compare(d, **options), out)  # type: ignore[arg-type]


CASES: dict[str, Case] = {}
for _fmt in MATRIX_FORMATS:
    CASES[f"compare.{EXTENSIONS.get(_fmt, _fmt)}"] = _matrix(_fmt)
    CASES[f"compare-whatif.{EXTENSIONS.get(_fmt, _fmt)}"] = _matrix(
        _fmt, scenario="riverside-what-if", as_of="2031-04-01", group_by="coalition"
    )
CASES["compare-states-by-name.md"] = _matrix("markdown", kinds=["state"], order="name")
CASES["compare-all-actors-by-kind.csv"] = _matrix("csv", only_marked=False, group_by="kind")
for _fmt in ("text", "markdown", "json"):
    _ext = EXTENSIONS.get(_fmt, _fmt)
    CASES[f"diff.{_ext}"] = lambda d, out, f=_fmt: DIFF_FORMATS[f](
        diff(d, "riverside-truce-2031", "harbour-evacuation-2031"), out
    )
    CASES[f"show.{_ext}"] = lambda d, out, f=_fmt: SHOW_FORMATS[f](
        show(d, "riverside-truce-2031"), out
    )
    CASES[f"scenarios.{_ext}"] = lambda d, out, f=_fmt: SCENARIO_FORMATS[f](
        resolve_scenarios(d, as_of="2031-06-20"), out
    )
for _fmt in TIMELINE_FORMATS:
    CASES[f"timeline.{EXTENSIONS.get(_fmt, _fmt)}"] = lambda d, out, f=_fmt: TIMELINE_FORMATS[f](
        timeline(d), out
    )
CASES["timeline-window.txt"] = lambda d, out: TIMELINE_FORMATS["text"](
    timeline(d, start="2031-03-05", end="2031-04"), out
)
CASES["export.json"] = lambda d, out: out.write(json_text(export_tables(d)))
CASES["export-participants.csv"] = lambda d, out: out.write(
    csv_text(export_tables(d, ["participants"])[0])
)
CASES["export-actors.csv"] = lambda d, out: out.write(csv_text(export_tables(d, ["actors"])[0]))
CASES["export-datapackage.json"] = lambda d, out: out.write(descriptor_text(export_tables(d)))
CASES["export-sqlite.sql"] = lambda d, out: out.write(
    "".join(f"{statement};\n" for statement in statements(TABLES))
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FIXTURE)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(dataset: Dataset, name: str) -> None:
    out = io.StringIO()
    CASES[name](dataset, out)
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(out.getvalue(), encoding="utf-8")
    assert path.is_file(), f"{path} is missing; regenerate with ACCORDS_REGEN_GOLDEN=1"
    assert out.getvalue() == path.read_text(encoding="utf-8"), (
        f"{name} differs from {path}; if the change is intended, regenerate the golden files"
    )


def test_every_golden_file_has_a_case() -> None:
    assert {p.name for p in GOLDEN.iterdir()} <= set(CASES)


def test_readme_section_documents_every_export_column() -> None:
    from accords.analysis.export import COLUMNS

    doc = (DATA.parent.parent / "README.md").read_text(encoding="utf-8")
    for table, columns in COLUMNS.items():
        row = next((ln for ln in doc.splitlines() if ln.startswith(f"| `{table}` |")), None)
        assert row is not None, f"README.md has no row for {table}"
        listed = row.split("|")[3]
        assert [c.strip(" `") for c in listed.split(",")] == list(columns), table

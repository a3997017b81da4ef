"""Hostile names render harmlessly in every format: no script, no formula, no broken table."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.analysis.compare import compare
from accords.dataset import load_dataset
from accords.render.escape import (
    csv_cell,
    html_text,
    latex_text,
    markdown_text,
    mermaid_text,
    terminal_text,
)
from accords.render.matrix import matrix_renderer

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"
SCRIPT = "<script>alert('x')</script>"
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    result = compare(load_dataset(FIXTURE))
    rendered = {}
    for name in ("table", "markdown", "csv", "json", "html", "latex"):
        out = io.StringIO()
        matrix_renderer(name).render(result, out)
        rendered[name] = out.getvalue()
    return rendered


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_neutralises_formula_starts(start: str) -> None:
    assert csv_cell(start + "1+1") == "'" + start + "1+1"
    assert csv_cell("a" + start) == "a" + start


@given(st.text())
def test_csv_cell_never_starts_a_formula(text: str) -> None:
    assert not csv_cell(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.text())
def test_html_text_leaves_no_markup(text: str) -> None:
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped


@given(st.text())
def test_markdown_text_leaves_no_unescaped_pipe_or_tag(text: str) -> None:
    escaped = markdown_text(text)
    assert "<" not in escaped and "\n" not in escaped
    assert re.search(r"(?<!\\)(?:\\\\)*[|`]", escaped) is None


@given(st.text())
def test_latex_text_leaves_no_active_character(text: str) -> None:
    escaped = latex_text(text)
    stripped = re.sub(
        r"\\(?:textbackslash|textasciicircum|textasciitilde|textless|textgreater|textbar)\{\}|\\[{}$&#_%]|\$\\times\$|\$-\$|\$\^\\dagger\$",
        "",
        escaped,
    )
    assert not set(stripped) & set("\\{}$&#^_%~")


@given(st.text())
def test_mermaid_and_terminal_text(text: str) -> None:
    assert not set(mermaid_text(text)) & set(':;#%\n{}<>"`')
    assert all(ord(ch) >= 32 and not 127 <= ord(ch) < 160 for ch in terminal_text(text))


def test_html_page_holds_no_live_script(outputs: dict[str, str]) -> None:
    page = outputs["html"]
    assert "<script" not in page.lower()
    assert html_text(SCRIPT) in page
    assert "http" not in page, "the page is self-contained"


def test_csv_names_are_not_formulas(outputs: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(outputs["csv"])))
    names = [row[1] for row in rows[1:]]
    assert "'" + FORMULA in names
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_markdown_row_keeps_its_column_count(outputs: dict[str, str]) -> None:
    lines = [ln for ln in outputs["markdown"].splitlines() if ln.startswith("|")]
    counts = {len(re.findall(r"(?<!\\)\|", ln)) for ln in lines}
    assert len(counts) == 1, counts
    assert "<script" not in outputs["markdown"]


def test_latex_escapes_the_names(outputs: dict[str, str]) -> None:
    assert r"\textless{}script\textgreater{}" in outputs["latex"]
    assert r"=cmd\textbar{}' /C calc'!A0" in outputs["latex"]


def test_json_keeps_names_verbatim(outputs: dict[str, str]) -> None:
    names = {a["name"] for a in json.loads(outputs["json"])["actors"]}
    assert {SCRIPT, FORMULA} <= names

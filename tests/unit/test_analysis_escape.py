"""Hostile names render harmlessly in every format: no script, no formula, no broken table."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.analysis.compare import compare
from accords.analysis.export import TABLES
from accords.dataset import Dataset, load_dataset
from accords.model.common import CONTROL
from accords.render.escape import (
    csv_cell,
    html_text,
    json_document,
    latex_text,
    markdown_text,
    mermaid_text,
    terminal_text,
    visible_text,
)
from accords.render.matrix import FORMATS as MATRIX_FORMATS
from support import run_accords

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"
SCRIPT = "<script>alert('x')</script>"
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    result = compare(load_dataset(FIXTURE))
    rendered = {}
    for name in ("text", "markdown", "csv", "json", "html", "latex"):
        out = io.StringIO()
        MATRIX_FORMATS[name](result, out)
        rendered[name] = out.getvalue()
    return rendered


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cell_neutralises_formula_starts(start: str) -> None:
    assert csv_cell(start + "1+1") == "'" + start + "1+1"
    assert csv_cell("a" + start) == "a" + start


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        # A joined list whose second item is a formula: a reader splitting at ";" (the CSV
        # separator in many locales) would see it as a cell of its own.
        ('a;=HYPERLINK("http://x","y")', 'a;\'=HYPERLINK("http://x","y")'),
        ("a; =1+1", "a; '=1+1"),
        ("=1;+2;-3;@4", "'=1;'+2;'-3;'@4"),
        ("a;;-b", "a;;'-b"),
        ("a\t=b", "a\t'=b"),
        ("line\n@SUM(A1)", "line\n'@SUM(A1)"),
        ("\t=x", "'\t'=x"),
        ("  =x", "  '=x"),
        # Not at the start of a piece: text, left alone.
        ("a=b;c-d", "a=b;c-d"),
        ("2016-12-30", "2016-12-30"),
        # A carriage return is a control character: shown, so it starts nothing.
        ("\r=x", "\\x0d=x"),
        ("a\x1b;=b", "a\\x1b;'=b"),
    ],
)
def test_csv_cell_guards_every_piece_of_a_cell(cell: str, guarded: str) -> None:
    assert csv_cell(cell) == guarded


_PIECE_STARTS = re.compile(r"(?:^|[;\t\r\n]) *[=+\-@]")


@given(st.text())
def test_csv_cell_never_starts_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert _PIECE_STARTS.search(cell) is None, cell
    assert CONTROL.search(cell) is None, cell


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
        r"\\(?:textbackslash|textasciicircum|textasciitilde|textless|textgreater|textbar)\{\}|\\[{}$&#_%]|\$\\times\$|\$-\$|\$\^\\dagger\$|\$\^\{\\circ\}\$",
        "",
        escaped,
    )
    assert not set(stripped) & set("\\{}$&#^_%~")


@given(st.text())
def test_mermaid_and_terminal_text(text: str) -> None:
    assert not set(mermaid_text(text)) & set(':;#%\n{}<>"`')
    assert all(ord(ch) >= 32 and not 127 <= ord(ch) < 160 for ch in terminal_text(text))


@given(st.text())
def test_no_format_lets_a_control_character_through(text: str) -> None:
    for escape in (csv_cell, html_text, markdown_text, latex_text, mermaid_text, terminal_text):
        assert CONTROL.search(escape(text)) is None, escape.__name__
    document = json_document({"k": text})
    assert CONTROL.search(document) is None
    assert json.loads(document) == {"k": text}


HOSTILE = "a\x1b[2Jb\x07c\x9bd\x7fe\u202ef\u2066g\rh\ti\nj"


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        (visible_text, "a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g\\x0dh\ti\nj"),
        (terminal_text, "a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g\\x0dh i j"),
        (csv_cell, "a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g\\x0dh\ti\nj"),
        (html_text, "a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g\\x0dh\ti\nj"),
        (
            markdown_text,
            "a\\\\x1b\\[2Jb\\\\x07c\\\\x9bd\\\\x7fe\\\\u202ef\\\\u2066g h\ti j",
        ),
        (
            latex_text,
            r"a\textbackslash{}x1b[2Jb\textbackslash{}x07c\textbackslash{}x9bd"
            r"\textbackslash{}x7fe\textbackslash{}u202ef\textbackslash{}u2066g h" + "\ti j",
        ),
        (mermaid_text, "a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g\\x0dh i j"),
    ],
)
def test_each_format_shows_control_characters_as_escapes(
    escape: Callable[[str], str], shown: str
) -> None:
    assert escape(HOSTILE) == shown


def test_json_escapes_control_characters_and_keeps_the_text() -> None:
    document = json_document({"t": HOSTILE, "ar": "\u0627"})
    assert document == (
        "{\n"
        '  "t": "a\\u001b[2Jb\\u0007c\\u009bd\\u007fe\\u202ef\\u2066g\\rh\\ti\\nj",\n'
        '  "ar": "\u0627"\n'
        "}"
    )
    assert json.loads(document) == {"t": HOSTILE, "ar": "\u0627"}


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
    latex = outputs["latex"].replace(r"\allowbreak{}", "")  # line breaks allowed in long words
    assert r"\textless{}script\textgreater{}" in latex
    assert r"=cmd\textbar{}' /C calc'!A0" in latex


def test_json_keeps_names_verbatim(outputs: dict[str, str]) -> None:
    names = {a["name"] for a in json.loads(outputs["json"])["actors"]}
    assert {SCRIPT, FORMULA} <= names


# --- the bundled dataset with control characters slipped past validation ------------------------

REPO = Path(__file__).resolve().parents[2]
INJECTED = "\x1b[31mred\x07 \x9b2J \u202eevil "


def _poisoned() -> Dataset:
    """The bundled dataset with control characters in an agreement's title and terms, an actor's
    name, an event's summary and a source's title: records validation would now refuse, as an
    importer or an events CSV could still hand them over."""
    dataset = load_dataset(REPO)
    agreement = next(a for a in dataset.agreements.values() if a.terms and a.participants)
    terms = [t.model_copy(update={"text": INJECTED + t.text}) for t in agreement.terms]
    dataset.agreements[agreement.id] = agreement.model_copy(
        update={"title": INJECTED + agreement.title, "terms": terms}
    )
    actor = dataset.actors[agreement.participants[0].actor]
    dataset.actors[actor.id] = actor.model_copy(update={"name": INJECTED + actor.name})
    for event_id in list(dataset.events)[:3]:
        event = dataset.events[event_id]
        dataset.events[event_id] = event.model_copy(update={"summary": INJECTED + event.summary})
    for source_id in list(dataset.sources):
        source = dataset.sources[source_id]
        dataset.sources[source_id] = source.model_copy(update={"title": INJECTED + source.title})
    return dataset


def _outputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """Every format of compare, show, timeline and export, run through the CLI."""
    dataset = _poisoned()
    poisoned_id = next(a.id for a in dataset.agreements.values() if a.title.startswith("\x1b"))
    monkeypatch.setattr("accords.dataset.load_dataset", lambda *args, **kwargs: dataset)
    monkeypatch.chdir(REPO)
    runs = [
        *(["compare", "-f", fmt] for fmt in ("text", "markdown", "csv", "json", "html", "latex")),
        *(["show", poisoned_id, "-f", fmt] for fmt in ("text", "markdown", "json")),
        *(["timeline", "-f", fmt] for fmt in ("text", "markdown", "mermaid", "json")),
        ["export", "-f", "json"],
        *(["export", "-f", "csv", "--table", table] for table in TABLES),
    ]
    outputs = {}
    for args in runs:
        result = run_accords(*args)
        assert result.code == 0, (args, result.output)
        outputs[" ".join(args)] = result.out
    for fmt in ("csv", "json"):
        folder = tmp_path / fmt
        assert run_accords("export", "-f", fmt, "--out", str(folder)).code == 0
        for path in sorted(folder.iterdir()):
            outputs[f"export --out {path.name}"] = path.read_text(encoding="utf-8")
    return outputs


def test_no_output_holds_a_raw_control_character(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    outputs = _outputs(monkeypatch, tmp_path)
    assert len(outputs) == 6 + 3 + 4 + 1 + len(TABLES) + 2 * len(TABLES)
    raw = {name: CONTROL.findall(text) for name, text in outputs.items() if CONTROL.search(text)}
    assert raw == {}
    # The injected text is there, shown: as \x1b (or \u001b in JSON), never as itself.
    shown = {name for name, text in outputs.items() if "x1b" in text or "u001b" in text}
    without = {"exclusions", "event_agreements", "citations"}  # tables that show no title
    expected = {name for name in outputs if not any(table in name for table in without)}
    expected.discard("timeline -f mermaid")  # a gantt chart labels its bars by id, not title
    assert shown == expected

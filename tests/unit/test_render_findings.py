"""The text renderer: the offending line with a caret, also on lines too long to show whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from accords.findings import CheckResult, Finding, Severity, Tally
from accords.render.findings import SOURCE_WINDOW, render_text, source_window


def test_a_short_line_is_shown_whole_with_the_caret_at_the_column() -> None:
    assert source_window("kind: cesefire", 7) == ("kind: cesefire", 6)


def test_a_long_line_shows_a_window_around_the_column() -> None:
    line = "a" * 10_000 + "X" + "b" * 10_000
    shown, caret = source_window(line, 10_001)
    assert shown == "… " + "a" * 50 + "X" + "b" * 49 + " …"
    assert shown[caret] == "X"


def test_the_window_keeps_to_the_start_and_the_end_of_the_line() -> None:
    line = "x" * 20_000
    assert source_window(line, 3) == ("x" * SOURCE_WINDOW + " …", 2)
    assert source_window(line, 20_000) == ("… " + "x" * SOURCE_WINDOW, 2 + SOURCE_WINDOW - 1)


def test_control_characters_and_tabs_move_the_caret_with_them() -> None:
    shown, caret = source_window("\x1b[2J\ttitle: X", 13)
    assert shown == "\\x1b[2J title: X"
    assert shown[caret] == "X"


@pytest.mark.parametrize("col", [1, 5_000, 19_999])
def test_the_rendered_caret_line_stays_short_on_a_20000_character_line(
    tmp_path: Path, col: int
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("title: " + "w" * 20_000 + "\n", encoding="utf-8")
    out = io.StringIO()
    render_text(
        CheckResult([Finding("E101", Severity.ERROR, "bad", str(path), 1, col)], Tally()), out
    )
    source, caret = out.getvalue().splitlines()[1:3]
    assert len(source) <= SOURCE_WINDOW + 10 and len(caret) <= SOURCE_WINDOW + 10
    assert (
        caret.endswith("^")
        and len(caret) - 1
        == source.index("|") + 2 + source_window("title: " + "w" * 20_000, col)[1]
    )

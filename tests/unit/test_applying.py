"""Applying fixes to files: only where the text still reads as the finding saw it, whole or not
at all, never over a file changed since it was checked, never renaming over a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.checking.applying import apply_fixes, locate
from accords.findings import Edit, Finding, Fix, FixSafety, Severity
from accords.loading.records import content_digest


def _finding(fix: Fix, path: str = "a.yaml") -> Finding:
    return Finding("E104", Severity.ERROR, "unknown word", path, 1, 1, fix=fix)


def _word_fix(path: str, line: int, col: int, old: str, new: str) -> Fix:
    return Fix(FixSafety.UNSAFE, f"replace {old}", (Edit(path, line, col, old, new),))


@pytest.mark.parametrize(
    ("text", "col", "span"),
    [
        ("roles: [mediatr]\n", 9, (8, 15, "mediator")),
        ("roles: ['mediatr']\n", 9, (9, 16, "mediator")),
        ('roles: ["mediatr"]  # x\n', 9, (9, 16, "mediator")),
        ("roles: mediatr\n", 8, (7, 14, "mediator")),
    ],
)
def test_an_edit_replaces_the_scalar_inside_its_quotes(
    text: str, col: int, span: tuple[int, int, str]
) -> None:
    assert locate(text, Edit("a.yaml", 1, col, "mediatr", "mediator")) == span


@pytest.mark.parametrize(
    ("text", "col"),
    [
        ("roles: [mediatrx]\n", 9),  # the scalar goes on: not the word the finding saw
        ('roles: ["mediatr\\x"]\n', 9),  # an escape inside the quotes
        ("roles: [party]\n", 9),  # the text moved
        ("roles: [mediatr]\n", 40),  # past the end of the line
    ],
)
def test_an_edit_is_not_placed_where_the_text_differs(text: str, col: int) -> None:
    assert locate(text, Edit("a.yaml", 1, col, "mediatr", "mediator")) is None


def test_an_edit_on_a_later_line_counts_lines_and_columns() -> None:
    text = "# note\r\nkind: ceasfire\r\n"
    assert locate(text, Edit("a.yaml", 2, 7, "ceasfire", "ceasefire")) == (14, 22, "ceasefire")


def _write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[Path, bytes]:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return path, content_digest(text.encode("utf-8"))


def test_a_file_changed_since_the_check_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "kind: ceasfire\n")
    path.write_text("kind: ceasfire  # fixed by hand\n", encoding="utf-8")
    finding = _finding(_word_fix("a.yaml", 1, 7, "ceasfire", "ceasefire"))
    applied = apply_fixes([finding], {"a.yaml": digest}, FixSafety.UNSAFE)
    assert applied.fixed == []
    assert applied.unapplied == [
        (finding, "a.yaml changed since it was checked; it is not written")
    ]
    assert path.read_text(encoding="utf-8") == "kind: ceasfire  # fixed by hand\n"


def test_overlapping_fixes_apply_the_first_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "kind: ceasfire\n")
    first = _finding(_word_fix("a.yaml", 1, 7, "ceasfire", "ceasefire"))
    second = _finding(_word_fix("a.yaml", 1, 7, "ceasfire", "cease-fire"))
    applied = apply_fixes([first, second], {"a.yaml": digest}, FixSafety.UNSAFE)
    assert applied.fixed == [first]
    assert applied.unapplied == [(second, "another fix edits the same text; run again to apply it")]
    assert path.read_text(encoding="utf-8") == "kind: ceasefire\n"


def test_a_fix_is_applied_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "a: rusia\nb: rusia\n")
    edits = (Edit("a.yaml", 1, 4, "rusia", "russia"), Edit("a.yaml", 2, 4, "rusya", "russia"))
    finding = _finding(Fix(FixSafety.UNSAFE, "replace", edits))
    applied = apply_fixes([finding], {"a.yaml": digest}, FixSafety.UNSAFE)
    assert applied.unapplied == [(finding, "a.yaml:2:4 no longer reads 'rusya'")]
    assert path.read_text(encoding="utf-8") == "a: rusia\nb: rusia\n"


def test_safe_fixes_only_leave_unsafe_ones_unapplied_and_unreported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "kind: ceasfire\n")
    finding = _finding(_word_fix("a.yaml", 1, 7, "ceasfire", "ceasefire"))
    applied = apply_fixes([finding], {"a.yaml": digest}, FixSafety.SAFE)
    assert (applied.fixed, applied.unapplied) == ([], [])
    assert path.read_text(encoding="utf-8") == "kind: ceasfire\n"


def test_a_rename_never_replaces_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, digest = _write(tmp_path, monkeypatch, "id: rusia\n")
    (tmp_path / "rusia.yaml").write_text("# someone else's notes\n", encoding="utf-8")
    fix = Fix(FixSafety.UNSAFE, "rename", rename=("a.yaml", "rusia.yaml"))
    finding = _finding(fix)
    applied = apply_fixes([finding], {"a.yaml": digest}, FixSafety.UNSAFE)
    assert applied.unapplied == [(finding, "rusia.yaml exists already; it is not replaced")]
    assert path.read_text(encoding="utf-8") == "id: rusia\n"
    assert (tmp_path / "rusia.yaml").read_text(encoding="utf-8") == "# someone else's notes\n"


def test_a_rename_moves_the_file_with_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "id: rusia  # kept\n")
    finding = _finding(Fix(FixSafety.UNSAFE, "rename", rename=("a.yaml", "rusia.yaml")))
    applied = apply_fixes([finding], {"a.yaml": digest}, FixSafety.UNSAFE)
    assert (applied.fixed, applied.unapplied) == ([finding], [])
    assert not path.exists()
    assert (tmp_path / "rusia.yaml").read_text(encoding="utf-8") == "id: rusia  # kept\n"


def test_a_linked_file_is_written_through_its_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = _write(tmp_path, monkeypatch, "kind: ceasfire\n")
    (tmp_path / "link.yaml").symlink_to("a.yaml")
    finding = _finding(_word_fix("link.yaml", 1, 7, "ceasfire", "ceasefire"))
    applied = apply_fixes([finding], {"link.yaml": digest}, FixSafety.UNSAFE)
    assert (applied.fixed, applied.unapplied) == ([finding], [])
    assert (tmp_path / "link.yaml").is_symlink()
    assert path.read_text(encoding="utf-8") == "kind: ceasefire\n"


def test_a_linked_file_is_not_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, digest = _write(tmp_path, monkeypatch, "id: rusia\n")
    (tmp_path / "link.yaml").symlink_to("a.yaml")
    finding = _finding(Fix(FixSafety.UNSAFE, "rename", rename=("link.yaml", "rusia.yaml")))
    applied = apply_fixes([finding], {"link.yaml": digest}, FixSafety.UNSAFE)
    assert applied.unapplied == [(finding, "link.yaml is a symbolic link; it is not renamed")]
    assert (tmp_path / "link.yaml").is_symlink() and not (tmp_path / "rusia.yaml").exists()
    assert path.read_text(encoding="utf-8") == "id: rusia\n"

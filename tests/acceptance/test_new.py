"""``accords new``: every scaffold validates, lands in its folder, and never overwrites."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accords.config import Layout
from accords.loading.records import load_file, parse_file
from accords.scaffold import KINDS, PLACEHOLDER_SOURCE, create, render
from support import run_accords


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "record_id", ["riverside-truce-2031", "2031", "true", "1e5", "null", "2016-02-30-x"]
)
def test_every_scaffold_validates(kind: str, record_id: str) -> None:
    text = render(kind, record_id, today=dt.date(2031, 5, 1))
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    loaded = parse_file(text.encode(), kind, "new.yaml")
    assert loaded.findings == [], (text, loaded.findings)
    assert loaded.record is not None
    records = getattr(loaded.record, "events", [loaded.record])
    assert [r.id for r in records] == [record_id]
    if kind != "source":
        assert PLACEHOLDER_SOURCE in text


@pytest.mark.parametrize(
    ("record_id", "date"),
    [
        ("2016-12-13-talks", "2016-12-13"),
        ("2016-12-talks", "2016-12"),
        ("2016-talks", "2016"),
        ("2016-02-30-x", "2031"),
        ("0000-02-29-first-leap-day", "0000-02-29"),
        ("9999-12-31-last-day", "9999-12-31"),
        ("0001-02-29-x", "2031"),
        ("talks", "2031"),
    ],
)
def test_an_event_takes_its_date_from_its_id(record_id: str, date: str) -> None:
    text = render("event", record_id, today=dt.date(2031, 5, 1))
    assert f'date: "{date}"' in text


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_into_the_kind_folder_and_prints_the_path(root: Path, kind: str) -> None:
    result = run_accords("new", kind, f"my-{kind}")
    assert result.code == 0, result.output
    path = Path(result.output.strip())
    assert not path.is_absolute()
    assert Layout().kind_by_folder_name(root / path) == kind
    assert path.name == f"my-{kind}.yaml"
    assert load_file(root / path, kind).findings == []
    # No temporary file is left behind by the atomic write.
    assert sorted(p.name for p in (root / path).parent.iterdir()) == [path.name]


def test_new_never_overwrites_without_force(root: Path) -> None:
    path = create(root, "actor", "river-front")
    path.write_text("my own edits\n", encoding="utf-8")
    result = run_accords("new", "actor", "river-front")
    assert result.code == 2, result.output
    assert "--force" in result.err
    assert path.read_text(encoding="utf-8") == "my own edits\n"
    forced = run_accords("new", "actor", "river-front", "--force")
    assert forced.code == 0, forced.output
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")


@pytest.mark.parametrize(
    "record_id", ["../escape", "a/b", "a\\b", "Ankara Deal", "", "x-", "x--y", "x" * 121, "é"]
)
def test_new_refuses_ids_that_are_not_kebab_case(root: Path, record_id: str) -> None:
    result = run_accords("new", "agreement", record_id)
    assert result.code == 2, result.output
    assert "not a valid id" in result.err
    assert sorted(p.name for p in root.iterdir()) == ["accords.toml"]


def test_new_refuses_an_unknown_kind(root: Path) -> None:
    result = run_accords("new", "treaty", "x")
    assert result.code == 2
    assert "treaty" in result.output


def test_a_failed_write_leaves_nothing_behind(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        create(root, "agreement", "half-written")
    assert list((root / "agreements").iterdir()) == []


def test_schema_never_replaces_a_hand_edited_schema_without_force(root: Path) -> None:
    hand = root / "schemas" / "agreement.schema.json"
    hand.parent.mkdir()
    hand.write_text('{"title": "my own schema"}\n', encoding="utf-8")
    result = run_accords("schema")
    assert result.code == 2, result.output
    assert hand.read_text(encoding="utf-8") == '{"title": "my own schema"}\n'
    forced = run_accords("schema", "--force")
    assert forced.code == 0, forced.output
    assert '"$id": "urn:accords:schema:agreement"' in hand.read_text(encoding="utf-8")
    assert not [p for p in hand.parent.iterdir() if p.name.endswith(".tmp")]

"""``accords export --format datapackage|sqlite``: tables whose keys hold, read back by the
tools they are for (frictionless, SQLite), on the bundled dataset and on the fixture."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import frictionless
import pytest

from accords.analysis.export import TABLES, export_tables
from accords.analysis.export_columns import SPEC_BY_NAME
from accords.dataset import load_dataset
from accords.render.export import csv_text
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"

#: The fixture's rows per table, counted by hand from tests/data/fixture-dataset.
FIXTURE_ROWS = {
    "agreements": 4,
    "participants": 15,
    "exclusions": 4,
    "positions": 5,
    "terms": 3,
    "events": 6,
    "event_agreements": 5,
    "citations": 65,
    "actors": 9,
}


def invalid_tasks(descriptor: Path) -> dict[str, list[str]]:
    """What frictionless finds wrong with a Data Package: error types by resource."""
    report = frictionless.validate(str(descriptor))
    return {
        task.name: [error.type for error in task.errors] for task in report.tasks if not task.valid
    }


def sqlite_rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()


def foreign_key_check(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA foreign_key_check").fetchall()


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["bundled", "fixture"])
def test_the_datapackage_is_valid_and_its_csv_files_are_the_csv_export(
    root: Path, tmp_path: Path
) -> None:
    result = run_accords("export", "--format", "datapackage", "-o", tmp_path / "pkg", cwd=root)
    assert result.code == 0, result.output
    assert result.out == ""
    written = sorted(p.name for p in (tmp_path / "pkg").iterdir())
    assert written == sorted([*(f"{t}.csv" for t in TABLES), "datapackage.json"])
    assert invalid_tasks(tmp_path / "pkg" / "datapackage.json") == {}
    for table in export_tables(load_dataset(root)):
        assert (tmp_path / "pkg" / f"{table.name}.csv").read_text("utf-8") == csv_text(table)


def test_the_datapackage_declares_every_key_of_the_table_definitions(tmp_path: Path) -> None:
    assert run_accords("export", "-f", "datapackage", "-o", tmp_path, cwd=FIXTURE).code == 0
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        spec = SPEC_BY_NAME[resource["name"]]
        schema = resource["schema"]
        assert [(f["name"], f["type"]) for f in schema["fields"]] == [
            (c.name, c.type) for c in spec.columns
        ]
        assert schema.get("primaryKey", []) == list(spec.primary_key)
        assert [
            (k["fields"], k["reference"]["resource"], k["reference"]["fields"])
            for k in schema.get("foreignKeys", [])
        ] == [([k.column], k.table, ["id"]) for k in spec.foreign_keys]


def test_a_broken_reference_is_a_warning_and_frictionless_finds_it(tmp_path: Path) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    river = root / "actors" / "river-front.yaml"
    river.rename(river.with_name("gone.yaml"))
    river.with_name("gone.yaml").write_text(
        river.with_name("gone.yaml").read_text("utf-8").replace("id: river-front", "id: gone"),
        encoding="utf-8",
    )
    result = run_accords("export", "-f", "datapackage", "-o", tmp_path / "pkg", cwd=root)
    assert result.code == 0, result.output
    warnings = [line for line in result.err.splitlines() if "warning" in line]
    assert warnings == [
        f"accords: warning: {table}.actor: {n} row(s) point at ids not in actors: 'river-front'; "
        "'accords check' reports the cause"
        for table, n in (("participants", 3), ("exclusions", 1))
    ]
    assert invalid_tasks(tmp_path / "pkg" / "datapackage.json") == {
        "participants": ["foreign-key"] * 3,
        "exclusions": ["foreign-key"],
    }
    assert run_accords("export", "-f", "sqlite", "-o", tmp_path / "a.db", cwd=root).code == 0
    broken = foreign_key_check(tmp_path / "a.db")
    assert sorted((table, parent) for table, _, parent, _ in broken) == [
        ("exclusions", "actors"),
        *[("participants", "actors")] * 3,
    ]


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["bundled", "fixture"])
def test_the_sqlite_file_holds_every_row_and_its_keys_hold(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "accords.db"
    result = run_accords("export", "--format", "sqlite", "--out", path, cwd=root)
    assert result.code == 0, result.output
    assert result.err == f"wrote {path}\n"
    assert foreign_key_check(path) == []
    for table in export_tables(load_dataset(root)):
        expected = [tuple(int(v) if isinstance(v, bool) else v for v in r) for r in table.rows]
        assert sqlite_rows(path, table.name) == expected, table.name
    if root == FIXTURE:
        counts = {t: len(sqlite_rows(path, t)) for t in TABLES}
        assert counts == FIXTURE_ROWS


def test_the_sqlite_tables_have_the_defined_keys(tmp_path: Path) -> None:
    path = tmp_path / "accords.db"
    assert run_accords("export", "-f", "sqlite", "-o", path, cwd=FIXTURE).code == 0
    with sqlite3.connect(path) as connection:
        for name, spec in SPEC_BY_NAME.items():
            info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
            assert [row[1] for row in info] == list(spec.column_names)
            key = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            assert key == list(spec.primary_key), name
            foreign = connection.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()
            assert sorted((row[3], row[2], row[4]) for row in foreign) == sorted(
                (k.column, k.table, "id") for k in spec.foreign_keys
            ), name


def test_a_key_held_twice_stops_the_export_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    truce = root / "agreements" / "riverside-truce-2031.yaml"
    text = truce.read_text("utf-8")
    assert text.count("{id: access,") == 1
    truce.write_text(text.replace("{id: access,", "{id: cessation,"), encoding="utf-8")
    for fmt, out in (("sqlite", tmp_path / "a.db"), ("datapackage", tmp_path / "pkg")):
        result = run_accords("export", "-f", fmt, "-o", out, cwd=root)
        assert result.code == 2, result.output
        assert result.err == (
            f"accords: error: --format {fmt} needs a unique key per row: terms: 2 rows have the "
            "key (agreement='riverside-truce-2031', term='cessation'). 'accords check' reports "
            "the cause; --format csv or json export the rows as they are\n"
        )
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset"]


@pytest.mark.parametrize(("fmt", "what"), [("sqlite", "FILE"), ("datapackage", "DIR")])
def test_a_keyed_format_needs_out(fmt: str, what: str) -> None:
    result = run_accords("export", "-f", fmt, cwd=FIXTURE)
    assert (result.code, result.err) == (2, f"accords: error: --format {fmt} needs --out {what}\n")


def test_existing_files_are_replaced_only_with_force(tmp_path: Path) -> None:
    db, pkg = tmp_path / "a.db", tmp_path / "pkg"
    db.write_text("mine\n", encoding="utf-8")
    pkg.mkdir()
    (pkg / "datapackage.json").write_text("mine\n", encoding="utf-8")
    for fmt, out in (("sqlite", db), ("datapackage", pkg)):
        refused = run_accords("export", "-f", fmt, "-o", out, cwd=FIXTURE)
        assert refused.code == 2 and "--force" in refused.err, refused.output
    assert db.read_text("utf-8") == "mine\n"
    assert sorted(p.name for p in pkg.iterdir()) == ["datapackage.json"]
    for fmt, out in (("sqlite", db), ("datapackage", pkg)):
        assert run_accords("export", "-f", fmt, "-o", out, "--force", cwd=FIXTURE).code == 0
    assert len(sqlite_rows(db, "actors")) == FIXTURE_ROWS["actors"]
    assert invalid_tasks(pkg / "datapackage.json") == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "pkg"]


def test_sqlite_refuses_a_folder(tmp_path: Path) -> None:
    result = run_accords("export", "-f", "sqlite", "-o", tmp_path, "--force", cwd=FIXTURE)
    assert (result.code, result.err) == (
        2,
        f"accords: error: {tmp_path} is a folder; --format sqlite writes one file\n",
    )


def test_some_tables_keep_only_the_keys_among_them(tmp_path: Path) -> None:
    args = ("--table", "participants", "--table", "actors")
    result = run_accords("export", "-f", "datapackage", "-o", tmp_path / "pkg", *args, cwd=FIXTURE)
    assert result.code == 0, result.output
    package = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in package["resources"]}
    assert keys == {
        "participants": [
            {"fields": ["actor"], "reference": {"resource": "actors", "fields": ["id"]}}
        ],
        "actors": [],
    }
    assert invalid_tasks(tmp_path / "pkg" / "datapackage.json") == {}
    db = tmp_path / "some.db"
    assert run_accords("export", "-f", "sqlite", "-o", db, *args, cwd=FIXTURE).code == 0
    assert foreign_key_check(db) == []
    assert len(sqlite_rows(db, "participants")) == FIXTURE_ROWS["participants"]


def test_the_sqlite_file_respects_the_umask(tmp_path: Path) -> None:
    import os

    previous = os.umask(0o002)
    try:
        assert run_accords("export", "-f", "sqlite", "-o", tmp_path / "a.db", cwd=FIXTURE).code == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "a.db").stat().st_mode & 0o777 == 0o664


def test_an_unwritable_out_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    for fmt, out in (("sqlite", "file/a.db"), ("datapackage", "file/pkg")):
        result = run_accords("export", "-f", fmt, "-o", tmp_path / out, cwd=FIXTURE)
        assert result.code == 2, result.output
        assert result.err.startswith(f"accords: error: cannot write {tmp_path / out}"), result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]

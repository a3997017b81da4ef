"""The committed schemas/ match the models, carry help for every field, and drift is caught."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accords.model import FILE_MODELS, FOLDERS
from accords.schema import DIALECT, generate, render, schema_id, schema_path, stamp
from support import run_accords

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", sorted(FILE_MODELS))
def test_committed_schema_equals_generated(kind: str) -> None:
    path = schema_path(REPO, kind)
    assert path.is_file(), f"{path} is missing; run 'accords schema'"
    assert path.read_text(encoding="utf-8") == render(kind), (
        f"{path} is out of date; run 'accords schema' and commit the result"
    )


@pytest.mark.parametrize("kind", sorted(FILE_MODELS))
def test_schema_header(kind: str) -> None:
    schema = json.loads(schema_path(REPO, kind).read_text(encoding="utf-8"))
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == schema_id(kind)
    assert schema["title"] and schema["description"]
    assert schema["examples"], f"{kind}: no example"


def _properties(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every (json-pointer, subschema) of a property, at any depth, $defs included."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for name, sub in props.items():
                yield f"{where}/properties/{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{where}/{index}")


@pytest.mark.parametrize("kind", sorted(FILE_MODELS))
def test_every_field_has_a_description(kind: str) -> None:
    schema = json.loads(schema_path(REPO, kind).read_text(encoding="utf-8"))
    found = list(_properties(schema, "#"))
    assert found, f"{kind}: the walk found no properties at all"
    bare = [where for where, sub in found if not str(sub.get("description", "")).strip()]
    assert not bare, f"{kind}: fields without a description (editors show no help): {bare}"


def test_every_model_example_is_valid(tmp_path: Path) -> None:
    for kind, model in FILE_MODELS.items():
        schema = json.loads(schema_path(REPO, kind).read_text(encoding="utf-8"))
        for example in schema["examples"]:
            model.model_validate(example)


def test_schema_check_passes_on_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_accords("schema", "--check", cwd=REPO).code == 0


def _copy_dataset(tmp_path: Path) -> Path:
    root = tmp_path / "ds"
    root.mkdir()
    (root / "accords.toml").write_text("", encoding="utf-8")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


def test_schema_check_fails_on_a_tampered_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_dataset(tmp_path)
    path = schema_path(root, "agreement")
    tampered = json.loads(path.read_text(encoding="utf-8"))
    tampered["properties"]["kind"]["description"] = "edited by hand"
    path.write_text(json.dumps(tampered, indent=2) + "\n", encoding="utf-8")
    run = run_accords("schema", "--check", cwd=root)
    assert run.code == 1
    assert "agreement.schema.json: out of date" in run.out


def test_schema_check_fails_on_a_missing_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_dataset(tmp_path)
    schema_path(root, "event").unlink()
    run = run_accords("schema", "--check", cwd=root)
    assert run.code == 1
    assert "event.schema.json: missing" in run.out


def test_schema_regenerates_what_drifted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy_dataset(tmp_path)
    schema_path(root, "actor").write_text("{}\n", encoding="utf-8")
    schema_path(root, "source").unlink()
    assert run_accords("schema", "--force", cwd=root).code == 0
    for kind in FILE_MODELS:
        assert schema_path(root, kind).read_text(encoding="utf-8") == render(kind)
    assert run_accords("schema", "--check", cwd=root).code == 0


def _bundled_files() -> list[tuple[str, Path]]:
    return [
        (kind, path)
        for kind, folder in FOLDERS.items()
        for path in sorted((REPO / folder).rglob("*.yaml"))
    ]


@pytest.mark.skipif(not _bundled_files(), reason="no bundled dataset in this checkout")
def test_bundled_files_name_the_schema_of_their_kind() -> None:
    """Editors find the schema from the first line; it must resolve to the right file."""
    wrong = []
    for kind, path in _bundled_files():
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        prefix = "# yaml-language-server: $schema="
        target = (
            (path.parent / first[len(prefix) :]).resolve() if first.startswith(prefix) else None
        )
        if target != schema_path(REPO, kind).resolve():
            wrong.append(f"{path.relative_to(REPO)}: {first[:80]!r}")
    assert not wrong, "files whose first line does not point at their schema:\n" + "\n".join(wrong)


def test_a_hand_edit_that_keeps_the_generated_id_is_kept_and_named(tmp_path: Path) -> None:
    root = _copy_dataset(tmp_path)
    path = schema_path(root, "actor")
    edited = path.read_text(encoding="utf-8").replace(
        '"title": "accords actor"', '"title": "our actors"'
    )
    path.write_text(edited, encoding="utf-8")
    refused = run_accords("schema", cwd=root)
    assert refused.code == 2
    assert refused.err == (
        "accords: error: kept schema files changed since accords wrote them: "
        "schemas/actor.schema.json: /title differ from the models' schema. "
        "Pass --force to replace them with what the models generate\n"
    )
    assert path.read_text(encoding="utf-8") == edited
    assert run_accords("schema", "--force", cwd=root).code == 0
    assert path.read_text(encoding="utf-8") == render("actor")


def test_a_schema_accords_wrote_from_older_models_is_replaced_without_force(
    tmp_path: Path,
) -> None:
    root = _copy_dataset(tmp_path)
    path = schema_path(root, "actor")
    older = {**generate("actor"), "description": "An actor, as an older accords described it."}
    path.write_text(stamp(older), encoding="utf-8")
    result = run_accords("schema", cwd=root)
    assert result.code == 0, result.output
    assert path.read_text(encoding="utf-8") == render("actor")

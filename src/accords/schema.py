"""JSON Schemas generated from the models: written to ``schemas/``, checked for drift.

The committed schemas are what editors (yaml-language-server) and other validators use; a test
and ``accords schema --check`` fail when they differ from what the models generate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accords.model import FILE_MODELS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"

_TITLES = {
    "agreement": "accords agreement",
    "actor": "accords actor",
    "event": "accords events file",
    "source": "accords source",
    "scenario": "accords scenario",
}

_EXAMPLES: dict[str, dict[str, Any]] = {
    "agreement": {
        "id": "riverside-truce-2031",
        "title": "Riverside humanitarian truce",
        "kind": "ceasefire",
        "dates": {"announced": "2031-03-02", "effective": "2031-03-04"},
        "participants": [{"actor": "northland", "roles": ["mediator", "guarantor"]}],
        "exclusions": [{"actor": "black-flag", "scope": "protection", "manner": "explicit"}],
        "sources": ["daily-2031-03-03"],
    },
    "actor": {
        "id": "river-front",
        "kind": "armed-group",
        "name": "River Front",
        "aliases": ["RF"],
        "names": [{"name": "River Brigade", "until": "2030-06"}],
        "sources": ["daily-2031-03-03"],
    },
    "event": {
        "events": [
            {
                "id": "2031-03-10-riverside-shelling",
                "date": "2031-03-10",
                "kind": "shelling",
                "summary": "Shelling of the eastern quarter ends the truce.",
                "agreements": [{"agreement": "riverside-truce-2031", "effect": "ended"}],
                "sources": ["weekly-2031-03-09"],
            }
        ]
    },
    "source": {
        "id": "daily-2031-03-03",
        "title": "Truce announced in Riverside",
        "publisher": "The Daily",
        "published": "2031-03-03",
        "kind": "news",
    },
    "scenario": {
        "id": "riverside-holds",
        "title": "Will the Riverside truce hold?",
        "expectations": [
            {
                "id": "collapse-by-april",
                "claim": "The truce collapses before April.",
                "deadline": "2031-04-01",
                "resolves_when": {
                    "outcome": {"agreement": "riverside-truce-2031", "status": ["collapsed"]}
                },
            }
        ],
    },
}


@dataclass(frozen=True)
class SchemaDrift:
    """A committed schema file that differs from the generated one (or is missing)."""

    path: Path
    missing: bool


def schema_id(kind: str) -> str:
    return f"urn:accords:schema:{kind}"


def generate(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file of the given record kind."""
    model = FILE_MODELS[kind]
    body = model.model_json_schema(by_alias=True, mode="validation")
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(kind),
        "title": _TITLES[kind],
        "description": (model.__doc__ or "").strip().splitlines()[0],
        "examples": [_EXAMPLES[kind]],
    }
    body.pop("title", None)
    body.pop("description", None)
    schema.update(body)
    return schema


def render(kind: str) -> str:
    return json.dumps(generate(kind), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def schema_path(root: Path, kind: str) -> Path:
    return root / SCHEMA_DIR / f"{kind}.schema.json"


def drift(root: Path) -> list[SchemaDrift]:
    """Committed schemas that differ from the generated ones."""
    problems = []
    for kind in FILE_MODELS:
        path = schema_path(root, kind)
        if not path.is_file():
            problems.append(SchemaDrift(path, missing=True))
        elif path.read_text(encoding="utf-8") != render(kind):
            problems.append(SchemaDrift(path, missing=False))
    return problems


def rendered_all() -> dict[str, str]:
    """Every schema, keyed by record kind."""
    return {kind: render(kind) for kind in FILE_MODELS}

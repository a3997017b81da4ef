"""The lower bounds that CI installs are the ones pyproject.toml declares."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _declared() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    bounds: dict[str, str] = {}
    for requirement in requirements:
        match = re.match(r"^([A-Za-z0-9_.-]+)>=([0-9][0-9.]*)", requirement)
        if match:
            bounds[match.group(1).lower()] = match.group(2)
    return bounds


def _pinned() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / ".ci" / "lower-bounds.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def _release(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_every_lower_bound_is_pinned_at_exactly_that_version() -> None:
    declared, pinned = _declared(), _pinned()
    assert sorted(declared) == sorted(pinned)
    assert {n: _release(v) for n, v in declared.items()} == {
        n: _release(v) for n, v in pinned.items()
    }

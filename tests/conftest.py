"""Shared fixtures: paths to the repository, the bundled dataset and the test data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


@pytest.fixture
def repo() -> Path:
    return REPO

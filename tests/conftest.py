"""Shared fixtures: paths to the repository, the bundled dataset and the test data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


def pytest_configure(config: pytest.Config) -> None:
    """Datasets loaded while tests are collected (module-level fixtures) cache outside the
    repository too; each test then gets a folder of its own (below)."""
    os.environ["ACCORDS_CACHE_DIR"] = tempfile.mkdtemp(prefix="accords-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("ACCORDS_CACHE_DIR", ""), ignore_errors=True)


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test caches in a folder of its own, never in the repository or a test's dataset:
    each run starts cold, and the tests of the cache turn it off or move it themselves."""
    monkeypatch.delenv("ACCORDS_NO_CACHE", raising=False)
    monkeypatch.setenv("ACCORDS_CACHE_DIR", str(tmp_path_factory.mktemp("accords-cache")))
    # Files are read in this process, as the command line reads fewer than 1,000; the tests of
    # worker processes (test_yaml_workers.py) ask for them.
    monkeypatch.setenv("ACCORDS_WORKERS", "1")


@pytest.fixture
def cache_dir() -> Path:
    """The cache folder of the test (see above)."""
    return Path(os.environ["ACCORDS_CACHE_DIR"])

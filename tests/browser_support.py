"""Headless Chromium for the browser tests: the system's ``chromium``, driven by playwright.

No browser is downloaded: the tests use Debian's ``chromium`` (``.ci/run`` installs it when it
can), or the executable named by ``ACCORDS_CHROMIUM``. Where neither playwright nor a Chromium
can be had, the tests skip and say which is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

#: Chromium without a sandbox (containers run as root), a GPU or any network chatter.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}


def chromium_path() -> str:
    """The Chromium to drive; skips the test, saying why, when there is none."""
    named = os.environ.get("ACCORDS_CHROMIUM")
    found = named or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("no Chromium: install Debian's chromium (.ci/run does) or set ACCORDS_CHROMIUM")
    return found


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser for the length of the block."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = chromium_path()
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()

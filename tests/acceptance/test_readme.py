"""The README's generated blocks match what the commands print today.

A block starts with ``<!-- generated: accords ARGS -->`` and ends with ``<!-- end generated -->``;
its content is the exact output of ``accords ARGS`` run at the repository root. To refresh every
block after changing the data: ``ACCORDS_REGEN_README=1 pytest tests/acceptance/test_readme.py``.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from support import history_missing, run_accords

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(
    r"(<!-- generated: accords (?P<args>[^>]*?) -->\n)(?P<body>.*?)(<!-- end generated -->)",
    re.DOTALL,
)


def _run(args: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(README.parent)
    result = run_accords(*shlex.split(args))
    assert result.code == 0, f"accords {args} exited {result.code}:\n{result.output}"
    return result.output


def test_readme_has_generated_blocks() -> None:
    assert BLOCK.search(README.read_text(encoding="utf-8")), "README lost its generated blocks"


def test_generated_blocks_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    if os.environ.get("ACCORDS_REGEN_README"):
        text = BLOCK.sub(
            lambda m: m.group(1) + _run(m.group("args"), monkeypatch) + m.group(4), text
        )
        README.write_text(text, encoding="utf-8")
    missing = history_missing(README.parent)
    for match in BLOCK.finditer(text):
        if match.group("args").startswith("changes ") and missing:
            continue  # compares two commits of the history, which this checkout lacks
        expected = _run(match.group("args"), monkeypatch)
        assert match.group("body") == expected, (
            f"README block for 'accords {match.group('args')}' is stale; refresh it with "
            "ACCORDS_REGEN_README=1 pytest tests/acceptance/test_readme.py"
        )

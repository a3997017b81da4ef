"""Helpers shared by the commands: finding output, exit codes, the dataset root."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accords.findings import Finding, Severity

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class FindingsFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def emit_findings(findings: Sequence[Finding], fmt: FindingsFormat, fail_on: Severity) -> int:
    """Render findings to stdout; the exit code says whether any reaches ``fail_on``."""
    from accords.render.findings import renderer

    renderer(fmt.value)(findings, sys.stdout)
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in findings) else EXIT_CLEAN

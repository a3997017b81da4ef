"""``validate``: structure only, one file at a time, nothing kept but the findings."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from accords.findings import Finding
from accords.loading.discovery import RecordFile
from accords.loading.records import load_file


def validate_files(files: Iterable[RecordFile]) -> list[Finding]:
    """Every structural finding of every file, in file order."""
    findings: list[Finding] = []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for record_file in files:
            loaded = load_file(record_file.path, record_file.kind, record_file.display)
            findings.extend(loaded.findings)
    finally:
        if was_enabled:
            gc.enable()
    return findings

"""``validate``: structure only, one file at a time, nothing kept but the findings."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path

from accords.config import Selection, load_selection
from accords.errors import DatasetNotFound, UsageError
from accords.findings import Finding
from accords.loading.discovery import RecordFile, dataset_files, find_root, select_files
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


def validate_paths(
    paths: Sequence[Path] = (), kind: str | None = None
) -> tuple[list[Finding], Selection]:
    """Validate the given files or folders (default: the whole dataset found from here).

    Returns the findings that the dataset's ``accords.toml`` selects, and that selection (its
    ``fail_on`` decides the exit code). Files outside a dataset need ``paths``; ``kind`` names the
    record kind of every given file, wherever it is kept.
    """
    try:
        root: Path | None = find_root()
    except DatasetNotFound:
        if not paths:
            raise
        root = None
    if kind is not None and not paths:
        raise UsageError("--kind needs the files it applies to")
    if paths:
        files = select_files(paths, root, kind)
    else:
        assert root is not None  # find_root raised otherwise
        files = dataset_files(root)
    if not files:
        raise UsageError("no YAML files to validate" + (" in the given paths" if paths else ""))
    # Validation reports structure codes only, so only the structure rules need loading.
    from accords.rules import structure  # noqa: F401  (registers the structure rules)
    from accords.rules.registry import RULES, defaults_off

    selection = load_selection(root)
    return selection.apply(validate_files(files), defaults_off(RULES)), selection

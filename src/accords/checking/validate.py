"""``validate``: structure only, one file at a time, nothing kept but the findings."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from accords.config import load_config
from accords.errors import DatasetNotFound, UsageError
from accords.findings import CheckResult, Finding, Tally
from accords.loading.discovery import (
    RecordFile,
    dataset_files,
    find_root,
    nothing_found,
    select_files,
)
from accords.loading.records import LoadedFile, read_record_file
from accords.model import EventFile


def validate_files(files: Iterable[RecordFile]) -> tuple[list[Finding], Tally]:
    """Every structural finding of every file, in file order, and what was read."""
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    read = 0
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for record_file in files:
            loaded = read_record_file(record_file)
            read += 1
            findings.extend(loaded.findings)
            if loaded.kind is not None and loaded.record is not None:
                counts[loaded.kind] = counts.get(loaded.kind, 0) + _records_in(loaded)
    finally:
        if was_enabled:
            gc.enable()
    return findings, Tally(counts, read)


def _records_in(loaded: LoadedFile) -> int:
    return len(loaded.record.events) if isinstance(loaded.record, EventFile) else 1


def validate_paths(paths: Sequence[Path] = (), kind: str | None = None) -> CheckResult:
    """Validate the given files or folders (default: the whole dataset found from here).

    Reports the findings that the dataset's ``accords.toml`` selects; its ``fail_on`` decides
    the exit code. Files outside a dataset need ``paths``; ``kind`` names the record kind of
    every given file, wherever it is kept.
    """
    began = time.perf_counter()
    try:
        root: Path | None = find_root()
    except DatasetNotFound:
        if not paths:
            raise
        root = None
    if kind is not None and not paths:
        raise UsageError("--record-kind needs the files it applies to")
    config = load_config(root)
    if paths:
        files = select_files(paths, root, config.layout, kind)
    else:
        assert root is not None  # find_root raised otherwise
        files = dataset_files(root, config.layout)
    if not files and paths:
        raise UsageError("no YAML files to validate in the given paths")
    if not files:
        assert root is not None
        raise nothing_found(root, config.layout)
    # Validation reports structure codes only, so only the structure rules need loading.
    from accords.checking import structure  # noqa: F401  (registers the structure rules)
    from accords.checking.registry import RULES, check_codes, defaults_off

    check_codes(config.selection.settings())
    findings, tally = validate_files(files)
    tally = Tally(tally.records, tally.files, time.perf_counter() - began)
    kept = config.selection.apply(findings, defaults_off(RULES))
    return CheckResult(kept, tally, config.selection.fail_on, verb="Validated")

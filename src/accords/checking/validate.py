"""``validate``: structure only, every file read once, nothing kept but the findings."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from accords.findings import CheckResult, Finding, Tally
from accords.loading.cache import SummaryCache, cache_folder
from accords.loading.discovery import RecordFile, chosen_files


def validate_files(
    files: Iterable[RecordFile], cache: Path | None = None
) -> tuple[list[Finding], Tally]:
    """Every structural finding of every file, in file order, and what was read.

    ``cache`` is the cache folder: files whose content an earlier run validated are not read
    again (:mod:`accords.loading.cache`).
    """
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    read = 0
    summaries = SummaryCache(cache)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for summary in summaries.load_many(files):
            read += 1
            findings.extend(summary.findings)
            if summary.kind is not None:
                counts[summary.kind] = counts.get(summary.kind, 0) + summary.records
        summaries.save()
    finally:
        if was_enabled:
            gc.enable()
    return findings, Tally(counts, read)


def _quietly(step: str) -> None:
    """Where no one is shown the steps of a run."""


def validate_paths(
    paths: Sequence[Path] = (),
    kind: str | None = None,
    *,
    cache: bool = True,
    step: Callable[[str], None] = _quietly,
) -> CheckResult:
    """Validate the given files or folders (default: the whole dataset found from here).

    Reports the findings that the dataset's ``accords.toml`` selects; its ``fail_on`` decides
    the exit code. Files outside a dataset need ``paths``; ``kind`` names the record kind of
    every given file, wherever it is kept. ``cache`` lets unchanged files come from the cache.
    ``step`` is told each step as it starts (the command line shows it).
    """
    began = time.perf_counter()
    root, config, files = chosen_files(paths, "validate", kind)
    # Validation reports structure codes only, so only the structure rules need loading.
    from accords.checking import structure  # noqa: F401  (registers the structure rules)
    from accords.checking.registry import RULES, check_codes, defaults_off

    check_codes(config.selection.settings())
    step(f"validating {len(files):,} files")
    findings, tally = validate_files(files, cache_folder(root) if cache else None)
    tally = Tally(tally.records, tally.files, time.perf_counter() - began)
    kept = config.selection.apply(findings, defaults_off(RULES))
    return CheckResult(kept, tally, config.selection.fail_on, verb="Validated")

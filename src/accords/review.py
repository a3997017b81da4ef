"""What changed in the record between two git revisions: both versions loaded, checked and
compared (``accords changes``)."""

from __future__ import annotations

from pathlib import Path

from accords.analysis.changes import ChangesResult, Version
from accords.analysis.changes import changes as compare_versions
from accords.checking.runner import run_checks
from accords.dataset import load_dataset, load_revision
from accords.loading.discovery import find_root
from accords.loading.revisions import Repository


def record_changes(base: str, to: str | None = None, start: Path | None = None) -> ChangesResult:
    """Load the dataset found from ``start`` at ``base`` and at ``to`` (or as it is on disk),
    check both, and compare them."""
    root = find_root(start)
    repository = Repository(root)
    old = repository.revision(base)
    new = repository.revision(to) if to is not None else None
    before = load_revision(root, old, repository)
    after = load_revision(root, new, repository) if new is not None else load_dataset(root)
    target = Version(new.name, new.commit) if new is not None else Version("the working tree")
    return compare_versions(
        before,
        after,
        (run_checks(before), run_checks(after)),
        versions=(Version(old.name, old.commit), target),
    )

"""Findings introduced and fixed between two versions of a dataset.

Lines move when a file is edited above a finding, so findings are matched not by line but by
what they are about: their code, the record they are in (its id, or the file when it holds no
valid record), the key path of the value they point at, and their message. A renamed record's
findings are matched under its new id. A finding on the new side with no match on the old is
introduced; one on the old side with no match on the new is fixed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accords.dataset import Dataset
from accords.findings import Finding, Location
from accords.model import EventFile
from accords.model.walk import KeyPath

if TYPE_CHECKING:
    from accords.loading.records import LoadedFile

#: What a finding is about, whatever line it is on: code, record, key path, message.
FindingKey = tuple[str, str, KeyPath, str]


@dataclass(frozen=True)
class FindingChanges:
    """The findings only in the new version (``introduced``, at their new locations) and only
    in the old one (``fixed``, at their old locations), in report order."""

    introduced: tuple[Finding, ...] = ()
    fixed: tuple[Finding, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.introduced or self.fixed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "introduced": [f.to_dict() for f in self.introduced],
            "fixed": [f.to_dict() for f in self.fixed],
        }


def finding_changes(
    before: Dataset,
    after: Dataset,
    old: list[Finding],
    new: list[Finding],
    renames: Mapping[str, str],
) -> FindingChanges:
    """Match ``old`` findings (of ``before``) against ``new`` ones (of ``after``)."""
    old_keys = _Keys(before, renames)
    new_keys = _Keys(after, {})
    old_counts = Counter(old_keys.key(f) for f in old)
    new_counts = Counter(new_keys.key(f) for f in new)
    return FindingChanges(
        tuple(_unmatched(new, new_keys, old_counts)),
        tuple(_unmatched(old, old_keys, new_counts)),
    )


def _unmatched(findings: list[Finding], keys: _Keys, other: Counter[FindingKey]) -> list[Finding]:
    """The findings left over once each is matched with one of the same key on the other side."""
    left = Counter(other)
    unmatched = []
    for finding in findings:
        key = keys.key(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            unmatched.append(finding)
    return unmatched


class _Keys:
    """Tells the key of a finding in one dataset: its file's record and the key path at its
    location (the deepest one recorded there)."""

    def __init__(self, dataset: Dataset, renames: Mapping[str, str]) -> None:
        self.files = {f.path: f for f in dataset.files}
        self.renames = renames
        self.paths: dict[str, dict[Location, KeyPath]] = {}

    def key(self, finding: Finding) -> FindingKey:
        loaded = self.files.get(finding.path)
        if loaded is None:
            return (finding.code, finding.path, (), finding.message)
        key_path = self._key_path(loaded, (finding.line, finding.col))
        record, key_path = _record_of(loaded, key_path)
        record = self.renames.get(record, record) if record is not None else finding.path
        return (finding.code, record, key_path, finding.message)

    def _key_path(self, loaded: LoadedFile, location: Location) -> KeyPath:
        paths = self.paths.get(loaded.path)
        if paths is None:
            paths = {}
            doc = loaded.doc
            for table in (doc.locations, doc.key_locations):
                for key_path, at in table.items():
                    if len(key_path) >= len(paths.get(at, ())):
                        paths[at] = key_path
            self.paths[loaded.path] = paths
        return paths.get(location, ())


def _record_of(loaded: LoadedFile, key_path: KeyPath) -> tuple[str | None, KeyPath]:
    """The id of the record a key path lies in, and the key path within that record, each list
    index of an item with an id written as that id, since items move when others are added."""
    record, value = loaded.record, loaded.doc.value
    if isinstance(record, EventFile):
        if len(key_path) >= 2 and key_path[0] == "events" and isinstance(key_path[1], int):
            index = key_path[1]
            if index < len(record.events):
                return record.events[index].id, _by_id(value["events"][index], key_path[2:])
        return None, _by_id(value, key_path)
    record_id = getattr(record, "id", None)
    return (record_id if isinstance(record_id, str) else None), _by_id(value, key_path)


def _by_id(value: Any, key_path: KeyPath) -> KeyPath:
    """``key_path`` with each index of a list item that has an ``id`` replaced by ``#id``."""
    stable: list[str | int] = []
    for step in key_path:
        try:
            value = value[step]
        except (LookupError, TypeError):
            value = None
        item_id = value.get("id") if isinstance(step, int) and isinstance(value, dict) else None
        stable.append(f"#{item_id}" if isinstance(item_id, str) else step)
    return tuple(stable)

"""A cache of whole check results, so that checking an unchanged dataset again runs no rule.

The rules read the whole record at once, so their findings are kept for the record as a whole:
an entry holds the findings and the tally of one run, keyed by everything they depend on:

* the code that made them (the fingerprint of :mod:`accords.loading.cache`);
* the working directory (findings show paths from it), the dataset root, the texts folder, the
  rule selection, options included, and the bytes of ``accords.toml``;
* every record file: where it is, how it is shown, its kind as far as known before reading, and
  its bytes (or why they could not be read);
* the archived texts the rules read: each one's bytes, or that it was not there, checked again
  before the entry is used.

Change any of it and the entry is not used: the records are loaded (unchanged files from the
record cache) and every rule runs. An events file is not part of the key: the entry holds the
record's own findings, and a check against an events file adds those of the events checks,
which run on every run. A check that fixes is never answered from here, and a run in which a
rule crashed is never kept. The entries live in the same folder and file format as the record
cache's (:mod:`accords.loading.cache_pack`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accords.checking.internal import INTERNAL_ERROR
from accords.config import CONFIG_NAME
from accords.findings import Finding
from accords.loading.cache import (
    FileContents,
    are_findings,
    cache_folder,
    content_key,
    open_pack,
)
from accords.loading.cache_pack import dump_entry, load_entry
from accords.loading.texts import text_state

if TYPE_CHECKING:
    from accords.config import Selection
    from accords.dataset import Dataset
    from accords.loading.discovery import RecordFile

_PURPOSE = "results"


@dataclass(frozen=True, slots=True)
class CheckedBefore:
    """What an earlier run on the same input found: its findings and what it read."""

    findings: list[Finding]
    records: dict[str, int]
    files: int


class ResultCache:
    """The kept result of checking one dataset with one selection."""

    def __init__(
        self,
        root: Path,
        files: list[RecordFile],
        texts: Path | None,
        selection: Selection,
        contents: FileContents,
    ) -> None:
        self._pack = open_pack(cache_folder(root), _PURPOSE)
        self._texts = texts
        self._where = "\0".join((os.getcwd(), str(root.resolve()), str(texts), repr(selection)))
        self._key = _files_key(root, files, texts, contents) if self._pack.path else b""

    def lookup(self) -> CheckedBefore | None:
        """The result of an earlier run on exactly this input, or ``None``."""
        blob = self._pack.lookup(self._where, self._key)
        if blob is None:
            return None
        try:
            stored = _decoded(load_entry(blob))
        except Exception:  # an entry accords did not write: check afresh
            return None
        if stored is None:
            return None
        found, texts_read = stored
        if any(text_state(self._texts, name) != state for name, state in texts_read):
            return None
        return found

    def store(self, findings: list[Finding], dataset: Dataset) -> None:
        """Keep this run's result for the next run on the same input."""
        crashed = any(finding.code == INTERNAL_ERROR.code for finding in findings)
        if self._pack.path is None or crashed:
            return
        tally = dataset.tally()
        archive = dataset.archive
        texts_read = sorted(archive.states.items()) if archive is not None else []
        entry = (findings, tally.records, tally.files, texts_read)
        self._pack.store(self._where, self._key, dump_entry(entry))
        self._pack.save()


def _files_key(
    root: Path, files: list[RecordFile], texts: Path | None, contents: FileContents
) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"texts folder: {texts is not None and texts.is_dir()}\0".encode())
    try:
        hasher.update((root / CONFIG_NAME).read_bytes())  # its layout, names and selection
    except OSError:  # gone since it was read: the next run reads it again
        hasher.update(b"\0no configuration")
    for record_file in files:
        data, problem = contents.read(record_file)
        where = os.path.abspath(record_file.path)
        hasher.update(f"{where}\0{record_file.display}\0".encode("utf-8", "surrogateescape"))
        if data is None:
            reason = problem.message if problem is not None else ""
            hasher.update(f"unread: {reason}\0".encode("utf-8", "surrogateescape"))
        else:
            hasher.update(content_key(data, record_file))
    return hasher.digest()


def _decoded(stored: Any) -> tuple[CheckedBefore, list[tuple[str, bytes | None]]] | None:
    findings, records, files, texts_read = stored
    if not (
        are_findings(findings)
        and isinstance(records, dict)
        and all(isinstance(k, str) and type(v) is int for k, v in records.items())
        and type(files) is int
        and isinstance(texts_read, list)
        and all(
            isinstance(name, str) and isinstance(state, bytes | None) for name, state in texts_read
        )
    ):
        return None
    return CheckedBefore(findings, records, files), texts_read

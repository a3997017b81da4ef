"""A content-hash cache of loaded files, so that a run on an unchanged dataset parses nothing.

Each file's entry is keyed, as ruff and mypy key theirs, by everything its result depends on:
the file's bytes (blake2b), the record kind named for it and the kind of the folder it is kept
in, and a fingerprint of the code that reads it (accords' version and modules, Python, pydantic,
PyYAML). What is kept is what reading the file gave: its kind, value, the locations of its keys
and values, its findings and its validated record. Findings are stored without the file's
displayed path (it depends on the working directory) and get the current one back when read.

The rules read the whole record at once; their findings are kept for the record as a whole
(:mod:`accords.checking.result_cache`), and any change to it runs them all again.

The cache lives in ``.accords_cache/`` at the dataset root, or in ``ACCORDS_CACHE_DIR``;
``ACCORDS_NO_CACHE=1`` (or ``--no-cache``) turns it off. The file format and what makes an
entry trustworthy are in :mod:`accords.loading.cache_pack`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from accords.findings import Finding
from accords.loading.cache_pack import Pack, digest, dump_entry, load_entry, read_pack
from accords.loading.discovery import RecordFile
from accords.loading.records import LoadedFile, read_bytes, record_of, unread_file
from accords.loading.yaml_positions import YamlDocument, read_yaml
from accords.loading.yaml_workers import YamlReader, workers_allowed
from accords.model import EventFile

#: The cache folder's name at the dataset root (beside accords.toml).
CACHE_FOLDER = ".accords_cache"
#: Stands for the file's displayed path in stored findings.
_HERE = ""

T = TypeVar("T")


def cache_folder(root: Path | None) -> Path | None:
    """Where the cache lives: ``ACCORDS_CACHE_DIR``, else ``.accords_cache/`` at the dataset
    root; ``None`` (no caching) when ``ACCORDS_NO_CACHE`` is set or there is no root."""
    if os.environ.get("ACCORDS_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("ACCORDS_CACHE_DIR")
    if chosen:
        return Path(chosen).absolute()
    return root / CACHE_FOLDER if root is not None else None


@cache
def fingerprint() -> bytes:
    """What, besides a file's bytes, decides what reading it gives: the versions of accords,
    Python, pydantic and PyYAML, and accords' own modules (size and time of each, so that an
    edited checkout never reads entries its older code wrote)."""
    import pydantic
    import pydantic_core
    import yaml

    # The package itself is imported before any of its modules; naming it in an import here
    # would make a loop of the layers.
    accords = sys.modules["accords"]
    package = Path(__file__).resolve().parent.parent
    parts = [
        accords.__version__,
        sys.version,
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        str(yaml.__with_libyaml__),
    ]
    for path in sorted(package.rglob("*.py")):
        info = path.stat()
        parts.append(f"{path.relative_to(package)} {info.st_size} {info.st_mtime_ns}")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def open_pack(folder: Path | None, purpose: str) -> Pack:
    """The pack of ``purpose`` that this code wrote in ``folder``; one that keeps nothing when
    there is no folder (no caching)."""
    if folder is None:
        return Pack(None)
    code = fingerprint()
    return read_pack(folder / f"{purpose}-{code.hex()}.pack", code)


def content_key(data: bytes, record_file: RecordFile) -> bytes:
    """The key of what reading ``record_file`` with content ``data`` gives."""
    hasher = hashlib.blake2b(data, digest_size=16)
    hasher.update(f"\0{record_file.kind or ''}\0{record_file.folder_kind or ''}".encode())
    return hasher.digest()


#: A record file's bytes, or ``None`` and the finding that says why they could not be read.
Content = tuple[bytes | None, Finding | None]


class FileContents:
    """Each record file's bytes, read once for every cache that is keyed by them (the results
    of a check, then the files it loads)."""

    def __init__(self) -> None:
        self._read: dict[RecordFile, Content] = {}

    def read(self, record_file: RecordFile) -> Content:
        """The file's content, kept for a later :meth:`take`."""
        found = self._read.get(record_file)
        if found is None:
            found = self._read[record_file] = _read(record_file)
        return found

    def take(self, record_file: RecordFile) -> Content:
        """The file's content, no longer kept: the bytes go once they are loaded."""
        found = self._read.pop(record_file, None)
        return found if found is not None else _read(record_file)


def _read(record_file: RecordFile) -> Content:
    return read_bytes(record_file.path, record_file.display, record_file.boundary)


@dataclass(slots=True)
class _Lookup:
    """One file's bytes (or why they could not be read), its key and its cached entry."""

    record_file: RecordFile
    data: bytes | None
    problem: Finding | None
    where: str = ""
    key: bytes = b""
    blob: bytes | None = None

    @property
    def unknown(self) -> tuple[str, bytes] | None:
        """The file to read, when it could be read and the cache does not know it."""
        if self.data is None or self.blob is not None:
            return None
        return self.record_file.display, self.data


#: Files looked up together, and read together when the cache does not know them: their
#: bytes are held until the window is loaded, so it ends at whichever limit comes first. A
#: window must hold at least yaml_workers.MIN_FILES files for workers to read it.
WINDOW_FILES = 1024
WINDOW_BYTES = 16 * 1024 * 1024


def _windows(lookups: Iterable[_Lookup], size: int) -> Iterator[list[_Lookup]]:
    window: list[_Lookup] = []
    held = 0
    for lookup in lookups:
        window.append(lookup)
        held += len(lookup.data or b"")
        if len(window) >= size or held >= WINDOW_BYTES:
            yield window
            window, held = [], 0
    if window:
        yield window


class _FileCache(Generic[T]):
    """Entries of one purpose: what reading a file gives (``_convert``), kept by its content."""

    purpose: ClassVar[str]

    def __init__(self, folder: Path | None, contents: FileContents | None = None) -> None:
        self._pack = open_pack(folder, self.purpose)
        self._contents = contents or FileContents()

    def load_many(self, record_files: Iterable[RecordFile]) -> Iterator[T]:
        """What reading each file gives, in order. Files are looked up a window at a time; the
        ones the cache does not know are read together, in worker processes when there are
        enough of them (:mod:`yaml_workers`), while the known ones come from the cache."""
        with YamlReader() as reader:
            # Files are looked up one at a time, as they were read, unless workers may read them.
            size = WINDOW_FILES if workers_allowed() else 1
            for window in _windows((self._looked_up(f) for f in record_files), size):
                docs = reader.read([x.unknown for x in window if x.unknown is not None])
                for lookup in window:
                    yield self._result(lookup, docs)
                # The window's bytes go before the next window is read.
                docs.close()
                window.clear()

    def _looked_up(self, record_file: RecordFile) -> _Lookup:
        data, problem = self._contents.take(record_file)
        lookup = _Lookup(record_file, data, problem)
        if data is not None and self._pack.path is not None:
            lookup.where = os.path.abspath(record_file.path)
            lookup.key = content_key(data, record_file)
            lookup.blob = self._pack.lookup(lookup.where, lookup.key)
        return lookup

    def _result(self, lookup: _Lookup, docs: Iterator[YamlDocument]) -> T:
        record_file, data = lookup.record_file, lookup.data
        display = record_file.display
        if data is None:
            kind = record_file.kind or record_file.folder_kind
            return self._convert(unread_file(kind, display, lookup.problem))
        if lookup.blob is not None:
            try:
                found = self._decode(load_entry(lookup.blob), display)
            except Exception:  # an entry accords did not write: read the file instead
                found = None
            if found is not None:
                return found
            doc = read_yaml(display, data)
        else:
            doc = next(docs)
        kind, folder_kind = record_file.kind, record_file.folder_kind
        result = self._convert(record_of(doc, data, kind, display, folder_kind=folder_kind))
        if self._pack.path is not None:
            self._pack.store(lookup.where, lookup.key, dump_entry(self._encode(result, display)))
        return result

    def save(self) -> None:
        """Keep what this run added for the next run (silently not, when it cannot write)."""
        self._pack.save()

    def _convert(self, loaded: LoadedFile) -> T:
        raise NotImplementedError

    def _encode(self, result: T, display: str) -> tuple[Any, ...]:
        raise NotImplementedError

    def _decode(self, stored: Any, display: str) -> T | None:
        raise NotImplementedError


class RecordCache(_FileCache[LoadedFile]):
    """Loaded files, with their records and locations: what ``check`` and the analyses read."""

    purpose = "records"

    def _convert(self, loaded: LoadedFile) -> LoadedFile:
        return loaded

    def _encode(self, result: LoadedFile, display: str) -> tuple[Any, ...]:
        doc = result.doc
        findings = _stored(doc.findings, display)
        return (
            result.kind,
            doc.value,
            doc.locations,
            doc.key_locations,
            doc.plain_dates,
            findings,
            result.record,
            result.digest,
        )

    def _decode(self, stored: Any, display: str) -> LoadedFile | None:
        kind, value, locations, key_locations, plain_dates, findings, record, digest = stored
        if not (
            isinstance(kind, str | None)
            and isinstance(locations, dict)
            and isinstance(key_locations, dict)
            and isinstance(plain_dates, list)
            and are_findings(findings)
            and isinstance(record, BaseModel | None)
            and isinstance(digest, bytes)
        ):
            return None
        found = _restored(findings, display)
        doc = YamlDocument(display, value, locations, key_locations, plain_dates, found)
        return LoadedFile(kind, doc, record, digest)


@dataclass(frozen=True, slots=True)
class FileSummary:
    """What ``validate`` keeps of a file: its kind and records count when valid, its findings."""

    kind: str | None
    records: int
    findings: list[Finding]


class SummaryCache(_FileCache[FileSummary]):
    """The findings of each file and the records it holds: what ``validate`` reads."""

    purpose = "findings"

    def _convert(self, loaded: LoadedFile) -> FileSummary:
        record = loaded.record
        if loaded.kind is None or record is None:
            return FileSummary(None, 0, loaded.findings)
        count = len(record.events) if isinstance(record, EventFile) else 1
        return FileSummary(loaded.kind, count, loaded.findings)

    def _encode(self, result: FileSummary, display: str) -> tuple[Any, ...]:
        return (result.kind, result.records, _stored(result.findings, display))

    def _decode(self, stored: Any, display: str) -> FileSummary | None:
        kind, records, findings = stored
        if not (isinstance(kind, str | None) and type(records) is int and are_findings(findings)):
            return None
        return FileSummary(kind, records, _restored(findings, display))


def are_findings(value: object) -> bool:
    """Whether a stored value is a list of findings and nothing else."""
    return isinstance(value, list) and all(type(item) is Finding for item in value)


def _stored(findings: list[Finding], display: str) -> list[Finding]:
    """``findings`` with the file's displayed path taken out."""
    return [_moved(finding, display, _HERE) for finding in findings]


def _restored(findings: list[Finding], display: str) -> list[Finding]:
    """Stored findings with the file's displayed path put back."""
    return [_moved(finding, _HERE, display) for finding in findings]


def _moved(finding: Finding, old: str, new: str) -> Finding:
    """``finding`` with every mention of the path ``old`` (its place, related places and the
    edits of its fix) made ``new``."""

    def moved(path: str) -> str:
        return new if path == old else path

    related = tuple((moved(path), line, col) for path, line, col in finding.related)
    fix = finding.fix
    if fix is not None:
        edits = tuple(replace(edit, path=moved(edit.path)) for edit in fix.edits)
        rename = (moved(fix.rename[0]), fix.rename[1]) if fix.rename else None
        fix = replace(fix, edits=edits, rename=rename)
    return replace(finding, path=moved(finding.path), related=related, fix=fix)

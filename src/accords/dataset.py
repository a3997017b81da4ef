"""The dataset: every loaded record, indexed by id, with a way back to file locations."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from accords.config import Config, Selection, load_config
from accords.findings import FileLocation, Finding, Tally
from accords.loading.cache import FileContents, RecordCache, cache_folder
from accords.loading.discovery import RecordFile, dataset_files, find_root, nothing_found
from accords.loading.records import LoadedFile
from accords.loading.revisions import Repository, Revision
from accords.loading.texts import TextArchive
from accords.model import Actor, Agreement, Event, EventFile, Scenario, Source
from accords.model.walk import KeyPath, walk

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Entry:
    """One record with the file it came from and its place inside that file."""

    kind: str
    id: str
    record: Any
    file: LoadedFile
    loc: KeyPath = ()

    def location(self, *loc: str | int) -> FileLocation:
        """``(path, line, col)`` of a field of this record (the record itself when no loc)."""
        line, col = self.file.doc.location_of((*self.loc, *loc))
        return self.file.path, line, col

    def key_location(self, *loc: str | int) -> FileLocation:
        line, col = self.file.doc.location_of((*self.loc, *loc), key=True)
        return self.file.path, line, col


@dataclass(frozen=True, slots=True)
class CitationAt:
    """One citation of the record and where it stands: ``entry``, the key path ``loc`` of the
    citing ``model``, and its ``index`` in that model's ``sources``."""

    entry: Entry
    loc: KeyPath
    model: Any
    index: int
    ref: Any


@dataclass
class Dataset:
    """All records of a dataset, valid ones indexed by id; loading findings kept alongside."""

    root: Path | None
    config: Config = field(default_factory=Config)
    #: The folder of archived source texts that quotes are checked against, if any.
    texts: Path | None = None
    files: list[LoadedFile] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    _entry_by_key: dict[tuple[str, str], Entry] = field(default_factory=dict)
    _computed: dict[Callable[[Dataset], Any], Any] = field(default_factory=dict)

    @property
    def load_findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    def entry(self, kind: str, record_id: str) -> Entry | None:
        """The (first) entry of the given kind and id."""
        return self._entry_by_key.get((kind, record_id))

    def tally(self, seconds: float = 0.0) -> Tally:
        """How many valid records of each kind, and how many files, the dataset holds."""
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.kind] = counts.get(entry.kind, 0) + 1
        return Tally(counts, len(self.files), seconds)

    def entries_of(self, kind: str) -> Iterator[Entry]:
        return (e for e in self.entries if e.kind == kind)

    def add(self, loaded: LoadedFile) -> None:
        """Index one loaded file's records (a file with findings still counts as loaded)."""
        self.files.append(loaded)
        record = loaded.record
        if record is None or loaded.kind is None:
            return
        if isinstance(record, EventFile):
            for index, event in enumerate(record.events):
                self._index(Entry("event", event.id, event, loaded, ("events", index)))
        else:
            self._index(Entry(loaded.kind, record.id, record, loaded))  # type: ignore[attr-defined]

    def _index(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._entry_by_key.setdefault((entry.kind, entry.id), entry)
        tables: dict[str, dict[str, Any]] = {
            "agreement": self.agreements,
            "actor": self.actors,
            "event": self.events,
            "source": self.sources,
            "scenario": self.scenarios,
        }
        tables[entry.kind].setdefault(entry.id, entry.record)

    @cached_property
    def archive(self) -> TextArchive | None:
        """The archived source texts, each read once for every rule that needs it; ``None``
        when no texts folder is given or it is not there."""
        folder = self.texts
        return TextArchive(folder) if folder is not None and folder.is_dir() else None

    @cached_property
    def models(self) -> list[tuple[Entry, KeyPath, BaseModel]]:
        """Every model of every record (each record itself first), in file order, with its
        entry and where it stands in the record: walked once for every rule that reads them."""
        return [(entry, loc, model) for entry in self.entries for loc, model in walk(entry.record)]

    @cached_property
    def claims(self) -> list[tuple[Entry, KeyPath, BaseModel]]:
        """Every part of the record that can cite sources (a model with ``sources``), in file
        order, with its entry and where it stands."""
        return [(entry, loc, model) for entry, loc, model in self.models if _can_cite(type(model))]

    @cached_property
    def citations(self) -> list[CitationAt]:
        """Every citation of the record, in file order: its entry, where the citing model
        stands, that model, the citation's index in its ``sources`` and the citation."""
        return [
            CitationAt(entry, loc, model, index, ref)
            for entry, loc, model in self.claims
            for index, ref in enumerate(model.sources)  # type: ignore[attr-defined]
        ]

    def once(self, compute: Callable[[Dataset], T]) -> T:
        """What ``compute`` gives for this dataset, computed on first use: what several rules
        read is worked out once per dataset, not once per rule."""
        if compute not in self._computed:
            self._computed[compute] = compute(self)
        return cast(T, self._computed[compute])

    @property
    def selection(self) -> Selection:
        """The rule selection of the dataset's ``accords.toml``."""
        return self.config.selection


@cache
def _can_cite(cls: type[BaseModel]) -> bool:
    return "sources" in cls.model_fields


def load_dataset(
    start: str | Path | None = None,
    files: Iterable[RecordFile] | None = None,
    *,
    texts: Path | None = None,
    cache: bool = True,
) -> Dataset:
    """Load the dataset whose root is at or above ``start`` (or just the given files).

    ``texts`` is the folder of archived source texts (default: ``[sources] texts`` of
    accords.toml). A dataset without a single YAML file is a usage error, never an empty pass.
    With ``cache``, files whose content an earlier run read come from the cache
    (:mod:`accords.loading.cache`) unless ``ACCORDS_NO_CACHE`` is set.
    """
    if files is None:
        root, config, files = find_dataset(start)
    else:
        root = find_root(Path(start) if start is not None else None)
        config = load_config(root)
    return load_records(files, root, config, texts=texts, cache=cache)


def find_dataset(start: str | Path | None = None) -> tuple[Path, Config, list[RecordFile]]:
    """The root of the dataset at or above ``start``, its configuration and its record files;
    a dataset without a single YAML file is a usage error, never an empty pass."""
    root = find_root(Path(start) if start is not None else None)
    config = load_config(root)
    files = dataset_files(root, config.layout)
    if not files:
        raise nothing_found(root, config.layout)
    return root, config, files


def load_records(
    files: Iterable[RecordFile],
    root: Path | None,
    config: Config | None = None,
    *,
    texts: Path | None = None,
    cache: bool = False,
    contents: FileContents | None = None,
) -> Dataset:
    """Load the given files into a dataset; the garbage collector is paused meanwhile.

    Thousands of small, long-lived containers make every collection pass walk them all;
    pausing collection and freezing what was loaded keeps loading linear. With ``cache``,
    unchanged files come from the cache of the dataset at ``root``. ``contents`` holds the
    bytes of files read already.
    """
    config = config or load_config(root)
    records = RecordCache(cache_folder(root) if cache else None, contents)
    dataset = _gathered(records.load_many(files), root, config, texts)
    records.save()
    return dataset


def load_revision(root: Path, revision: Revision, repository: Repository) -> Dataset:
    """The dataset at ``root`` as it was at a git revision, read from the repository alone.

    A revision without the dataset's ``accords.toml`` held no dataset there yet: it loads
    empty, so that everything in the other revision reads as added.
    """
    config = repository.config(revision)
    if config is None:
        return Dataset(root, load_config(root))
    return _gathered(repository.record_files(revision, config.layout), root, config, None)


def _gathered(
    loaded: Iterable[LoadedFile], root: Path | None, config: Config, texts: Path | None
) -> Dataset:
    dataset = Dataset(root, config, texts=texts or config.texts)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for loaded_file in loaded:
            dataset.add(loaded_file)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    return dataset

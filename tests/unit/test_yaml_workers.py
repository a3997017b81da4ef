"""Reading many files in worker processes gives what reading them one by one gives, in order."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from accords.config import load_config
from accords.dataset import load_records
from accords.loading import cache as cache_module
from accords.loading import yaml_workers
from accords.loading.discovery import dataset_files
from accords.loading.yaml_positions import YamlDocument, read_yaml
from accords.loading.yaml_workers import AHEAD, CHUNK, MAX_WORKERS, YamlReader, worker_count
from support import count_calls

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "data" / "hostile"


def _items() -> list[tuple[str, bytes]]:
    """Every bundled record file and every hostile one (findings of every loader kind)."""
    paths = [f.path for f in dataset_files(REPO, load_config(REPO).layout)]
    paths += sorted(HOSTILE.rglob("*.yaml"))
    return [(path.relative_to(REPO).as_posix(), path.read_bytes()) for path in paths]


ITEMS = _items()


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers, whatever the number of files and cores."""
    monkeypatch.setattr(yaml_workers, "MIN_FILES", 0)
    monkeypatch.setenv("ACCORDS_WORKERS", "2")


def _read_alone() -> list[YamlDocument]:
    return [read_yaml(display, data) for display, data in ITEMS]


def test_the_items_span_many_chunks_and_hold_findings() -> None:
    assert len(ITEMS) > 4 * CHUNK
    assert sum(1 for doc in _read_alone() if doc.findings) == 26


def _read(items: list[tuple[str, bytes]]) -> list[YamlDocument]:
    with YamlReader() as reader:
        return list(reader.read(items))


@pytest.mark.usefixtures("workers")
def test_workers_read_every_file_as_it_reads_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    received = count_calls(monkeypatch, yaml_workers, "_received")
    assert _read(ITEMS) == _read_alone()
    assert received.count == len(ITEMS) - 26  # the files with findings are read here


@pytest.mark.usefixtures("workers")
def test_a_pool_that_cannot_start_leaves_the_reading_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    received = count_calls(monkeypatch, yaml_workers, "_received")
    assert _read(ITEMS) == _read_alone()
    assert received.count == 0


class _Given(Future[list[bytes | None]]):
    """A task given out, which knows whether its result has been asked for."""

    taken = False

    def result(self, timeout: float | None = None) -> list[bytes | None]:
        self.taken = True
        return super().result(timeout)


class _Pool:
    """Stands for the workers: reads each chunk at once, in this process; the chunks numbered
    in ``dies`` fail as when their worker died, and from chunk ``gone`` on, none is taken."""

    def __init__(self, dies: frozenset[int] = frozenset(), gone: int | None = None) -> None:
        self.dies, self.gone = dies, gone
        self.given: list[_Given] = []
        self.most_in_hand = 0
        self.shut = False

    def submit(self, function: object, chunk: list[tuple[str, bytes]]) -> _Given:
        if self.gone is not None and len(self.given) >= self.gone:
            raise BrokenProcessPool("the workers are gone")
        future = _Given()
        if len(self.given) in self.dies:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(yaml_workers.read_chunk(chunk))
        self.given.append(future)
        in_hand = sum(1 for given in self.given if not given.taken)
        self.most_in_hand = max(self.most_in_hand, in_hand)
        return future

    def shutdown(self, wait: bool, cancel_futures: bool) -> None:
        self.shut = True


def _read_with(
    pool: _Pool, workers: int = 2, items: list[tuple[str, bytes]] = ITEMS
) -> list[YamlDocument]:
    reader = YamlReader()
    reader._pool, reader._workers, reader._tried = pool, workers, True  # type: ignore[assignment]
    with reader:
        return list(reader.read(items))


def test_a_chunk_whose_worker_died_is_read_here() -> None:
    pool = _Pool(dies=frozenset((0, 2)))
    assert _read_with(pool) == _read_alone()
    assert pool.shut


def test_when_the_workers_are_gone_the_rest_is_read_here() -> None:
    pool = _Pool(gone=3)
    assert _read_with(pool) == _read_alone()
    assert len(pool.given) == 3
    assert pool.shut


def test_a_few_chunks_per_worker_are_in_hand_at_a_time() -> None:
    pool = _Pool()
    assert _read_with(pool, workers=2, items=ITEMS * 3) == _read_alone() * 3
    assert len(pool.given) == -(-len(ITEMS) * 3 // CHUNK) > AHEAD * 2 + 1
    assert pool.most_in_hand == AHEAD * 2 + 1


@pytest.mark.parametrize(
    ("setting", "files", "expected"),
    [
        (None, 5_000, 1),
        ("1", 5_000, 1),
        ("3", 5_000, 3),
        ("0", 5_000, 1),
        ("many", 5_000, 1),
        ("3", 999, 1),
        ("3", 1_000, 3),
    ],
)
def test_worker_count(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, files: int, expected: int
) -> None:
    if setting is None:
        monkeypatch.delenv("ACCORDS_WORKERS")
    else:
        monkeypatch.setenv("ACCORDS_WORKERS", setting)
    assert worker_count(files) == expected


def test_auto_is_one_worker_a_core_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORDS_WORKERS", "auto")
    for cores, expected in ((1, 1), (2, 2), (4, 4), (16, MAX_WORKERS)):
        monkeypatch.setattr(yaml_workers, "_cores", lambda cores=cores: cores)
        assert worker_count(5_000) == expected


@pytest.mark.usefixtures("workers")
def test_a_dataset_loads_the_same_read_by_workers_with_or_without_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = dataset_files(REPO, load_config(REPO).layout)

    def loaded(cache: bool) -> list[tuple[object, ...]]:
        dataset = load_records(files, REPO, cache=cache)
        return [
            (e.file.path, e.kind, e.record.model_dump(mode="json")) for e in dataset.entries
        ] + [(str(f),) for f in dataset.load_findings]

    monkeypatch.setenv("ACCORDS_WORKERS", "1")
    alone = loaded(cache=False)
    monkeypatch.setenv("ACCORDS_WORKERS", "2")
    monkeypatch.setattr(cache_module, "WINDOW_FILES", 40)  # four windows, one pool
    received = count_calls(monkeypatch, yaml_workers, "_received")
    started = count_calls(monkeypatch, yaml_workers, "_started")
    assert loaded(cache=False) == alone
    assert (received.count, started.count) == (len(files), 1)
    assert loaded(cache=True) == alone  # read by workers, then kept
    assert received.count == 2 * len(files)
    assert loaded(cache=True) == alone  # from the cache
    assert received.count == 2 * len(files)


def test_the_command_line_reads_a_thousand_files_in_workers_as_in_one_process(
    tmp_path: Path,
) -> None:
    """A real run: accords' own entry point, worker processes that import it again."""
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    actors = tmp_path / "actors"
    actors.mkdir()
    shutil.copy(REPO / "actors" / "turkey.yaml", actors / "turkey.yaml")
    template = (actors / "turkey.yaml").read_text(encoding="utf-8")
    for number in range(1_100):
        text = template.replace("id: turkey", f"id: actor-{number}")
        if number % 100 == 7:
            text = text.replace("kind:", "kind: [", 1)  # a YAML syntax error now and then
        (actors / f"actor-{number}.yaml").write_text(text, encoding="utf-8")

    def run(workers: str) -> tuple[int, str]:
        done = subprocess.run(
            [sys.executable, "-m", "accords", "check", "--no-cache", "--format", "json"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**_environment(), "ACCORDS_WORKERS": workers},
            check=False,
        )
        assert done.stderr == ""
        return done.returncode, done.stdout

    alone = run("1")
    assert alone[0] == 1 and alone[1].count('"code": "E001"') == 11
    assert run("2") == alone


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "ACCORDS_WORKERS"}

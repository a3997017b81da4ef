"""Read many YAML files at once: in worker processes when there are enough to pay for them.

Reading a file's YAML with its locations is most of what a cold run spends (some 1 ms a file,
on one core). When a run has at least :data:`MIN_FILES` files to read and the machine more than
one core, worker processes read them, in chunks, while the main process validates what they
send back; the values and locations travel as :mod:`marshal` data, which reads back far faster
than the validated records would. Anything unusual is read in the main process instead: a file
with a finding (the finding is made there, as when reading alone), a worker that dies, a
platform without worker processes. What comes out is the same, in the same order, either way.

``ACCORDS_WORKERS`` sets how many workers may run: a number (``1``: none), or ``auto`` for one a
core, at most :data:`MAX_WORKERS`. The command line runs with ``auto`` unless told otherwise; a
program that calls accords reads in its own process unless it sets ``ACCORDS_WORKERS``, since
each worker imports that program's main module again, which is harmless only when the program
keeps its work under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import marshal
import os
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from accords.loading.yaml_positions import YamlDocument, read_yaml

if TYPE_CHECKING:  # imported when workers start: most runs read too few files for them
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

#: Fewer files are read in the main process: starting the workers costs about 0.3 s, and on
#: two cores they made 1,000 files no faster to read, 2,115 a third faster.
MIN_FILES = 1000
#: More workers than this gain little: the main process validates what they send.
MAX_WORKERS = 4
#: Files a worker reads per task: enough to make sending them cheap, few enough to share well.
CHUNK = 32
#: Tasks given out ahead of the one the main process waits for, per worker: enough to keep
#: every worker busy, few enough that what they send back never piles up in memory.
AHEAD = 4

#: A file to read: its displayed path and its bytes.
Item = tuple[str, bytes]
#: What a worker sends back for one task: each file's data, or ``None`` to read it here.
Sent = list[bytes | None]


class YamlReader:
    """Reads the YAML of batches of files, in order: a batch of :data:`MIN_FILES` or more starts
    worker processes, which then read every later batch too, until :meth:`close`."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._workers = 1
        self._tried = False

    def __enter__(self) -> YamlReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, items: Sequence[Item]) -> Generator[YamlDocument, None, None]:
        """The YAML of each item, in order, as the caller takes them."""
        workers = worker_count(len(items))
        if not self._tried and workers > 1:
            self._tried = True
            self._workers = workers
            self._pool = _started(workers)
        chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
        for chunk, sent in zip(chunks, self._sent(chunks), strict=True):
            for (display, data), blob in zip(chunk, sent, strict=True):
                yield read_yaml(display, data) if blob is None else _received(display, blob)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _sent(self, chunks: list[Sequence[Item]]) -> Iterator[Sent]:
        """What the workers send for each chunk, in order, with a few chunks in hand at a time;
        a chunk a worker did not read (no workers, or one died) comes as ``None`` for each file."""
        given: deque[Future[Sent] | None] = deque()
        waiting = iter(chunks)
        for chunk in islice(waiting, AHEAD * self._workers):
            given.append(self._give(chunk))
        for chunk in chunks:
            future = given.popleft()
            following = next(waiting, None)
            if following is not None:
                given.append(self._give(following))
            try:
                sent = future.result() if future is not None else None
            except Exception:  # a worker died: this chunk is read here
                sent = None
            yield sent if sent is not None else [None] * len(chunk)

    def _give(self, chunk: Sequence[Item]) -> Future[Sent] | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(read_chunk, chunk)
        except Exception:  # the workers are gone: the rest is read here
            self.close()
            return None


def worker_count(files: int) -> int:
    """How many workers read ``files`` files: 1 (none) when too few, or on one core."""
    setting = os.environ.get("ACCORDS_WORKERS", "1").strip().lower()
    if files < MIN_FILES:
        return 1
    if setting == "auto":
        return max(1, min(_cores(), MAX_WORKERS))
    return max(1, int(setting)) if setting.isdigit() else 1


def workers_allowed() -> bool:
    """Whether enough files would be read in workers here (the setting and the cores allow)."""
    return worker_count(MIN_FILES) > 1


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _started(workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes, or ``None`` when this platform cannot start one."""
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(workers, mp_context=_context())
    except (OSError, ValueError, NotImplementedError, ImportError):
        return None


def _context() -> multiprocessing.context.BaseContext:
    """Forkserver where there is one: forking a process that runs threads (pyarrow reading an
    events file) is unsafe, and its workers fork from a server that has imported the reader."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server imports the main module once, so that each worker need not.
        context.set_forkserver_preload(["__main__", __name__])
        return context
    return multiprocessing.get_context("spawn")


def read_chunk(chunk: Sequence[Item]) -> Sent:
    """In a worker: each file's value, locations and unquoted dates as marshal data, or
    ``None`` for a file with a finding (the main process reads that one itself)."""
    return [_sent(read_yaml(display, data)) for display, data in chunk]


def _sent(doc: YamlDocument) -> bytes | None:
    if doc.findings:
        return None
    return marshal.dumps((doc.value, doc.locations, doc.key_locations, doc.plain_dates))


def _received(display: str, blob: bytes) -> YamlDocument:
    value, locations, key_locations, plain_dates = marshal.loads(blob)
    return YamlDocument(display, value, locations, key_locations, plain_dates)

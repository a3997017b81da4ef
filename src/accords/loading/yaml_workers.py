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
from collections.abc import Iterator, Sequence
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

#: A file to read: its displayed path and its bytes.
Item = tuple[str, bytes]


def read_yaml_many(items: Sequence[Item]) -> Iterator[YamlDocument]:
    """The YAML of each item, in order; reading starts at once, in workers when it pays."""
    workers = worker_count(len(items))
    if workers > 1:
        chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
        pool = _started(workers, chunks)
        if pool is not None:
            return _collected(*pool, chunks)
    return (read_yaml(display, data) for display, data in items)


def worker_count(files: int) -> int:
    """How many workers read ``files`` files: 1 (none) when too few, or on one core."""
    setting = os.environ.get("ACCORDS_WORKERS", "1").strip().lower()
    if files < MIN_FILES:
        return 1
    if setting == "auto":
        return max(1, min(_cores(), MAX_WORKERS))
    return max(1, int(setting)) if setting.isdigit() else 1


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _started(
    workers: int, chunks: list[Sequence[Item]]
) -> tuple[ProcessPoolExecutor, list[Future[list[bytes | None]]]] | None:
    """A pool reading every chunk, or ``None`` when this platform cannot start one."""
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(workers, mp_context=_context())
    except (OSError, ValueError, NotImplementedError, ImportError):
        return None
    try:
        return pool, [pool.submit(read_chunk, chunk) for chunk in chunks]
    except Exception:  # the workers could not start: read in this process
        pool.shutdown(wait=False, cancel_futures=True)
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


def _collected(
    pool: ProcessPoolExecutor,
    futures: list[Future[list[bytes | None]]],
    chunks: list[Sequence[Item]],
) -> Iterator[YamlDocument]:
    try:
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                sent: list[bytes | None] = future.result()
            except Exception:  # a worker died: read its chunk here
                sent = [None] * len(chunk)
            for (display, data), blob in zip(chunk, sent, strict=True):
                yield read_yaml(display, data) if blob is None else _received(display, blob)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def read_chunk(chunk: Sequence[Item]) -> list[bytes | None]:
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

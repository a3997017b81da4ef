"""The events file of ``check --events``, read in a thread while the records load.

Reading a million-row file is mostly pyarrow, which releases the GIL; loading the YAML records
is mostly Python. Run side by side they take about as long as the longer of the two, rather
than the sum. What the reading raises is raised again where its result is asked for, so that a
missing file is still a usage error and a crash still one internal-error finding.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from accords.checking.internal import internal_error
from accords.checking.registry import EVENTS_CHECKS, Rule, load_all
from accords.errors import AccordsError

if TYPE_CHECKING:
    from pathlib import Path

    from accords.dataset import Dataset
    from accords.findings import Finding


class EventsReading:
    """The reading of one events file, under way in a daemon thread (one that never keeps the
    process alive: a run that stops early does not wait for it)."""

    def __init__(self, path: Path, max_field_bytes: int) -> None:
        load_all()  # registers the events checks
        self._events = EVENTS_CHECKS["X"]
        self._read: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(path, max_field_bytes), name="accords-events", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path, max_field_bytes: int) -> None:
        try:
            self._read = self._events.read(path, max_field_bytes)
        except BaseException as exc:  # raised again in the caller's thread by findings()
            self._error = exc

    def findings(
        self, dataset: Dataset, rules: dict[str, Rule], crashes: list[Finding]
    ) -> list[Finding]:
        """The ``X`` findings of the file; a crash among them is one internal error."""
        self._thread.join()
        try:
            if self._error is not None:
                raise self._error
            return self._events.check(dataset, self._read)
        except AccordsError:  # a missing file is the user's error, reported as such
            raise
        except Exception as exc:
            codes = sorted(code for code in rules if code.startswith("X"))
            crashes.append(internal_error(dataset, f"{codes[0]}-{codes[-1]}", exc))
            return []

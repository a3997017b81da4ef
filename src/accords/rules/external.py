"""External events (``X``): the record checked against an ACLED-format events file.

The work is columnar, so that a million rows cost little more than reading them: pyarrow reads
only the needed columns; dates and actor strings are dictionary-encoded, so that each distinct
value is parsed or mapped once in Python; the join with the agreements runs in NumPy, grouped
by pair of actors. A row is never visited one at a time in Python. The file itself is read by
:mod:`accords.rules.events_file`, which needs no dataset: ``check`` reads it while the records
load.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from accords.checking.registry import EVENTS_CHECKS, EventsCheck, Rule, register
from accords.findings import Finding, Severity
from accords.loading.events_csv import MAX_FIELD_BYTES, Frame
from accords.rules.acled import actor_strings, ceasefire_windows
from accords.rules.events_file import (
    MAX_ROW_FINDINGS,
    REQUIRED_COLUMNS,
    EventsRead,
    EventsReport,
    read_events_file,
)
from accords.rules.fighting import fighting_findings

if TYPE_CHECKING:
    from accords.dataset import Dataset

__all__ = ["MAX_ROW_FINDINGS", "REQUIRED_COLUMNS", "check_events_file", "check_events_read"]

#: ACLED event types that are fighting between the two actors.
FIGHTING_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
#: Unmapped actor strings named in the summary.
MAX_UNMAPPED_SHOWN = 10


UNMAPPED_ACTORS = register(
    Rule(
        "X101",
        "unmapped-actors",
        "Actor strings of the events file that map to no actor",
        Severity.INFO,
        """
`--events` maps ACLED's actor strings to actor ids through each actor's `acled` list, its name,
aliases and dated names (case and spacing aside). Rows whose actors map to nothing cannot be
checked; this finding lists the most frequent unmapped strings with their counts, so that the
ones that matter can be added to an actor's `acled` list. One finding per file, on its header.

Fails (events.csv names "Military Forces of Syria (2000-)", which no actor lists):

        actor1
        Military Forces of Syria (2000-)

Passes (actors/syria-government.yaml):

        acled: ["Military Forces of Syria (2000-)"]
""",
        None,
    )
)


# The X rules have no check of their own: ``check_events_file`` reports them, for the
# events file that ``accords check --events`` names.


def check_events_file(
    dataset: Dataset, path: Path, max_field_bytes: int = MAX_FIELD_BYTES
) -> list[Finding]:
    """Findings of checking the dataset against an events file; never raises on content.

    No line over ``max_field_bytes`` is ever held in memory: such a file is refused whole.
    """
    return check_events_read(dataset, read_events_file(path, max_field_bytes))


def check_events_read(dataset: Dataset, read: EventsRead) -> list[Finding]:
    """The findings of an events file already read (:func:`read_events_file`)."""
    if read.frame is not None:
        _check_frame(dataset, read.frame, read.report)
    return read.report.close()


def _check_frame(dataset: Dataset, frame: Frame, report: EventsReport) -> None:
    import numpy as np

    days = frame.days("event_date")
    for index in np.flatnonzero(days < 0)[: MAX_ROW_FINDINGS + 1].tolist():
        text = frame.text("event_date", index)
        report.row_problem(frame.row_number(index), f"{text!r} is not a date", "event_date")
    report.malformed += max(0, int((days < 0).sum()) - MAX_ROW_FINDINGS - 1)

    strings = actor_strings(dataset.actors.values())
    actor_ids = sorted(dataset.actors)
    code_of = {actor_id: i for i, actor_id in enumerate(actor_ids)}
    unmapped: Counter[str] = Counter()
    codes = []
    for column in ("actor1", "actor2"):
        column_codes, misses = frame.map_strings(column, strings, code_of)
        codes.append(column_codes)
        unmapped.update(misses)
    if unmapped:
        report.findings.append(_unmapped_finding(report.path, unmapped))

    fighting = frame.isin("event_type", FIGHTING_TYPES)
    a1, a2 = codes
    candidate = fighting & (a1 >= 0) & (a2 >= 0) & (a1 != a2) & (days >= 0)
    windows = ceasefire_windows(dataset, code_of)
    if not windows.spans or not candidate.any():
        return
    report.findings.extend(
        fighting_findings(dataset, frame, report.path, windows, candidate, (a1, a2), days)
    )


def _unmapped_finding(path: str, unmapped: Counter[str]) -> Finding:
    shown = ", ".join(f"{name!r} ({count:,})" for name, count in unmapped.most_common(10))
    rows = sum(unmapped.values())
    more = len(unmapped) - MAX_UNMAPPED_SHOWN
    return UNMAPPED_ACTORS.finding(
        f"{len(unmapped):,} actor string(s) in {rows:,} actor cell(s) map to no actor: {shown}"
        + (f", and {more:,} more" if more > 0 else ""),
        (path, 1, 1),
        hint="add the strings that matter to an actor's acled list",
    )


EVENTS_CHECKS["X"] = EventsCheck(read_events_file, check_events_read)

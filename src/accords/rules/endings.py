"""How agreements end (``C104``, ``C105``): an ending outcome names its event, on its date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Agreement
from accords.model.agreement_dates import outcome_date
from accords.model.agreements import OUTCOMES_ENDED_BY_SOMETHING, OutcomeStatus, RelationKind
from accords.model.dates import Order, date_or_none
from accords.model.events import Effect
from accords.rules.chronology import undetermined

if TYPE_CHECKING:
    from accords.dataset import Dataset


@rule(
    "C104",
    "missing-ending-event",
    "A collapsed or superseded agreement names nothing that ended it",
    Severity.WARNING,
    """
An agreement that collapsed was ended by something: `outcome.ended_by` names that event, or an
event links the agreement with effect `ended`. A superseded agreement may instead be named by
another agreement's `related: {relation: supersedes}`. Lapsed and implemented agreements end
on their own and need no ending event.

Fails:

    outcome: {status: collapsed, date: "2016-09-19"}

Passes:

    outcome: {status: collapsed, date: "2016-09-19", ended_by: 2016-09-19-aleppo-convoy-attack}
""",
)
def missing_ending_event(dataset: Dataset) -> Iterator[Finding]:
    ended_by_event = {
        link.agreement
        for event in dataset.events.values()
        for link in event.agreements
        if link.effect is Effect.ENDED
    }
    superseded = {
        rel.agreement
        for agreement in dataset.agreements.values()
        for rel in agreement.related
        if rel.relation is RelationKind.SUPERSEDES
    }
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        outcome = agreement.outcome
        if outcome is None or outcome.status not in OUTCOMES_ENDED_BY_SOMETHING or outcome.ended_by:
            continue
        if agreement.id in ended_by_event:
            continue
        if outcome.status is OutcomeStatus.SUPERSEDED and agreement.id in superseded:
            continue
        yield missing_ending_event.finding(
            f"outcome is {outcome.status.value}, but nothing is recorded as ending it",
            entry.location("outcome", "status"),
            hint="name the event in outcome.ended_by",
        )


@rule(
    "C105",
    "ending-event-date",
    "The event that ended an agreement is dated otherwise than its end",
    Severity.ERROR,
    """
`outcome.ended_by` names the event that ended the agreement; it must fall on the outcome's date
(or, without one, on the agreement's `ended` date). A month that contains the event's day is
consistent; a partial overlap is reported as C100.

Fails:

    outcome: {status: collapsed, date: "2016-09-19", ended_by: 2016-09-26-aleppo-offensive}

Passes:

    outcome: {status: collapsed, date: "2016-09", ended_by: 2016-09-19-aleppo-convoy-attack}
""",
)
def ending_event_date(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        outcome = agreement.outcome
        if outcome is None or outcome.ended_by is None:
            continue
        event = dataset.events.get(outcome.ended_by)
        when = date_or_none(event.date) if event is not None else None
        reached = outcome_date(agreement)
        end = reached.date if reached is not None else None
        if reached is None or when is None or end is None:
            continue
        if end.contains(when) or when.contains(end):
            continue
        where = entry.location("outcome", "ended_by")
        event_entry = dataset.entry("event", outcome.ended_by)
        related = (entry.location(*reached.path),) + (
            (event_entry.location("date"),) if event_entry else ()
        )
        what = "outcome" if reached.field == "outcome" else "ended date"
        message = (
            f"{outcome.ended_by} is dated {when.describe()}, but the {what} is {end.describe()}"
        )
        if when.compare(end) is Order.UNDETERMINED:
            yield undetermined("C105", message, where, when, end)
        else:
            yield ending_event_date.finding(message, where, related=related)

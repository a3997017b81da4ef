"""Source rules (``S``): claims rest on sources, and a source cannot report the future."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Agreement, Event
from accords.model.agreement_dates import first_stage_date
from accords.model.agreements import Certainty, Exclusion, Position
from accords.model.dates import DateInterval, before, date_or_none
from accords.model.events import EventStatus
from accords.model.walk import KeyPath
from accords.rules.chronology import undetermined
from accords.rules.helpers import citations

if TYPE_CHECKING:
    from accords.dataset import Dataset, Entry


@rule(
    "S101",
    "missing-sources",
    "An agreement, an event or a contested claim cites no source",
    Severity.ERROR,
    """
Every agreement and every event rests on at least one source, and so does every claim marked
`contested` (a participant, an exclusion, a position, a term): a disputed claim without the
documents that dispute it cannot be weighed.

Fails:

    id: aleppo-evacuation-2016
    ...
    sources: []

Passes:

    id: aleppo-evacuation-2016
    ...
    sources: [reuters-2016-12-13]
""",
)
def missing_sources(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries:
        record = entry.record
        if isinstance(record, Agreement | Event) and not record.sources:
            yield missing_sources.finding(
                f"{entry.kind} {entry.id} cites no source", _sources_location(entry, ())
            )
    for entry, loc, model in dataset.claims:
        if loc and getattr(model, "contested", False) and not model.sources:  # type: ignore[attr-defined]
            yield missing_sources.finding(
                "a contested claim cites no source", _sources_location(entry, loc)
            )


@rule(
    "S102",
    "unsourced-claim",
    "An exclusion, a position or an actor cites no source",
    Severity.WARNING,
    """
Exclusions and positions are claims about an actor, often made by analysts rather than by the
agreement's text; each should cite its own source. Actors cite the sources that describe them
(their names, designations, relations). A warning, not an error: the agreement's own sources
may cover an uncontested claim.

Fails:

    exclusions:
      - {actor: kurdish-ypg, scope: talks, manner: shut-out}

Passes:

    exclusions:
      - {actor: kurdish-ypg, scope: talks, manner: shut-out, sources: [al-monitor-2017-01-20]}
""",
)
def unsourced_claim(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries:
        record = entry.record
        if entry.kind == "actor" and not record.sources:
            yield unsourced_claim.finding(
                f"actor {entry.id} cites no source", _sources_location(entry, ())
            )
        if not isinstance(record, Agreement):
            continue
        claims: list[tuple[str, int, Exclusion | Position]] = [
            *(("exclusion", i, x) for i, x in enumerate(record.exclusions)),
            *(("position", i, p) for i, p in enumerate(record.positions)),
        ]
        for word, i, claim in claims:
            if not claim.sources and not claim.contested:
                yield unsourced_claim.finding(
                    f"{word} of {claim.actor} cites no source",
                    entry.location(word + "s", i, "actor"),
                )


def _sources_location(entry: Entry, loc: KeyPath) -> tuple[str, int, int]:
    """The ``sources`` key when it is written (``sources: []``), else the record itself."""
    return entry.key_location(*loc, "sources")


@rule(
    "S103",
    "source-before-fact",
    "A source is published before the fact it attests",
    Severity.ERROR,
    """
An article cannot report what had not happened yet: a source cited for an event, a position,
an accusation or an outcome must not be published before that fact's date, and one cited for an
agreement not before the agreement's first known date. It can announce a planned event or make
a forecast, so events with status `planned` or `rumoured`, and rumoured agreements, are exempt.
A fact known only to the month (or year) that contains the publication day is taken as reported
after it happened; other overlaps of the two dates are reported as C100.

Fails (the source is of 10 September; the event of 19 September):

    - id: 2016-09-19-aleppo-convoy-attack
      date: "2016-09-19"
      sources: [reuters-2016-09-10]

Passes:

    - id: 2016-09-19-aleppo-convoy-attack
      date: "2016-09-19"
      sources: [reuters-2016-09-20]
""",
)
def source_before_fact(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries:
        for loc, model, fact in _dated_claims(entry):
            for cite_loc, source_id in citations(model, loc):
                source = dataset.sources.get(source_id)
                published = date_or_none(source.published) if source is not None else None
                if published is None:
                    continue
                verdict = before(published, fact)
                # An imprecise fact that contains the publication day is no evidence of error.
                if verdict is False or (verdict is None and fact.contains(published)):
                    continue
                where = entry.location(*cite_loc)
                message = (
                    f"{source_id} is published {published.describe()}, "
                    f"before the fact it attests, dated {fact.describe()}"
                )
                if verdict is None:
                    message = message.replace("before the fact", "possibly before the fact")
                    yield undetermined("S103", message, where, published, fact)
                    continue
                source_entry = dataset.entry("source", source_id)
                related = (source_entry.location("published"),) if source_entry else ()
                yield source_before_fact.finding(message, where, related=related)


def _dated_claims(entry: Entry) -> Iterator[tuple[KeyPath, BaseModel, DateInterval]]:
    """``(location, model, date)`` of each claim with a date that its sources must follow."""
    record = entry.record
    if isinstance(record, Event):
        when = date_or_none(record.date)
        if when is not None and record.status not in (EventStatus.PLANNED, EventStatus.RUMOURED):
            yield (), record, when
    elif isinstance(record, Agreement):
        if record.certainty is not Certainty.RUMOURED:
            first = first_stage_date(record)
            if first is not None:
                yield (), record, first.date
        for i, position in enumerate(record.positions):
            if (when := date_or_none(position.date)) is not None:
                yield ("positions", i), position, when
        outcome = record.outcome
        if outcome is not None:
            if (when := date_or_none(outcome.date)) is not None:
                yield ("outcome",), outcome, when
            for i, acc in enumerate(outcome.accusations):
                if (when := date_or_none(acc.date)) is not None:
                    yield ("outcome", "accusations", i), acc, when

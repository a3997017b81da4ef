"""An agreement's key dates, each question answered once: when it is known by, when it started
to bind, when it ended, whether it was in force on a day.

An agreement gives up to five dates (``proposed``, ``announced``, ``signed``, ``effective``,
``ended``) plus an outcome's date, each as precise as the sources allow. Each query below picks
among them in the precedence its question needs; the precedences differ on purpose (a treaty is
known by its signing, but binds from taking effect), so each is named for its question.

"In force" is three-valued (:func:`in_force`, :func:`in_force_between`): ``True``, ``False``,
or ``None`` when the precision of the dates leaves it open. An agreement is in force from the
day it takes effect (or is signed, when no effective date is known) up to, not through, the day
it ends: on that day it held only until it ended, so the day is undetermined, and fighting on
the day a ceasefire ends is how it ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accords.model.agreements import CLOSING_OUTCOMES, ENDING_OUTCOMES, Agreement
from accords.model.dates import (
    FIRST_ORDINAL,
    LAST_ORDINAL,
    DateInterval,
    Order,
    date_or_none,
    on_or_before,
)
from accords.model.events import Event

#: The life of an agreement in order: each date, when present, falls on or after the previous one.
LIFE_ORDER = ("proposed", "announced", "signed", "effective", "ended")

#: The date fields that say an agreement existed, in the order ties are broken.
EXISTENCE_FIELDS = ("signed", "announced", "effective")

#: The date fields of its life before its end, in the order ties are broken.
_BEFORE_END_FIELDS = ("proposed", "announced", "signed", "effective")

#: Where each non-``dates`` field lives in the record.
_PATHS = {"outcome": ("outcome", "date"), "ended_by": ("outcome", "ended_by")}


@dataclass(frozen=True, slots=True)
class AgreementDate:
    """One date of an agreement and the field that gives it: a key of ``dates``
    (``signed``), ``outcome`` (the outcome's date) or ``ended_by`` (the ending event's date)."""

    field: str
    date: DateInterval

    @property
    def text(self) -> str:
        """The date as the record writes it."""
        return self.date.text

    @property
    def path(self) -> tuple[str, ...]:
        """Where the date is written in the agreement record (``("dates", "signed")``)."""
        return _PATHS.get(self.field, ("dates", self.field))


def date_of(agreement: Agreement, field: str) -> AgreementDate | None:
    """One of the agreement's ``dates`` by name, when given."""
    parsed = date_or_none(getattr(agreement.dates, field))
    return AgreementDate(field, parsed) if parsed is not None else None


def _first_given(agreement: Agreement, fields: tuple[str, ...]) -> AgreementDate | None:
    """The first of ``fields`` that the agreement gives."""
    for field in fields:
        found = date_of(agreement, field)
        if found is not None:
            return found
    return None


def _earliest(agreement: Agreement, fields: tuple[str, ...]) -> DateInterval | None:
    """The earliest of ``fields`` by first then last possible day; ties go to the first field."""
    known = [d.date for field in fields if (d := date_of(agreement, field)) is not None]
    return min(known, key=lambda d: (d.earliest, d.latest)) if known else None


def given_dates(agreement: Agreement) -> list[AgreementDate]:
    """Every date of ``dates`` the agreement gives, in the order of its life."""
    return [d for field in LIFE_ORDER if (d := date_of(agreement, field)) is not None]


def known_date(agreement: Agreement) -> AgreementDate | None:
    """The date an agreement is known by: signed, else effective, announced or proposed.

    A treaty goes by its signing; what comes before it names it only when nothing later does.
    """
    return _first_given(agreement, ("signed", "effective", "announced", "proposed"))


def first_stage_date(agreement: Agreement) -> AgreementDate | None:
    """The date of the first stage of its life the record gives (``ended`` when it gives only
    that): what a source about the agreement cannot precede. Unlike :func:`first_date`, the
    order is the stages', not the calendar's, so dates out of order do not move it."""
    return _first_given(agreement, LIFE_ORDER)


def first_date(agreement: Agreement) -> DateInterval | None:
    """The earliest date of its life before its end (proposed, announced, signed, effective),
    by the calendar: where timelines and exports place it and how agreements are ordered."""
    return _earliest(agreement, _BEFORE_END_FIELDS)


def existence_date(agreement: Agreement) -> DateInterval | None:
    """The earliest of the signed, announced and effective dates: when the agreement existed
    (a proposal alone is not an agreement yet)."""
    return _earliest(agreement, EXISTENCE_FIELDS)


def record_date(agreement: Agreement) -> DateInterval | None:
    """The date from which the agreement is on record: when it existed, else (only proposed)
    its first date."""
    return existence_date(agreement) or first_date(agreement)


def on_record_by(agreement: Agreement, as_of: DateInterval) -> bool | None:
    """Whether the agreement was on record by the end of ``as_of``: ``None`` when the dates'
    precision leaves it open or the agreement has no date."""
    when = record_date(agreement)
    if when is None:
        return None
    order = on_or_before(when, as_of)
    return None if order is Order.UNDETERMINED else order is Order.BEFORE


def chronological_key(agreement: Agreement) -> tuple[int, int, str]:
    """Orders agreements by first date (undated last), then id, whatever the file order."""
    date = first_date(agreement)
    if date is None:
        return (LAST_ORDINAL + 1, 0, agreement.id)
    return (date.earliest, date.latest, agreement.id)


def binding_start(agreement: Agreement) -> AgreementDate | None:
    """When the agreement starts to bind: effective, else signed."""
    return _first_given(agreement, ("effective", "signed"))


def public_start(agreement: Agreement) -> AgreementDate | None:
    """When the agreement was known, so could be undermined: announced, else signed, else
    effective."""
    return _first_given(agreement, ("announced", "signed", "effective"))


def held_from(agreement: Agreement) -> AgreementDate | None:
    """Where a summary of how long it held starts: effective, else signed, else announced (a
    truce known only by its announcement is counted from it)."""
    return _first_given(agreement, ("effective", "signed", "announced"))


def end_date(agreement: Agreement) -> AgreementDate | None:
    """When the agreement stopped being in force: ``ended``, else the date of an ending outcome
    (collapsed, lapsed, superseded; see :data:`~accords.model.agreements.ENDING_OUTCOMES`)."""
    ended = date_of(agreement, "ended")
    outcome = agreement.outcome
    if ended is None and outcome is not None and outcome.status in ENDING_OUTCOMES:
        when = date_or_none(outcome.date)
        return AgreementDate("outcome", when) if when is not None else None
    return ended


def outcome_date(agreement: Agreement) -> AgreementDate | None:
    """When the agreement reached its outcome: the outcome's date, else its ``ended`` date."""
    outcome = agreement.outcome
    when = date_or_none(outcome.date) if outcome is not None else None
    return AgreementDate("outcome", when) if when is not None else date_of(agreement, "ended")


def recorded_end(agreement: Agreement) -> AgreementDate | None:
    """The last date the record gives for the agreement's life: ``ended``, else the outcome's
    date whatever the outcome (a timeline draws the agreement up to it)."""
    ended = date_of(agreement, "ended")
    outcome = agreement.outcome
    if ended is None and outcome is not None:
        when = date_or_none(outcome.date)
        return AgreementDate("outcome", when) if when is not None else None
    return ended


def held_until(agreement: Agreement, events: Mapping[str, Event]) -> AgreementDate | None:
    """Where a summary of how long it held ends: ``ended``, else the date of the event that
    ended it, else the date of a closing outcome (an ending one, or implemented)."""
    ended = date_of(agreement, "ended")
    outcome = agreement.outcome
    if ended is not None or outcome is None:
        return ended
    event = events.get(outcome.ended_by) if outcome.ended_by is not None else None
    if event is not None:
        when, field = date_or_none(event.date), "ended_by"
    elif outcome.status in CLOSING_OUTCOMES:
        when, field = date_or_none(outcome.date), "outcome"
    else:
        return None
    return AgreementDate(field, when) if when is not None else None


def _possible_days(agreement: Agreement) -> tuple[int, int]:
    """The days on which the agreement may have been in force, as the widest reading allows."""
    start, end = binding_start(agreement), end_date(agreement)
    return (
        start.date.earliest if start is not None else FIRST_ORDINAL,
        end.date.latest if end is not None else LAST_ORDINAL,
    )


def days_in_force(agreement: Agreement) -> tuple[int, int] | None:
    """The first and last day (ordinals) on which the agreement was certainly in force: from
    the last possible day it took effect to the day before the first possible day it ended;
    ``None`` when no day is certain (no start date, or an end that may precede the start)."""
    start, end = binding_start(agreement), end_date(agreement)
    if start is None:
        return None
    first = start.date.latest
    last = end.date.earliest - 1 if end is not None else LAST_ORDINAL
    return (first, last) if first <= last else None


def in_force(agreement: Agreement, on: DateInterval) -> bool | None:
    """Whether the agreement was in force on the day ``on`` denotes: ``True`` when it was on
    every day ``on`` may be, ``False`` when on none, ``None`` otherwise (the precision of the
    dates leaves it open, or the record gives no start and ``on`` is not after the end)."""
    first, last = _possible_days(agreement)
    if first > last or on.latest < first or on.earliest > last:
        return False
    certain = days_in_force(agreement)
    if certain is not None and certain[0] <= on.earliest and on.latest <= certain[1]:
        return True
    return None


def in_force_between(agreement: Agreement, start: DateInterval, end: DateInterval) -> bool | None:
    """Whether the agreement was in force at some time from ``start`` to ``end`` (both
    included): ``True`` when it certainly was on a day certainly in that span, ``False`` when it
    certainly was not on any day that may be in it, ``None`` otherwise."""
    first, last = _possible_days(agreement)
    if first > last or end.latest < first or start.earliest > last:
        return False
    certain = days_in_force(agreement)
    if certain is not None and max(certain[0], start.latest) <= min(certain[1], end.earliest):
        return True
    return None

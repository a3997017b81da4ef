"""Helpers the analyses share: parsing dates, dating agreements, naming actors as of a date."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from accords.errors import UsageError
from accords.model import Actor, Agreement
from accords.model.common import Citation, source_id
from accords.model.dates import (
    LAST_ORDINAL,
    DateInterval,
    InvalidDate,
    Order,
    date_or_none,
    parse_date,
)

#: The date fields that say an agreement existed, earliest first in the life of an agreement.
EXISTENCE_FIELDS = ("signed", "announced", "effective")
_START_FIELDS = ("proposed", "announced", "signed", "effective")


def parse_option_date(text: str | None, option: str) -> DateInterval | None:
    """A date given on the command line or to the API; a bad one is a usage error."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except InvalidDate as exc:
        raise UsageError(f"{option}: {exc}") from None


def today() -> DateInterval:
    return parse_date(_dt.date.today().isoformat())


def on_or_before(date: DateInterval, limit: DateInterval) -> Order:
    """Three-valued "date falls on or before the end of limit": BEFORE, AFTER or UNDETERMINED.

    A limit such as ``2031-05`` reads as "by the end of May", as deadlines and as-of dates do.
    """
    if date.latest <= limit.latest:
        return Order.BEFORE
    if date.earliest > limit.latest:
        return Order.AFTER
    return Order.UNDETERMINED


def existence_date(agreement: Agreement) -> DateInterval | None:
    """The earliest of the signed, announced and effective dates: when the agreement existed."""
    dates = [date_or_none(getattr(agreement.dates, name)) for name in EXISTENCE_FIELDS]
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: (d.earliest, d.latest)) if known else None


def first_date(agreement: Agreement) -> DateInterval | None:
    """The earliest date in the agreement's life before its end, for ordering and timelines."""
    dates = [date_or_none(getattr(agreement.dates, name)) for name in _START_FIELDS]
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: (d.earliest, d.latest)) if known else None


def chronological_key(agreement: Agreement) -> tuple[int, int, str]:
    """Orders agreements by first date (undated last), then id, whatever the file order."""
    date = first_date(agreement)
    if date is None:
        return (LAST_ORDINAL + 1, 0, agreement.id)
    return (date.earliest, date.latest, agreement.id)


def actor_name(actor: Actor | None, actor_id: str, as_of: DateInterval | None = None) -> str:
    """The actor's display name: its primary name, or with ``as_of`` the dated name valid then.

    A dated name counts only when its validity settles the question; otherwise the primary
    name stands, so a name is never attributed to a time it may not have been used.
    """
    if actor is None:
        return actor_id
    if as_of is not None:
        for dated in actor.names:
            start = date_or_none(dated.from_)
            end = date_or_none(dated.until)
            started = start is None or on_or_before(start, as_of) is Order.BEFORE
            not_ended = end is None or on_or_before(as_of, end) is Order.BEFORE
            if started and not_ended:
                return dated.name
    return actor.name


def source_ids(refs: Iterable[str | Citation]) -> tuple[str, ...]:
    """Source ids of citations, in order, without repeats."""
    return tuple(dict.fromkeys(source_id(ref) for ref in refs))


def resolve_agreements(
    agreements: dict[str, Agreement], wanted: Iterable[str] | None
) -> list[Agreement]:
    """The agreements asked for, in the order given; all of them chronologically by default."""
    if wanted is None:
        return sorted(agreements.values(), key=chronological_key)
    chosen: list[Agreement] = []
    for agreement_id in dict.fromkeys(wanted):
        agreement = agreements.get(agreement_id)
        if agreement is None:
            raise UsageError(
                f"unknown agreement {agreement_id!r}{_suggest(agreement_id, agreements)}"
            )
        chosen.append(agreement)
    return chosen


def _suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""

"""Helpers the analyses share: option dates, naming actors as of a date, choosing agreements."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from accords.errors import UsageError
from accords.model import Actor, Agreement
from accords.model.agreement_dates import chronological_key
from accords.model.common import Citation, source_id
from accords.model.dates import (
    DateInterval,
    InvalidDate,
    Order,
    date_or_none,
    on_or_before,
    parse_date,
)
from accords.model.names import suggest

#: Several values in one CSV cell (sources, aliases, actors, a cell's marks) are joined with
#: this, in every CSV accords writes: no space, so that splitting a cell gives the values back.
LIST_SEPARATOR = ";"


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
            close = suggest(agreement_id, agreements)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(f"unknown agreement {agreement_id!r}{hint}")
        chosen.append(agreement)
    return chosen

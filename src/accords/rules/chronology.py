"""Chronology rules (``C``): an agreement's dates and the events linked to it fall in order.

Every comparison is three-valued (:mod:`accords.model.dates`): a definite finding comes only
from a definite order; when the precision of a date leaves the order open, the rule reports
``C100`` (a warning naming the imprecise date) instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from accords.checking.registry import Rule, register, rule
from accords.findings import Finding, Severity
from accords.model import Agreement, Event
from accords.model.agreement_dates import binding_start, date_of, given_dates, public_start
from accords.model.dates import (
    DateInterval,
    before,
    date_or_none,
    interval_is_ordered,
    precision_note,
)
from accords.model.events import Effect
from accords.rules.helpers import Where, date_fields

if TYPE_CHECKING:
    from accords.dataset import Dataset

#: The rules whose undetermined comparisons C100 reports.
DATE_RULES = ("C101", "C103", "C105", "C106", "C108", "P102", "S103")


def _undetermined_findings(dataset: Dataset) -> Iterator[Finding]:
    """C100 stands on its own: selected without the rules it serves, it runs them for its
    findings (when both run, the runner drops the duplicates)."""
    from accords.checking.registry import RULES

    for code in DATE_RULES:
        check = RULES[code].check
        if check is not None:
            yield from (f for f in check(dataset) if f.code == "C100")


UNDETERMINED = register(
    Rule(
        "C100",
        "undetermined-order",
        "The precision of a date does not settle an order a rule checks",
        Severity.WARNING,
        """
A date known only to the month, the year, or as approximate is an interval of days. When a
rule needs an order that such an interval leaves open, it reports no error; it reports this
warning, naming the rule and the date whose precision does not settle it. Make the date more
precise if the sources allow, or ignore C100 in accords.toml to accept the uncertainty. C100
covers the rules C101, C103, C105, C106, C108, P102 and S103, selected or not.

Fails (was the deal announced before it was signed? the month does not say):

    dates: {announced: "2016-12", signed: "2016-12-29"}

Passes:

    dates: {announced: "2016-12-28", signed: "2016-12-29"}
""".strip(),
        _undetermined_findings,
    )
)


def undetermined(code: str, message: str, where: Where, *dates: DateInterval) -> Finding:
    """The C100 warning standing in for rule ``code`` when the order is open."""
    return UNDETERMINED.finding(
        f"{code} undetermined: {message}; {precision_note(*dates)}",
        where,
        hint="give the date more precisely if the sources allow",
    )


@rule(
    "C101",
    "dates-out-of-order",
    "An agreement's dates are out of order",
    Severity.ERROR,
    """
An agreement's dates follow its life: proposed, announced, signed, effective, ended, each on or
after the previous one that is given. A date before an earlier stage is a typo or a mix-up of
stages. Overlapping imprecise dates are reported as C100, never as C101.

Fails:

    dates: {signed: "2016-12-29", effective: "2016-12-28"}

Passes:

    dates: {signed: "2016-12-29", effective: "2016-12-30"}
""",
)
def dates_out_of_order(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        given = [(d.field, d.date) for d in given_dates(agreement)]
        for (early_name, early), (late_name, late) in pairwise(given):
            verdict = before(late, early)
            where = entry.location("dates", late_name)
            if verdict is True:
                yield dates_out_of_order.finding(
                    f"{late_name} {late.describe()} is before {early_name} {early.describe()}",
                    where,
                    related=(entry.location("dates", early_name),),
                )
            elif verdict is None:
                yield undetermined(
                    "C101",
                    f"{late_name} {late.text} may be before {early_name} {early.text}",
                    where,
                    early,
                    late,
                )


@rule(
    "C102",
    "reversed-interval",
    "A date interval or a from/until pair ends before it starts",
    Severity.ERROR,
    """
An interval A/B, and a `from`/`until` pair (dated names, relations, designations), must not
end before it starts.

Fails:

    date: "2016-12-14/2016-12-13"
    names: [{name: Jabhat Fateh al-Sham, from: "2017-01", until: "2016-07-28"}]

Passes:

    date: "2016-12-13/2016-12-14"
    names: [{name: Jabhat Fateh al-Sham, from: "2016-07-28", until: "2017-01-28"}]
""",
)
def reversed_interval(dataset: Dataset) -> Iterator[Finding]:
    for entry, loc, model in dataset.models:
        fields = dict(date_fields(model))
        for key, text in fields.items():
            if date_or_none(text) is not None and not interval_is_ordered(text):
                yield reversed_interval.finding(
                    f"interval {text} ends before it starts", entry.location(*loc, key)
                )
        start, end = date_or_none(fields.get("from")), date_or_none(fields.get("until"))
        if start is not None and end is not None and start.earliest > end.latest:
            yield reversed_interval.finding(
                f"until {end.describe()} is before from {start.describe()}",
                entry.location(*loc, "until"),
                related=(entry.location(*loc, "from"),),
            )


#: Effects that need the agreement in force: before it starts or after it ends they are wrong.
_IN_FORCE = frozenset((Effect.VIOLATED, Effect.UNDERMINED, Effect.ENDED, Effect.IMPLEMENTED))


@rule(
    "C103",
    "event-outside-window",
    "An event affects an agreement outside the agreement's life",
    Severity.ERROR,
    """
An event can violate, implement or end an agreement only while it is in force: on or after it
took effect (or was signed, when no effective date is known) and not after it ended; it can
undermine it from the day it was announced (or signed). An event that `took-effect` must fall
on the agreement's effective date, and one that `ended` it on its ended date.

Fails (the truce took effect on 12 September):

    - id: 2016-09-10-aleppo-shelling
      date: "2016-09-10"
      agreements: [{agreement: kerry-lavrov-2016, effect: violated}]

Passes:

    - id: 2016-09-14-aleppo-shelling
      date: "2016-09-14"
      agreements: [{agreement: kerry-lavrov-2016, effect: violated}]
""",
)
def event_outside_window(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("event"):
        event: Event = entry.record
        when = date_or_none(event.date)
        if when is None:
            continue
        for i, link in enumerate(event.agreements):
            agreement = dataset.agreements.get(link.agreement)
            if agreement is None:
                continue
            agreement_entry = dataset.entry("agreement", agreement.id)
            where = entry.location("agreements", i, "effect")
            for message, other_field, bound, verdict in _window_breaks(
                agreement, link.effect, when
            ):
                related = (
                    (agreement_entry.location("dates", other_field),) if agreement_entry else ()
                )
                if verdict is None:
                    yield undetermined("C103", message, where, when, bound)
                else:
                    yield event_outside_window.finding(message, where, related=related)


def _window_breaks(
    agreement: Agreement, effect: Effect, when: DateInterval
) -> Iterator[tuple[str, str, DateInterval, bool | None]]:
    """``(message, agreement date field, that date, definite?)`` for each bound the event breaks.

    ``definite`` is True for a certain break and None when the dates' precision leaves it open.
    """
    name = agreement.id
    on = f"{effect.value} {name} on {when.describe()}"
    if effect in (Effect.TOOK_EFFECT, Effect.ENDED):
        field = "effective" if effect is Effect.TOOK_EFFECT else "ended"
        given = date_of(agreement, field)
        bound = given.date if given is not None else None
        # The event must fall on that date; a day inside an imprecise date is consistent with it.
        if bound is not None and not (bound.contains(when) or when.contains(bound)):
            disjoint = when.latest < bound.earliest or when.earliest > bound.latest
            yield f"{on}, but it is {field} {bound.describe()}", field, bound, disjoint or None
    if effect not in _IN_FORCE:
        return
    # An agreement can be undermined once it is known; the other effects need it binding.
    start = public_start(agreement) if effect is Effect.UNDERMINED else binding_start(agreement)
    if start is not None:
        field, bound = start.field, start.date
        verdict = before(when, bound)
        if verdict is not False:
            yield f"{on}, before it was {field} on {bound.describe()}", field, bound, verdict
    # Only the ``ended`` date bounds the window here, not an outcome's date (unlike
    # ``end_date``): C105 checks the outcome's date against the event that ended it.
    ended = date_of(agreement, "ended")
    if ended is not None and effect is not Effect.ENDED:
        verdict = before(ended.date, when)
        if verdict is not False:
            yield f"{on}, after it ended on {ended.date.describe()}", "ended", ended.date, verdict

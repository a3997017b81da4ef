"""Chronology of names (``C106``): an actor is called only by a name it bore on the date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Actor
from accords.model.actors import DatedName
from accords.model.dates import DateInterval, date_or_none
from accords.model.names import normalise_name
from accords.rules.chronology import undetermined
from accords.rules.helpers import dated_agreements, named_claims

if TYPE_CHECKING:
    from accords.dataset import Dataset


@rule(
    "C106",
    "name-out-of-time",
    "An actor is called by a name it did not bear on the agreement's date",
    Severity.ERROR,
    """
An actor's dated `names` hold only from/until their dates: Jabhat al-Nusra became Jabhat Fateh
al-Sham on 28 July 2016, so an agreement of September 2016 that names it "Jabhat al-Nusra" in
`name_used` uses a name it no longer bore (the agreement's sources may do so; then say so in a
note and leave `name_used` at the name the record's date fits). The agreement's date is signed,
else effective, announced or proposed. The primary name and aliases are valid at any time.

Fails (agreement signed 2016-09-09):

    exclusions:
      - actor: jabhat-fateh-al-sham
        name_used: Jabhat al-Nusra
        scope: protection
        manner: explicit

Passes:

    exclusions:
      - actor: jabhat-fateh-al-sham
        name_used: Jabhat Fateh al-Sham
        scope: protection
        manner: explicit
""",
)
def name_out_of_time(dataset: Dataset) -> Iterator[Finding]:
    for entry, agreement, date_field, when in dated_agreements(dataset):
        for field, i, item in named_claims(agreement):
            actor = dataset.actors.get(item.actor)
            if item.name_used is None or actor is None:
                continue
            verdict = _name_verdict(actor, item.name_used, when)
            if verdict is None:
                continue
            definite, name, bound = verdict
            where = entry.location(field, i, "name_used")
            message = (
                f"{actor.id} bore the name {item.name_used!r} {_window(name)}, "
                f"not on {date_field} {when.describe()}"
            )
            if definite:
                yield name_out_of_time.finding(
                    message, where, related=(entry.location("dates", date_field),)
                )
            else:
                assert bound is not None
                yield undetermined("C106", message, where, when, bound)


def _window(name: DatedName) -> str:
    parts = []
    if name.from_:
        parts.append(f"from {name.from_}")
    if name.until:
        parts.append(f"until {name.until}")
    return " ".join(parts) or "at some time"


def _name_verdict(
    actor: Actor, used: str, when: DateInterval
) -> tuple[bool, DatedName, DateInterval | None] | None:
    """None when the name fits the date; else (definite?, the dated name, the open bound)."""
    wanted = normalise_name(used)
    if wanted in {normalise_name(n) for n in (actor.name, *actor.aliases)} and not any(
        normalise_name(n.name) == wanted for n in actor.names
    ):
        return None
    verdicts: list[tuple[bool, DatedName, DateInterval | None]] = []
    for name in actor.names:
        if normalise_name(name.name) != wanted:
            continue
        outcome = _within(when, date_or_none(name.from_), date_or_none(name.until))
        if outcome is True:
            return None
        verdicts.append((outcome is False, name, None if outcome is False else outcome))
    if not verdicts:
        return None  # not a name of this actor at all: R106 reports it
    # Undetermined windows come first: a definite error only when every window excludes the date.
    verdicts.sort(key=lambda v: v[0])
    return verdicts[0]


def _within(
    when: DateInterval, start: DateInterval | None, end: DateInterval | None
) -> bool | DateInterval:
    """True inside, False outside, or the bound whose precision leaves it open."""
    if start is not None and when.latest < start.earliest:
        return False
    if end is not None and when.earliest > end.latest:
        return False
    if start is not None and when.earliest < start.latest:
        return start
    if end is not None and when.latest > end.earliest:
        return end
    return True

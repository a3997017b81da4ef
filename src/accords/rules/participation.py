"""Participation rules (``P``): who was at the table agrees with who was left out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Agreement
from accords.model.agreements import ExclusionManner, ExclusionScope, Participant, Role
from accords.model.dates import date_or_none
from accords.rules.chronology import undetermined
from accords.rules.helpers import dated_agreements

if TYPE_CHECKING:
    from accords.dataset import Dataset


@rule(
    "P101",
    "participant-and-excluded",
    "An actor is both a participant and excluded from the same scope",
    Severity.ERROR,
    """
An actor excluded from the talks cannot also sit at the table, unless the manner is
`sidelined` (present but marginal); an actor excluded from protection cannot also be a `party`
the agreement binds and protects. When either claim is `contested`, the two may stand side by
side as disputed claims, and the finding is a warning.

Fails:

    participants:
      - {actor: ahrar-al-sham, roles: [party]}
    exclusions:
      - {actor: ahrar-al-sham, scope: protection, manner: explicit}

Passes:

    participants:
      - {actor: ahrar-al-sham, roles: [party]}
    exclusions:
      - {actor: ahrar-al-sham, scope: talks, manner: sidelined}
""",
)
def participant_and_excluded(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        seated: dict[str, tuple[int, Participant]] = {}
        for i, p in enumerate(agreement.participants):
            seated.setdefault(p.actor, (i, p))
        for i, x in enumerate(agreement.exclusions):
            found = seated.get(x.actor)
            if found is None:
                continue
            j, participant = found
            if x.scope is ExclusionScope.TALKS:
                if x.manner is ExclusionManner.SIDELINED:
                    continue
                clash = f"excluded from the talks ({x.manner.value}) but a participant"
            elif Role.PARTY in participant.roles:
                clash = "excluded from protection but a party"
            else:
                continue
            contested = x.contested or participant.contested
            yield participant_and_excluded.finding(
                f"{x.actor} is {clash}" + (" (a contested claim)" if contested else ""),
                entry.location("exclusions", i, "actor"),
                severity=Severity.WARNING if contested else None,
                related=(entry.location("participants", j, "actor"),),
            )


@rule(
    "P102",
    "excluded-not-designated",
    "An actor is excluded as a designated group but was not designated at the time",
    Severity.WARNING,
    """
When a term of the agreement leaves "designated" groups outside its protection, each actor
excluded from protection should carry a designation in force on the agreement's date (signed,
else effective, announced or proposed). An exclusion without one means the designation is
missing from the actor's record, or the actor was left out on other grounds (then say so in
the exclusion's note and term).

Fails (the actor has no designation before 2017):

    terms:
      - {id: cessation, kind: cessation, text: Hostilities cease except against designated groups.}
    exclusions:
      - {actor: jabhat-fateh-al-sham, scope: protection, manner: explicit}

Passes (actors/jabhat-fateh-al-sham.yaml):

    designations:
      - {by: un-security-council, label: terrorist, from: "2013-05-30"}
""",
)
def excluded_not_designated(dataset: Dataset) -> Iterator[Finding]:
    for entry, agreement, field, when in dated_agreements(dataset):
        if not any("designated" in term.text.casefold() for term in agreement.terms):
            continue
        for i, x in enumerate(agreement.exclusions):
            actor = dataset.actors.get(x.actor)
            if x.scope is not ExclusionScope.PROTECTION or actor is None:
                continue
            where = entry.location("exclusions", i, "actor")
            open_bound = None
            for designation in actor.designations:
                start, end = date_or_none(designation.from_), date_or_none(designation.until)
                if (start is not None and when.latest < start.earliest) or (
                    end is not None and when.earliest > end.latest
                ):
                    continue
                if start is not None and when.earliest < start.latest:
                    open_bound = start
                    continue
                if end is not None and when.latest > end.earliest:
                    open_bound = end
                    continue
                break
            else:
                message = f"{x.actor} carries no designation in force on {field} {when.describe()}"
                if open_bound is not None:
                    yield undetermined("P102", message, where, when, open_bound)
                else:
                    yield excluded_not_designated.finding(message, where)

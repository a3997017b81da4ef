"""Scenario rules (``F``): what-if changes and forecasts name real records and can resolve."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.model import Scenario
from accords.model.names import did_you_mean, names_index
from accords.model.walk import KeyPath

if TYPE_CHECKING:
    from accords.dataset import Dataset


def _scenario_references(
    scenario: Scenario, dataset: Dataset
) -> Iterator[tuple[KeyPath, str, str, set[str] | dict[str, object]]]:
    """``(location, word, id, known ids)`` of every id a scenario names."""
    actors: dict[str, object] = dict(dataset.actors)
    agreements: dict[str, object] = dict(dataset.agreements)
    for i, change in enumerate(scenario.changes):
        base: KeyPath = ("changes", i)
        yield (*base, "agreement"), "agreement", change.agreement, agreements
        target = dataset.agreements.get(change.agreement)
        for j, p in enumerate(change.add_participants):
            yield (*base, "add_participants", j, "actor"), "actor", p.actor, actors
        for j, x in enumerate(change.add_exclusions):
            yield (*base, "add_exclusions", j, "actor"), "actor", x.actor, actors
        if target is None:
            continue
        # Removals must name something the agreement has, or the change does nothing.
        seated = {p.actor for p in target.participants}
        excluded = {x.actor for x in target.exclusions}
        terms = {t.id for t in target.terms}
        for field, ids, word in (
            ("remove_participants", seated, f"participant of {target.id}"),
            ("remove_exclusions", excluded, f"exclusion of {target.id}"),
            ("remove_terms", terms, f"term of {target.id}"),
        ):
            for j, item in enumerate(getattr(change, field)):
                yield (*base, field, j), word, item, ids
    for i, expectation in enumerate(scenario.expectations):
        base = ("expectations", i)
        if expectation.by is not None:
            yield (*base, "by"), "actor", expectation.by, actors
        condition = expectation.resolves_when
        if condition is None:
            continue
        at: KeyPath = (*base, "resolves_when")
        if condition.event is not None:
            ev = condition.event
            for field, value, known in (
                ("agreement", ev.agreement, agreements),
                ("actor", ev.actor, actors),
                ("target", ev.target, actors),
            ):
                if value is not None:
                    word = "agreement" if field == "agreement" else "actor"
                    yield (*at, "event", field), word, value, known
        for part in ("position", "outcome"):
            sub = getattr(condition, part)
            if sub is None:
                continue
            yield (*at, part, "agreement"), "agreement", sub.agreement, agreements
            if part == "position":
                yield (*at, part, "actor"), "actor", sub.actor, actors


@rule(
    "F101",
    "scenario-unknown-reference",
    "A scenario names an agreement, actor or term that does not exist",
    Severity.ERROR,
    """
A scenario's changes and expectations name records of the dataset: the agreement to change,
the actors to add, the participants, exclusions and terms to remove (which must be in that
agreement), and the agreements and actors its conditions match. A name that matches nothing
makes the change a no-op and the expectation unresolvable.

Fails:

    changes:
      - {agreement: astana-talks-2017, remove_participants: [kurdish-pyd]}

Passes (kurdish-pyd is excluded from the talks, not a participant):

    changes:
      - {agreement: astana-talks-2017, remove_exclusions: [kurdish-pyd]}
""",
)
def scenario_unknown_reference(dataset: Dataset) -> Iterator[Finding]:
    names = names_index(dataset.actors.values())
    for entry in dataset.entries_of("scenario"):
        for loc, word, target, known in _scenario_references(entry.record, dataset):
            if target in known:
                continue
            yield scenario_unknown_reference.finding(
                f"unknown {word} {target!r}",
                entry.location(*loc),
                hint=did_you_mean(target, known, names if word == "actor" else None),
            )


@rule(
    "F102",
    "empty-condition",
    "An expectation's resolves_when matches nothing definite",
    Severity.WARNING,
    """
`resolves_when` is the condition on the record that makes an expectation true. A condition with
no part (no event, position or outcome), or an event condition with no field, matches nothing
definite (or every event), so the forecast can never be scored fairly.

Fails:

    resolves_when: {event: {}}

Passes:

    resolves_when: {event: {agreement: astana-talks-2017, effect: took-effect}}
""",
)
def empty_condition(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("scenario"):
        scenario: Scenario = entry.record
        for i, expectation in enumerate(scenario.expectations):
            condition = expectation.resolves_when
            if condition is None:
                continue
            at = ("expectations", i, "resolves_when")
            if condition.event is None and condition.position is None and condition.outcome is None:
                yield empty_condition.finding(
                    f"expectation {expectation.id} has an empty condition", entry.location(*at)
                )
            elif condition.event is not None and not condition.event.model_dump(exclude_none=True):
                yield empty_condition.finding(
                    f"expectation {expectation.id} matches any event",
                    entry.location(*at, "event"),
                )


@rule(
    "F103",
    "unresolvable-expectation",
    "An expectation has no resolves_when condition",
    Severity.INFO,
    """
An expectation without `resolves_when` cannot be resolved against the record: `accords
scenarios` reports it as open forever. Add the condition that would make the claim true, or
keep it as a note if it is not meant to be scored.

Fails:

    expectations:
      - {id: talks-in-february, claim: Talks resume in Geneva in February., deadline: "2017-02-28"}

Passes:

    expectations:
      - id: talks-in-february
        claim: Talks resume in Geneva in February.
        deadline: "2017-02-28"
        resolves_when: {event: {kind: talks, agreement: geneva-round-2017-02}}
""",
)
def unresolvable_expectation(dataset: Dataset) -> Iterator[Finding]:
    for entry in dataset.entries_of("scenario"):
        scenario: Scenario = entry.record
        for i, expectation in enumerate(scenario.expectations):
            if expectation.resolves_when is None:
                yield unresolvable_expectation.finding(
                    f"expectation {expectation.id} has no resolves_when condition",
                    entry.location("expectations", i, "id"),
                )

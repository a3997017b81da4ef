"""Scenario records: what-if overlays on agreements, and forecasts that resolve on the record."""

from __future__ import annotations

from pydantic import Field

from accords.model.agreements import (
    Exclusion,
    OutcomeStatus,
    Participant,
    Stance,
    Term,
)
from accords.model.common import EdtfDate, Record, RecordId, Sources, StrictFloat, Text
from accords.model.events import Effect, EventKind


class Change(Record):
    """A what-if edit of one agreement."""

    agreement: RecordId = Field(description="The agreement to change.")
    add_participants: list[Participant] = Field(
        default_factory=list, description="Participants to add."
    )
    remove_participants: list[RecordId] = Field(
        default_factory=list, description="Actor ids to take off the table."
    )
    add_exclusions: list[Exclusion] = Field(default_factory=list, description="Exclusions to add.")
    remove_exclusions: list[RecordId] = Field(
        default_factory=list, description="Actor ids whose exclusions are lifted."
    )
    add_terms: list[Term] = Field(default_factory=list, description="Terms to add.")
    remove_terms: list[RecordId] = Field(default_factory=list, description="Term ids to drop.")
    note: Text | None = Field(default=None, description="Caveats about the change, in our words.")


class EventCondition(Record):
    """Matches a recorded event; every given field must match."""

    kind: EventKind | None = Field(default=None, description="The event's kind.")
    agreement: RecordId | None = Field(
        default=None, description="An agreement the event is linked to."
    )
    effect: Effect | None = Field(default=None, description="The effect of that link.")
    actor: RecordId | None = Field(default=None, description="Among the event's actors.")
    target: RecordId | None = Field(default=None, description="Among the event's targets.")


class PositionCondition(Record):
    """Matches a recorded position of an actor on an agreement."""

    agreement: RecordId = Field(description="The agreement's id.")
    actor: RecordId = Field(description="The actor's id.")
    stance: Stance = Field(description="The stance to match.")


class OutcomeCondition(Record):
    """Matches an agreement's recorded outcome status."""

    agreement: RecordId = Field(description="The agreement's id.")
    status: list[OutcomeStatus] = Field(
        min_length=1, description="Any of these outcome statuses matches."
    )


class Condition(Record):
    """A machine-checkable condition on the record; it holds when every given part holds."""

    event: EventCondition | None = Field(
        default=None, description="A recorded event that must exist."
    )
    position: PositionCondition | None = Field(
        default=None, description="A recorded position that must exist."
    )
    outcome: OutcomeCondition | None = Field(
        default=None, description="A recorded outcome that must match."
    )


class Expectation(Record):
    """A forecast: a claim, who made it and when, and how the record settles it."""

    id: RecordId
    claim: Text = Field(description="What is expected, in our words.")
    by: RecordId | None = Field(default=None, description="Who made the forecast (actor id).")
    made: EdtfDate | None = Field(default=None, description="When the forecast was made.")
    probability: StrictFloat | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="The forecaster's probability that the claim comes true (0 to 1).",
    )
    deadline: EdtfDate | None = Field(default=None, description="By when it should come true.")
    resolves_when: Condition | None = Field(
        default=None, description="The condition on the record that makes the claim true."
    )
    note: Text | None = Field(default=None, description="Caveats about the forecast, in our words.")
    sources: Sources


class Scenario(Record):
    """A hypothesis: what-if changes to agreements and/or forecasts."""

    id: RecordId
    title: Text = Field(description="A descriptive title in our words.")
    description: Text | None = Field(default=None, description="The hypothesis, in our words.")
    changes: list[Change] = Field(default_factory=list, description="What-if edits of agreements.")
    expectations: list[Expectation] = Field(
        default_factory=list, description="Forecasts that resolve against the record."
    )
    sources: Sources

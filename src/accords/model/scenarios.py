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
    add_participants: list[Participant] = Field(default_factory=list)
    remove_participants: list[RecordId] = Field(
        default_factory=list, description="Actor ids to take off the table."
    )
    add_exclusions: list[Exclusion] = Field(default_factory=list)
    remove_exclusions: list[RecordId] = Field(
        default_factory=list, description="Actor ids whose exclusions are lifted."
    )
    add_terms: list[Term] = Field(default_factory=list)
    remove_terms: list[RecordId] = Field(default_factory=list, description="Term ids to drop.")
    note: Text | None = None


class EventCondition(Record):
    """Matches a recorded event; every given field must match."""

    kind: EventKind | None = None
    agreement: RecordId | None = None
    effect: Effect | None = None
    actor: RecordId | None = Field(default=None, description="Among the event's actors.")
    target: RecordId | None = Field(default=None, description="Among the event's targets.")


class PositionCondition(Record):
    """Matches a recorded position of an actor on an agreement."""

    agreement: RecordId
    actor: RecordId
    stance: Stance


class OutcomeCondition(Record):
    """Matches an agreement's recorded outcome status."""

    agreement: RecordId
    status: list[OutcomeStatus] = Field(min_length=1)


class Condition(Record):
    """A machine-checkable condition on the record; it holds when every given part holds."""

    event: EventCondition | None = None
    position: PositionCondition | None = None
    outcome: OutcomeCondition | None = None


class Expectation(Record):
    """A forecast: a claim, who made it and when, and how the record settles it."""

    id: RecordId
    claim: Text = Field(description="What is expected, in our words.")
    by: RecordId | None = Field(default=None, description="Who made the forecast (actor id).")
    made: EdtfDate | None = Field(default=None, description="When the forecast was made.")
    probability: StrictFloat | None = Field(default=None, ge=0.0, le=1.0)
    deadline: EdtfDate | None = Field(default=None, description="By when it should come true.")
    resolves_when: Condition | None = Field(
        default=None, description="The condition on the record that makes the claim true."
    )
    note: Text | None = None
    sources: Sources


class Scenario(Record):
    """A hypothesis: what-if changes to agreements and/or forecasts."""

    id: RecordId
    title: Text
    description: Text | None = None
    changes: list[Change] = Field(default_factory=list)
    expectations: list[Expectation] = Field(default_factory=list)
    sources: Sources

"""Event records: dated happenings, linked to the agreements they affect."""

from __future__ import annotations

import enum

from pydantic import Field

from accords.model.common import EdtfDate, Record, RecordId, Sources, StrictBool, StrictInt, Text


class EventKind(enum.StrEnum):
    ATTACK = "attack"
    AIRSTRIKE = "airstrike"
    SHELLING = "shelling"
    OFFENSIVE = "offensive"
    CAPTURE = "capture"
    DECLARATION = "declaration"
    STATEMENT = "statement"
    ANNOUNCEMENT = "announcement"
    MEETING = "meeting"
    TALKS = "talks"
    SIGNING = "signing"
    EVACUATION = "evacuation"
    CALL = "call"
    VISIT = "visit"
    INTERVIEW = "interview"
    DESIGNATION = "designation"
    RENAME = "rename"
    ASSASSINATION = "assassination"
    DEPLOYMENT = "deployment"
    VOTE = "vote"
    OTHER = "other"


class Effect(enum.StrEnum):
    SIGNED = "signed"
    TOOK_EFFECT = "took-effect"
    VIOLATED = "violated"
    UNDERMINED = "undermined"
    ENDED = "ended"
    IMPLEMENTED = "implemented"
    ENDORSED = "endorsed"
    ANNOUNCED = "announced"
    NEGOTIATED = "negotiated"


class EventStatus(enum.StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    RUMOURED = "rumoured"
    DISPUTED = "disputed"


class Fatalities(Record):
    """A death toll as a range, where reports differ."""

    min: StrictInt = Field(ge=0, description="The lowest reported toll.")
    max: StrictInt = Field(ge=0, description="The highest reported toll.")


class AgreementLink(Record):
    """How an event bears on an agreement."""

    agreement: RecordId = Field(description="The agreement's id.")
    effect: Effect = Field(description="What the event did to the agreement.")
    contested: StrictBool = Field(default=False, description="Whether the link is disputed.")
    note: Text | None = Field(default=None, description="Caveats about the link, in our words.")


class Event(Record):
    """A dated happening."""

    id: RecordId
    date: EdtfDate = Field(description="When it happened (or is planned), as precisely as known.")
    kind: EventKind = Field(description="What sort of happening it is.")
    summary: Text = Field(description="What happened, in our words.")
    status: EventStatus = Field(
        default=EventStatus.OCCURRED,
        description="Whether it occurred, is planned, is only rumoured, or is disputed.",
    )
    actors: list[RecordId] = Field(default_factory=list, description="Who acted (actor ids).")
    targets: list[RecordId] = Field(
        default_factory=list, description="Who was acted upon (actor ids)."
    )
    place: Text | None = Field(default=None, description="Where, in words.")
    fatalities: StrictInt | Fatalities | None = Field(
        default=None, description="Deaths reported: a number, or {min, max}."
    )
    agreements: list[AgreementLink] = Field(
        default_factory=list, description="Agreements the event bears on, and how."
    )
    contested: StrictBool = Field(
        default=False, description="Whether the account of the event is disputed."
    )
    note: Text | None = Field(
        default=None, description="Caveats, e.g. how a relative date was resolved."
    )
    sources: Sources


class EventFile(Record):
    """A file of events: one per month or theme."""

    events: list[Event] = Field(description="The events, in any order.")

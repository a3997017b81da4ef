"""Agreement records: ceasefires, evacuation deals, declarations, rounds of talks, resolutions."""

from __future__ import annotations

import enum

from pydantic import Field

from accords.model.common import (
    EdtfDate,
    PlainText,
    Record,
    RecordId,
    Sources,
    StrictBool,
    StrictInt,
    Text,
    keys_as_property_names,
)


class AgreementKind(enum.StrEnum):
    CEASEFIRE = "ceasefire"
    EVACUATION_DEAL = "evacuation-deal"
    DECLARATION = "declaration"
    NEGOTIATION_ROUND = "negotiation-round"
    FRAMEWORK_RESOLUTION = "framework-resolution"
    FRAMEWORK_AGREEMENT = "framework-agreement"
    PRE_NEGOTIATION = "pre-negotiation"
    IMPLEMENTATION = "implementation"
    BILATERAL_DEAL = "bilateral-deal"
    ARRANGEMENT = "arrangement"
    OTHER = "other"


class Certainty(enum.StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    RUMOURED = "rumoured"


class Role(enum.StrEnum):
    SIGNATORY = "signatory"
    PARTY = "party"
    MEDIATOR = "mediator"
    GUARANTOR = "guarantor"
    HOST = "host"
    OBSERVER = "observer"
    ENDORSER = "endorser"
    MONITOR = "monitor"


class ExclusionScope(enum.StrEnum):
    PROTECTION = "protection"
    TALKS = "talks"


class ExclusionManner(enum.StrEnum):
    EXPLICIT = "explicit"
    SHUT_OUT = "shut-out"
    NOT_INVITED = "not-invited"
    SIDELINED = "sidelined"


class Stance(enum.StrEnum):
    WELCOMED = "welcomed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    OBSTRUCTED = "obstructed"
    DECLARED_OVER = "declared-over"
    WITHDREW = "withdrew"


class TermKind(enum.StrEnum):
    CESSATION = "cessation"
    HUMANITARIAN_ACCESS = "humanitarian-access"
    EVACUATION = "evacuation"
    SEPARATION = "separation"
    JOINT_TARGETING = "joint-targeting"
    MONITORING = "monitoring"
    WITHDRAWAL = "withdrawal"
    POLITICAL_PROCESS = "political-process"
    ECONOMIC = "economic"
    TERRITORIAL = "territorial"
    OTHER = "other"


class TermStatus(enum.StrEnum):
    PENDING = "pending"
    IMPLEMENTED = "implemented"
    PARTIALLY_IMPLEMENTED = "partially-implemented"
    NOT_IMPLEMENTED = "not-implemented"
    UNKNOWN = "unknown"


class OutcomeStatus(enum.StrEnum):
    PENDING = "pending"
    IN_EFFECT = "in-effect"
    IMPLEMENTED = "implemented"
    PARTIALLY_IMPLEMENTED = "partially-implemented"
    COLLAPSED = "collapsed"
    SUPERSEDED = "superseded"
    LAPSED = "lapsed"
    UNKNOWN = "unknown"


#: Outcomes that end an agreement: after its outcome date it is no longer in force. An
#: implemented agreement is not among them: its terms were carried out, and a ceasefire carried
#: out still binds, so fighting after the date its implementation was recorded still breaches it.
ENDING_OUTCOMES = frozenset(
    (OutcomeStatus.COLLAPSED, OutcomeStatus.LAPSED, OutcomeStatus.SUPERSEDED)
)

#: Outcomes that close the span an agreement is summarised as having held: the ending ones, and
#: implemented, whose outcome date is when nothing was left to carry out (``show`` counts a
#: deal's days up to it).
CLOSING_OUTCOMES = ENDING_OUTCOMES | {OutcomeStatus.IMPLEMENTED}

#: Ending outcomes that something must have brought about (an event, or a superseding
#: agreement); a lapsed agreement ends on its own, at its term.
OUTCOMES_ENDED_BY_SOMETHING = frozenset((OutcomeStatus.COLLAPSED, OutcomeStatus.SUPERSEDED))


class RelationKind(enum.StrEnum):
    FOLLOWS = "follows"
    SUPERSEDES = "supersedes"
    IMPLEMENTS = "implements"
    ENDORSES = "endorses"


class Scope(Record):
    """Where the agreement applies."""

    area: Text = Field(description="The area covered, in words.", examples=["eastern Aleppo"])
    places: list[Text] = Field(default_factory=list, description="Named places within the area.")
    note: Text | None = Field(
        default=None, description="Caveats about where the agreement applies."
    )


class AgreementDates(Record):
    """The dates of an agreement's life; each optional, each as precise as known."""

    proposed: EdtfDate | None = Field(
        default=None, description="When the agreement was first proposed."
    )
    announced: EdtfDate | None = Field(default=None, description="When it was announced.")
    signed: EdtfDate | None = Field(default=None, description="When it was signed or adopted.")
    effective: EdtfDate | None = Field(default=None, description="When it took effect.")
    ended: EdtfDate | None = Field(
        default=None, description="When it ended (collapsed, lapsed or was superseded)."
    )


class Participant(Record):
    """An actor at the table, with one or more roles."""

    actor: RecordId = Field(description="The actor's id.")
    roles: list[Role] = Field(min_length=1, description="What the actor did at the table.")
    represented_by: list[RecordId] = Field(
        default_factory=list, description="Persons who acted for it (actor ids)."
    )
    name_used: Text | None = Field(
        default=None, description="The name the agreement or its sources use for the actor."
    )
    contested: StrictBool = Field(default=False, description="Whether the claim is disputed.")
    note: Text | None = Field(
        default=None, description="Caveats about the participation, in our words."
    )
    sources: Sources


class Exclusion(Record):
    """An actor left out of the agreement's protection or of the talks."""

    actor: RecordId = Field(description="The actor's id.")
    scope: ExclusionScope = Field(description="Left out of what: protection or the talks.")
    manner: ExclusionManner = Field(description="How it was left out.")
    name_used: Text | None = Field(
        default=None, description="The name the agreement or its sources use for the actor."
    )
    contested: StrictBool = Field(default=False, description="Whether the claim is disputed.")
    note: Text | None = Field(
        default=None, description="Caveats about the exclusion, in our words."
    )
    sources: Sources


class Position(Record):
    """An actor's stance on the agreement."""

    actor: RecordId = Field(description="The actor's id.")
    stance: Stance = Field(description="What the actor said or did about the agreement.")
    date: EdtfDate | None = Field(default=None, description="When, as precisely as known.")
    contested: StrictBool = Field(default=False, description="Whether the claim is disputed.")
    note: Text | None = Field(default=None, description="Caveats about the stance, in our words.")
    sources: Sources


class Term(Record):
    """One provision of the agreement, in our words."""

    id: RecordId
    kind: TermKind = Field(description="What the provision is about.")
    text: Text = Field(description="The provision, in our words.")
    obligations: list[RecordId] = Field(
        default_factory=list, description="Actors the provision binds (ids)."
    )
    deadline: EdtfDate | None = Field(
        default=None, description="By when the provision was to be met."
    )
    condition: Text | None = Field(default=None, description="What the provision depends on.")
    status: TermStatus | None = Field(
        default=None, description="How far the provision was carried out."
    )
    contested: StrictBool = Field(
        default=False, description="Whether the provision's content is disputed."
    )
    note: Text | None = Field(
        default=None, description="Caveats about the provision, in our words."
    )
    sources: Sources


class Accusation(Record):
    """Blame as a claim: who blamed whom for what. Disputed blame is data, not a verdict."""

    by: RecordId = Field(description="Who made the accusation (actor id).")
    against: RecordId = Field(description="Who was blamed (actor id).")
    claim: Text = Field(description="What they were blamed for, in our words.")
    date: EdtfDate | None = Field(default=None, description="When the accusation was made.")
    sources: Sources


class Outcome(Record):
    """How the agreement fared."""

    status: OutcomeStatus = Field(description="Where it stands, or how it ended.")
    date: EdtfDate | None = Field(default=None, description="When it reached that status.")
    ended_by: RecordId | None = Field(default=None, description="The event that ended it.")
    accusations: list[Accusation] = Field(
        default_factory=list, description="Who blamed whom for the outcome."
    )
    note: Text | None = Field(default=None, description="Caveats about the outcome, in our words.")
    sources: Sources


class RelatedAgreement(Record):
    """A link to another agreement."""

    agreement: RecordId = Field(description="The other agreement's id.")
    relation: RelationKind = Field(description="How this agreement relates to it.")
    note: Text | None = Field(default=None, description="Caveats about the link, in our words.")
    sources: Sources


class PaxCrosswalk(Record):
    """The agreement's coding in the PA-X Peace Agreements Database, kept so nothing is lost."""

    agt_id: StrictInt = Field(ge=1, description="PA-X AgtId.")
    con: Text | None = Field(default=None, description="PA-X country/entity (Con).")
    agtp: Text | None = Field(default=None, description="PA-X agreement type (Agtp).")
    stage: Text | None = Field(default=None, description="PA-X Stage.")
    substage: Text | None = Field(default=None, description="PA-X StageSub.")
    status: Text | None = Field(default=None, description="PA-X Status.")
    parties_text: Text | None = Field(
        default=None, description="PA-X Part: the parties as the export writes them."
    )
    third_parties_text: Text | None = Field(
        default=None, description="PA-X ThrdPart: the third parties as the export writes them."
    )
    provisions: dict[PlainText, StrictInt | PlainText] = Field(
        default_factory=dict,
        description="Non-zero PA-X provision codes, by column name.",
        json_schema_extra=keys_as_property_names,
    )


class Agreement(Record):
    """A ceasefire, evacuation deal, declaration, negotiation round, resolution or deal."""

    id: RecordId
    title: Text = Field(description="A descriptive title in our words.")
    aliases: list[Text] = Field(default_factory=list, description="Other names it goes by.")
    kind: AgreementKind = Field(description="What sort of agreement it is.")
    certainty: Certainty = Field(
        default=Certainty.CONFIRMED,
        description="How sure the record is that it exists: confirmed, reported or rumoured.",
    )
    scope: Scope | None = Field(default=None, description="Where the agreement applies.")
    dates: AgreementDates = Field(
        default_factory=AgreementDates, description="The dates of its life, each optional."
    )
    participants: list[Participant] = Field(
        default_factory=list, description="Actors at the table, with their roles."
    )
    exclusions: list[Exclusion] = Field(
        default_factory=list, description="Actors left out of its protection or of the talks."
    )
    positions: list[Position] = Field(
        default_factory=list, description="Actors' stances on it, dated where known."
    )
    terms: list[Term] = Field(default_factory=list, description="Its provisions, in our words.")
    outcome: Outcome | None = Field(default=None, description="How it fared.")
    related: list[RelatedAgreement] = Field(
        default_factory=list,
        description="Links to other agreements it follows, supersedes, implements or endorses.",
    )
    pax: PaxCrosswalk | None = Field(
        default=None, description="Its coding in the PA-X Peace Agreements Database."
    )
    note: Text | None = Field(
        default=None, description="Caveats about the agreement, in our words."
    )
    sources: Sources

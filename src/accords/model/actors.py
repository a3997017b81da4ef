"""Actor records: states, armed groups, coalitions, bodies and persons."""

from __future__ import annotations

import enum

from pydantic import Field

from accords.model.common import EdtfDate, Record, RecordId, Sources, StrictInt, Text


class ActorKind(enum.StrEnum):
    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed-group"
    MILITIA = "militia"
    COALITION = "coalition"
    INTERNATIONAL_BODY = "international-body"
    POLITICAL_BODY = "political-body"
    PERSON = "person"
    OTHER = "other"


class RelationType(enum.StrEnum):
    BACKED_BY = "backed-by"
    ALLIED_WITH = "allied-with"
    MEMBER_OF = "member-of"
    SUCCESSOR_OF = "successor-of"
    PART_OF = "part-of"
    REPRESENTS = "represents"


class DatedName(Record):
    """A name the actor bore for a time."""

    name: Text = Field(description="The name as written.")
    from_: EdtfDate | None = Field(
        default=None, alias="from", description="First day the name was in use."
    )
    until: EdtfDate | None = Field(default=None, description="Last day the name was in use.")
    sources: Sources


class Relation(Record):
    """A dated tie to another actor."""

    type: RelationType = Field(description="What the tie is.")
    actor: RecordId = Field(description="The other actor's id.")
    from_: EdtfDate | None = Field(default=None, alias="from", description="Since when.")
    until: EdtfDate | None = Field(default=None, description="Until when.")
    note: Text | None = Field(default=None, description="Caveats about the tie, in our words.")
    sources: Sources


class Designation(Record):
    """A listing of the actor by some body, e.g. as a terrorist organisation."""

    by: RecordId = Field(description="The designating actor (a state or body).")
    label: Text = Field(description="What it was designated as.", examples=["terrorist"])
    from_: EdtfDate | None = Field(default=None, alias="from", description="Since when.")
    until: EdtfDate | None = Field(default=None, description="Until when.")
    note: Text | None = Field(default=None, description="Caveats about the listing, in our words.")
    sources: Sources


class Actor(Record):
    """Anything that acts: a state, an armed group, a coalition, a body, a person."""

    id: RecordId
    kind: ActorKind = Field(description="What sort of actor it is.")
    name: Text = Field(description="The primary name, as the record refers to the actor.")
    aliases: list[Text] = Field(
        default_factory=list, description="Other spellings and short names, valid at any time."
    )
    names: list[DatedName] = Field(
        default_factory=list, description="Names valid only for a time (renames)."
    )
    relations: list[Relation] = Field(default_factory=list, description="Ties to other actors.")
    designations: list[Designation] = Field(
        default_factory=list, description="Listings by states or bodies."
    )
    wikidata: str | None = Field(
        default=None,
        pattern=r"^Q[1-9][0-9]*$(?!\n)",
        description="Wikidata item id.",
        examples=["Q159"],
    )
    ucdp: StrictInt | None = Field(default=None, ge=1, description="UCDP actor id.")
    acled: list[Text] = Field(
        default_factory=list, description="ACLED actor strings that denote this actor."
    )
    note: Text | None = Field(default=None, description="Caveats about the actor, in our words.")
    sources: Sources

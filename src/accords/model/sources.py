"""Source records: the documents the record rests on."""

from __future__ import annotations

import enum

from pydantic import Field

from accords.model.common import CONTROL_CLASS, EdtfDate, Record, RecordId, Text


class SourceKind(enum.StrEnum):
    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    OFFICIAL = "official"
    BLOG = "blog"
    DATASET = "dataset"


#: A web address: no white space and no control characters. Spelled out rather than ``\S``,
#: which Python and JavaScript read differently (U+001C-U+001F, U+0085, U+FEFF).
_URL_PATTERN = (
    r"^https?://[^\u0000-\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    + CONTROL_CLASS
    + r"]+$(?!\n)"
)


class Source(Record):
    """A document the record rests on, described in our words; the record quotes none of it."""

    id: RecordId
    title: Text = Field(description="The document's title.")
    publisher: Text = Field(description="Who published it (outlet, site, organisation).")
    author: Text | None = Field(default=None, description="Author, where the document names one.")
    published: EdtfDate | None = Field(
        default=None,
        description="Publication date; approximate (~) when inferred, with the reasoning in note.",
    )
    kind: SourceKind = Field(description="What sort of document it is.")
    language: str = Field(
        default="en",
        pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$(?!\n)",
        description="BCP 47 language tag of the document.",
        examples=["en", "ar"],
    )
    url: str | None = Field(
        default=None,
        pattern=_URL_PATTERN,
        description="Where the document was published.",
    )
    file: Text | None = Field(
        default=None, description="The document's file name in the source collection."
    )
    summary: Text | None = Field(default=None, description="What the document says, in our words.")
    note: Text | None = Field(
        default=None,
        description="Reliability: stance, provenance, how the date was inferred.",
    )

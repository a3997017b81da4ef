"""Source records: the documents the record rests on."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from pydantic import Field

from accords.model.common import CONTROL_CLASS, EdtfDate, Record, RecordId, Text


class SourceKind(enum.StrEnum):
    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    OFFICIAL = "official"
    BLOG = "blog"
    DATASET = "dataset"
    #: What is widely known but no archived document of the record states: never a seed.
    BACKGROUND = "background"


#: A web address: no white space and no control characters. Spelled out rather than ``\S``,
#: which Python and JavaScript read differently (U+001C-U+001F, U+0085, U+FEFF).
_URL_PATTERN = (
    r"^https?://[^\u0000-\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    + CONTROL_CLASS
    + r"]+$(?!\n)"
)


class Paragraphs(Record):
    """How ``para. N`` locators count the archived text's paragraphs.

    Paragraphs are the text's blocks between blank lines. Counting starts at the block that
    opens with ``first``, passes over blocks that open with any of ``skip`` (captions, page
    furniture), and stops after the block that opens with ``last``.
    """

    first: Text = Field(description="The opening words of paragraph 1.")
    skip: list[Text] = Field(
        default_factory=list,
        description="The opening words of blocks that are not counted: captions, furniture.",
    )
    last: Text | None = Field(
        default=None, description="The opening words of the last paragraph counted."
    )


class Source(Record):
    """A document the record rests on, described in our words; quotes of it are evidence only.

    A source of kind ``background`` stands for what is widely known but no archived document
    of the record states: its title says what is known, its publisher by whom it is widely
    reported, its note how sure it is. It has no archived text.
    """

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
        default=None,
        description=(
            "The archived text's file name in the source collection ([sources] texts in "
            "accords.toml, or --texts), against which quotes are checked."
        ),
    )
    paragraphs: Paragraphs | None = Field(
        default=None,
        description="How para. N locators count the archived text (default: every block).",
        examples=[
            {
                "first": "An errant attack by US warplanes",
                "skip": ["REUTERS/"],
                "last": "Ali Hashem writes that Iran",
            }
        ],
    )
    summary: Text | None = Field(default=None, description="What the document says, in our words.")
    note: Text | None = Field(
        default=None,
        description="Reliability: stance, provenance, how the date was inferred.",
    )


def rests_on_background(sources: Iterable[str], known: Mapping[str, Source]) -> bool:
    """Whether a claim citing ``sources`` (ids) rests on background knowledge alone: it cites
    something, and every source it cites is of kind ``background``."""
    cited = list(sources)
    return bool(cited) and all(
        (source := known.get(source_id)) is not None and source.kind is SourceKind.BACKGROUND
        for source_id in cited
    )

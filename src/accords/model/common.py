"""Shared building blocks of the record models: the base class, constrained strings, citations."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

from accords.model.dates import EDTF_PATTERN

#: Patterns end in ``$(?!\n)``: Python's ``$`` also matches before a final newline, ECMA's does
#: not; the look-ahead makes the models, ``jsonschema`` and JavaScript validators agree.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$(?!\n)"

#: A stable kebab-case identifier: lower-case letters and digits, words joined by single hyphens.
RecordId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=120),
    Field(
        description="A stable kebab-case identifier (lower-case letters, digits, single hyphens).",
    ),
]

#: A date in the EDTF subset: day, month or year, qualified or as an interval.
EdtfDate = Annotated[
    str,
    StringConstraints(pattern=EDTF_PATTERN),
    Field(
        description=(
            "A date in the EDTF subset: YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by ~ "
            "(approximate), ? (uncertain) or % (both); or an interval A/B (an end may be '..'). "
            "Quote it in YAML so that other readers keep it a string."
        ),
        examples=["2016-09-12", "2016-12", "2016-12~", "2016-12-13/2016-12-14"],
    ),
]

#: Numbers and booleans are strict: "5" is not 5 and "yes" is not true, as in the JSON Schema.
StrictInt = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]
StrictFloat = Annotated[float, Strict()]

#: A line of text written in our own words; never empty.
Text = Annotated[str, StringConstraints(min_length=1, max_length=20000)]


class Record(BaseModel):
    """Base of every record model: unknown keys are errors, so a typo never vanishes."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        use_enum_values=False,
        validate_default=False,
        # The same regular-expression dialect as the JSON Schema checkers in Python.
        regex_engine="python-re",
        # Validators are built on first use, so that a command touching one record kind does
        # not pay for building all of them at import.
        defer_build=True,
    )


class Citation(Record):
    """A source cited by id, with an optional locator inside it."""

    source: RecordId = Field(description="The id of a source record in seeds/.")
    locator: Text | None = Field(
        default=None,
        description="Where in the source the claim stands, e.g. a paragraph number.",
        examples=["para. 4"],
    )


#: A citation: a bare source id, or a mapping with ``source`` and ``locator``.
SourceRef = Annotated[
    RecordId | Citation,
    Field(description="A source id, or {source: id, locator: where in it}."),
]

Sources = Annotated[
    list[SourceRef],
    Field(
        default_factory=list,
        description="The sources this claim rests on, by id (see seeds/).",
        examples=[["al-monitor-2016-09-25"]],
    ),
]


def source_id(ref: str | Citation) -> str:
    """The source id of a citation, whichever form it takes."""
    return ref if isinstance(ref, str) else ref.source

"""Shared building blocks of the record models: the base class, constrained strings, citations."""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Annotated, Any

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

#: Code-point ranges that no text field holds: the C0 controls but tab and line feed, DEL, the
#: C1 controls, and the bidirectional embeddings, overrides and isolates. A terminal runs escape
#: sequences (ESC, and CSI as U+009B); bidi controls make text read in another order than it is
#: stored ("Trojan Source"). The implicit marks LRM and RLM (U+200E, U+200F) stay allowed: they
#: cannot reorder a run of text, and right-to-left names copied from other sources carry them.
CONTROL_RANGES = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
)

#: The ranges as the inside of a regular-expression character class, with ``\uXXXX`` escapes
#: that Python's ``re`` and ECMA-262 (JavaScript, editors) read alike.
CONTROL_CLASS = "".join(rf"\u{low:04x}-\u{high:04x}" for low, high in CONTROL_RANGES)

#: Text without control characters: any length, line breaks and tabs allowed.
TEXT_PATTERN = rf"^[^{CONTROL_CLASS}]*$(?!\n)"

#: Text as a key or value of a mapping the record does not define (PA-X provision codes).
PlainText = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]

#: A line of text written in our own words; never empty, never holding control characters.
Text = Annotated[str, StringConstraints(min_length=1, max_length=20000, pattern=TEXT_PATTERN)]

# The abbreviations of the control-code charts, 8 to a row; Unicode gives C0 and C1 no names.
# fmt: off
_C0_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
    "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
    "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
)
_C1_NAMES = (
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA",
    "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA",
    "SOS", "SGC", "SCI", "CSI", "ST", "OSC", "PM", "APC",
)
# fmt: on


#: One control character, for finding or replacing them.
CONTROL = re.compile(f"[{CONTROL_CLASS}]")


def first_control(text: str) -> str | None:
    """The first control character in ``text``, if any."""
    found = CONTROL.search(text)
    return found.group() if found else None


def describe_control(char: str) -> str:
    """A control character as a person can look it up: ``U+001B (ESC)``."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    elif code <= 0x9F:
        name = _C1_NAMES[code - 0x80]
    else:
        name = unicodedata.name(char, "")
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def keys_as_property_names(schema: dict[str, Any]) -> None:
    """Turn the ``patternProperties`` pydantic writes for constrained keys into ``propertyNames``.

    ``patternProperties`` only describes the keys that match; a key that does not would pass
    the JSON Schema while the model rejects it.
    """
    ((pattern, values),) = schema.pop("patternProperties").items()
    schema["propertyNames"] = {"pattern": pattern}
    schema["additionalProperties"] = values


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


class Basis(enum.StrEnum):
    """How a cited source supports a claim."""

    STATED = "stated"
    INFERRED = "inferred"


class Citation(Record):
    """A source cited by id, with where in it the claim stands and the words that show it."""

    source: RecordId = Field(description="The id of a source record in seeds/.")
    locator: Text | None = Field(
        default=None,
        description="Where in the source the claim stands, e.g. a paragraph number.",
        examples=["para. 4"],
    )
    quote: list[Text] = Field(
        default_factory=list,
        description=(
            "Short verbatim excerpts of the cited text that show the claim (at most 25 words "
            "each): evidence, never the record's own prose. `accords check --texts DIR` finds "
            "each one in the archived text and in the located paragraph."
        ),
        examples=[["a statement by the Syrian General Command of the Army and Armed Forces"]],
    )
    basis: Basis = Field(
        default=Basis.STATED,
        description=(
            "stated: the source says it (the default); inferred: the record infers it from "
            "what the source says, and the claim's note says how."
        ),
        examples=["inferred"],
    )


#: A citation: a bare source id, or a mapping with ``source``, ``locator``, ``quote``, ``basis``.
SourceRef = Annotated[
    RecordId | Citation,
    Field(description="A source id, or {source: id, locator: where, quote: [...], basis: ...}."),
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

"""Dates as intervals: the EDTF subset of DESIGN §3.

Accepted forms: ``2016-09-12``, ``2016-12``, ``2016``, each optionally qualified as approximate
(``~``), uncertain (``?``) or both (``%``), and intervals ``A/B`` whose ends are such dates or
``..`` (open). Every date denotes an interval of days [earliest, latest]; two dates compare as
*before*, *after* or *undetermined* (their intervals overlap), never more precisely than the
record allows.

The same grammar is written once as :data:`EDTF_PATTERN`, used by the pydantic type and copied
into the JSON Schema, so that both give the same verdict on every string. Calendar validity
(``2016-02-30``) is part of the pattern; interval order (end before start) is a rule, not a type.
Digits are ``[0-9]``, not ``\\d``: Python's ``\\d`` also matches other scripts' digits (``٢٠١٦``),
JavaScript's does not, and the schema must mean the same everywhere.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from dataclasses import dataclass
from functools import lru_cache

_YEAR = r"[0-9]{4}"
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DAY = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_MONTH = rf"{_YEAR}-(?:0[1-9]|1[0-2])"
_SINGLE = rf"(?:{_DAY}|{_MONTH}|{_YEAR})[~?%]?"
_END = rf"(?:{_SINGLE}|\.\.)"

#: The accepted date grammar as a regular expression (anchored), shared with the JSON Schema.
EDTF_PATTERN = rf"^(?:{_SINGLE}|{_END}/{_END})$(?!\n)"

_EDTF_RE = re.compile(EDTF_PATTERN)
_PLAIN_DAY_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

#: Ordinal days stand in for open ends, so that every interval has two finite ends.
_OPEN_START = _dt.date(1, 1, 1).toordinal()
_OPEN_END = _dt.date(9999, 12, 31).toordinal()


class Precision(enum.Enum):
    """How finely a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


class Order(enum.Enum):
    """The result of comparing two dates."""

    BEFORE = "before"
    SAME = "same"
    AFTER = "after"
    UNDETERMINED = "undetermined"


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A date as the closed interval of days [earliest, latest], as proleptic ordinals."""

    text: str
    earliest: int
    latest: int
    precision: Precision
    approximate: bool = False
    uncertain: bool = False

    @property
    def is_day(self) -> bool:
        return self.earliest == self.latest

    @property
    def start(self) -> _dt.date:
        return _dt.date.fromordinal(self.earliest)

    @property
    def end(self) -> _dt.date:
        return _dt.date.fromordinal(self.latest)

    def compare(self, other: DateInterval) -> Order:
        """Three-valued order: definite only when the intervals do not overlap."""
        if self.latest < other.earliest:
            return Order.BEFORE
        if self.earliest > other.latest:
            return Order.AFTER
        if self.is_day and other.is_day:
            return Order.SAME
        return Order.UNDETERMINED

    def contains(self, other: DateInterval) -> bool:
        return self.earliest <= other.earliest and other.latest <= self.latest

    def describe(self) -> str:
        """The date with its precision in words, for messages (``2016-12 (month)``)."""
        if self.precision is Precision.DAY and not (self.approximate or self.uncertain):
            return self.text
        return f"{self.text} ({self.precision.value})"


class InvalidDate(ValueError):
    """A string outside the accepted date grammar."""


def is_valid_date(text: str) -> bool:
    """Whether ``text`` is in the accepted grammar (plain ISO days take a fast path)."""
    if _PLAIN_DAY_RE.match(text):
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            return False
        return True
    return _EDTF_RE.match(text) is not None


def parse_date(text: str) -> DateInterval:
    """Parse a date of the accepted grammar into an interval; raises :class:`InvalidDate`."""
    if len(text) == 10 and _PLAIN_DAY_RE.match(text):
        try:
            day = _dt.date.fromisoformat(text).toordinal()
        except ValueError:
            raise InvalidDate(f"{text!r} is not a calendar date") from None
        return DateInterval(text, day, day, Precision.DAY)
    return _parse_qualified(text)


@lru_cache(maxsize=4096)
def _parse_qualified(text: str) -> DateInterval:
    if not _EDTF_RE.match(text):
        raise InvalidDate(
            f"{text!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by "
            "~ (approximate), ? (uncertain) or %, or an interval A/B"
        )
    if "/" in text:
        left, right = text.split("/", 1)
        start = _OPEN_START if left == ".." else _parse_single(left).earliest
        end = _OPEN_END if right == ".." else _parse_single(right).latest
        qualified = any(mark in text for mark in "~?%")
        return DateInterval(
            text,
            start,
            max(start, end),
            Precision.INTERVAL,
            approximate=qualified and ("~" in text or "%" in text),
            uncertain=qualified and ("?" in text or "%" in text),
        )
    return _parse_single(text)


def _parse_single(text: str) -> DateInterval:
    core = text.rstrip("~?%")
    mark = text[len(core) :]
    parts = [int(p) for p in core.split("-")]
    if len(parts) == 3:
        first = last = _dt.date(*parts)
        precision = Precision.DAY
    elif len(parts) == 2:
        year, month = parts
        first = _dt.date(year, month, 1)
        following = _dt.date(year + (month == 12), month % 12 + 1, 1)
        last = following - _dt.timedelta(days=1)
        precision = Precision.MONTH
    else:
        first, last = _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)
        precision = Precision.YEAR
    return DateInterval(
        text,
        first.toordinal(),
        last.toordinal(),
        precision,
        approximate=mark in ("~", "%"),
        uncertain=mark in ("?", "%"),
    )


@lru_cache(maxsize=65536)
def date_or_none(text: str | None) -> DateInterval | None:
    """The interval of an optional date; ``None`` when absent or invalid (the loader reports it)."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except InvalidDate:
        return None


def interval_is_ordered(text: str) -> bool:
    """Whether an interval's start does not lie after its end (single dates always are)."""
    if "/" not in text:
        return True
    left, right = text.split("/", 1)
    if ".." in (left, right):
        return True
    return _parse_single(left).earliest <= _parse_single(right).latest

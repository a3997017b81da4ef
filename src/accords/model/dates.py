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

Days are proleptic Gregorian ordinals, as :meth:`datetime.date.toordinal` counts them
(0001-01-01 is day 1), extended back over year 0000, which the grammar accepts and
:mod:`datetime` cannot hold: 0000-01-01 is day -365 and 0000-12-31 day 0 (year 0000 is the
leap year 1 BC of ISO 8601). Every string of the grammar therefore has exact ordinals and
compares exactly; an open end (``..``) stands for the first or last day the grammar can write,
0000-01-01 or 9999-12-31. :func:`iso_day` writes any such ordinal back as ISO text, and code
that needs days goes through it, never through :meth:`datetime.date.fromordinal`.
"""

from __future__ import annotations

import calendar
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

#: Year 0000 shares its calendar with year 0400 (the Gregorian calendar repeats every 400
#: years), so its days are those of 0400 moved back by one cycle.
_DAYS_IN_400_YEARS = 146097


def day_ordinal(year: int, month: int, day: int) -> int:
    """The ordinal of a calendar day of years 0000-9999 (0001-01-01 is 1, 0000-12-31 is 0)."""
    if year == 0:
        return _dt.date(400, month, day).toordinal() - _DAYS_IN_400_YEARS
    return _dt.date(year, month, day).toordinal()


#: The first and last day the grammar can write; open ends (``..``) stand for them, so that
#: every interval has two finite ends.
FIRST_ORDINAL = day_ordinal(0, 1, 1)
LAST_ORDINAL = day_ordinal(9999, 12, 31)


def iso_day(ordinal: int) -> str:
    """The ISO text of an ordinal day (``0000-03-01``), clamped to 0000-01-01 … 9999-12-31."""
    ordinal = min(max(ordinal, FIRST_ORDINAL), LAST_ORDINAL)
    if ordinal >= 1:
        return _dt.date.fromordinal(ordinal).isoformat()
    return "0000" + _dt.date.fromordinal(ordinal + _DAYS_IN_400_YEARS).isoformat()[4:]


def _month_end(year: int, month: int) -> int:
    """The last day of a month (28-31)."""
    return calendar.monthrange(year or 400, month)[1]


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
        """The first day as a :class:`datetime.date`; year 0000 reads as 0001-01-01, the
        earliest day :mod:`datetime` holds (use :attr:`earliest` or :func:`iso_day` to be exact)."""
        return _dt.date.fromordinal(max(self.earliest, 1))

    @property
    def end(self) -> _dt.date:
        """The last day as a :class:`datetime.date`, clamped like :attr:`start`."""
        return _dt.date.fromordinal(max(self.latest, 1))

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
    if _PLAIN_DAY_RE.match(text) and not text.startswith("0000"):
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            return False
        return True
    return _EDTF_RE.match(text) is not None


def parse_date(text: str) -> DateInterval:
    """Parse a date of the accepted grammar into an interval; raises :class:`InvalidDate`."""
    # Year 0000 is outside datetime's range: it takes the grammar's path.
    if len(text) == 10 and _PLAIN_DAY_RE.match(text) and not text.startswith("0000"):
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
        start = FIRST_ORDINAL if left == ".." else _parse_single(left).earliest
        end = LAST_ORDINAL if right == ".." else _parse_single(right).latest
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
    year = parts[0]
    if len(parts) == 3:
        first = last = day_ordinal(year, parts[1], parts[2])
        precision = Precision.DAY
    elif len(parts) == 2:
        month = parts[1]
        first = day_ordinal(year, month, 1)
        last = day_ordinal(year, month, _month_end(year, month))
        precision = Precision.MONTH
    else:
        first, last = day_ordinal(year, 1, 1), day_ordinal(year, 12, 31)
        precision = Precision.YEAR
    return DateInterval(
        text,
        first,
        last,
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


def before(a: DateInterval, b: DateInterval) -> bool | None:
    """Whether ``a`` falls strictly before ``b``: True, False, or None when the dates leave it open.

    Finer than :meth:`DateInterval.compare` for one question: ``2016-09-12/2016-09-13`` is not
    before ``2016-09-12`` (no day of it is), though the two intervals overlap.
    """
    if a.latest < b.earliest:
        return True
    if a.earliest >= b.latest:
        return False
    return None


def on_or_before(date: DateInterval, limit: DateInterval) -> Order:
    """Three-valued "date falls on or before the end of limit": BEFORE, AFTER or UNDETERMINED.

    A limit such as ``2031-05`` reads as "by the end of May", as deadlines and as-of dates do.
    """
    if date.latest <= limit.latest:
        return Order.BEFORE
    if date.earliest > limit.latest:
        return Order.AFTER
    return Order.UNDETERMINED


def precision_note(*dates: DateInterval) -> str:
    """Which of the dates are imprecise, for the message of an undetermined comparison."""
    vague = [d.describe() for d in dates if not d.is_day or d.approximate or d.uncertain]
    if not vague:
        return "the dates overlap"
    return "the precision of " + " and ".join(vague) + " does not settle it"

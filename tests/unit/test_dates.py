"""Dates as intervals: three-valued comparison laws, checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.model.dates import DateInterval, Order, Precision, parse_date
from accords.rules.helpers import before

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
marks = st.sampled_from(["", "~", "?", "%"])


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    day = draw(days)
    precision = draw(st.sampled_from(["day", "month", "year"]))
    text = {
        "day": day.isoformat(),
        "month": day.isoformat()[:7],
        "year": day.isoformat()[:4],
    }[precision]
    return text + draw(marks)


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(single_dates())
    left, right = sorted([draw(days), draw(days)])
    start = ".." if draw(st.integers(0, 9)) == 0 else left.isoformat()
    end = ".." if draw(st.integers(0, 9)) == 0 else right.isoformat()
    return f"{start}/{end}"


def _day(ordinal: int) -> DateInterval:
    return parse_date(dt.date.fromordinal(ordinal).isoformat())


_MIRROR = {
    Order.BEFORE: Order.AFTER,
    Order.AFTER: Order.BEFORE,
    Order.SAME: Order.SAME,
    Order.UNDETERMINED: Order.UNDETERMINED,
}


@given(edtf_dates(), edtf_dates())
def test_comparison_is_antisymmetric(a_text: str, b_text: str) -> None:
    a, b = parse_date(a_text), parse_date(b_text)
    assert b.compare(a) is _MIRROR[a.compare(b)], (a, b)


@given(edtf_dates())
def test_a_date_is_never_before_or_after_itself(text: str) -> None:
    a = parse_date(text)
    assert a.compare(a) in (Order.SAME, Order.UNDETERMINED)
    assert (a.compare(a) is Order.SAME) == a.is_day


@given(edtf_dates(), edtf_dates())
def test_precision_never_invents_order(a_text: str, b_text: str) -> None:
    """A definite order holds for every pair of days the two dates may stand for; an
    undetermined one is undetermined because two such pairs disagree."""
    a, b = parse_date(a_text), parse_date(b_text)
    corners = {
        _day(x).compare(_day(y)) for x in (a.earliest, a.latest) for y in (b.earliest, b.latest)
    }
    order = a.compare(b)
    if order is Order.UNDETERMINED:
        assert len(corners) > 1, (a, b, corners)
    else:
        assert corners == {order}, (a, b, corners)


@given(edtf_dates(), edtf_dates())
def test_strict_before_is_three_valued(a_text: str, b_text: str) -> None:
    a, b = parse_date(a_text), parse_date(b_text)
    # Some pair of days has a before b, and some has it not: the extremes decide.
    possible = a.earliest < b.latest
    certain = a.latest < b.earliest
    verdict = before(a, b)
    assert verdict is (True if certain else False if not possible else None)
    if verdict is True:
        assert before(b, a) is False


@given(days, st.sampled_from(["month", "year"]), marks)
def test_a_day_inside_a_coarser_date_is_undetermined(
    day: dt.date, precision: str, mark: str
) -> None:
    coarse_text = day.isoformat()[: 7 if precision == "month" else 4] + mark
    coarse, fine = parse_date(coarse_text), parse_date(day.isoformat())
    assert coarse.contains(fine)
    assert coarse.compare(fine) is Order.UNDETERMINED
    assert coarse.precision is Precision(precision)


@given(days)
def test_the_fast_path_agrees_with_the_grammar(day: dt.date) -> None:
    fast = parse_date(day.isoformat())
    slow = parse_date(day.isoformat() + "/" + day.isoformat())
    assert (fast.earliest, fast.latest) == (slow.earliest, slow.latest) == (day.toordinal(),) * 2


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-12~", "2016-12-01", "2016-12-31"),
        ("2016-12-13/2016-12", "2016-12-13", "2016-12-31"),
    ],
)
def test_interval_bounds(text: str, first: str, last: str) -> None:
    parsed = parse_date(text)
    assert (parsed.start.isoformat(), parsed.end.isoformat()) == (first, last)

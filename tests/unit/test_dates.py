"""Dates as intervals: three-valued comparison laws, checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.model.dates import (
    FIRST_ORDINAL,
    LAST_ORDINAL,
    DateInterval,
    Order,
    Precision,
    before,
    date_or_none,
    is_valid_date,
    iso_day,
    parse_date,
)

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
    return parse_date(iso_day(ordinal))


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


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("0000", "0000-01-01", "0000-12-31"),
        ("0000-02", "0000-02-01", "0000-02-29"),
        ("0000-02-29~", "0000-02-29", "0000-02-29"),
        ("0000-01-01", "0000-01-01", "0000-01-01"),
        ("9999-12", "9999-12-01", "9999-12-31"),
        ("9999-12-31", "9999-12-31", "9999-12-31"),
        ("0000/9999", "0000-01-01", "9999-12-31"),
        ("../2016", "0000-01-01", "2016-12-31"),
        ("2016/..", "2016-01-01", "9999-12-31"),
        ("../..", "0000-01-01", "9999-12-31"),
        ("../0000", "0000-01-01", "0000-12-31"),
        ("9999/..", "9999-01-01", "9999-12-31"),
    ],
)
def test_the_edges_of_the_grammar_have_exact_days(text: str, first: str, last: str) -> None:
    parsed = parse_date(text)
    assert is_valid_date(text)
    assert (iso_day(parsed.earliest), iso_day(parsed.latest)) == (first, last)


def test_year_0000_comes_just_before_year_0001() -> None:
    """Year 0000 is a leap year of 366 days ending on day 0, the eve of 0001-01-01 (day 1)."""
    year_zero, year_one = parse_date("0000"), parse_date("0001-01-01")
    assert (year_zero.earliest, year_zero.latest, year_one.earliest) == (-365, 0, 1)
    assert year_zero.compare(year_one) is Order.BEFORE
    assert parse_date("../..").compare(year_zero) is Order.UNDETERMINED


def test_datetime_views_clamp_year_0000_to_the_first_day_python_holds() -> None:
    parsed = parse_date("0000/0001-01-01")
    assert (parsed.start, parsed.end) == (dt.date(1, 1, 1), dt.date(1, 1, 1))
    assert parse_date("9999-12").end == dt.date(9999, 12, 31)


@pytest.mark.parametrize(
    ("text", "valid"),
    [("0000-02-29", True), ("0000-02-30", False), ("0001-02-29", False), ("0100-02-29", False)],
)
def test_year_0000_days_are_checked_against_the_calendar(text: str, valid: bool) -> None:
    assert is_valid_date(text) is valid
    assert (date_or_none(text) is not None) is valid


@given(st.integers(FIRST_ORDINAL, LAST_ORDINAL))
def test_every_day_of_the_grammar_round_trips_through_iso_text(ordinal: int) -> None:
    text = iso_day(ordinal)
    assert parse_date(text).earliest == parse_date(text).latest == ordinal, text


def test_iso_day_clamps_to_the_days_the_grammar_writes() -> None:
    assert [iso_day(FIRST_ORDINAL - 1), iso_day(LAST_ORDINAL + 1)] == ["0000-01-01", "9999-12-31"]

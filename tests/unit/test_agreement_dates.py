"""An agreement's key dates, each query with its precedence, and the three-valued "in force"."""

from __future__ import annotations

from typing import Any

import pytest

from accords.model import Agreement, Event
from accords.model.agreement_dates import (
    AgreementDate,
    binding_start,
    chronological_key,
    date_of,
    days_in_force,
    end_date,
    existence_date,
    first_date,
    first_stage_date,
    given_dates,
    held_from,
    held_until,
    in_force,
    in_force_between,
    known_date,
    on_record_by,
    outcome_date,
    public_start,
    record_date,
    recorded_end,
)
from accords.model.agreements import (
    CLOSING_OUTCOMES,
    ENDING_OUTCOMES,
    OUTCOMES_ENDED_BY_SOMETHING,
    OutcomeStatus,
)
from accords.model.dates import iso_day, parse_date


def _agreement(
    dates: dict[str, str], outcome: dict[str, Any] | None = None, agreement_id: str = "truce"
) -> Agreement:
    data: dict[str, Any] = {"id": agreement_id, "title": "A truce", "kind": "ceasefire"}
    data["dates"] = dates
    if outcome is not None:
        data["outcome"] = outcome
    return Agreement.model_validate(data)


def _found(found: AgreementDate | None) -> tuple[str, str] | None:
    return (found.field, found.text) if found is not None else None


ALL_DATES = {
    "proposed": "2016-08",
    "announced": "2016-09-09",
    "signed": "2016-09-10",
    "effective": "2016-09-12",
    "ended": "2016-09-19",
}


def test_each_start_query_picks_its_own_precedence() -> None:
    full = _agreement(ALL_DATES)
    assert _found(known_date(full)) == ("signed", "2016-09-10")
    assert _found(binding_start(full)) == ("effective", "2016-09-12")
    assert _found(public_start(full)) == ("announced", "2016-09-09")
    assert _found(held_from(full)) == ("effective", "2016-09-12")
    assert _found(first_stage_date(full)) == ("proposed", "2016-08")
    assert [_found(d) for d in given_dates(full)] == [
        ("proposed", "2016-08"),
        ("announced", "2016-09-09"),
        ("signed", "2016-09-10"),
        ("effective", "2016-09-12"),
        ("ended", "2016-09-19"),
    ]


def test_the_fallbacks_when_only_an_announcement_is_given() -> None:
    announced = _agreement({"announced": "2016-12"})
    assert _found(known_date(announced)) == ("announced", "2016-12")
    assert binding_start(announced) is None
    assert _found(public_start(announced)) == ("announced", "2016-12")
    assert _found(held_from(announced)) == ("announced", "2016-12")


def test_an_agreement_known_only_as_effective_is_undermined_from_then() -> None:
    effective = _agreement({"effective": "2016-12-30"})
    assert _found(public_start(effective)) == ("effective", "2016-12-30")
    assert _found(known_date(effective)) == ("effective", "2016-12-30")


def test_first_stage_date_is_the_stage_order_first_date_is_the_calendar() -> None:
    # Out of order (C101 reports it): the stage order and the calendar disagree.
    reversed_ = _agreement({"announced": "2016-12-29", "signed": "2016-12-28"})
    assert _found(first_stage_date(reversed_)) == ("announced", "2016-12-29")
    assert first_date(reversed_) == parse_date("2016-12-28")
    ended_only = _agreement({"ended": "2017-01"})
    assert _found(first_stage_date(ended_only)) == ("ended", "2017-01")
    assert first_date(ended_only) is None


def test_existence_leaves_out_a_proposal_and_ties_go_to_the_first_field() -> None:
    proposed = _agreement({"proposed": "2016-08", "effective": "2016-09-12"})
    assert existence_date(proposed) == parse_date("2016-09-12")
    assert first_date(proposed) == parse_date("2016-08")
    assert record_date(proposed) == parse_date("2016-09-12")
    only_proposed = _agreement({"proposed": "2016-08"})
    assert existence_date(only_proposed) is None
    assert record_date(only_proposed) == parse_date("2016-08")
    tie = _agreement({"announced": "2016-12~", "signed": "2016-12"})
    existed = existence_date(tie)
    assert existed is not None and existed.text == "2016-12"
    first = first_date(tie)
    assert first is not None and first.text == "2016-12~"


def test_on_record_by_is_three_valued() -> None:
    month = _agreement({"signed": "2016-12"})
    assert on_record_by(month, parse_date("2016-12-31")) is True
    assert on_record_by(month, parse_date("2016-12")) is True
    assert on_record_by(month, parse_date("2016-11-30")) is False
    assert on_record_by(month, parse_date("2016-12-15")) is None
    assert on_record_by(_agreement({}), parse_date("2016-12-15")) is None


def test_chronological_key_puts_undated_agreements_last() -> None:
    dated = _agreement({"signed": "2016-12"}, agreement_id="b")
    undated = _agreement({}, agreement_id="a")
    day = parse_date("2016-12")
    assert chronological_key(dated) == (day.earliest, day.latest, "b")
    assert sorted([undated, dated], key=chronological_key) == [dated, undated]


def test_each_end_query_picks_its_own_precedence() -> None:
    collapsed = {"status": "collapsed", "date": "2016-09-20"}
    both = _agreement({"effective": "2016-09-12", "ended": "2016-09-19"}, collapsed)
    assert _found(end_date(both)) == ("ended", "2016-09-19")
    assert _found(recorded_end(both)) == ("ended", "2016-09-19")
    assert _found(held_until(both, {})) == ("ended", "2016-09-19")
    assert _found(outcome_date(both)) == ("outcome", "2016-09-20")
    assert date_of(both, "ended") == AgreementDate("ended", parse_date("2016-09-19"))


def test_an_implemented_outcome_closes_a_summary_but_does_not_end_it() -> None:
    implemented = _agreement(
        {"effective": "2016-12-15"}, {"status": "implemented", "date": "2016-12-22"}
    )
    assert end_date(implemented) is None
    assert _found(held_until(implemented, {})) == ("outcome", "2016-12-22")
    assert _found(recorded_end(implemented)) == ("outcome", "2016-12-22")
    assert _found(outcome_date(implemented)) == ("outcome", "2016-12-22")
    in_effect = _agreement({"effective": "2016-12-30"}, {"status": "in-effect", "date": "2017-01"})
    assert end_date(in_effect) is None
    assert held_until(in_effect, {}) is None
    assert _found(recorded_end(in_effect)) == ("outcome", "2017-01")


def test_held_until_prefers_the_ending_event_over_the_outcome_date() -> None:
    event = Event.model_validate(
        {"id": "2016-09-19-convoy", "date": "2016-09-19", "kind": "attack", "summary": "Attack."}
    )
    truce = _agreement(
        {"effective": "2016-09-12"},
        {"status": "collapsed", "date": "2016-09", "ended_by": "2016-09-19-convoy"},
    )
    until = held_until(truce, {event.id: event})
    assert _found(until) == ("ended_by", "2016-09-19")
    assert until is not None and until.path == ("outcome", "ended_by")
    assert _found(held_until(truce, {})) == ("outcome", "2016-09")


def test_outcome_date_falls_back_to_the_ended_date() -> None:
    lapsed = _agreement({"ended": "2017-02"}, {"status": "lapsed"})
    found = outcome_date(lapsed)
    assert _found(found) == ("ended", "2017-02")
    assert found is not None and found.path == ("dates", "ended")
    assert outcome_date(_agreement({})) is None


def test_the_outcome_sets() -> None:
    def words(statuses: frozenset[OutcomeStatus]) -> list[str]:
        return sorted(s.value for s in statuses)

    assert words(ENDING_OUTCOMES) == ["collapsed", "lapsed", "superseded"]
    assert words(CLOSING_OUTCOMES) == ["collapsed", "implemented", "lapsed", "superseded"]
    assert words(OUTCOMES_ENDED_BY_SOMETHING) == ["collapsed", "superseded"]


TRUCE = _agreement(
    {"signed": "2016-09-10", "effective": "2016-09-12"},
    {"status": "collapsed", "date": "2016-09-19"},
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2016-09-11", False),  # signed, not yet effective
        ("2016-09-12", True),  # the day it took effect
        ("2016-09-18", True),
        ("2016-09-19", None),  # the day it collapsed: it held only until then
        ("2016-09-20", False),
        ("2016-09", None),  # some day of September: may be either
        ("2016-09-13/2016-09-18", True),  # every day of the interval
        ("2016-08", False),
        ("2016-10", False),
        ("2016", None),
    ],
)
def test_in_force_on_a_date_is_three_valued(on: str, expected: bool | None) -> None:
    assert in_force(TRUCE, parse_date(on)) is expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2016-09-01", "2016-09-11", False),
        ("2016-09-01", "2016-09-12", True),
        ("2016-09-19", "2016-09-30", None),  # only its last, partial day
        ("2016-09-20", "2016-12-31", False),
        ("2016-09", "2016-09", None),  # "September" read as one span is the same as both ends
        ("2016-08", "2016-10", True),  # whatever days the months are, mid-September is between
        ("2016", "2016", None),
    ],
)
def test_in_force_between_two_dates_is_three_valued(
    start: str, end: str, expected: bool | None
) -> None:
    assert in_force_between(TRUCE, parse_date(start), parse_date(end)) is expected


def test_days_in_force_are_the_days_in_force_answers_yes() -> None:
    first, last = parse_date("2016-09-12").earliest, parse_date("2016-09-18").earliest
    assert days_in_force(TRUCE) == (first, last)
    for day in range(first - 3, last + 4):
        assert (in_force(TRUCE, parse_date(iso_day(day))) is True) == (first <= day <= last)


def test_partial_start_and_end_leave_only_the_certain_days() -> None:
    vague = _agreement({"effective": "2016-12"}, {"status": "lapsed", "date": "2017-02"})
    assert days_in_force(vague) == (
        parse_date("2016-12-31").earliest,
        parse_date("2017-01-31").earliest,
    )
    assert in_force(vague, parse_date("2017-01-15")) is True
    assert in_force(vague, parse_date("2016-12-15")) is None
    assert in_force(vague, parse_date("2017-02-15")) is None
    assert in_force(vague, parse_date("2016-11-30")) is False
    assert in_force(vague, parse_date("2017-03-01")) is False


def test_without_a_start_in_force_is_never_certain() -> None:
    announced = _agreement(
        {"announced": "2016-12-13"}, {"status": "collapsed", "date": "2016-12-15"}
    )
    assert days_in_force(announced) is None
    assert in_force(announced, parse_date("2016-12-14")) is None
    assert in_force(announced, parse_date("2016-12-16")) is False
    assert in_force_between(announced, parse_date("2016-12-01"), parse_date("2016-12-31")) is None


def test_without_an_end_it_stays_in_force() -> None:
    open_ended = _agreement({"signed": "2016-12-29"})
    assert days_in_force(open_ended) is not None
    assert in_force(open_ended, parse_date("2030")) is True
    assert in_force(open_ended, parse_date("2016-12-28")) is False


def test_an_end_that_may_precede_the_start_leaves_no_certain_day() -> None:
    same_day = _agreement({"effective": "2016-12-30"}, {"status": "collapsed", "date": "2016-12"})
    assert days_in_force(same_day) is None
    assert in_force(same_day, parse_date("2016-12-30")) is None
    assert in_force(same_day, parse_date("2016-12-29")) is False
    backwards = _agreement({"effective": "2016-12-30", "ended": "2016-12-01"})
    assert days_in_force(backwards) is None
    assert in_force(backwards, parse_date("2016-12-15")) is False
    assert in_force_between(backwards, parse_date("2016"), parse_date("2016")) is False

"""Forecasts resolved against the record: true, false, open or undetermined, with Brier scores.

A condition part holds when a matching record exists dated by the deadline. Without one, the
expectation is false once the deadline has passed (relative to the as-of date, today by
default) and open until then. A match whose date the precision cannot place on either side of
the deadline leaves the expectation undetermined, never guessed.

With an as-of date the record is read as known on that date: expectations made after it and
matching records dated after it are left out; an undated match, or one whose date the precision
cannot place before or after the as-of date, leaves the verdict undetermined.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from accords.analysis.common import parse_option_date, today
from accords.dataset import Dataset
from accords.errors import UsageError
from accords.model.agreement_dates import outcome_date
from accords.model.dates import DateInterval, Order, date_or_none, on_or_before
from accords.model.events import EventStatus
from accords.model.scenarios import Condition, Expectation

TRUE = "true"
FALSE = "false"
OPEN = "open"
UNDETERMINED = "undetermined"

#: A match found, none found, or one found that the dates cannot place relative to the deadline.
_MATCH, _NONE, _UNSETTLED = "match", "none", "unsettled"


@dataclass(frozen=True, slots=True)
class Resolution:
    """One expectation's verdict, the records that decided it, and why."""

    scenario: str
    expectation: str
    claim: str
    forecaster: str | None
    made: str | None
    probability: float | None
    deadline: str | None
    verdict: str
    deciding: tuple[str, ...]
    reason: str

    @property
    def brier(self) -> float | None:
        """``(p - outcome)²`` when a probability is stated and the verdict is true or false."""
        if self.probability is None or self.verdict not in (TRUE, FALSE):
            return None
        return (self.probability - (1.0 if self.verdict == TRUE else 0.0)) ** 2

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["deciding"] = list(self.deciding)
        data["brier"] = _rounded(self.brier)
        return data


@dataclass(frozen=True)
class ScenarioReport:
    as_of: str
    resolutions: tuple[Resolution, ...]

    def brier(self, scenario: str | None = None) -> float | None:
        """The mean Brier score over scored expectations (of one scenario, or all)."""
        scores = [
            r.brier
            for r in self.resolutions
            if r.brier is not None and (scenario is None or r.scenario == scenario)
        ]
        return sum(scores) / len(scores) if scores else None

    def to_dict(self) -> dict[str, Any]:
        scenarios = list(dict.fromkeys(r.scenario for r in self.resolutions))
        return {
            "as_of": self.as_of,
            "expectations": [r.to_dict() for r in self.resolutions],
            "brier": {
                "overall": _rounded(self.brier()),
                **{s: _rounded(self.brier(s)) for s in scenarios},
            },
        }


def _rounded(score: float | None) -> float | None:
    """Scores to six places, so that float noise never shows in outputs."""
    return round(score, 6) if score is not None else None


def resolve_scenarios(
    dataset: Dataset, scenarios: Iterable[str] | None = None, *, as_of: str | None = None
) -> ScenarioReport:
    """Resolve every expectation of the chosen scenarios (default: all, by id).

    ``as_of`` reads the record as known on that date (see the module's docstring); without it,
    the record as it stands resolves the expectations, with today deciding past deadlines.
    """
    known_by = parse_option_date(as_of, "--as-of")
    now = known_by or today()
    chosen = sorted(dataset.scenarios) if scenarios is None else list(dict.fromkeys(scenarios))
    for scenario_id in chosen:
        if scenario_id not in dataset.scenarios:
            raise UsageError(f"unknown scenario {scenario_id!r}")
    resolutions = tuple(
        resolve(dataset, scenario_id, expectation, now, known_by)
        for scenario_id in chosen
        for expectation in dataset.scenarios[scenario_id].expectations
        if not _made_after(expectation, known_by)
    )
    return ScenarioReport(now.text, resolutions)


def _made_after(expectation: Expectation, known_by: DateInterval | None) -> bool:
    """Whether the forecast was surely made after the as-of date (so not yet known then)."""
    made = date_or_none(expectation.made)
    return known_by is not None and made is not None and on_or_before(made, known_by) is Order.AFTER


def resolve(
    dataset: Dataset,
    scenario_id: str,
    expectation: Expectation,
    now: DateInterval,
    known_by: DateInterval | None = None,
) -> Resolution:
    """The verdict on one expectation as the record stands at ``now``, counting only the
    records known by ``known_by`` when it is given."""

    def result(verdict: str, deciding: Iterable[str], reason: str) -> Resolution:
        return Resolution(
            scenario_id,
            expectation.id,
            expectation.claim,
            expectation.by,
            expectation.made,
            expectation.probability,
            expectation.deadline,
            verdict,
            tuple(deciding),
            reason,
        )

    condition = expectation.resolves_when
    if condition is None or not (condition.event or condition.position or condition.outcome):
        return result(UNDETERMINED, (), "no machine-checkable condition (resolves_when)")
    deadline = date_or_none(expectation.deadline)
    cutoff = _Cutoff(deadline, known_by)
    parts = _parts(dataset, condition, cutoff)
    states = [state for state, _ in parts]
    deciding = [record for _, records in parts for record in records]
    if all(state == _MATCH for state in states):
        return result(TRUE, deciding, "the record holds a match dated by the deadline")
    if _NONE not in states:
        reason = "the dates' precision does not settle the deadline"
        return result(UNDETERMINED, deciding, _unsettled(reason, dataset, condition, cutoff))
    if deadline is not None and deadline.latest < now.earliest:
        return result(FALSE, (), f"no match by the deadline {deadline.describe()}, now past")
    if _UNSETTLED in states:
        reason = "a match's date does not settle the deadline"
        return result(UNDETERMINED, deciding, _unsettled(reason, dataset, condition, cutoff))
    if deadline is None:
        return result(OPEN, (), "no match yet, and no deadline")
    return result(OPEN, (), f"no match yet; the deadline {deadline.describe()} is ahead")


@dataclass(frozen=True, slots=True)
class _Cutoff:
    """The dates a matching record must fall by: the deadline, and the as-of date if given."""

    deadline: DateInterval | None
    known_by: DateInterval | None

    def place(self, text: str | None) -> Order:
        """BEFORE when a record so dated surely falls by both, AFTER when surely not by one of
        them, UNDETERMINED otherwise; an undated record is placed only when neither is given."""
        limits = [d for d in (self.deadline, self.known_by) if d is not None]
        if not limits:
            return Order.BEFORE
        date = date_or_none(text)
        if date is None:
            return Order.UNDETERMINED
        orders = {on_or_before(date, limit) for limit in limits}
        if Order.AFTER in orders:
            return Order.AFTER
        return Order.BEFORE if orders == {Order.BEFORE} else Order.UNDETERMINED


def _unsettled(reason: str, dataset: Dataset, condition: Condition, cutoff: _Cutoff) -> str:
    """Why a match is unsettled: ``reason`` (the deadline), or, when the deadline alone would
    settle it, that the record may not have been known by the as-of date."""
    if cutoff.known_by is None:
        return reason
    by_deadline = _parts(dataset, condition, _Cutoff(cutoff.deadline, None))
    if all(state == _MATCH for state, _ in by_deadline):
        return "the dates do not settle whether the match was on record by the as-of date"
    return reason


def _parts(dataset: Dataset, condition: Condition, cutoff: _Cutoff) -> list[tuple[str, list[str]]]:
    """Each given part of the condition as (state, deciding records)."""
    parts: list[tuple[str, list[str]]] = []
    dated: list[tuple[str, str | None]]
    if condition.event is not None:
        c = condition.event
        dated = [
            (f"event:{e.id}", e.date)
            for e in dataset.events.values()
            if e.status in (EventStatus.OCCURRED, EventStatus.DISPUTED)
            and (c.kind is None or e.kind == c.kind)
            and (c.actor is None or c.actor in e.actors)
            and (c.target is None or c.target in e.targets)
            and (
                (c.agreement is None and c.effect is None)
                or any(
                    (c.agreement is None or link.agreement == c.agreement)
                    and (c.effect is None or link.effect == c.effect)
                    for link in e.agreements
                )
            )
        ]
        parts.append(_by_cutoff(dated, cutoff))
    if condition.position is not None:
        p = condition.position
        agreement = dataset.agreements.get(p.agreement)
        dated = [
            (f"agreement:{p.agreement}#position:{pos.actor}", pos.date)
            for pos in (agreement.positions if agreement else [])
            if pos.actor == p.actor and pos.stance == p.stance
        ]
        parts.append(_by_cutoff(dated, cutoff))
    if condition.outcome is not None:
        o = condition.outcome
        agreement = dataset.agreements.get(o.agreement)
        outcome = agreement.outcome if agreement else None
        dated = []
        if agreement is not None and outcome is not None and outcome.status in o.status:
            reached = outcome_date(agreement)
            dated.append((f"agreement:{o.agreement}#outcome", reached.text if reached else None))
        parts.append(_by_cutoff(dated, cutoff))
    return parts


def _by_cutoff(dated: Sequence[tuple[str, str | None]], cutoff: _Cutoff) -> tuple[str, list[str]]:
    """MATCH when some record is dated by the cut-off; UNSETTLED when only unplaceable ones."""
    if not dated:
        return _NONE, []
    if cutoff.deadline is None and cutoff.known_by is None:
        return _MATCH, [record for record, _ in dated]
    unsettled = []
    for record, text in dated:
        order = cutoff.place(text)
        if order is Order.BEFORE:
            return _MATCH, [record]
        if order is Order.UNDETERMINED:
            unsettled.append(record)
    return (_UNSETTLED, unsettled) if unsettled else (_NONE, [])

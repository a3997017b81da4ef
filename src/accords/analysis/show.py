"""One agreement summarised for a person, with derived facts: how long it held, what undermined
it, who blamed whom."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from accords.analysis.common import actor_name, resolve_agreements, source_ids
from accords.dataset import Dataset
from accords.model import Agreement
from accords.model.agreements import OutcomeStatus
from accords.model.common import Citation, SourceRef
from accords.model.dates import DateInterval, date_or_none
from accords.model.evidence import cited_claims
from accords.model.sources import rests_on_background

#: Effects of an event that count against an agreement.
UNDERMINING = ("violated", "undermined", "ended")
_ENDED_STATUSES = {
    OutcomeStatus.COLLAPSED,
    OutcomeStatus.SUPERSEDED,
    OutcomeStatus.LAPSED,
    OutcomeStatus.IMPLEMENTED,
}


@dataclass(frozen=True, slots=True)
class Duration:
    """How long the agreement was in effect, as a range of days when the dates are imprecise."""

    start: str
    end: str | None
    min_days: int | None
    max_days: int | None


@dataclass(frozen=True, slots=True)
class LinkedEvent:
    id: str
    date: str
    kind: str
    effect: str
    summary: str
    status: str
    contested: bool


@dataclass(frozen=True, slots=True)
class CitedEvidence:
    """One citation of a claim: the source, where in it, on what basis, and its quotes."""

    source: str
    source_kind: str | None
    locator: str | None
    basis: str
    quote: list[str]


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """A claim of the agreement and what it rests on; ``background_only`` when every source
    is background knowledge (no archived document states it)."""

    claim: str
    citations: list[CitedEvidence]
    background_only: bool


@dataclass(frozen=True)
class AgreementSummary:
    """Everything ``accords show`` prints, as plain data."""

    id: str
    title: str
    kind: str
    certainty: str
    aliases: list[str]
    scope: str | None
    dates: dict[str, str]
    in_effect: Duration | None
    participants: list[dict[str, Any]]
    exclusions: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    terms: list[dict[str, Any]]
    outcome: dict[str, Any] | None
    events: list[LinkedEvent]
    accusations: list[dict[str, Any]]
    related: list[dict[str, Any]]
    sources: list[dict[str, Any]] = field(default_factory=list)
    #: Each claim with its quotes; filled only when asked for (``show --evidence``).
    evidence: list[ClaimEvidence] = field(default_factory=list)

    @property
    def undermined_by(self) -> list[LinkedEvent]:
        return [e for e in self.events if e.effect in UNDERMINING]

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["undermined_by"] = [e.id for e in self.undermined_by]
        if not self.evidence:
            del data["evidence"]
        return data


def show(dataset: Dataset, agreement_id: str, *, evidence: bool = False) -> AgreementSummary:
    """The summary of one agreement (an unknown id is a usage error); with ``evidence``, each
    claim with the citations and quotes it rests on."""
    (agreement,) = resolve_agreements(dataset.agreements, [agreement_id])

    def name(actor: str) -> str:
        return actor_name(dataset.actors.get(actor), actor)

    scope = None
    if agreement.scope is not None:
        places = ", ".join(agreement.scope.places)
        scope = agreement.scope.area + (f" ({places})" if places else "")
    dates = {
        k: parse.describe()
        for k, v in agreement.dates.model_dump().items()
        if v is not None and (parse := date_or_none(v)) is not None
    }
    events = _linked_events(dataset, agreement.id)
    outcome = None
    if agreement.outcome is not None:
        ended_by = agreement.outcome.ended_by
        outcome = {
            "status": agreement.outcome.status.value,
            "date": agreement.outcome.date,
            "ended_by": ended_by,
            "ended_by_summary": dataset.events[ended_by].summary
            if ended_by in dataset.events
            else None,
        }
    cited = dict.fromkeys(source_ids(agreement.sources))

    def background(refs: list[SourceRef]) -> bool:
        return rests_on_background(source_ids(refs), dataset.sources)

    return AgreementSummary(
        id=agreement.id,
        title=agreement.title,
        kind=agreement.kind.value,
        certainty=agreement.certainty.value,
        aliases=list(agreement.aliases),
        scope=scope,
        dates=dates,
        in_effect=_duration(dataset, agreement),
        participants=[
            {
                "actor": p.actor,
                "name": name(p.actor),
                "roles": [r.value for r in p.roles],
                "represented_by": [name(r) for r in p.represented_by],
                "name_used": p.name_used,
                "contested": p.contested,
                "background_only": background(p.sources),
            }
            for p in agreement.participants
        ],
        exclusions=[
            {
                "actor": e.actor,
                "name": name(e.actor),
                "scope": e.scope.value,
                "manner": e.manner.value,
                "contested": e.contested,
                "background_only": background(e.sources),
            }
            for e in agreement.exclusions
        ],
        positions=[
            {
                "actor": p.actor,
                "name": name(p.actor),
                "stance": p.stance.value,
                "date": p.date,
                "contested": p.contested,
                "background_only": background(p.sources),
            }
            for p in agreement.positions
        ],
        terms=[
            {
                "id": t.id,
                "kind": t.kind.value,
                "text": t.text,
                "status": t.status.value if t.status else None,
                "deadline": t.deadline,
            }
            for t in agreement.terms
        ],
        outcome=outcome,
        events=events,
        accusations=[
            {"by": name(a.by), "against": name(a.against), "claim": a.claim, "date": a.date}
            for a in (agreement.outcome.accusations if agreement.outcome else [])
        ],
        related=[
            {
                "relation": r.relation.value,
                "agreement": r.agreement,
                "title": dataset.agreements[r.agreement].title
                if r.agreement in dataset.agreements
                else None,
            }
            for r in agreement.related
        ],
        sources=[
            {"id": s, "title": dataset.sources[s].title if s in dataset.sources else None}
            for s in cited
        ],
        evidence=_evidence(dataset, agreement) if evidence else [],
    )


def _evidence(dataset: Dataset, agreement: Agreement) -> list[ClaimEvidence]:
    claims = []
    for claim, refs in cited_claims(agreement):
        citations = []
        for ref in refs:
            cited = ref if isinstance(ref, Citation) else Citation(source=ref)
            source = dataset.sources.get(cited.source)
            kind = source.kind.value if source is not None else None
            citations.append(
                CitedEvidence(
                    cited.source, kind, cited.locator, cited.basis.value, list(cited.quote)
                )
            )
        background = rests_on_background(source_ids(refs), dataset.sources)
        claims.append(ClaimEvidence(claim, citations, background))
    return claims


def _linked_events(dataset: Dataset, agreement_id: str) -> list[LinkedEvent]:
    linked = []
    for event in dataset.events.values():
        for link in event.agreements:
            if link.agreement == agreement_id:
                linked.append(
                    LinkedEvent(
                        event.id,
                        event.date,
                        event.kind.value,
                        link.effect.value,
                        event.summary,
                        event.status.value,
                        link.contested or event.contested,
                    )
                )
    return sorted(linked, key=_event_key)


def _event_key(event: LinkedEvent) -> tuple[int, int, str]:
    date = date_or_none(event.date)
    return (date.earliest, date.latest, event.id) if date else (0, 0, event.id)


def _duration(dataset: Dataset, agreement: Agreement) -> Duration | None:
    """From taking effect (or signing, or announcement) to the end the record gives."""
    start_text = agreement.dates.effective or agreement.dates.signed or agreement.dates.announced
    start = date_or_none(start_text)
    if start is None or start_text is None:
        return None
    end_text = agreement.dates.ended
    outcome = agreement.outcome
    if end_text is None and outcome is not None:
        if outcome.ended_by in dataset.events:
            end_text = dataset.events[outcome.ended_by].date
        elif outcome.status in _ENDED_STATUSES:
            end_text = outcome.date
    end = date_or_none(end_text)
    if end is None or end_text is None:
        return Duration(start_text, None, None, None)
    return Duration(start_text, end_text, *_day_range(start, end))


def _day_range(start: DateInterval, end: DateInterval) -> tuple[int, int]:
    return max(0, end.earliest - start.latest), max(0, end.latest - start.earliest)

"""One agreement summarised for a person, with derived facts: how long it held, what undermined
it, who blamed whom."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from accords.analysis.common import actor_name, resolve_agreements, source_ids
from accords.dataset import Dataset
from accords.model import Agreement
from accords.model.agreement_dates import held_from, held_until
from accords.model.agreements import RelatedAgreement, Term
from accords.model.common import Citation, SourceRef
from accords.model.dates import DateInterval, date_or_none
from accords.model.evidence import cited_claims
from accords.model.sources import rests_on_background

#: Effects of an event that count against an agreement.
UNDERMINING = ("violated", "undermined", "ended")


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


@dataclass(frozen=True, slots=True)
class ParticipantSummary:
    """An actor at the table: its roles, who represented it, the name the text uses."""

    actor: str
    name: str
    roles: list[str]
    represented_by: list[str]
    name_used: str | None
    contested: bool
    background_only: bool


@dataclass(frozen=True, slots=True)
class ExclusionSummary:
    """An actor left out: of what (``scope``) and how (``manner``)."""

    actor: str
    name: str
    scope: str
    manner: str
    contested: bool
    background_only: bool


@dataclass(frozen=True, slots=True)
class PositionSummary:
    """An actor's stance on the agreement, and when it took it."""

    actor: str
    name: str
    stance: str
    date: str | None
    contested: bool
    background_only: bool


@dataclass(frozen=True, slots=True)
class TermSummary:
    id: str
    kind: str
    text: str
    status: str | None
    deadline: str | None


@dataclass(frozen=True, slots=True)
class OutcomeSummary:
    """How the agreement ended, and the summary of the event that ended it when known."""

    status: str
    date: str | None
    ended_by: str | None
    ended_by_summary: str | None


@dataclass(frozen=True, slots=True)
class Accusation:
    """Who blamed whom, by display name."""

    by: str
    against: str
    claim: str
    date: str | None


@dataclass(frozen=True, slots=True)
class RelatedSummary:
    relation: str
    agreement: str
    title: str | None


@dataclass(frozen=True, slots=True)
class CitedSource:
    id: str
    title: str | None


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
    participants: list[ParticipantSummary]
    exclusions: list[ExclusionSummary]
    positions: list[PositionSummary]
    terms: list[TermSummary]
    outcome: OutcomeSummary | None
    events: list[LinkedEvent]
    accusations: list[Accusation]
    related: list[RelatedSummary]
    sources: list[CitedSource] = field(default_factory=list)
    #: Each claim with its quotes; filled only when asked for (``show --evidence``).
    evidence: list[ClaimEvidence] = field(default_factory=list)

    @property
    def undermined_by(self) -> list[LinkedEvent]:
        return [e for e in self.events if e.effect in UNDERMINING]

    @property
    def background_only(self) -> bool:
        """Whether any participation, exclusion or position rests on background knowledge alone."""
        claims: list[ParticipantSummary | ExclusionSummary | PositionSummary] = [
            *self.participants,
            *self.exclusions,
            *self.positions,
        ]
        return any(c.background_only for c in claims)

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
    people = _People(dataset)
    return AgreementSummary(
        id=agreement.id,
        title=agreement.title,
        kind=agreement.kind.value,
        certainty=agreement.certainty.value,
        aliases=list(agreement.aliases),
        scope=_scope(agreement),
        dates=_dates(agreement),
        in_effect=_duration(dataset, agreement),
        participants=people.participants(agreement),
        exclusions=people.exclusions(agreement),
        positions=people.positions(agreement),
        terms=[_term(t) for t in agreement.terms],
        outcome=_outcome(dataset, agreement),
        events=_linked_events(dataset, agreement.id),
        accusations=people.accusations(agreement),
        related=[_related(dataset, r) for r in agreement.related],
        sources=[_cited_source(dataset, s) for s in dict.fromkeys(source_ids(agreement.sources))],
        evidence=_evidence(dataset, agreement) if evidence else [],
    )


class _People:
    """The actors of an agreement as ``show`` lists them: by display name, each claim flagged
    when it rests on background knowledge alone."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def name(self, actor: str) -> str:
        return actor_name(self.dataset.actors.get(actor), actor)

    def background(self, refs: list[SourceRef]) -> bool:
        return rests_on_background(source_ids(refs), self.dataset.sources)

    def participants(self, agreement: Agreement) -> list[ParticipantSummary]:
        return [
            ParticipantSummary(
                p.actor,
                self.name(p.actor),
                [r.value for r in p.roles],
                [self.name(r) for r in p.represented_by],
                p.name_used,
                p.contested,
                self.background(p.sources),
            )
            for p in agreement.participants
        ]

    def exclusions(self, agreement: Agreement) -> list[ExclusionSummary]:
        return [
            ExclusionSummary(
                e.actor,
                self.name(e.actor),
                e.scope.value,
                e.manner.value,
                e.contested,
                self.background(e.sources),
            )
            for e in agreement.exclusions
        ]

    def positions(self, agreement: Agreement) -> list[PositionSummary]:
        return [
            PositionSummary(
                p.actor,
                self.name(p.actor),
                p.stance.value,
                p.date,
                p.contested,
                self.background(p.sources),
            )
            for p in agreement.positions
        ]

    def accusations(self, agreement: Agreement) -> list[Accusation]:
        return [
            Accusation(self.name(a.by), self.name(a.against), a.claim, a.date)
            for a in (agreement.outcome.accusations if agreement.outcome else [])
        ]


def _scope(agreement: Agreement) -> str | None:
    if agreement.scope is None:
        return None
    places = ", ".join(agreement.scope.places)
    return agreement.scope.area + (f" ({places})" if places else "")


def _dates(agreement: Agreement) -> dict[str, str]:
    return {
        k: parse.describe()
        for k, v in agreement.dates.model_dump().items()
        if v is not None and (parse := date_or_none(v)) is not None
    }


def _term(term: Term) -> TermSummary:
    status = term.status.value if term.status else None
    return TermSummary(term.id, term.kind.value, term.text, status, term.deadline)


def _outcome(dataset: Dataset, agreement: Agreement) -> OutcomeSummary | None:
    outcome = agreement.outcome
    if outcome is None:
        return None
    ended_by = outcome.ended_by
    summary = dataset.events[ended_by].summary if ended_by in dataset.events else None
    return OutcomeSummary(outcome.status.value, outcome.date, ended_by, summary)


def _related(dataset: Dataset, related: RelatedAgreement) -> RelatedSummary:
    target = dataset.agreements.get(related.agreement)
    title = target.title if target is not None else None
    return RelatedSummary(related.relation.value, related.agreement, title)


def _cited_source(dataset: Dataset, source_id: str) -> CitedSource:
    source = dataset.sources.get(source_id)
    return CitedSource(source_id, source.title if source is not None else None)


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
    start = held_from(agreement)
    if start is None:
        return None
    end = held_until(agreement, dataset.events)
    if end is None:
        return Duration(start.text, None, None, None)
    return Duration(start.text, end.text, *_day_range(start.date, end.date))


def _day_range(start: DateInterval, end: DateInterval) -> tuple[int, int]:
    return max(0, end.earliest - start.latest), max(0, end.latest - start.earliest)

"""Flat, tidy tables of the whole record for pandas or R, with stable column names.

Several values in one cell (aliases, sources, actor lists) are joined with ``;``; dates keep
their EDTF text and gain ``_earliest``/``_latest`` ISO columns, so partial dates stay usable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accords.analysis.common import LIST_SEPARATOR, actor_name
from accords.analysis.common import source_ids as _source_ids
from accords.analysis.export_columns import SPECS
from accords.dataset import Dataset
from accords.model.agreement_dates import chronological_key, first_date
from accords.model.common import Citation
from accords.model.dates import DateInterval, date_or_none, iso_day
from accords.model.evidence import cited_claims
from accords.model.sources import rests_on_background

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]

    def records(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


#: Every table and its columns, in order (defined once, in :mod:`export_columns`).
COLUMNS: dict[str, tuple[str, ...]] = {spec.name: spec.column_names for spec in SPECS}

TABLES = tuple(COLUMNS)


def export_tables(dataset: Dataset, names: Iterable[str] | None = None) -> list[Table]:
    """The chosen tables (default: all), rows in a stable order whatever the file order."""
    from accords.errors import UsageError

    chosen = list(names) if names is not None else list(TABLES)
    unknown = [n for n in chosen if n not in COLUMNS]
    if unknown:
        raise UsageError(f"unknown table {unknown[0]!r}; expected one of {', '.join(TABLES)}")
    builders = {
        "agreements": _agreements,
        "participants": _participants,
        "exclusions": _exclusions,
        "positions": _positions,
        "terms": _terms,
        "events": _events,
        "event_agreements": _event_agreements,
        "citations": _citations,
        "actors": _actors,
    }
    return [Table(n, COLUMNS[n], builders[n](dataset)) for n in chosen]


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _sources(refs: Iterable[str | Citation]) -> str:
    return _join(_source_ids(refs))


def _background(dataset: Dataset, refs: Iterable[str | Citation]) -> bool:
    return rests_on_background(_source_ids(refs), dataset.sources)


def _ends(date: DateInterval | None) -> tuple[str | None, str | None]:
    """The first and last day ``date`` may denote, as ISO text; an open end (``..``) has none."""
    if date is None:
        return (None, None)
    start, _, end = date.text.partition("/")
    return (
        None if start == ".." else iso_day(date.earliest),
        None if end == ".." else iso_day(date.latest),
    )


def _bounds(text: str | None) -> tuple[str | None, str | None]:
    return _ends(date_or_none(text))


def _ordered_agreements(dataset: Dataset) -> list[Any]:
    return sorted(dataset.agreements.values(), key=chronological_key)


def _agreements(dataset: Dataset) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for a in _ordered_agreements(dataset):
        start = first_date(a)
        outcome = a.outcome
        rows.append(
            (
                a.id, a.title, a.kind.value, a.certainty.value,
                a.scope.area if a.scope else None,
                a.dates.proposed, a.dates.announced, a.dates.signed, a.dates.effective,
                a.dates.ended,
                *_ends(start),
                outcome.status.value if outcome else None, outcome.date if outcome else None,
                outcome.ended_by if outcome else None,
                _join(a.aliases), a.pax.agt_id if a.pax else None, _sources(a.sources),
            )
        )  # fmt: skip
    return rows


def _participants(dataset: Dataset) -> list[tuple[Value, ...]]:
    return [
        (
            a.id, p.actor, actor_name(dataset.actors.get(p.actor), p.actor), role.value,
            p.contested, p.name_used, _join(p.represented_by), _sources(p.sources),
            _background(dataset, p.sources),
        )
        for a in _ordered_agreements(dataset)
        for p in a.participants
        for role in p.roles
    ]  # fmt: skip


def _exclusions(dataset: Dataset) -> list[tuple[Value, ...]]:
    return [
        (
            a.id, e.actor, actor_name(dataset.actors.get(e.actor), e.actor), e.scope.value,
            e.manner.value, e.contested, e.name_used, _sources(e.sources),
            _background(dataset, e.sources),
        )
        for a in _ordered_agreements(dataset)
        for e in a.exclusions
    ]  # fmt: skip


def _positions(dataset: Dataset) -> list[tuple[Value, ...]]:
    return [
        (
            a.id, p.actor, actor_name(dataset.actors.get(p.actor), p.actor), p.stance.value,
            p.date, *_bounds(p.date), p.contested, _sources(p.sources),
            _background(dataset, p.sources),
        )
        for a in _ordered_agreements(dataset)
        for p in a.positions
    ]  # fmt: skip


def _terms(dataset: Dataset) -> list[tuple[Value, ...]]:
    return [
        (
            a.id, t.id, t.kind.value, t.text, _join(t.obligations), t.deadline, t.condition,
            t.status.value if t.status else None, t.contested, _sources(t.sources),
            _background(dataset, t.sources),
        )
        for a in _ordered_agreements(dataset)
        for t in a.terms
    ]  # fmt: skip


def _ordered_events(dataset: Dataset) -> list[Any]:
    def key(event: Any) -> tuple[int, int, str]:
        date = date_or_none(event.date)
        return (date.earliest, date.latest, event.id) if date else (0, 0, event.id)

    return sorted(dataset.events.values(), key=key)


def _events(dataset: Dataset) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for e in _ordered_events(dataset):
        date = date_or_none(e.date)
        deaths = e.fatalities
        low, high = (
            (deaths, deaths)
            if isinstance(deaths, int)
            else ((deaths.min, deaths.max) if deaths is not None else (None, None))
        )
        rows.append(
            (
                e.id, e.date, *_bounds(e.date), date.precision.value if date else None,
                e.kind.value, e.status.value, e.summary, e.place, _join(e.actors),
                _join(e.targets), low, high, e.contested, _sources(e.sources),
                _background(dataset, e.sources),
            )
        )  # fmt: skip
    return rows


def _event_agreements(dataset: Dataset) -> list[tuple[Value, ...]]:
    return [
        (e.id, link.agreement, link.effect.value, link.contested)
        for e in _ordered_events(dataset)
        for link in e.agreements
    ]


def _citations(dataset: Dataset) -> list[tuple[Value, ...]]:
    """One row per quote of every citation (one row for a citation without quotes)."""
    rows: list[tuple[Value, ...]] = []
    for entry in sorted(dataset.entries, key=lambda e: (e.kind, e.id)):
        for claim, refs in cited_claims(entry.record):
            for ref in refs:
                citation = ref if isinstance(ref, Citation) else Citation(source=ref)
                source = dataset.sources.get(citation.source)
                head = (
                    entry.kind, entry.id, claim, citation.source,
                    source.kind.value if source is not None else None, citation.locator,
                    citation.basis.value,
                )  # fmt: skip
                quotes: list[str | None] = [*citation.quote] or [None]
                rows.extend((*head, quote) for quote in quotes)
    return rows


def _actors(dataset: Dataset) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for actor in sorted(dataset.actors.values(), key=lambda a: a.id):
        dated = [f"{n.name} [{n.from_ or '..'}/{n.until or '..'}]" for n in actor.names]
        coalitions = [r.actor for r in actor.relations if r.type.value in ("member-of", "part-of")]
        rows.append(
            (
                actor.id, actor.kind.value, actor.name, _join(actor.aliases), _join(dated),
                _join(coalitions), actor.wikidata, actor.ucdp, _join(actor.acled),
                _sources(actor.sources),
            )
        )  # fmt: skip
    return rows

"""The actor × agreement matrix (DESIGN §4): who was at the table, covered, left out, opposed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from accords.analysis.common import actor_name, parse_option_date, resolve_agreements
from accords.analysis.marks import (
    REMOVED,
    Mark,
    agreement_marks,
    changed_marks,
    with_evidence,
)
from accords.analysis.whatif import apply_scenario, scenario_by_id
from accords.dataset import Dataset
from accords.errors import UsageError
from accords.model import Actor, Agreement
from accords.model.actors import ActorKind, RelationType
from accords.model.agreement_dates import record_date
from accords.model.dates import DateInterval, Order, date_or_none, on_or_before

ORDERS = ("first-appearance", "name", "kind")
GROUPINGS = ("kind", "coalition")
NO_GROUP = "(none)"


@dataclass(frozen=True, slots=True)
class AgreementColumn:
    """One column: an agreement, its date, and whether ``as_of`` could not settle its inclusion:
    ``undetermined`` when its dates' precision does not, ``undated`` when it has no date."""

    id: str
    title: str
    date: str | None = None
    undetermined: bool = False
    undated: bool = False

    @property
    def shown_date(self) -> str | None:
        """The date to print by the title: the date, or "undated" for an undated column."""
        return self.date or ("undated" if self.undated else None)


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One row: an actor id with its display name, kind and group."""

    id: str
    name: str
    kind: str | None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    actor: str
    agreement: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    title: str | None
    publisher: str | None
    published: str | None


@dataclass(frozen=True)
class ComparisonResult:
    """The matrix as plain data; :meth:`to_dict` gives the JSON shape of DESIGN §4."""

    agreements: tuple[AgreementColumn, ...]
    actors: tuple[ActorRow, ...]
    cells: tuple[Cell, ...]
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    as_of: str | None = None
    scenario: str | None = None
    group_by: str | None = None

    def cell(self, actor: str, agreement: str) -> tuple[Mark, ...]:
        return self._index().get((actor, agreement), ())

    def row(self, actor: str) -> Mapping[str, tuple[Mark, ...]]:
        """The actor's marked cells, by agreement id; an agreement it has no mark in is absent.

        A renderer walks a row's few marked cells instead of asking for every cell of a wide,
        mostly empty matrix.
        """
        rows: dict[str, dict[str, tuple[Mark, ...]]] | None = self.__dict__.get("_rows")
        if rows is None:
            rows = {}
            for c in self.cells:
                rows.setdefault(c.actor, {})[c.agreement] = c.marks
            self.__dict__["_rows"] = rows
        return rows.get(actor, {})

    def _index(self) -> dict[tuple[str, str], tuple[Mark, ...]]:
        cached: dict[tuple[str, str], tuple[Mark, ...]] | None = self.__dict__.get("_cells")
        if cached is None:
            cached = {(c.actor, c.agreement): c.marks for c in self.cells}
            self.__dict__["_cells"] = cached
        return cached

    def to_dict(self) -> dict[str, Any]:
        """``{"agreements", "actors", "cells"}`` exactly as DESIGN §4, plus optional context."""
        data: dict[str, Any] = {
            "agreements": [{"id": a.id, "title": a.title} for a in self.agreements],
            "actors": [{"id": r.id, "name": r.name} for r in self.actors],
            "cells": [
                {
                    "actor": c.actor,
                    "agreement": c.agreement,
                    "marks": [m.word for m in c.marks if m.change != REMOVED],
                }
                for c in self.cells
                if any(m.change != REMOVED for m in c.marks)
            ],
        }
        if self.as_of is not None:
            data["as_of"] = {
                "date": self.as_of,
                "undetermined": [a.id for a in self.agreements if a.undetermined],
                "undated": [a.id for a in self.agreements if a.undated],
                "unplaced_stances": [
                    {"actor": c.actor, "agreement": c.agreement, "mark": m.word, "why": m.unplaced}
                    for c in self.cells
                    for m in c.marks
                    if m.unplaced is not None and m.change != REMOVED
                ],
            }
        background = [
            {"actor": c.actor, "agreement": c.agreement, "mark": m.word}
            for c in self.cells
            for m in c.marks
            if m.background and m.change != REMOVED
        ]
        if background:
            # Marks that rest on background knowledge alone: no archived source states them.
            data["background"] = background
        if self.scenario is not None:
            data["scenario"] = {
                "id": self.scenario,
                "changes": [
                    {"actor": c.actor, "agreement": c.agreement, "mark": m.word, "change": m.change}
                    for c in self.cells
                    for m in c.marks
                    if m.change is not None
                ],
            }
        return data


def compare(
    dataset: Dataset,
    agreements: Iterable[str] | None = None,
    *,
    as_of: str | None = None,
    scenario: str | None = None,
    kinds: Iterable[str] | None = None,
    only_marked: bool = True,
    order: str = "first-appearance",
    group_by: str | None = None,
) -> ComparisonResult:
    """The actor × agreement matrix.

    ``agreements`` picks columns in the order given (default: every agreement, by date).
    ``as_of`` reads the record as known on that date: it keeps agreements that existed by then
    (one whose dates' precision cannot settle it is kept and flagged ``undetermined``; one
    with no date is kept and flagged ``undated``, never shown as existing), drops positions
    taken later (flagging those it cannot place) and names actors as they were called then.
    ``scenario`` applies a scenario's what-if changes and flags each mark it added or removed.
    ``kinds`` keeps actors of those kinds; ``only_marked`` drops actors without a mark;
    ``order`` and ``group_by`` arrange the rows.
    """
    _check_arrangement(order, group_by)
    date = parse_option_date(as_of, "--as-of")
    chosen = resolve_agreements(dataset.agreements, agreements)
    columns = _columns(chosen, date)
    if not columns:
        raise UsageError(
            f"no agreement existed by {as_of}" if as_of else "no agreements to compare"
        )
    marks = _column_marks(dataset, chosen, columns, date, scenario)
    rows = _rows(dataset, columns, marks, date, _kind_filter(kinds), only_marked)
    rows = _ordered(rows, order)
    if group_by is not None:
        rows = _grouped(dataset, rows, group_by, date)
    cells = _cells(rows, columns, marks)
    cited = dict.fromkeys(s for c in cells for m in c.marks for s in m.sources)
    return ComparisonResult(
        agreements=tuple(columns),
        actors=tuple(rows),
        cells=cells,
        sources={s: _source_info(dataset, s) for s in cited},
        as_of=as_of,
        scenario=scenario,
        group_by=group_by,
    )


def _cells(
    rows: list[ActorRow], columns: list[AgreementColumn], marks: dict[str, dict[str, list[Mark]]]
) -> tuple[Cell, ...]:
    """The marked cells, row by row and in column order within a row.

    Walks each column's marks once rather than every row × column pair: a matrix of
    thousands of actors and agreements is almost all empty.
    """
    by_actor: dict[str, list[tuple[str, list[Mark]]]] = {}
    for column in columns:
        for actor, actor_marks in marks[column.id].items():
            if actor_marks:
                by_actor.setdefault(actor, []).append((column.id, actor_marks))
    return tuple(
        Cell(row.id, agreement, tuple(actor_marks))
        for row in rows
        for agreement, actor_marks in by_actor.get(row.id, ())
    )


def _check_arrangement(order: str, group_by: str | None) -> None:
    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
    if group_by is not None and group_by not in GROUPINGS:
        raise UsageError(f"unknown grouping {group_by!r}; expected one of {', '.join(GROUPINGS)}")


def _kind_filter(kinds: Iterable[str] | None) -> set[str] | None:
    """The actor kinds to keep (``None``: all); an unknown kind is a usage error."""
    kind_filter = set(kinds) if kinds is not None else None
    unknown_kinds = sorted((kind_filter or set()) - {k.value for k in ActorKind})
    if unknown_kinds:
        expected = ", ".join(k.value for k in ActorKind)
        raise UsageError(f"unknown actor kind {unknown_kinds[0]!r}; expected one of {expected}")
    return kind_filter


def _column_marks(
    dataset: Dataset,
    chosen: list[Agreement],
    columns: list[AgreementColumn],
    date: DateInterval | None,
    scenario: str | None,
) -> dict[str, dict[str, list[Mark]]]:
    """Each column's marks by actor; under a scenario, each mark it added or removed flagged."""

    def marks_of(agreement: Agreement) -> dict[str, list[Mark]]:
        return with_evidence(agreement_marks(agreement, date), dataset.sources)

    base = {a.id: marks_of(a) for a in chosen}
    if scenario is None:
        return {column.id: base[column.id] for column in columns}
    changed = apply_scenario(dataset.agreements, scenario_by_id(dataset, scenario))
    return {
        column.id: _diff_cells(base[column.id], marks_of(changed[column.id])) for column in columns
    }


def _columns(chosen: list[Any], date: DateInterval | None) -> list[AgreementColumn]:
    columns = []
    for agreement in chosen:
        when = record_date(agreement)
        verdict = Order.BEFORE
        if date is not None and when is not None:
            verdict = on_or_before(when, date)
        if verdict is Order.AFTER:
            continue
        columns.append(
            AgreementColumn(
                agreement.id,
                agreement.title,
                when.text if when is not None else None,
                undetermined=verdict is Order.UNDETERMINED,
                undated=date is not None and when is None,
            )
        )
    return columns


def _diff_cells(
    before: dict[str, list[Mark]], after: dict[str, list[Mark]]
) -> dict[str, list[Mark]]:
    actors = dict.fromkeys([*after, *before])
    return {a: changed_marks(before.get(a, []), after.get(a, [])) for a in actors}


def _rows(
    dataset: Dataset,
    columns: list[AgreementColumn],
    marks: dict[str, dict[str, list[Mark]]],
    date: DateInterval | None,
    kinds: set[str] | None,
    only_marked: bool,
) -> list[ActorRow]:
    order = dict.fromkeys(a for c in columns for a, m in marks[c.id].items() if m)
    if not only_marked:
        unmarked = [a for a in dataset.actors if a not in order]
        order.update(dict.fromkeys(sorted(unmarked, key=lambda a: _name_key(dataset, a))))
    rows = []
    for actor_id in order:
        actor = dataset.actors.get(actor_id)
        kind = actor.kind.value if actor is not None else None
        if kinds is not None and kind not in kinds:
            continue
        rows.append(ActorRow(actor_id, actor_name(actor, actor_id, date), kind))
    return rows


def _name_key(dataset: Dataset, actor_id: str) -> tuple[str, str]:
    actor = dataset.actors.get(actor_id)
    return ((actor.name if actor else actor_id).casefold(), actor_id)


def _ordered(rows: list[ActorRow], order: str) -> list[ActorRow]:
    if order == "name":
        return sorted(rows, key=lambda r: (r.name.casefold(), r.id))
    if order == "kind":
        return sorted(rows, key=lambda r: (r.kind or "~", r.name.casefold(), r.id))
    return rows


def _grouped(
    dataset: Dataset, rows: list[ActorRow], group_by: str, date: DateInterval | None
) -> list[ActorRow]:
    """Rows with their group, gathered by group in order of each group's first row."""
    labelled = [
        ActorRow(r.id, r.name, r.kind, _group(dataset, r, group_by, date) or NO_GROUP) for r in rows
    ]
    groups = list(dict.fromkeys(r.group for r in labelled if r.group != NO_GROUP))
    groups.append(NO_GROUP)
    rank = {g: i for i, g in enumerate(groups)}
    return sorted(labelled, key=lambda r: rank[r.group or NO_GROUP])


def _group(dataset: Dataset, row: ActorRow, group_by: str, date: DateInterval | None) -> str | None:
    if group_by == "kind":
        return row.kind
    actor = dataset.actors.get(row.id)
    if actor is None:
        return None
    if actor.kind.value == "coalition":
        return actor.name
    coalition = _coalition(actor, date)
    if coalition is None:
        return None
    return actor_name(dataset.actors.get(coalition), coalition, date)


def _coalition(actor: Actor, date: DateInterval | None) -> str | None:
    """The first member-of/part-of target, among ties not definitely outside ``date``."""
    for relation in actor.relations:
        if relation.type not in (RelationType.MEMBER_OF, RelationType.PART_OF):
            continue
        if date is not None:
            start, end = date_or_none(relation.from_), date_or_none(relation.until)
            if start is not None and on_or_before(start, date) is Order.AFTER:
                continue
            if end is not None and end.latest < date.earliest:
                continue
        return relation.actor
    return None


def _source_info(dataset: Dataset, source_id: str) -> SourceInfo:
    source = dataset.sources.get(source_id)
    if source is None:
        return SourceInfo(source_id, None, None, None)
    return SourceInfo(source_id, source.title, source.publisher, source.published)

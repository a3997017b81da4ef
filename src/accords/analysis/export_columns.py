"""The one definition of every export table: its columns with their types, its primary key and
its foreign keys.

The CSV and JSON tables take their column names from here; the Frictionless Data Package
descriptor and the SQLite tables derive their field types, primary keys and foreign keys from
the same definitions, so that no format can drift from another.

Two tables have no natural primary key. An actor may take the same stance on an agreement more
than once, and a position's date is optional, so ``positions`` has none; a citation may cite the
same source for the same claim with several locators and quotes, so ``citations`` has none.
SQLite keeps both as rowid tables; the Data Package declares no ``primaryKey`` for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, cast

#: A column's type, in Table Schema's words (https://specs.frictionlessdata.io/table-schema/).
ColumnType = Literal["string", "integer", "boolean", "date"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType = "string"


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """``column`` holds the ``id`` of a row of ``table``."""

    column: str
    table: str


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    #: What one row is, as the README says it.
    rows: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def foreign_keys_among(self, tables: Iterable[str]) -> tuple[ForeignKey, ...]:
        """The foreign keys that point at one of ``tables`` (those exported with this one)."""
        chosen = set(tables)
        return tuple(key for key in self.foreign_keys if key.table in chosen)


def _columns(*names: str) -> tuple[Column, ...]:
    """Columns from ``name`` or ``name:type`` (string unless said otherwise)."""
    parsed = (name.partition(":") for name in names)
    return tuple(Column(name, cast(ColumnType, kind or "string")) for name, _, kind in parsed)


def _to(table: str, *columns: str) -> tuple[ForeignKey, ...]:
    return tuple(ForeignKey(column, table) for column in columns)


_CLAIM = ("contested:boolean", "sources", "background_only:boolean")

#: Every table, in the order the export writes them; the README documents them.
SPECS: tuple[TableSpec, ...] = (
    TableSpec(
        "agreements",
        "one row per agreement, in date order",
        _columns(
            "id", "title", "kind", "certainty", "scope_area", "proposed", "announced", "signed",
            "effective", "ended", "start_earliest:date", "start_latest:date", "outcome_status",
            "outcome_date", "ended_by", "aliases", "pax_agt_id:integer", "sources",
        ),
        primary_key=("id",),
        foreign_keys=_to("events", "ended_by"),
    ),
    TableSpec(
        "participants",
        "one row per agreement × actor × role",
        _columns(
            "agreement", "actor", "actor_name", "role", "contested:boolean", "name_used",
            "represented_by", "sources", "background_only:boolean",
        ),
        primary_key=("agreement", "actor", "role"),
        foreign_keys=(*_to("agreements", "agreement"), *_to("actors", "actor")),
    ),
    TableSpec(
        "exclusions",
        "one row per exclusion",
        _columns(
            "agreement", "actor", "actor_name", "scope", "manner", "contested:boolean",
            "name_used", "sources", "background_only:boolean",
        ),
        primary_key=("agreement", "actor", "scope", "manner"),
        foreign_keys=(*_to("agreements", "agreement"), *_to("actors", "actor")),
    ),
    TableSpec(
        "positions",
        "one row per stance an actor took",
        _columns(
            "agreement", "actor", "actor_name", "stance", "date", "date_earliest:date",
            "date_latest:date", *_CLAIM,
        ),
        foreign_keys=(*_to("agreements", "agreement"), *_to("actors", "actor")),
    ),
    TableSpec(
        "terms",
        "one row per provision",
        _columns(
            "agreement", "term", "kind", "text", "obligations", "deadline", "condition",
            "status", *_CLAIM,
        ),
        primary_key=("agreement", "term"),
        foreign_keys=_to("agreements", "agreement"),
    ),
    TableSpec(
        "events",
        "one row per event, in date order",
        _columns(
            "id", "date", "date_earliest:date", "date_latest:date", "date_precision", "kind",
            "status", "summary", "place", "actors", "targets", "fatalities_min:integer",
            "fatalities_max:integer", *_CLAIM,
        ),
        primary_key=("id",),
    ),
    TableSpec(
        "event_agreements",
        "one row per link between an event and an agreement",
        _columns("event", "agreement", "effect", "contested:boolean"),
        primary_key=("event", "agreement", "effect"),
        foreign_keys=(*_to("events", "event"), *_to("agreements", "agreement")),
    ),
    TableSpec(
        "citations",
        "one row per quote of every citation (one for a citation without quotes), by record",
        _columns(
            "record_kind", "record", "claim", "source", "source_kind", "locator", "basis", "quote",
        ),
    ),
    TableSpec(
        "actors",
        "one row per actor, by id",
        _columns(
            "id", "kind", "name", "aliases", "dated_names", "coalitions", "wikidata", "ucdp",
            "acled", "sources",
        ),
        primary_key=("id",),
    ),
)  # fmt: skip

SPEC_BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in SPECS}

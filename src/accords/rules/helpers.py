"""Helpers shared by the rule families: dated agreements, date fields, claims, files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from pydantic import BaseModel

from accords.model import Agreement
from accords.model.agreement_dates import known_date
from accords.model.agreements import Exclusion, Participant
from accords.model.common import Citation
from accords.model.dates import DateInterval
from accords.model.walk import KeyPath

if TYPE_CHECKING:
    from accords.dataset import Dataset, Entry

Where = tuple[str, int, int]


def dated_agreements(
    dataset: Dataset,
) -> Iterator[tuple[Entry, Agreement, str, DateInterval]]:
    """Every agreement with the field and date it is known by (:func:`known_date`); undated
    ones are left out."""
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        dated = known_date(agreement)
        if dated is not None:
            yield entry, agreement, dated.field, dated.date


def named_claims(agreement: Agreement) -> Iterator[tuple[str, int, Participant | Exclusion]]:
    """``(field, index, claim)`` of each participant and exclusion (the claims with a name_used)."""
    for i, p in enumerate(agreement.participants):
        yield "participants", i, p
    for i, x in enumerate(agreement.exclusions):
        yield "exclusions", i, x


@cache
def _date_fields_of(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (name, info.alias or name)
        for name, info in cls.model_fields.items()
        if name in _DATE_FIELDS
    )


def date_fields(model: BaseModel) -> Iterator[tuple[str, str]]:
    """``(yaml key, text)`` of the date-valued fields set on one model (not nested ones)."""
    for name, key in _date_fields_of(type(model)):
        value = getattr(model, name)
        if isinstance(value, str):
            yield key, value


_DATE_FIELDS = frozenset(
    {"proposed", "announced", "signed", "effective", "ended", "date", "deadline", "published"}
    | {"from_", "until", "made"}
)


def citations(model: BaseModel, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """``(location, source id)`` of each source a model cites directly."""
    sources = getattr(model, "sources", None)
    if not isinstance(sources, list):
        return
    for index, ref in enumerate(sources):
        yield cited_source(loc, index, ref)


def cited_source(loc: KeyPath, index: int, ref: str | Citation) -> tuple[KeyPath, str]:
    """Where the ``index``-th citation of the model at ``loc`` names its source, and the id."""
    if isinstance(ref, Citation):
        return (*loc, "sources", index, "source"), ref.source
    return (*loc, "sources", index), ref


#: The record kinds whose files hold one record each, named after its id (as ``accords new`` and
#: the importer write them); an events file holds many events and is named after no one of them.
ONE_RECORD_PER_FILE = frozenset({"agreement", "actor", "source", "scenario"})


def file_stem(entry: Entry) -> str:
    """The name of the entry's file without folder and extension: the id the file promises."""
    return PurePath(entry.file.path).stem


def misnamed(dataset: Dataset, kind: str | None = None) -> Iterator[Entry]:
    """The entries (of ``kind``, or of any kind) whose id differs from their file's name."""
    for entry in dataset.entries:
        if kind is not None and entry.kind != kind:
            continue
        if entry.kind in ONE_RECORD_PER_FILE and entry.id != file_stem(entry):
            yield entry


def entries_by_id(dataset: Dataset) -> dict[tuple[str, str], list[Entry]]:
    """The entries of each ``(kind, id)``, in file order."""
    holders: dict[tuple[str, str], list[Entry]] = {}
    for entry in dataset.entries:
        holders.setdefault((entry.kind, entry.id), []).append(entry)
    return holders


def original_of(group: Sequence[Entry]) -> Entry:
    """Of entries sharing an id, the one in the file named after it, else the first."""
    return next((e for e in group if file_stem(e) == e.id), group[0])


def records_of(dataset: Dataset, kind: str) -> dict[str, object]:
    """The dataset's records of one kind, by id."""
    table: dict[str, object] = getattr(dataset, kind + "s")
    return table

"""Reference rules (``R``): every id a record names exists, once, and names fit their actor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from accords.checking.registry import rule
from accords.findings import Finding, FixSafety, Severity
from accords.model import Actor, Agreement, Event
from accords.model.names import did_you_mean, names_index, normalise_name
from accords.model.walk import KeyPath
from accords.rules.helpers import (
    Where,
    cited_source,
    entries_by_id,
    file_stem,
    misnamed,
    named_claims,
    original_of,
    records_of,
)
from accords.rules.reference_fixes import misnamed_fix, unknown_id_fix

if TYPE_CHECKING:
    from accords.dataset import Dataset, Entry


def references(entry: Entry) -> Iterator[tuple[KeyPath, str, str]]:
    """``(location, kind, id)`` of every actor, agreement and event the entry names; the
    sources it cites are in :attr:`Dataset.citations`."""
    record = entry.record
    if isinstance(record, Agreement):
        for i, p in enumerate(record.participants):
            yield ("participants", i, "actor"), "actor", p.actor
            for j, person in enumerate(p.represented_by):
                yield ("participants", i, "represented_by", j), "actor", person
        for i, x in enumerate(record.exclusions):
            yield ("exclusions", i, "actor"), "actor", x.actor
        for i, pos in enumerate(record.positions):
            yield ("positions", i, "actor"), "actor", pos.actor
        for i, term in enumerate(record.terms):
            for j, actor in enumerate(term.obligations):
                yield ("terms", i, "obligations", j), "actor", actor
        if record.outcome is not None:
            if record.outcome.ended_by is not None:
                yield ("outcome", "ended_by"), "event", record.outcome.ended_by
            for i, acc in enumerate(record.outcome.accusations):
                yield ("outcome", "accusations", i, "by"), "actor", acc.by
                yield ("outcome", "accusations", i, "against"), "actor", acc.against
        for i, rel in enumerate(record.related):
            yield ("related", i, "agreement"), "agreement", rel.agreement
    elif isinstance(record, Event):
        for field in ("actors", "targets"):
            for i, actor in enumerate(getattr(record, field)):
                yield (field, i), "actor", actor
        for i, link in enumerate(record.agreements):
            yield ("agreements", i, "agreement"), "agreement", link.agreement
    elif isinstance(record, Actor):
        for i, relation in enumerate(record.relations):
            yield ("relations", i, "actor"), "actor", relation.actor
        for i, designation in enumerate(record.designations):
            yield ("designations", i, "by"), "actor", designation.by


@rule(
    "R101",
    "duplicate-id",
    "Two records of the same kind share an id",
    Severity.ERROR,
    """
Ids name records across files: two agreements (or actors, events, sources, scenarios) with one
id make every reference to it ambiguous. Term ids repeat only across agreements, never within
one. There is one finding per duplicated id: it points at a copy and relates the other
definitions. The original is the record whose file is named after the id (so a copied file whose
id was not changed is the one pointed at), else the first definition.

Fails (two files under agreements/):

    id: ankara-ceasefire-2016
    ...
    id: ankara-ceasefire-2016

Passes:

    id: ankara-ceasefire-2016
    ...
    id: ankara-evacuation-2016
""",
)
def duplicate_ids(dataset: Dataset) -> Iterator[Finding]:
    for (kind, record_id), group in entries_by_id(dataset).items():
        if len(group) > 1:
            original = original_of(group)
            copies = [e for e in group if e is not original]
            yield duplicate_ids.finding(
                f"{kind} id {record_id!r} {_times_said(len(group), 'is already defined')}",
                copies[0].location("id"),
                related=tuple(e.location("id") for e in (original, *copies[1:])),
            )
    for entry in dataset.entries_of("agreement"):
        yield from _duplicate_terms(entry)


def _duplicate_terms(entry: Entry) -> Iterator[Finding]:
    """One finding per term id that appears more than once in one agreement."""
    indexes: dict[str, list[int]] = {}
    for i, term in enumerate(entry.record.terms):
        indexes.setdefault(term.id, []).append(i)
    for term_id, found in indexes.items():
        if len(found) > 1:
            yield duplicate_ids.finding(
                f"term id {term_id!r} {_times_said(len(found), 'appears twice')} in this agreement",
                entry.location("terms", found[1], "id"),
                related=tuple(entry.location("terms", i, "id") for i in (found[0], *found[2:])),
            )


def _times_said(count: int, twice: str) -> str:
    return twice if count == 2 else f"appears {count} times"


@rule(
    "R107",
    "id-not-file-name",
    "A record's id differs from its file name",
    Severity.ERROR,
    """
An agreement, actor, source or scenario lives in a file named after its id
(`actors/russia.yaml` holds `id: russia`), so that people and tools find it by its id. An id
that differs from its file name is usually a typo in the id; every reference to the intended
id then fails too, and those unknown-reference findings name this file as their likely cause.
Events are exempt: an events file holds many events. The hint offers the file name as the id,
and the closest other id when there is one.

Fails (in actors/russia.yaml):

    id: rusia
    kind: state
    name: Russia

Passes:

    id: russia
    kind: state
    name: Russia
""",
    fix=FixSafety.UNSAFE,
    fix_explain="""When other records refer to the file's name, changes the id to the file's name
    (unless another record has that id); otherwise renames the file after the id, never over an
    existing file. Unsafe: which of the two is the typo is a guess. No fix when another record
    has the same id.""",
)
def id_not_file_name(dataset: Dataset) -> Iterator[Finding]:
    holders = entries_by_id(dataset)
    referenced = {(kind, target) for _, _, kind, target in _all_references(dataset)}
    for entry in misnamed(dataset):
        stem = file_stem(entry)
        others = [e for e in holders[(entry.kind, entry.id)] if e is not entry]
        if others:
            # Renaming the file would not help: the id belongs to another record already.
            hint = f"{entry.id!r} is also the id of {original_of(others).file.path}; "
            hint += f"change this id to {stem!r}"
            fix = None
        else:
            hint = f"change the id to {stem!r}, or rename the file to "
            hint += entry.id + PurePath(entry.file.path).suffix
            close = did_you_mean(
                entry.id, records_of(dataset, entry.kind), exclude=(entry.id, stem)
            )
            hint += f"; {close}" if close else ""
            fix = misnamed_fix(
                entry,
                stem_referenced=(entry.kind, stem) in referenced,
                stem_taken=stem in records_of(dataset, entry.kind),
            )
        yield id_not_file_name.finding(
            f"{entry.kind} id {entry.id!r} differs from its file name {stem!r}",
            entry.location("id"),
            hint=hint,
            fix=fix,
        )


_EXPLAIN_UNKNOWN = """
Every {kind} id that a record names must be the id of a record in {folder}/. An unknown id is
usually a typo or a record not written yet; the hint suggests the closest id{extra}. All the
references to one unknown id are one finding, at the first, with the count in the message and
the others as related locations. When a file is named after the id but declares another (R107),
the hint names that file: the typo is there, not in the references.

Fails:

    {bad}

Passes:

    {good}
"""


_FIX_UNKNOWN = """Replaces every reference to the unknown id with the id the hint suggests, when it
suggests exactly one (the closest id, or the actor whose name the id spells). Unsafe: the
closest id may be another record. No fix when a misnamed file is the likely cause (R107)."""


def _all_references(dataset: Dataset) -> list[tuple[Entry, KeyPath, str, str]]:
    """Every reference of the record (scenarios aside: see F), each entry's in the order it
    makes them: what it names, then what it cites. Four rules read them: listed once."""
    return dataset.once(_listed_references)


def _listed_references(dataset: Dataset) -> list[tuple[Entry, KeyPath, str, str]]:
    cited: dict[int, list[tuple[Entry, KeyPath, str, str]]] = {}
    for at in dataset.citations:
        where, source = cited_source(at.loc, at.index, at.ref)
        cited.setdefault(id(at.entry), []).append((at.entry, where, "source", source))
    listed: list[tuple[Entry, KeyPath, str, str]] = []
    for entry in dataset.entries:
        listed.extend((entry, *ref) for ref in references(entry))
        listed.extend(cited.get(id(entry), ()))
    return listed


def _unknown(dataset: Dataset, kind: str) -> Iterator[Finding]:
    """One finding per unknown id, at its first reference, the other references related."""
    from accords.checking.registry import RULES

    code = {"actor": "R102", "agreement": "R103", "event": "R104", "source": "R105"}[kind]
    table = records_of(dataset, kind)
    places: dict[str, list[Where]] = {}
    for entry, loc, target_kind, target in _all_references(dataset):
        if target_kind == kind and target not in table:
            places.setdefault(target, []).append(entry.location(*loc))
    if not places:
        return
    names = names_index(dataset.actors.values()) if kind == "actor" else None
    # A record whose id differs from its file name is the likely cause of references to that name.
    causes: dict[str, Entry] = {}
    for entry in misnamed(dataset, kind):
        causes.setdefault(file_stem(entry), entry)
    for target, wheres in places.items():
        first, *others = sorted(wheres)
        cause = causes.get(target)
        fix = None if cause is not None else unknown_id_fix(target, table, names, wheres)
        yield RULES[code].finding(
            f"unknown {kind} {target!r}" + _times(kind, len(wheres)),
            first,
            hint=(
                f"{cause.file.path} declares {cause.id!r}; did you mean id: {target} there?"
                if cause is not None
                else did_you_mean(target, table, names)
            ),
            related=tuple(others),
            fix=fix,
        )


def _times(kind: str, count: int) -> str:
    verb = "cited" if kind == "source" else "referenced"
    return f" ({verb} {count} times)" if count > 1 else ""


@rule(
    "R102",
    "unknown-actor",
    "A reference to an actor that does not exist",
    Severity.ERROR,
    _EXPLAIN_UNKNOWN.format(
        kind="actor",
        folder="actors",
        extra=", or the actor whose name the id spells",
        bad="participants:\n      - {actor: nusra, roles: [party]}",
        good="participants:\n      - {actor: jabhat-fateh-al-sham, roles: [party]}",
    ),
    fix=FixSafety.UNSAFE,
    fix_explain=_FIX_UNKNOWN,
)
def unknown_actor(dataset: Dataset) -> Iterator[Finding]:
    return _unknown(dataset, "actor")


@rule(
    "R103",
    "unknown-agreement",
    "A reference to an agreement that does not exist",
    Severity.ERROR,
    _EXPLAIN_UNKNOWN.format(
        kind="agreement",
        folder="agreements",
        extra="",
        bad="related:\n      - {agreement: moscow-declaraton, relation: follows}",
        good="related:\n      - {agreement: moscow-declaration, relation: follows}",
    ),
    fix=FixSafety.UNSAFE,
    fix_explain=_FIX_UNKNOWN,
)
def unknown_agreement(dataset: Dataset) -> Iterator[Finding]:
    return _unknown(dataset, "agreement")


@rule(
    "R104",
    "unknown-event",
    "A reference to an event that does not exist",
    Severity.ERROR,
    _EXPLAIN_UNKNOWN.format(
        kind="event",
        folder="events",
        extra="",
        bad="outcome: {status: collapsed, ended_by: 2016-09-19-aleppo-convoy-strike}",
        good="outcome: {status: collapsed, ended_by: 2016-09-19-aleppo-convoy-attack}",
    ),
    fix=FixSafety.UNSAFE,
    fix_explain=_FIX_UNKNOWN,
)
def unknown_event(dataset: Dataset) -> Iterator[Finding]:
    return _unknown(dataset, "event")


@rule(
    "R105",
    "unknown-source",
    "A citation of a source that does not exist",
    Severity.ERROR,
    _EXPLAIN_UNKNOWN.format(
        kind="source",
        folder="seeds",
        extra="",
        bad="sources: [al-monitor-2016-9-25]",
        good="sources: [al-monitor-2016-09-25]",
    ),
    fix=FixSafety.UNSAFE,
    fix_explain=_FIX_UNKNOWN,
)
def unknown_source(dataset: Dataset) -> Iterator[Finding]:
    return _unknown(dataset, "source")


@rule(
    "R106",
    "unknown-name",
    "A name_used that is not a name of the actor",
    Severity.WARNING,
    """
`name_used` records the name an agreement or its sources use for an actor; it must be one of
the actor's names: its `name`, an alias, or a dated name. A name that belongs to another actor
usually means the wrong actor id; the hint names the actor that bore it.

Fails (the actor jabhat-fateh-al-sham has no such name):

    exclusions:
      - actor: jabhat-fateh-al-sham
        name_used: Ahrar al-Sham
        scope: protection
        manner: explicit

Passes:

    exclusions:
      - actor: jabhat-fateh-al-sham
        name_used: Jabhat al-Nusra
        scope: protection
        manner: explicit
""",
)
def unknown_name(dataset: Dataset) -> Iterator[Finding]:
    names = names_index(dataset.actors.values())
    for entry in dataset.entries_of("agreement"):
        agreement: Agreement = entry.record
        for field, i, item in named_claims(agreement):
            actor = dataset.actors.get(item.actor)
            if item.name_used is None or actor is None:
                continue
            owners = names.get(normalise_name(item.name_used), set())
            if actor.id in owners:
                continue
            others = sorted(owners)
            yield unknown_name.finding(
                f"{item.name_used!r} is not a name of {actor.id}",
                entry.location(field, i, "name_used"),
                hint=(f"it is a name of {', '.join(others)}" if others else None),
            )

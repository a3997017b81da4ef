"""What changed in the record between two versions of a dataset, in the record's terms.

Agreements and actors added, removed and renamed; per agreement, who entered or left and whose
roles, exclusions or stances changed (the vocabulary of :mod:`accords.analysis.diff`), its
dates, terms and outcome; findings introduced and fixed (:mod:`accords.analysis.finding_changes`).

Renamed: an id that is gone and a new id of the same record kind are one record renamed when
the new record is kept in the same file as the old one, or when the two are equal in
everything but their id. An actor's rename carries through the agreements: its marks keep
their place rather than reading as one actor leaving and another entering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from accords.analysis.common import actor_name
from accords.analysis.diff import ActorChange, actor_changes
from accords.analysis.finding_changes import FindingChanges, finding_changes
from accords.analysis.marks import agreement_marks
from accords.analysis.record_changes import FieldChange, differs, dumped, field_changes
from accords.dataset import Dataset
from accords.findings import Finding
from accords.model import Agreement
from accords.model.walk import KeyPath

#: The record kinds listed one by one; the others (events, sources, scenarios) are counted.
_MAIN_KINDS = ("agreement", "actor")
_OTHER_KINDS = ("event", "source", "scenario")
#: Fields of an agreement reported in their own terms, not among its other fields.
_OWN_TERMS = ("id", "participants", "exclusions", "positions", "dates", "terms", "outcome")
#: The longest label of a record without a title or a name.
_LABEL_CHARS = 80
SAME_FILE = "same file"
SAME_CONTENT = "same content"


@dataclass(frozen=True, slots=True)
class RecordRef:
    """A record by its id and its label (an agreement's title, an actor's name)."""

    id: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label}


@dataclass(frozen=True, slots=True)
class Rename:
    """A record whose id changed, and the rule that tells it is the same record."""

    old: str
    new: str
    label: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "label": self.label, "rule": self.rule}


@dataclass(frozen=True)
class AgreementChange:
    """One agreement present in both versions (under its old id when renamed) that differs."""

    id: str
    title: str
    entered: tuple[ActorChange, ...] = ()
    left: tuple[ActorChange, ...] = ()
    changed: tuple[ActorChange, ...] = ()
    dates: tuple[FieldChange, ...] = ()
    terms_added: tuple[str, ...] = ()
    terms_removed: tuple[str, ...] = ()
    #: ``(term id, the names of its fields that changed)``.
    terms_changed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    outcome: tuple[FieldChange, ...] = ()
    #: The names of its other fields that changed (title, scope, sources …).
    other: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "entered": [c.to_dict() for c in self.entered],
            "left": [c.to_dict() for c in self.left],
            "changed": [c.to_dict() for c in self.changed],
            "dates": [c.to_dict() for c in self.dates],
            "terms": {
                "added": list(self.terms_added),
                "removed": list(self.terms_removed),
                "changed": [{"id": t, "fields": list(f)} for t, f in self.terms_changed],
            },
            "outcome": [c.to_dict() for c in self.outcome],
            "other": list(self.other),
        }


@dataclass(frozen=True)
class KindChanges:
    """The records of one kind added, removed, renamed, and changed (by id, in the new version)."""

    added: tuple[RecordRef, ...] = ()
    removed: tuple[RecordRef, ...] = ()
    renamed: tuple[Rename, ...] = ()
    changed: tuple[RecordRef, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [r.to_dict() for r in self.added],
            "removed": [r.to_dict() for r in self.removed],
            "renamed": [r.to_dict() for r in self.renamed],
            "changed": [r.to_dict() for r in self.changed],
        }


@dataclass(frozen=True, slots=True)
class Version:
    """One side of the comparison: a revision as named and its commit, or the working tree
    (no commit)."""

    name: str
    commit: str | None = None

    @property
    def label(self) -> str:
        """``main (1a2b3c4d5e6f)``, or the name alone for the working tree."""
        return f"{self.name} ({self.commit[:12]})" if self.commit else self.name

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "commit": self.commit}


@dataclass(frozen=True)
class ChangesResult:
    """Everything that changed between the ``base`` and the ``target`` version."""

    base: Version
    target: Version
    #: Records by kind: ``agreement``, ``actor``, ``event``, ``source``, ``scenario``.
    kinds: dict[str, KindChanges]
    agreements: tuple[AgreementChange, ...]
    #: Per changed actor, the names of the fields that changed.
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    findings: FindingChanges = field(default_factory=FindingChanges)

    @property
    def empty(self) -> bool:
        return all(k.empty for k in self.kinds.values()) and self.findings.empty

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base.to_dict(),
            "target": self.target.to_dict(),
            "agreements": {
                **self.kinds["agreement"].to_dict(),
                "changed": [c.to_dict() for c in self.agreements],
            },
            "actors": {
                **self.kinds["actor"].to_dict(),
                "changed": [
                    {**r.to_dict(), "fields": list(self.actors[r.id])}
                    for r in self.kinds["actor"].changed
                ],
            },
            **{f"{kind}s": self.kinds[kind].to_dict() for kind in _OTHER_KINDS},
            "findings": self.findings.to_dict(),
        }


def changes(
    before: Dataset,
    after: Dataset,
    findings: tuple[list[Finding], list[Finding]] = ([], []),
    *,
    versions: tuple[Version, Version] = (Version("before"), Version("after")),
) -> ChangesResult:
    """Compare two versions of a dataset; ``findings`` are the checks' findings on each."""
    kinds = {kind: _kind_changes(before, after, kind) for kind in (*_MAIN_KINDS, *_OTHER_KINDS)}
    renames = {r.old: r.new for kind in kinds.values() for r in kind.renamed}
    agreement_changes = []
    for old_id, new_id in _pairs(before.agreements, after.agreements, kinds["agreement"]):
        change = _agreement_change(
            before.agreements[old_id], after.agreements[new_id], after, renames
        )
        if change is not None:
            agreement_changes.append(change)
    kinds["agreement"] = replace(
        kinds["agreement"], changed=tuple(RecordRef(c.id, c.title) for c in agreement_changes)
    )
    actor_fields = {}
    for old_id, new_id in _pairs(before.actors, after.actors, kinds["actor"]):
        old, new = before.actors[old_id], after.actors[new_id]
        fields = field_changes(old, new, skip=("id",), renames=renames)
        if fields:
            actor_fields[new_id] = tuple(c.field for c in fields)
    kinds["actor"] = replace(
        kinds["actor"],
        changed=tuple(RecordRef(a, after.actors[a].name) for a in actor_fields),
    )
    for kind in _OTHER_KINDS:
        changed = _changed(before, after, kind, kinds[kind], renames)
        kinds[kind] = replace(kinds[kind], changed=changed)
    found = finding_changes(before, after, *findings, renames)
    return ChangesResult(*versions, kinds, tuple(agreement_changes), actor_fields, found)


def _changed(
    before: Dataset, after: Dataset, kind: str, listed: KindChanges, renames: dict[str, str]
) -> tuple[RecordRef, ...]:
    """The records of ``kind`` in both versions (by their new id) whose content differs."""
    old, new = _tables(before, kind), _tables(after, kind)
    return tuple(
        RecordRef(new_id, _label(new[new_id]))
        for old_id, new_id in _pairs(old, new, listed)
        if differs(old[old_id], new[new_id], skip=("id",), renames=renames)
    )


def _tables(dataset: Dataset, kind: str) -> dict[str, Any]:
    tables: dict[str, dict[str, Any]] = {
        "agreement": dataset.agreements,
        "actor": dataset.actors,
        "event": dataset.events,
        "source": dataset.sources,
        "scenario": dataset.scenarios,
    }
    return tables[kind]


def _label(record: Any) -> str:
    """An agreement's or scenario's title, an actor's name, a source's title, an event's summary
    (its first 80 characters)."""
    label = getattr(record, "title", None) or getattr(record, "name", None)
    if label is None:
        summary = str(getattr(record, "summary", None) or record.id)
        label = summary if len(summary) <= _LABEL_CHARS else summary[: _LABEL_CHARS - 1] + "…"
    return str(label)


def _kind_changes(before: Dataset, after: Dataset, kind: str) -> KindChanges:
    """The records of ``kind`` added, removed and renamed."""
    old, new = _tables(before, kind), _tables(after, kind)
    removed = [i for i in old if i not in new]
    added = [i for i in new if i not in old]
    renamed = _renames(before, after, kind, removed, added)
    gone, came = {r.old for r in renamed}, {r.new for r in renamed}
    return KindChanges(
        tuple(RecordRef(i, _label(new[i])) for i in added if i not in came),
        tuple(RecordRef(i, _label(old[i])) for i in removed if i not in gone),
        tuple(renamed),
    )


def _renames(
    before: Dataset, after: Dataset, kind: str, removed: list[str], added: list[str]
) -> list[Rename]:
    """Each removed id paired with the added id kept at the same place of the same file, or
    else with the first added record equal to it in all but its id; each added id once."""
    by_place: dict[tuple[str, KeyPath], str] = {}
    by_content: dict[str, str] = {}
    labels: dict[str, str] = {}
    for new_id in added:
        entry = after.entry(kind, new_id)
        if entry is not None:
            labels[new_id] = _label(entry.record)
            by_place.setdefault((entry.file.path, entry.loc), new_id)
            by_content.setdefault(_content(entry.record), new_id)
    taken: set[str] = set()
    renames = []
    for old_id in removed:
        entry = before.entry(kind, old_id)
        if entry is None:
            continue
        candidates = (
            (SAME_FILE, by_place.get((entry.file.path, entry.loc))),
            (SAME_CONTENT, by_content.get(_content(entry.record))),
        )
        for rule, candidate in candidates:
            if candidate is not None and candidate not in taken:
                taken.add(candidate)
                renames.append(Rename(old_id, candidate, labels[candidate], rule))
                break
    return renames


def _content(record: BaseModel) -> str:
    """The record in all but its id, as one comparable text."""
    data = dumped(record)
    data.pop("id", None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _pairs(old: dict[str, Any], new: dict[str, Any], kind: KindChanges) -> list[tuple[str, str]]:
    """The ids of the records in both versions, old and new, renamed ones by their old id."""
    renamed = {r.old: r.new for r in kind.renamed}
    return [(i, renamed.get(i, i)) for i in old if i in new or i in renamed]


def _agreement_change(
    old: Agreement, new: Agreement, after: Dataset, renames: dict[str, str]
) -> AgreementChange | None:
    """How ``new`` differs from ``old`` (references to renamed records followed); ``None`` when
    in nothing but, perhaps, its id."""
    if old == new:  # most agreements of a pull request are untouched: no field to compare
        return None
    before_marks = {renames.get(a, a): m for a, m in agreement_marks(old).items()}
    entered, left, changed, _ = actor_changes(
        before_marks,
        agreement_marks(new),
        lambda actor: actor_name(after.actors.get(actor), actor),
    )
    old_terms = {t.id: t for t in old.terms}
    new_terms = {t.id: t for t in new.terms}
    terms_changed = []
    for term_id in (t for t in new_terms if t in old_terms):
        fields = field_changes(old_terms[term_id], new_terms[term_id], renames=renames)
        if fields:
            terms_changed.append((term_id, tuple(c.field for c in fields)))
    # The lists behind the marks count among the other fields when no mark explains them.
    skip = _OWN_TERMS if entered or left or changed else _OWN_TERMS[:1] + _OWN_TERMS[4:]
    change = AgreementChange(
        new.id,
        new.title,
        entered,
        left,
        changed,
        field_changes(old.dates, new.dates, "dates.", renames=renames),
        tuple(t for t in new_terms if t not in old_terms),
        tuple(t for t in old_terms if t not in new_terms),
        tuple(terms_changed),
        field_changes(old.outcome, new.outcome, "outcome.", renames=renames),
        tuple(c.field for c in field_changes(old, new, skip=skip, renames=renames)),
    )
    return change if _has_changes(change) else None


def _has_changes(change: AgreementChange) -> bool:
    return any(
        (
            change.entered,
            change.left,
            change.changed,
            change.dates,
            change.terms_added,
            change.terms_removed,
            change.terms_changed,
            change.outcome,
            change.other,
        )
    )

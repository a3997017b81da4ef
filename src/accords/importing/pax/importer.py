"""``import pax``: a PA-X CSV export → an accords dataset a person can keep editing.

One agreement file per PA-X row, an actor file per party the registry does not know, one
source record for the export, the schemas, and ``accords.toml`` when absent. Re-runs update
what the import wrote and keep what a person edited (see :mod:`accords.importing.state`).
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.config import load_config
from accords.importing.matching import Registry
from accords.importing.pax.actors_new import (
    GENERIC_NAMES,
    new_actor,
    slug,
    split_abbreviation,
    unique_id,
)
from accords.importing.pax.mapping import (
    DEFAULT_STATUS,
    DEFAULT_THIRD_PARTY_ROLE,
    STATUS_MAP,
    agreement_kind,
)
from accords.importing.pax.parties import Candidate, Split, split_parties
from accords.importing.pax.reading import DEFAULT_MAX_FIELD_BYTES, PaxRow, PaxTable, read_pax
from accords.importing.state import Manifest, Outcome
from accords.importing.writer import compact, record_path, record_text
from accords.loading.discovery import CONFIG_NAME, dataset_files
from accords.loading.records import read_record_file
from accords.model import Actor, Agreement
from accords.model.names import match_key

PUBLISHER = "PeaceRep, University of Edinburgh (PA-X Peace Agreements Database)"
_CONFIG = """# Imported from PA-X: edit the records by hand; re-running the import updates it.
[dataset]
name = "PA-X import"

[check]
extend-select = ["E200"]
"""


@dataclass
class ImportReport:
    """What an import did: party matching counts, files by outcome, what it did not understand."""

    source_id: str
    rows: int
    date_format: str
    matched: int = 0
    matched_earlier: int = 0
    created: int = 0
    created_names: int = 0
    ambiguous: int = 0
    unread: int = 0
    files: Counter[str] = field(default_factory=Counter)
    kept: list[tuple[str, str]] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Context:
    root: Path
    table: PaxTable
    manifest: Manifest
    registry: Registry
    source_id: str
    report: ImportReport
    countries: set[str]
    existing: dict[int, tuple[str, str]]  # AgtId → (file, id) of the agreement that carries it
    new_actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    owned: dict[str, bool] = field(default_factory=dict)
    force: bool = False


def import_pax(
    csv_path: Path,
    out: Path,
    *,
    max_field_bytes: int = DEFAULT_MAX_FIELD_BYTES,
    force: bool = False,
) -> ImportReport:
    """Import ``csv_path`` into the dataset at ``out`` (created when absent); ``force`` replaces
    files edited by hand or not written by the import."""
    started = time.perf_counter()
    table = read_pax(csv_path, max_field_bytes)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out)
    source_id = _source_id(csv_path)
    report = ImportReport(source_id, len(table.rows), table.date_format)
    actors, existing = _existing(out, report)
    countries = {match_key(p) for r in table.rows if r.con for p in r.con.split("/")}
    ctx = _Context(
        out, table, manifest, Registry.of(actors), source_id, report, countries, existing
    )
    ctx.force = force
    _understood(table, report)
    if manifest.problem:
        report.not_understood.append(manifest.problem)
    _write(ctx, "source", source_id, _source(csv_path, table, source_id))
    splits = {
        row.agt_id: (split_parties(row.part), split_parties(row.thrd_part, third_party=True))
        for row in table.rows
    }
    # Actors are created first and matched second, so that every row is matched against the
    # same registry a re-run will see: the result does not depend on the order of the rows.
    for row in table.rows:
        for candidate in (*splits[row.agt_id][0].names, *splits[row.agt_id][1].names):
            _create_if_unknown(ctx, row, candidate)
    for row in table.rows:
        agreement = _agreement(ctx, row, *splits[row.agt_id])
        relative = record_path("agreement", agreement["id"])
        if row.agt_id in existing:
            # Same AgtId, same file and id, even if PA-X retitled the agreement since.
            relative, agreement["id"] = existing[row.agt_id]
        _write_path(ctx, "agreement", relative, agreement)
    for actor_id, data in ctx.new_actors.items():
        _write(ctx, "actor", actor_id, data)
    _support_files(ctx)
    manifest.save()
    report.seconds = time.perf_counter() - started
    return report


def _existing(root: Path, report: ImportReport) -> tuple[list[Actor], dict[int, tuple[str, str]]]:
    """The actors already in the dataset, and which file holds each PA-X AgtId."""
    actors: list[Actor] = []
    by_agt_id: dict[int, tuple[str, str]] = {}
    if not root.is_dir():
        return actors, by_agt_id
    for record_file in dataset_files(root, load_config(root).layout):
        if record_file.folder_kind not in ("actor", "agreement", None):
            continue  # event files are large and hold neither
        loaded = read_record_file(record_file)
        if loaded.kind not in ("actor", "agreement"):
            continue
        relative = record_file.path.relative_to(root).as_posix()
        if isinstance(loaded.record, Actor):
            actors.append(loaded.record)
        elif isinstance(loaded.record, Agreement) and loaded.record.pax is not None:
            by_agt_id.setdefault(loaded.record.pax.agt_id, (relative, loaded.record.id))
        elif loaded.record is None:
            report.not_understood.append(f"{relative}: not valid, so not used for matching")
    return actors, by_agt_id


def _understood(table: PaxTable, report: ImportReport) -> None:
    notes = report.not_understood
    if table.missing_columns:
        notes.append(
            "columns absent (their fields are left out): " + ", ".join(table.missing_columns)
        )
    if table.unknown_columns:
        notes.append("columns not understood (ignored): " + ", ".join(table.unknown_columns))
    if table.date_format == "mixed":
        notes.append("dates: a mix of DD/MM/YYYY and ISO; each read in its own format")
    notes.extend(table.notes)


def _agreement(ctx: _Context, row: PaxRow, parties: Split, third: Split) -> dict[str, Any]:
    date_field, certainty, part_role = STATUS_MAP.get(row.status or "", DEFAULT_STATUS)
    cite = {"source": ctx.source_id, "locator": f"AgtId {row.agt_id}"}
    participants: dict[str, dict[str, Any]] = {}
    review: list[str] = []
    for candidate in parties.names:
        _participant(ctx, row, candidate, part_role.value, participants, review)
    for candidate in third.names:
        role = (candidate.role or DEFAULT_THIRD_PARTY_ROLE).value
        _participant(
            ctx, row, candidate, role, participants, review, default=candidate.role is None
        )
    ctx.report.unread += len(parties.unread) + len(third.unread)
    if parties.unread or third.unread:
        review.append("party text not read as names: " + "; ".join(parties.unread + third.unread))
    base = f"pax-{row.agt_id}-{slug(row.title, 70)}"
    note = f"Imported from PA-X AgtId {row.agt_id}."
    if review:
        note += " needs-review: " + " | ".join(review)
    return compact(
        {
            "id": base,
            "title": row.title,
            "kind": agreement_kind(
                row.agtp or "", row.stage or "", row.substage or "", row.status or "", row.title
            ).value,
            "certainty": certainty.value if certainty.value != "confirmed" else None,
            "scope": {"area": row.con} if row.con else None,
            "dates": {date_field: row.date} if row.date else None,
            "participants": list(participants.values()),
            "pax": compact(
                {
                    "agt_id": row.agt_id,
                    "con": row.con,
                    "agtp": row.agtp,
                    "stage": row.stage,
                    "substage": row.substage,
                    "status": row.status,
                    "parties_text": row.part,
                    "third_parties_text": row.thrd_part,
                    "provisions": row.provisions,
                }
            ),
            "note": note,
            "sources": [cite],
        }
    )


def _participant(
    ctx: _Context,
    row: PaxRow,
    candidate: Candidate,
    role: str,
    participants: dict[str, dict[str, Any]],
    review: list[str],
    *,
    default: bool = False,
) -> None:
    name = _qualified(row, candidate)
    found = ctx.registry.match(name, row.date)
    if len(found) != 1:
        ctx.report.ambiguous += 1
        review.append(f"{name!r} matches several actors ({', '.join(found)}); not linked")
        return
    actor_id = found[0]
    if actor_id in ctx.new_actors:
        ctx.report.created_names += 1
    else:
        ctx.report.matched += 1
        owned = ctx.owned.get(actor_id)
        if owned is None:
            owned = ctx.owned[actor_id] = ctx.manifest.owns(record_path("actor", actor_id))
        ctx.report.matched_earlier += owned
    entry = participants.get(actor_id)
    if entry is None:
        entry = {"actor": actor_id, "roles": []}
        # name_used must be a name the actor bears; a looser match keeps it in parties_text only.
        if ctx.registry.bears(actor_id, name):
            entry["name_used"] = name
        participants[actor_id] = entry
    if role not in entry["roles"]:
        entry["roles"].append(role)
    if default:
        entry["note"] = (
            f"needs-review: PA-X lists it as a third party without stating a role; "
            f"{DEFAULT_THIRD_PARTY_ROLE.value} is the import's default."
        )
    entry["sources"] = [{"source": ctx.source_id, "locator": f"AgtId {row.agt_id}"}]


def _qualified(row: PaxRow, candidate: Candidate) -> str:
    """The candidate's name; "Government" alone gets the PA-X country, as whose it is."""
    if match_key(candidate.name) in GENERIC_NAMES and row.con:
        return f"{candidate.name} ({row.con})"
    return candidate.name


def _create_if_unknown(ctx: _Context, row: PaxRow, candidate: Candidate) -> None:
    name = _qualified(row, candidate)
    if ctx.registry.match(name, row.date):
        return
    actor_id = unique_id(slug(split_abbreviation(name)[0]), ctx.registry.ids)
    data = new_actor(actor_id, name, ctx.countries, row.agt_id, ctx.source_id)
    ctx.new_actors[actor_id] = data
    ctx.registry.add(Actor.model_validate(data))
    # The name as written (with its abbreviation) must find the same actor next time.
    ctx.registry.add_name(name, actor_id)
    ctx.report.created += 1


def _source_id(csv_path: Path) -> str:
    base = slug(csv_path.stem)
    return base if base.startswith("pax") else f"pax-{base}"


def _source(csv_path: Path, table: PaxTable, source_id: str) -> dict[str, Any]:
    seen = datetime.date.fromtimestamp(csv_path.stat().st_mtime).isoformat()
    return {
        "id": source_id,
        "title": f"PA-X Peace Agreements Database export ({csv_path.name})",
        "publisher": PUBLISHER,
        "kind": "dataset",
        "language": "en",
        "url": "https://www.peaceagreements.org/",
        "file": csv_path.name,
        "summary": (
            f"A CSV export of PA-X with {len(table.rows)} agreements and {table.columns} columns; "
            "each imported agreement cites it with its AgtId as the locator."
        ),
        "note": (
            f"Export file {csv_path.name}, last modified {seen} (the date seen); dates read as "
            f"{table.date_format}. Party names are PA-X free text split by the importer."
        ),
    }


def _write(ctx: _Context, kind: str, record_id: str, data: dict[str, Any]) -> None:
    _write_path(ctx, kind, record_path(kind, record_id), data)


def _write_path(ctx: _Context, kind: str, relative: str, data: dict[str, Any]) -> None:
    outcome = ctx.manifest.write(record_text(kind, data), relative, force=ctx.force)
    _count(ctx, kind, relative, outcome, data)


def _count(
    ctx: _Context, kind: str, relative: str, outcome: Outcome, data: dict[str, Any] | None = None
) -> None:
    ctx.report.files[f"{kind} {outcome.value}"] += 1
    if outcome is Outcome.KEPT_EDITED and data is not None:
        ctx.report.kept.append(
            (relative, f"kept your edit; the source now says {_differences(ctx, relative, data)}")
        )
    elif outcome in (Outcome.KEPT_EDITED, Outcome.KEPT_FOREIGN):
        ctx.report.kept.append((relative, outcome.value))


def _differences(ctx: _Context, relative: str, data: dict[str, Any]) -> str:
    """The fields where the import's record differs from the edited file, as the import has them."""
    import yaml

    try:
        edited = yaml.safe_load((ctx.root / relative).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        edited = None
    if not isinstance(edited, dict):
        return "what it said before (the file no longer reads as a record)"
    differ = [key for key in {**data, **edited} if data.get(key) != edited.get(key)]
    shown = [_field(key, data.get(key)) for key in differ[:4]]
    more = f" and {len(differ) - 4} more fields" if len(differ) > 4 else ""
    return ("; ".join(shown) + more) if shown else "the same (only the layout differs)"


def _field(key: str, value: Any) -> str:
    if value is None:
        return f"no {key}"
    if isinstance(value, str | int | float | bool):
        text = str(value)
        return f"{key}: {text if len(text) <= 60 else text[:59] + '…'}"
    return f"{key}: (another value)"


def _support_files(ctx: _Context) -> None:
    from accords.schema import rendered_all

    for kind, text in rendered_all().items():
        relative = f"schemas/{kind}.schema.json"
        _count(ctx, "schema", relative, ctx.manifest.write(text, relative))
    if not (ctx.root / CONFIG_NAME).exists():
        _count(ctx, "config", CONFIG_NAME, ctx.manifest.write(_CONFIG, CONFIG_NAME))

"""Scaffolds for ``accords new``: a minimal record of each kind that already validates.

Each scaffold starts with the modeline that points yaml-language-server at the committed schema,
fills the required fields with values that pass validation, and cites the placeholder source
:data:`PLACEHOLDER_SOURCE`, which ``accords check`` reports until it is replaced by a real one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from accords.errors import UsageError
from accords.loading.yaml_positions import read_yaml
from accords.model import FOLDERS
from accords.model.common import ID_PATTERN
from accords.model.dates import is_valid_date
from accords.writing import write_atomic

#: The source every scaffold cites until a real one replaces it.
PLACEHOLDER_SOURCE = "replace-with-a-source-id"
KINDS = tuple(FOLDERS)

_ID_RE = re.compile(ID_PATTERN)
_MAX_ID = 120
_LEADING_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=-|$)")

_TEMPLATES = {
    "agreement": """\
id: {id}
title: {title}
kind: ceasefire  # or evacuation-deal, declaration, negotiation-round, ...
certainty: reported  # confirmed, reported or rumoured
dates: {{}}  # proposed, announced, signed, effective, ended: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
participants: []  # - {{actor: an-actor-id, roles: [party], sources: [a-source-id]}}
exclusions: []  # - {{actor: an-actor-id, scope: talks, manner: shut-out}}
sources: [{source}]
""",
    "event": """\
events:
  - id: {id}
    date: "{date}"
    kind: other  # attack, offensive, meeting, signing, evacuation, statement, ...
    summary: {title}
    agreements: []  # - {{agreement: an-agreement-id, effect: violated}}
    sources: [{source}]
""",
    "actor": """\
id: {id}
kind: other  # state, government, military, armed-group, militia, coalition, person, ...
name: {title}
aliases: []
sources: [{source}]
""",
    "source": """\
id: {id}
title: {title}
publisher: Who published it
kind: news  # news, analysis, opinion, official, blog or dataset
language: en
summary: What the document says, in our words.
""",
    "scenario": """\
id: {id}
title: {title}
changes: []  # - {{agreement: an-agreement-id, add_participants: [...]}}
expectations: []  # - {{id: a-claim, claim: ..., deadline: "YYYY-MM-DD"}}
sources: [{source}]
""",
}


def check_id(record_id: str) -> None:
    """Refuse an id that is not kebab-case (and so could never be a safe file name)."""
    if len(record_id) > _MAX_ID or not _ID_RE.match(record_id):
        words = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")[:_MAX_ID]
        example = f", e.g. '{words}'" if words and _ID_RE.match(words) else ""
        raise UsageError(
            f"{record_id!r} is not a valid id: use lower-case letters, digits and single "
            f"hyphens{example}"
        )


def render(kind: str, record_id: str, today: dt.date | None = None) -> str:
    """The text of a new record of ``kind`` with the given id."""
    if kind not in _TEMPLATES:
        raise UsageError(f"unknown record kind {kind!r}; expected one of: {', '.join(KINDS)}")
    check_id(record_id)
    body = _TEMPLATES[kind].format(
        id=_plain(record_id),
        title=_plain(_title(record_id)),
        date=_date_of(record_id, today or dt.date.today()),
        source=PLACEHOLDER_SOURCE,
    )
    return modeline(kind) + body


def modeline(kind: str) -> str:
    """The first line of a record file: it points yaml-language-server at the kind's schema."""
    return f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"


def path_for(root: Path, kind: str, record_id: str) -> Path:
    """Where a new record goes: its kind's folder, named after its id."""
    return root / FOLDERS[kind] / f"{record_id}.yaml"


def create(root: Path, kind: str, record_id: str, *, force: bool = False) -> Path:
    """Write a new record file atomically; an existing file is kept unless ``force``."""
    text = render(kind, record_id)
    path = path_for(root, kind, record_id)
    write_atomic(path, text, force=force)
    return path


def _plain(text: str) -> str:
    """``text`` as a YAML scalar: plain where it reads back as the same text, else quoted.

    Ids such as ``2031``, ``true`` or ``1e5`` are valid kebab-case but would read as numbers
    or booleans unquoted, in accords or in other YAML readers.
    """
    line = f"v: {text}\n"
    # YAML 1.1 readers (PyYAML, editors) also turn ``True`` or ``yes`` into booleans.
    if read_yaml("", line.encode()).value == yaml.load(line, yaml.CSafeLoader) == {"v": text}:
        return text
    return json.dumps(text, ensure_ascii=False)


def _title(record_id: str) -> str:
    """A readable placeholder from the id: ``riverside-truce-2031`` → ``Riverside truce 2031``."""
    text = record_id.replace("-", " ")
    return text[:1].upper() + text[1:]


def _date_of(record_id: str, today: dt.date) -> str:
    """The date an event id starts with (``2016-12-13-…``), else the current year."""
    match = _LEADING_DATE_RE.match(record_id)
    if match is None:
        return str(today.year)
    # The date grammar, not datetime, judges it: years 0000-9999 are all dates.
    text = "-".join(part for part in match.groups() if part)
    return text if is_valid_date(text) else str(today.year)

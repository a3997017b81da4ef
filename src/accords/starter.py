"""The files of a new dataset, for ``accords init``: ``accords.toml``, the record folders, the
schemas, one worked example that passes ``accords check``, and the files that run accords in
pre-commit and in GitHub Actions.

Nothing is ever overwritten: a folder that already holds a dataset is refused, and so is one
where any of these files exists; a failed run removes what it wrote.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from accords.errors import UsageError
from accords.model import FOLDERS
from accords.scaffold import modeline, path_for
from accords.schema import rendered_all, schema_path
from accords.writing import write_atomic

#: The content-hash cache accords keeps beside the records; never committed.
CACHE_FOLDER = ".accords_cache/"

_CONFIG = """\
# The dataset root: `accords` walks up from the working directory to this file.
[dataset]
name = {name}
# Paths that are not records (a bare name matches at any depth; a path, from the root).
exclude = []

[check]
# Rules to add to the defaults (codes or prefixes, as in ruff), and rules to leave out.
# E200 asks for quoted dates, which every YAML reader keeps as text.
extend-select = ["E200"]
ignore = []

[check.severity]
# A code's severity, e.g. C104 = "error".
"""

_ACTOR = """\
# An actor: a state, government, armed group, coalition, body or person, cited by its id.
id: northland
kind: state
name: Northland
aliases: [Kingdom of Northland]
sources: [daily-2031-03-03]
"""

_SOURCE = """\
# A source: a document the record rests on, described in our words (no quoted text here).
id: daily-2031-03-03
title: Truce announced in Riverside
publisher: The Daily
published: "2031-03-03"
kind: news
language: en
summary: Northland brokered a humanitarian truce in the Riverside district, announced on 2 March.
"""

_AGREEMENT = """\
# An agreement: who took part and in what role, when, and on what sources.
id: riverside-truce-2031
title: Riverside humanitarian truce
kind: ceasefire
certainty: reported
scope: {area: Riverside district}
dates: {announced: "2031-03-02"}
participants:
  - {actor: northland, roles: [mediator], sources: [daily-2031-03-03]}
sources: [daily-2031-03-03]
"""

_PRE_COMMIT = """\
# pre-commit (https://pre-commit.com) runs accords before each commit: `pre-commit install`.
# Replace the URL and pin `rev` to a real tag or commit of the accords you use: the `rev`
# below is a placeholder, not a published release.
repos:
  - repo: https://github.com/OWNER/accords
    rev: v0.1.0
    hooks:
      - id: accords-validate
      - id: accords-check
"""

_WORKFLOW = """\
# Checks the dataset on every push and pull request; findings show on the changed lines.
# Replace OWNER/accords@v0.1.0 with where and which version of accords you use: pin a real
# tag or commit, the ref below is a placeholder.
name: accords
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: OWNER/accords@v0.1.0
        with:
          args: --strict
"""

_GITIGNORE = f"""\
# accords' cache of results, keyed by file content: rebuilt when missing.
{CACHE_FOLDER}
"""

#: Record folders the example leaves empty; git keeps a folder only with a file in it.
_KEEP = ".gitkeep"


def starter_files(folder: Path, name: str) -> dict[Path, str]:
    """Every file of a new dataset in ``folder``, with its text."""
    files = {folder / "accords.toml": _CONFIG.format(name=json.dumps(name, ensure_ascii=False))}
    files.update({schema_path(folder, kind): text for kind, text in rendered_all().items()})
    examples = {
        ("actor", "northland"): _ACTOR,
        ("source", "daily-2031-03-03"): _SOURCE,
        ("agreement", "riverside-truce-2031"): _AGREEMENT,
    }
    for (kind, record_id), text in examples.items():
        files[path_for(folder, kind, record_id)] = modeline(kind) + text
    used = {kind for kind, _ in examples}
    files.update({folder / FOLDERS[k] / _KEEP: "" for k in FOLDERS if k not in used})
    files[folder / ".pre-commit-config.yaml"] = _PRE_COMMIT
    files[folder / ".github" / "workflows" / "accords.yml"] = _WORKFLOW
    files[folder / ".gitignore"] = _GITIGNORE
    return files


def create_dataset(folder: Path, name: str | None = None) -> list[Path]:
    """Write a new dataset into ``folder`` (made if missing) and return the files written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    if (folder / "accords.toml").exists():
        raise UsageError(f"{folder} already holds a dataset (accords.toml); nothing was written")
    files = starter_files(folder, name or folder.resolve().name)
    existing = sorted(str(path.relative_to(folder)) for path in files if path.exists())
    if existing:
        raise UsageError(
            f"{folder} already has {', '.join(existing)}; accords init never overwrites a "
            "file: move them away, or start the dataset in another folder"
        )
    made = _missing_folders(folder, files)
    written: list[Path] = []
    try:
        for path, text in files.items():
            write_atomic(path, text)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for made_folder in made:
            with contextlib.suppress(OSError):  # kept if something else was put there
                made_folder.rmdir()
        raise
    return written


def _missing_folders(folder: Path, files: dict[Path, str]) -> list[Path]:
    """The folders the files need that do not exist yet (``folder`` and those above it too),
    deepest first."""
    needed = {folder, *(parent for path in files for parent in path.parents)}
    missing = (f for f in needed if not f.exists())
    return sorted(missing, key=lambda f: len(f.parts), reverse=True)

"""What an import wrote, so that a re-run updates its own files and leaves a person's alone.

The manifest ``DIR/.accords-import.json`` holds the SHA-256 of every file as the importer wrote
it. On a re-run a file whose bytes still hash to that value is the importer's and may be
replaced; a file that hashes differently was edited by a person since, and a file the manifest
does not list was never the importer's: both stay as they are, and the plan says so.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from accords.writing import write_atomic

MANIFEST = ".accords-import.json"
_VERSION = 1


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept (edited by hand)"
    KEPT_FOREIGN = "kept (not written by the import)"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    """The hashes of the files the importer wrote, by dataset-relative path."""

    root: Path
    files: dict[str, str] = field(default_factory=dict)
    problem: str | None = None

    @classmethod
    def load(cls, root: Path) -> Manifest:
        path = root / MANIFEST
        if not path.exists():
            return cls(root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = data["files"]
            if not isinstance(files, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in files.items()
            ):
                raise TypeError("files is not a mapping of paths to hashes")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Without a trustworthy manifest every existing file counts as a person's.
            return cls(root, problem=f"{MANIFEST} is unreadable ({exc}); existing files are kept")
        return cls(root, dict(files))

    def write(self, text: str, relative: str) -> Outcome:
        """Write ``text`` to ``relative`` unless a person owns the file there; say what happened."""
        path = self.root / relative
        new_hash = digest(text)
        if not path.exists():
            write_atomic(path, text)
            self.files[relative] = new_hash
            return Outcome.CREATED
        recorded = self.files.get(relative)
        if recorded is None:
            return Outcome.KEPT_FOREIGN
        try:
            current = digest(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return Outcome.KEPT_EDITED
        if current != recorded:
            return Outcome.KEPT_EDITED
        if current == new_hash:
            return Outcome.UNCHANGED
        write_atomic(path, text, force=True)
        self.files[relative] = new_hash
        return Outcome.UPDATED

    def owns(self, relative: str) -> bool:
        """Whether the file at ``relative`` is the importer's and unedited since."""
        recorded = self.files.get(relative)
        path = self.root / relative
        if recorded is None or not path.exists():
            return False
        try:
            return digest(path.read_text(encoding="utf-8")) == recorded
        except (OSError, UnicodeDecodeError):
            return False

    def save(self) -> None:
        text = json.dumps(
            {"version": _VERSION, "files": dict(sorted(self.files.items()))}, indent=1
        )
        write_atomic(self.root / MANIFEST, text + "\n", force=True)

"""What an import wrote, so that a re-run updates its own files and leaves a person's alone.

The manifest ``DIR/.accords-import.json`` holds the SHA-256 of every file as the importer wrote
it. On a re-run a file whose bytes still hash to that value is the importer's and may be
replaced; a file that hashes differently was edited by a person since, and a file the manifest
does not list was never the importer's: both stay as they are, and the plan says so.

The manifest is saved once, at the end; until then each write is first appended to the journal
``DIR/.accords-import.journal`` (the path, the hash it had, the hash it will have). An import
killed at any point is replayed from the journal on the next run: the file is the importer's
under either hash, its half-written temporary file is removed, and the re-run ends in the state
of one clean run.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from accords.writing import write_atomic

MANIFEST = ".accords-import.json"
JOURNAL = ".accords-import.journal"
_VERSION = 1


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept (edited by hand)"
    KEPT_FOREIGN = "kept (not written by the import)"
    REPLACED = "replaced (--force)"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    """The hashes of the files the importer wrote, by dataset-relative path."""

    root: Path
    files: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    #: Hashes a file may still have after a killed import: the one before a journalled write.
    earlier: dict[str, str] = field(default_factory=dict)
    _journal: TextIO | None = None

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """The manifest of ``root``, with the writes of a killed import replayed."""
        manifest = cls._load(root)
        manifest._replay()
        for temp in root.glob(f".{MANIFEST}.*.tmp"):
            temp.unlink(missing_ok=True)  # a save cut short; the journal still holds its writes
        return manifest

    @classmethod
    def _load(cls, root: Path) -> Manifest:
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

    def write(self, text: str, relative: str, *, force: bool = False) -> Outcome:
        """Write ``text`` to ``relative`` unless a person owns the file there (``force``: write
        it anyway); say what happened."""
        outcome = self._write(text, relative)
        if force and outcome in (Outcome.KEPT_EDITED, Outcome.KEPT_FOREIGN):
            self._log(relative, "-", digest(text))
            write_atomic(self.root / relative, text, force=True)
            self.files[relative] = digest(text)
            return Outcome.REPLACED
        return outcome

    def _write(self, text: str, relative: str) -> Outcome:
        path = self.root / relative
        new_hash = digest(text)
        if not path.exists():
            self._log(relative, "-", new_hash)
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
        if current not in (recorded, self.earlier.get(relative)):
            return Outcome.KEPT_EDITED
        self.earlier.pop(relative, None)
        if current == new_hash:
            self.files[relative] = new_hash
            return Outcome.UNCHANGED
        self._log(relative, current, new_hash)
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
            current = digest(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return False
        return current in (recorded, self.earlier.get(relative))

    def save(self) -> None:
        """Save the manifest, then drop the journal it now holds."""
        text = json.dumps(
            {"version": _VERSION, "files": dict(sorted(self.files.items()))}, indent=1
        )
        write_atomic(self.root / MANIFEST, text + "\n", force=True)
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        (self.root / JOURNAL).unlink(missing_ok=True)

    def _log(self, relative: str, before: str, after: str) -> None:
        """Journal a write before it is made, so that a kill cannot orphan the file."""
        if self._journal is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._journal = (self.root / JOURNAL).open("a", encoding="utf-8")
        # JSON-quoted path: a name with spaces or tabs cannot break the line apart.
        self._journal.write(f"{before}\t{after}\t{json.dumps(relative)}\n")
        self._journal.flush()

    def _replay(self) -> None:
        """Take in the writes a killed import journalled; remove its temporary files."""
        try:
            lines = (self.root / JOURNAL).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            before, _, rest = line.partition("\t")
            after, _, quoted = rest.partition("\t")
            try:
                relative = json.loads(quoted)
            except ValueError:
                continue  # the last line, cut short by the kill: its write never began
            if not isinstance(relative, str) or len(after) != 64:
                continue
            if before != "-" and self.files.get(relative) in (None, before):
                self.earlier[relative] = before
            self.files[relative] = after
            path = self.root / relative
            for temp in path.parent.glob(f".{path.name}.*.tmp"):
                temp.unlink(missing_ok=True)

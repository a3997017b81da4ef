"""Read one record file: bytes → YAML with positions → a validated model, or findings."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from accords.findings import Finding, Severity
from accords.loading.messages import findings_from_validation
from accords.loading.yaml_positions import MAX_FILE_BYTES, YamlDocument, read_yaml
from accords.model import FILE_MODELS, FOLDERS

#: Code of the style finding for a date left unquoted (off by default).
UNQUOTED_DATE = "E200"
_FOLDER_NAMES = frozenset(FOLDERS.values())


@dataclass(slots=True)
class LoadedFile:
    """A file's kind, its YAML with positions, and its model when valid."""

    kind: str
    doc: YamlDocument
    record: BaseModel | None

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def findings(self) -> list[Finding]:
        return self.doc.findings


def read_bytes(path: Path, display: str) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, refusing oversized files before reading them.

    Only regular files are read: a directory or a named pipe is a finding (a pipe would block
    forever), and so is a symbolic link whose target lies outside the dataset, which is
    never followed. At most ``MAX_FILE_BYTES + 1`` bytes are read, so a file that grows
    between the size check and the read still cannot exhaust memory.
    """
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            base = _dataset_root_of(path)
            if base is not None and not target.is_relative_to(base):
                return None, _unreadable(
                    f"a symbolic link to {target}, outside the dataset; it is not followed",
                    display,
                    "copy the file into the dataset instead of linking to it",
                )
            info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, _unreadable("a directory, not a file", display)
        if not stat.S_ISREG(info.st_mode):
            return None, _unreadable("not a regular file (a pipe, socket or device)", display)
        if info.st_size > MAX_FILE_BYTES:
            return None, _too_large(info.st_size, display)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return None, _too_large(len(data), display)
        return data, None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if path.is_symlink() and not path.exists():
            reason = "a broken symbolic link"
        return None, _unreadable(f"cannot read file: {reason}", display)
    except RuntimeError:  # a symbolic link loop, on Pythons that raise instead of OSError
        return None, _unreadable("cannot read file: a loop of symbolic links", display)


def _unreadable(message: str, display: str, hint: str | None = None) -> Finding:
    return Finding("E012", Severity.ERROR, message, display, hint=hint)


def _too_large(size: int, display: str) -> Finding:
    at_least = "at least " if size == MAX_FILE_BYTES + 1 else ""
    return Finding(
        "E007",
        Severity.ERROR,
        f"file is {at_least}{size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
        display,
        hint="split it into smaller files",
    )


def _dataset_root_of(path: Path) -> Path | None:
    """The dataset root above ``path``: the parent of its nearest dataset folder."""
    for parent in path.absolute().parents:
        if parent.name in _FOLDER_NAMES:
            return parent.parent.resolve()
    return None


def load_file(path: Path, kind: str, display: str | None = None) -> LoadedFile:
    """Load and validate one file of the given record kind; never raises for bad content."""
    shown = display or str(path)
    data, problem = read_bytes(path, shown)
    if data is None:
        doc = YamlDocument(shown)
        if problem is not None:
            doc.findings.append(problem)
        return LoadedFile(kind, doc, None)
    return parse_file(data, kind, shown)


def parse_file(data: bytes, kind: str, display: str) -> LoadedFile:
    """Validate ``data`` as one file of the given record kind."""
    doc = read_yaml(display, data)
    for line, col in doc.plain_dates:
        doc.findings.append(
            Finding(
                UNQUOTED_DATE,
                Severity.WARNING,
                "date is not quoted",
                display,
                line,
                col,
                "quote it so that every YAML reader keeps it text",
            )
        )
    if doc.value is None:
        return LoadedFile(kind, doc, None)
    model = FILE_MODELS[kind]
    try:
        record = model.model_validate(doc.value)
    except ValidationError as exc:
        # A value the loader already refused (an out-of-range number kept as text) needs no
        # second finding from the schema at the same place.
        flagged = {(f.line, f.col) for f in doc.findings if f.code == "E010"}
        found = findings_from_validation(exc, model, doc)
        doc.findings.extend(f for f in found if (f.line, f.col) not in flagged)
        return LoadedFile(kind, doc, None)
    return LoadedFile(kind, doc, record)

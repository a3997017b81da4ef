"""Read one record file: bytes → YAML with locations → a validated model, or findings."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from accords.findings import Edit, Finding, Fix, FixSafety, Severity
from accords.loading.codes import (
    ENCODING,
    FILE_TOO_LARGE,
    LINK_OUTSIDE_DATASET,
    NUMBER_OUT_OF_RANGE,
    UNKNOWN_RECORD_KIND,
    UNQUOTED_DATE,
    UNREADABLE,
)
from accords.loading.discovery import RecordFile
from accords.loading.kinds import kind_from_keys, kind_from_modeline
from accords.loading.messages import findings_from_validation
from accords.loading.yaml_positions import MAX_FILE_BYTES, YamlDocument, read_yaml
from accords.model import FILE_MODELS


@dataclass(slots=True)
class LoadedFile:
    """A file's kind (``None`` when it cannot be told), its YAML with locations, and its model."""

    kind: str | None
    doc: YamlDocument
    record: BaseModel | None
    #: A digest of the bytes read, so that a fix never writes over a file changed since.
    digest: bytes | None = None

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def findings(self) -> list[Finding]:
        return self.doc.findings


def read_bytes(
    path: Path, display: str, boundary: Path | None = None
) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, refusing oversized files before reading them.

    Only regular files are read: a directory or a named pipe is a finding (a pipe would block
    forever), and so is a symbolic link whose target lies outside ``boundary`` (the dataset
    root; by default the link's own folder), which is never followed. At most
    ``MAX_FILE_BYTES + 1`` bytes are read, so a file that grows between the size check and the
    read still cannot exhaust memory.
    """
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            if not target.is_relative_to(boundary or path.absolute().parent.resolve()):
                return None, _outside(target, display)
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


def _outside(target: Path, display: str) -> Finding:
    return Finding(
        LINK_OUTSIDE_DATASET,
        Severity.WARNING,
        f"a symbolic link to {target}, outside the dataset; it is not followed, nor read",
        display,
        hint="copy the file into the dataset instead of linking to it",
    )


def _unknown_kind(display: str) -> Finding:
    return Finding(
        UNKNOWN_RECORD_KIND,
        Severity.ERROR,
        "cannot tell what kind of record this file holds; it is not checked",
        display,
        hint=(
            "start it with a modeline such as '# yaml-language-server: "
            "$schema=../schemas/agreement.schema.json', keep it in a dataset folder, "
            "or leave it out with [dataset] exclude in accords.toml"
        ),
    )


def _unreadable(message: str, display: str, hint: str | None = None) -> Finding:
    return Finding(UNREADABLE, Severity.ERROR, message, display, hint=hint)


def too_large_file(size: int, display: str, kind: str | None) -> LoadedFile:
    """A file over the size cap, not read: its finding alone."""
    doc = YamlDocument(display)
    doc.findings.append(_too_large(size, display))
    return LoadedFile(kind, doc, None)


def _too_large(size: int, display: str) -> Finding:
    at_least = "at least " if size == MAX_FILE_BYTES + 1 else ""
    return Finding(
        FILE_TOO_LARGE,
        Severity.ERROR,
        f"file is {at_least}{size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
        display,
        hint="split it into smaller files",
    )


def load_file(
    path: Path,
    kind: str | None,
    display: str | None = None,
    *,
    folder_kind: str | None = None,
    boundary: Path | None = None,
) -> LoadedFile:
    """Load and validate one file; never raises for bad content.

    ``kind`` is the record kind named by the caller, which overrides what the file says;
    otherwise :func:`parse_file` tells it.
    """
    shown = display or str(path)
    data, problem = read_bytes(path, shown, boundary)
    if data is None:
        return unread_file(kind or folder_kind, shown, problem)
    return parse_file(data, kind, shown, folder_kind=folder_kind)


def unread_file(kind: str | None, display: str, problem: Finding | None) -> LoadedFile:
    """A file that could not be read: no record, and the finding that says why."""
    doc = YamlDocument(display)
    if problem is not None:
        doc.findings.append(problem)
    return LoadedFile(kind, doc, None)


def read_record_file(record_file: RecordFile) -> LoadedFile:
    """Load one file found by :mod:`accords.loading.discovery`."""
    return load_file(
        record_file.path,
        record_file.kind,
        record_file.display,
        folder_kind=record_file.folder_kind,
        boundary=record_file.boundary,
    )


def parse_file(
    data: bytes, kind: str | None, display: str, *, folder_kind: str | None = None
) -> LoadedFile:
    """Validate ``data`` as one record file.

    Its kind is, in this order: ``kind`` (named by the caller), the ``$schema`` modeline, the
    kind of the folder it is kept in, then its keys. A file whose kind cannot be told is a
    finding of its own; it is not validated.
    """
    return record_of(read_yaml(display, data), data, kind, display, folder_kind=folder_kind)


def record_of(
    doc: YamlDocument,
    data: bytes,
    kind: str | None,
    display: str,
    *,
    folder_kind: str | None = None,
) -> LoadedFile:
    """The record file whose YAML, read from ``data``, is ``doc``: its kind told as
    :func:`parse_file` tells it, its value validated."""
    kind = kind or kind_from_modeline(data) or folder_kind
    digest = content_digest(data)
    if data.startswith(_UTF8_BOM):
        doc.findings[:] = [_bom_fixed(f) if f.code == ENCODING else f for f in doc.findings]
    for (line, col), text in doc.plain_dates:
        doc.findings.append(
            Finding(
                UNQUOTED_DATE,
                Severity.WARNING,
                "date is not quoted",
                display,
                line,
                col,
                "quote it so that every YAML reader keeps it text",
                fix=Fix(
                    FixSafety.SAFE,
                    "quote the date",
                    (Edit(display, line, col, text, f'"{text}"'),),
                ),
            )
        )
    if doc.value is None:
        return LoadedFile(kind, doc, None, digest)
    kind = kind or kind_from_keys(doc.value)
    if kind is None:
        doc.findings.append(_unknown_kind(display))
        return LoadedFile(None, doc, None, digest)
    model = FILE_MODELS[kind]
    try:
        record = model.model_validate(doc.value)
    except ValidationError as exc:
        # A value the loader already refused (an out-of-range number kept as text) needs no
        # second finding from the schema at the same place.
        flagged = {(f.line, f.col) for f in doc.findings if f.code == NUMBER_OUT_OF_RANGE}
        found = findings_from_validation(exc, model, doc)
        doc.findings.extend(f for f in found if (f.line, f.col) not in flagged)
        return LoadedFile(kind, doc, None, digest)
    return LoadedFile(kind, doc, record, digest)


_UTF8_BOM = b"\xef\xbb\xbf"


def _bom_fixed(finding: Finding) -> Finding:
    """The finding of a UTF-8 byte-order mark with its safe fix: the mark removed."""
    edit = Edit(finding.path, 1, 1, "\ufeff", "", scalar=False)
    return replace(finding, fix=Fix(FixSafety.SAFE, "remove the byte-order mark", (edit,)))


def content_digest(data: bytes) -> bytes:
    """The digest that tells whether a file's bytes are still those that were read."""
    return hashlib.blake2b(data, digest_size=16).digest()

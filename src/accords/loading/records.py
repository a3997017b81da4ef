"""Read one record file: bytes → YAML with positions → a validated model, or findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from accords.findings import Finding, Severity
from accords.loading.messages import findings_from_validation
from accords.loading.yaml_positions import MAX_FILE_BYTES, YamlDocument, read_yaml
from accords.model import FILE_MODELS

#: Code of the style finding for a date left unquoted (off by default).
UNQUOTED_DATE = "E200"


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
    """The file's bytes, refusing oversized files before reading them."""
    try:
        if path.is_dir():
            return None, Finding("E012", Severity.ERROR, "a directory, not a file", display)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Finding(
                "E007",
                Severity.ERROR,
                f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                display,
                hint="split it into smaller files",
            )
        return path.read_bytes(), None
    except OSError as exc:
        return None, Finding("E012", Severity.ERROR, f"cannot read file: {exc.strerror}", display)


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
        doc.findings.extend(findings_from_validation(exc, model, doc))
        return LoadedFile(kind, doc, None)
    return LoadedFile(kind, doc, record)

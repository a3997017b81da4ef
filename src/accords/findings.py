"""Findings: every problem ``accords`` reports, as plain data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a finding is; the order lets a threshold decide the exit code."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> Severity:
        try:
            return cls[word.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {word!r}; expected info, warning or error"
            ) from None


#: A place in a file: its 1-based line and column. (A "position" is an actor's stance on an
#: agreement, never a place in a file.)
Location = tuple[int, int]
#: A place in a named file, as findings show it: the path, then the line and column.
FileLocation = tuple[str, int, int]


class FixSafety(enum.Enum):
    """Whether a rule can fix what it finds, and whether the fix keeps the record's meaning.

    A safe fix changes how the record is written, never what it says (quoting a date); an
    unsafe fix changes what it says, on a guess a person should review (a did-you-mean word).
    """

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """One text edit: in the file at ``path``, the scalar that starts at ``line``:``col`` and
    reads ``original`` becomes ``replacement``.

    The original text is part of the edit so that it is applied only where the file still
    reads so: an edit never lands on text that moved. A quoted scalar starts at its quote, and
    its text is edited inside the quotes. An edit that is not of a ``scalar`` (a byte-order
    mark) replaces exactly the original text at its location.
    """

    path: str
    line: int
    col: int
    original: str
    replacement: str
    scalar: bool = True

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "original": self.original,
            "replacement": self.replacement,
        }
        if not self.scalar:
            data["scalar"] = False
        return data


@dataclass(frozen=True, slots=True)
class Fix:
    """What fixes a finding: text edits, and at most one file renamed (never over another)."""

    safety: FixSafety
    #: What the fix does, in a few words: ``quote the date``.
    description: str
    edits: tuple[Edit, ...] = ()
    #: ``(from, to)``: the file's path and the path it is renamed to.
    rename: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "safety": self.safety.value,
            "description": self.description,
            "edits": [edit.to_dict() for edit in self.edits],
        }
        if self.rename is not None:
            data["rename"] = {"from": self.rename[0], "to": self.rename[1]}
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place: a code, a severity, a message, and an optional hint."""

    code: str
    severity: Severity
    message: str
    path: str
    line: int = 1
    col: int = 1
    hint: str | None = None
    related: tuple[FileLocation, ...] = field(default=())
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.label,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "message": self.message,
        }
        if self.hint:
            data["hint"] = self.hint
        if self.related:
            data["related"] = [{"path": p, "line": ln, "col": c} for p, ln, c in self.related]
        if self.fix is not None:
            data["fix"] = self.fix.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class Tally:
    """What a run read: valid records of each kind, files, and how long it took."""

    records: dict[str, int] = field(default_factory=dict)
    files: int = 0
    seconds: float = 0.0

    def describe(self) -> str:
        """``11 agreements, 61 actors and 66 events (29 files)``, kinds in the usual order;
        ``2 files (no valid record)`` when none of them holds a valid record."""
        parts = [
            f"{count} {kind}{'s' if count != 1 else ''}"
            for kind, count in sorted(self.records.items(), key=lambda kv: _KIND_ORDER[kv[0]])
            if count
        ]
        listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        return f"{listed} ({files})" if listed else f"{files} (no valid record)"


_KIND_ORDER = {
    kind: i for i, kind in enumerate(("agreement", "actor", "event", "scenario", "source"))
}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings of a ``validate`` or ``check`` run, what it read, and what fails it."""

    findings: list[Finding]
    tally: Tally
    fail_on: Severity = Severity.ERROR
    #: The verb of the summary line: ``Checked`` or ``Validated``.
    verb: str = "Checked"
    #: The findings whose fix was applied (``check --fix``), as they were before.
    fixed: tuple[Finding, ...] = ()
    #: The findings whose fix was asked for but not applied, and why.
    unapplied: tuple[tuple[Finding, str], ...] = ()
    #: Which fixes the run applied: none unless ``--fix`` or ``--unsafe-fixes``.
    fixing: FixSafety = FixSafety.NONE

    @property
    def failed(self) -> bool:
        return any(f.severity >= self.fail_on for f in self.findings)

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


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    col: int


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
    related: tuple[tuple[str, int, int], ...] = field(default=())

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
        return data

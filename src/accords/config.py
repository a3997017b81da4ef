"""``accords.toml``: which rules run and how severe their findings are, like ruff's settings.

[check]
select = ["E", "R", "C"]      # replaces the default selection (codes or prefixes)
extend-select = ["E200"]       # adds to it (e.g. rules that are off by default)
ignore = ["S102"]              # removes from it
fail-on = "error"              # the lowest severity that makes the exit code 1

[check.severity]
C104 = "error"                 # per-code severity
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from accords.errors import ConfigError
from accords.findings import Finding, Severity


@dataclass(frozen=True)
class Selection:
    """Which codes are reported, at which severity, and which severity fails the run."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR

    def enabled(self, code: str, *, default: bool = True) -> bool:
        """Whether a code is reported; the most specific matching prefix decides."""
        votes: list[tuple[int, bool]] = []
        if self.select is None:
            votes.append((0, default))
        else:
            votes.extend((len(p), True) for p in self.select if code.startswith(p))
            if not votes:
                votes.append((0, False))
        votes.extend((len(p), True) for p in self.extend_select if code.startswith(p))
        votes.extend((len(p), False) for p in self.ignore if code.startswith(p))
        best = max(v[0] for v in votes)
        decisive = [v[1] for v in votes if v[0] == best]
        # At equal specificity, ignore wins over select.
        return all(decisive)

    def severity_of(self, code: str, default: Severity) -> Severity:
        matches = [(len(p), s) for p, s in self.severity.items() if code.startswith(p)]
        return max(matches)[1] if matches else default

    def apply(self, findings: Iterable[Finding], defaults_off: frozenset[str]) -> list[Finding]:
        """The findings this selection reports, with their configured severities."""
        kept = []
        for finding in findings:
            if not self.enabled(finding.code, default=finding.code not in defaults_off):
                continue
            severity = self.severity_of(finding.code, finding.severity)
            kept.append(
                finding if severity is finding.severity else replace(finding, severity=severity)
            )
        return kept

    def overridden(
        self,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        strict: bool = False,
    ) -> Selection:
        """This selection with command-line options applied on top."""
        chosen = tuple(select)
        return replace(
            self,
            select=chosen or self.select,
            extend_select=() if chosen else self.extend_select,
            ignore=(*self.ignore, *ignore),
            fail_on=Severity.WARNING if strict else self.fail_on,
        )


def load_selection(root: Path | None) -> Selection:
    """The selection configured in ``root/accords.toml`` (defaults when there is none)."""
    if root is None:
        return Selection()
    path = root / "accords.toml"
    if not path.is_file():
        return Selection()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise ConfigError(f"{path}: [check] must be a table")
    known = {"select", "extend-select", "ignore", "fail-on", "severity"}
    unknown = set(check) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [check]: {', '.join(sorted(unknown))}")
    try:
        severity = {str(k): Severity.parse(str(v)) for k, v in check.get("severity", {}).items()}
        fail_on = Severity.parse(str(check.get("fail-on", "error")))
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    select = check.get("select")
    return Selection(
        select=tuple(_codes(path, "select", select)) if select is not None else None,
        extend_select=tuple(_codes(path, "extend-select", check.get("extend-select", []))),
        ignore=tuple(_codes(path, "ignore", check.get("ignore", []))),
        severity=severity,
        fail_on=fail_on,
    )


def _codes(path: Path, name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [check] {name} must be a list of rule codes")
    return [v.strip().upper() for v in value]

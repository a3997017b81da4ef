"""The rule catalogue: stable codes, default severities, titles, explain texts, and checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accords.errors import UsageError
from accords.findings import Finding, Fix, FixSafety, Severity
from accords.model.names import did_you_mean

if TYPE_CHECKING:
    from accords.dataset import Dataset

Check = Callable[["Dataset"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule. Structure rules have no ``check``: the loader reports them."""

    code: str
    name: str
    title: str
    severity: Severity
    explain: str
    check: Check | None = None
    default_enabled: bool = True
    #: Whether the rule can fix what it finds, and whether that fix is safe (``accords rules``).
    fix: FixSafety = FixSafety.NONE
    #: What the fix does and when it is offered (``accords explain``); empty when there is none.
    fix_explain: str = ""

    def finding(
        self,
        message: str,
        where: tuple[str, int, int],
        *,
        hint: str | None = None,
        severity: Severity | None = None,
        related: tuple[tuple[str, int, int], ...] = (),
        fix: Fix | None = None,
    ) -> Finding:
        path, line, col = where
        return Finding(
            self.code, severity or self.severity, message, path, line, col, hint, related, fix
        )


RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class EventsCheck:
    """A check of an events file (``check --events``), in two steps so that the file can be
    read while the records load: ``read`` needs only the file (its path and the longest line
    allowed), ``check`` turns what was read into the findings of the record against it."""

    read: Callable[[Path, int], Any]
    check: Callable[[Dataset, Any], list[Finding]]


#: The events checks by the family of codes they report, registered by their rule modules.
EVENTS_CHECKS: dict[str, EventsCheck] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    RULES[rule.code] = rule
    return rule


def rule(
    code: str,
    name: str,
    title: str,
    severity: Severity,
    explain: str,
    *,
    default_enabled: bool = True,
    fix: FixSafety = FixSafety.NONE,
    fix_explain: str = "",
) -> Callable[[Check], Rule]:
    """Decorator: register a check function as a rule; the module-level name becomes the Rule."""

    def wrap(check: Check) -> Rule:
        return register(
            Rule(
                code,
                name,
                title,
                severity,
                explain.strip(),
                check,
                default_enabled,
                fix,
                " ".join(fix_explain.split()),
            )
        )

    return wrap


def load_all() -> dict[str, Rule]:
    """Import every rule module so that the catalogue is complete."""
    import importlib

    for module in _MODULES:
        importlib.import_module(module)
    return RULES


_MODULES = (
    "accords.checking.structure",
    "accords.rules.references",
    "accords.rules.chronology",
    "accords.rules.endings",
    "accords.rules.names",
    "accords.rules.relations",
    "accords.rules.participation",
    "accords.rules.sources",
    "accords.rules.evidence",
    "accords.rules.scenarios",
    "accords.rules.external",
    "accords.checking.internal",
)


def defaults_off(rules: Mapping[str, Rule]) -> frozenset[str]:
    """The codes among ``rules`` that are reported only when selected."""
    return frozenset(code for code, r in rules.items() if not r.default_enabled)


#: Every rule's code, so that a code in ``accords.toml`` or an option is checked without
#: importing every rule module: ``validate`` needs only the structure rules, and importing the
#: others would cost a fifth of its start-up. tests/unit/test_rules_catalogue.py holds this
#: equal to the codes the rule modules register.
CODES = frozenset(
    (
        "C100",
        "C101",
        "C102",
        "C103",
        "C104",
        "C105",
        "C106",
        "C107",
        "C108",
        "E001",
        "E002",
        "E003",
        "E004",
        "E005",
        "E006",
        "E007",
        "E008",
        "E009",
        "E010",
        "E011",
        "E012",
        "E013",
        "E014",
        "E015",
        "E101",
        "E102",
        "E103",
        "E104",
        "E105",
        "E106",
        "E107",
        "E108",
        "E200",
        "E900",
        "F101",
        "F102",
        "F103",
        "P101",
        "P102",
        "R101",
        "R102",
        "R103",
        "R104",
        "R105",
        "R106",
        "R107",
        "S101",
        "S102",
        "S103",
        "S104",
        "S105",
        "S106",
        "S107",
        "S108",
        "S109",
        "X101",
        "X102",
        "X103",
        "X104",
    )
)


def check_codes(settings: Iterable[tuple[str, str]]) -> None:
    """Refuse a code or prefix that names no rule: ``(where it was set, code)`` pairs.

    A mistyped code would otherwise select nothing, or ignore nothing, and pass in silence.
    """
    for setting, code in settings:
        if _names_a_rule(code, CODES):
            continue
        hint = did_you_mean(code, sorted(CODES)) or "`accords rules` lists the codes"
        raise UsageError(f"{setting}: no rule code or prefix {code!r}; {hint}")


def _names_a_rule(code: str, rules: Iterable[str]) -> bool:
    return bool(code) and any(known.startswith(code) for known in rules)

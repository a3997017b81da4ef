"""Renderers of the rule catalogue (``accords rules``) and of one rule (``accords explain``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from accords.checking.catalogue import FAMILIES
from accords.checking.registry import Rule
from accords.findings import FixSafety
from accords.render.contract import Renderer
from accords.render.escape import json_document


def catalogue_row(rule: Rule) -> dict[str, Any]:
    """A rule as the JSON catalogue lists it: code, name, family, severity, default, fix
    (none, safe or unsafe), title."""
    return {
        "code": rule.code,
        "name": rule.name,
        "family": FAMILIES.get(rule.code[:1], "other"),
        "severity": rule.severity.label,
        "default": rule.default_enabled,
        "fix": rule.fix.value,
        "title": rule.title,
    }


#: The fix column of ``accords rules``: blank for a rule that cannot fix what it finds.
_FIX_COLUMN = {FixSafety.NONE: "", FixSafety.SAFE: "safe", FixSafety.UNSAFE: "unsafe"}


def render_text(rules: Sequence[Rule], out: TextIO) -> None:
    """One aligned line per rule: code, severity, fix, name, title; a rule off by default is
    marked ``(off)``."""
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        off = "" if rule.default_enabled else " (off)"
        label = rule.severity.label
        fix = _FIX_COLUMN[rule.fix]
        out.write(f"{rule.code}  {label:<7}  {fix:<6}  {rule.name:<{width}}  {rule.title}{off}\n")


def render_json(rules: Sequence[Rule], out: TextIO) -> None:
    out.write(json_document([catalogue_row(rule) for rule in rules]) + "\n")


FORMATS: dict[str, Renderer[Sequence[Rule]]] = {"text": render_text, "json": render_json}


def render_explain(rule: Rule, out: TextIO) -> None:
    """The rule's code, name and severity, its title, then its explanation."""
    state = "" if rule.default_enabled else ", off by default"
    out.write(f"{rule.code} {rule.name} ({rule.severity.label}{state})\n\n")
    out.write(f"{rule.title}.\n\n")
    out.write(rule.explain + "\n")
    if rule.fix is FixSafety.NONE:
        out.write("\nFix: none; accords check --fix leaves these findings to a person.\n")
    else:
        flag = "--fix" if rule.fix is FixSafety.SAFE else "--unsafe-fixes"
        out.write(f"\nFix ({rule.fix.value}, with {flag}): {rule.fix_explain}\n")


#: ``explain`` has one format.
EXPLAIN_FORMATS: dict[str, Renderer[Rule]] = {"text": render_explain}

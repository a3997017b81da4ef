"""Renderers of the rule catalogue (``accords rules``) and of one rule (``accords explain``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from accords.checking.catalogue import FAMILIES
from accords.checking.registry import Rule
from accords.render.contract import Renderer
from accords.render.escape import json_document


def catalogue_row(rule: Rule) -> dict[str, Any]:
    """A rule as the JSON catalogue lists it: code, name, family, severity, default, title."""
    return {
        "code": rule.code,
        "name": rule.name,
        "family": FAMILIES.get(rule.code[:1], "other"),
        "severity": rule.severity.label,
        "default": rule.default_enabled,
        "title": rule.title,
    }


def render_text(rules: Sequence[Rule], out: TextIO) -> None:
    """One aligned line per rule; a rule off by default is marked ``(off)``."""
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        off = "" if rule.default_enabled else " (off)"
        label = rule.severity.label
        out.write(f"{rule.code}  {label:<7}  {rule.name:<{width}}  {rule.title}{off}\n")


def render_json(rules: Sequence[Rule], out: TextIO) -> None:
    out.write(json_document([catalogue_row(rule) for rule in rules]) + "\n")


FORMATS: dict[str, Renderer[Sequence[Rule]]] = {"text": render_text, "json": render_json}


def render_explain(rule: Rule, out: TextIO) -> None:
    """The rule's code, name and severity, its title, then its explanation."""
    state = "" if rule.default_enabled else ", off by default"
    out.write(f"{rule.code} {rule.name} ({rule.severity.label}{state})\n\n")
    out.write(f"{rule.title}.\n\n")
    out.write(rule.explain + "\n")


#: ``explain`` has one format.
EXPLAIN_FORMATS: dict[str, Renderer[Rule]] = {"text": render_explain}

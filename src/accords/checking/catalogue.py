"""The rule catalogue as plain data, for ``accords rules``, ``accords explain`` and the docs."""

from __future__ import annotations

from accords.checking.registry import Rule, load_all
from accords.errors import UsageError
from accords.model.names import suggest

FAMILIES = {
    "E": "structure",
    "R": "references",
    "C": "chronology",
    "P": "participation",
    "S": "sources",
    "F": "scenarios",
    "X": "external events (check --events)",
}


def catalogue() -> list[Rule]:
    """Every rule, in code order."""
    return [rule for _, rule in sorted(load_all().items())]


def find_rule(word: str) -> Rule:
    """The rule with this code or name (case aside); a usage error with suggestions otherwise."""
    rules = load_all()
    wanted = word.strip()
    by_name = {rule.name: rule for rule in rules.values()}
    found = rules.get(wanted.upper()) or by_name.get(wanted.lower())
    if found is not None:
        return found
    close = suggest(wanted.upper(), rules, n=3, cutoff=0.5)
    close += suggest(wanted.lower(), by_name, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `accords rules` lists them"
    raise UsageError(f"no rule {word!r}{hint}")

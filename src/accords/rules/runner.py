"""Run the rules over a dataset: loading findings first, then every enabled rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accords.errors import AccordsError
from accords.findings import Finding
from accords.rules.internal import internal_error
from accords.rules.registry import Rule, defaults_off, load_all

if TYPE_CHECKING:
    from accords.config import Selection
    from accords.dataset import Dataset


@dataclass(frozen=True)
class CheckOptions:
    """What to check on top of the configuration in ``accords.toml``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    #: An ACLED-format CSV of events to check the record against (the ``X`` rules).
    events: Path | None = None


def effective_selection(dataset: Dataset, options: CheckOptions) -> Selection:
    return dataset.selection.overridden(
        select=options.select, ignore=options.ignore, strict=options.strict
    )


def run_checks(dataset: Dataset, options: CheckOptions | None = None) -> list[Finding]:
    """Every finding the selection reports, sorted by file and position.

    A rule that raises becomes one ``E900`` internal-error finding naming it, and the other
    rules still run. Those findings bypass the selection: a crash is never ignored or
    downgraded, so a run whose rules did not all complete never reads as clean.
    """
    options = options or CheckOptions()
    selection = effective_selection(dataset, options)
    rules = load_all()
    off = defaults_off(rules)
    findings: list[Finding] = list(dataset.load_findings)
    crashes: list[Finding] = []
    for code, rule in rules.items():
        if rule.check is None or not selection.enabled(code, default=rule.default_enabled):
            continue
        try:
            # Collected whole first: a rule that stops half-way reports nothing but its crash.
            findings.extend(list(rule.check(dataset)))
        except Exception as exc:  # a bug in a rule must not hide the other rules' findings
            crashes.append(internal_error(dataset, code, exc))
    if options.events is not None:
        findings.extend(_events_findings(dataset, options.events, rules, crashes))
    kept = selection.apply(findings, off)
    # The message breaks ties between findings at one place, so that runs print alike.
    return sorted({*kept, *crashes}, key=lambda f: (*f.sort_key, f.message))


def _events_findings(
    dataset: Dataset, events: Path, rules: dict[str, Rule], crashes: list[Finding]
) -> list[Finding]:
    """The ``X`` findings of the events file; a crash among them is one internal error."""
    from accords.rules.external import check_events_file

    try:
        return check_events_file(dataset, events)
    except AccordsError:  # a missing file is the user's error, reported as such
        raise
    except Exception as exc:
        codes = sorted(code for code in rules if code.startswith("X"))
        crashes.append(internal_error(dataset, f"{codes[0]}-{codes[-1]}", exc))
        return []

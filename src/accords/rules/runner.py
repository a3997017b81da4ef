"""Run the rules over a dataset: loading findings first, then every enabled rule."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accords.findings import CheckResult, Finding
from accords.rules.registry import check_codes, defaults_off, load_all

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
    """The selection of ``accords.toml`` with the options on top; unknown codes are refused."""
    check_codes(
        [
            *dataset.selection.settings(),
            *(("--select", code) for code in options.select),
            *(("--ignore", code) for code in options.ignore),
        ]
    )
    return dataset.selection.overridden(
        select=options.select, ignore=options.ignore, strict=options.strict
    )


def check(start: Path | None = None, options: CheckOptions | None = None) -> CheckResult:
    """Load the dataset found from ``start`` and check it: every finding, and what was read."""
    from accords.dataset import load_dataset

    began = time.perf_counter()
    options = options or CheckOptions()
    dataset = load_dataset(start)
    selection = effective_selection(dataset, options)
    findings = run_checks(dataset, options)
    return CheckResult(findings, dataset.tally(time.perf_counter() - began), selection.fail_on)


def run_checks(dataset: Dataset, options: CheckOptions | None = None) -> list[Finding]:
    """Every finding the selection reports, sorted by file and position."""
    options = options or CheckOptions()
    selection = effective_selection(dataset, options)
    rules = load_all()
    off = defaults_off(rules)
    findings: list[Finding] = list(dataset.load_findings)
    for code, rule in rules.items():
        if rule.check is None or not selection.enabled(code, default=rule.default_enabled):
            continue
        findings.extend(rule.check(dataset))
    if options.events is not None:
        from accords.rules.external import check_events_file

        findings.extend(check_events_file(dataset, options.events))
    kept = selection.apply(findings, off)
    return sorted(set(kept), key=lambda f: f.sort_key)

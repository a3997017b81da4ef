"""Run the rules over a dataset: loading findings first, then every enabled rule.

Findings come out causes first. One mistake shows up in several places: a file that does not
load, or a record whose id differs from its file name, leaves every reference to the intended
id unknown. So the report lists findings by rank, and within a rank by file, position and code:

0. structure (``E``, the style rule ``E200`` aside): a file that does not load, or a record that
   does not validate;
1. identity (``R101`` duplicate id, ``R107`` id not the file name): a record under the wrong id;
2. references (``R102``-``R105``, ``F101``): names of records that do not exist, the usual
   symptoms of ranks 0 and 1;
3. everything else.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accords.checking.events_run import EventsReading
from accords.checking.internal import internal_error
from accords.checking.registry import check_codes, defaults_off, load_all
from accords.checking.result_cache import ResultCache
from accords.findings import CheckResult, Finding, FixSafety, Tally
from accords.loading.cache import FileContents

if TYPE_CHECKING:
    from accords.config import Selection
    from accords.dataset import Dataset


@dataclass(frozen=True)
class CheckOptions:
    """What to check on top of the configuration in ``accords.toml``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    #: An ACLED-format events file (CSV, .csv.gz, Parquet) to check the record against.
    events: Path | None = None
    #: The longest line of the events file read, in bytes (``--max-field-bytes``).
    max_field_bytes: int = 1 << 20
    #: The folder of archived source texts to check quotes against (default: accords.toml's).
    texts: Path | None = None
    #: Whether unchanged files may come from the cache (``--no-cache`` turns it off).
    cache: bool = True
    #: Which fixes to apply (``--fix``: safe ones, ``--unsafe-fixes``: all); none by default.
    fix: FixSafety = FixSafety.NONE


def _quietly(step: str) -> None:
    """Where no one is shown the steps of a check."""


#: Fixing runs the check again after each pass of fixes, up to this many passes: a fix held
#: back because another edited the same text is applied in the next pass.
MAX_FIX_PASSES = 10


def effective_selection(configured: Selection, options: CheckOptions) -> Selection:
    """The selection of ``accords.toml`` with the options on top; unknown codes are refused."""
    check_codes(
        [
            *configured.settings(),
            *(("--select", code) for code in options.select),
            *(("--ignore", code) for code in options.ignore),
        ]
    )
    return configured.overridden(
        select=options.select, ignore=options.ignore, strict=options.strict
    )


def check(
    start: Path | None = None,
    options: CheckOptions | None = None,
    step: Callable[[str], None] = _quietly,
) -> CheckResult:
    """Load the dataset found from ``start`` and check it: every finding, and what was read.

    The findings of the record (all but an events file's) are kept for the next run
    (:mod:`accords.checking.result_cache`): a check of an unchanged dataset with the same
    selection loads no record and runs no rule, and one against an events file runs only the
    events checks. ``step`` is told each step as it starts (the command line shows it).
    """
    from accords.dataset import find_dataset, load_records

    began = time.perf_counter()
    options = options or CheckOptions()
    # The events file is read while the records load: neither needs the other.
    reading = _reading(options)
    root, config, files = find_dataset(start)
    step(f"reading {len(files):,} files")
    selection = effective_selection(config.selection, options)
    kept = found = None
    contents = FileContents()  # each file read once, for the kept findings and the records
    if options.cache and options.fix is FixSafety.NONE:
        kept = ResultCache(root, files, options.texts or config.texts, selection, contents)
        found = kept.lookup()
        if found is not None and reading is None:
            tally = Tally(found.records, found.files, time.perf_counter() - began)
            return CheckResult(found.findings, tally, selection.fail_on)
    dataset = load_records(
        files, root, config, texts=options.texts, cache=options.cache, contents=contents
    )
    if found is not None:
        record = found.findings
    else:
        step(f"checking {len(dataset.entries):,} records")
        record = _record_findings(dataset, selection)
        if kept is not None:
            kept.store(record, dataset)
    if reading is not None:
        step(f"checking the record against {options.events}")
    findings = _merged(record, _events_findings(dataset, selection, reading))
    if options.fix is FixSafety.NONE:
        return CheckResult(findings, dataset.tally(time.perf_counter() - began), selection.fail_on)
    return _fixed(start, options, (dataset, selection, findings, reading), began)


def _fixed(
    start: Path | None,
    options: CheckOptions,
    checked: tuple[Dataset, Selection, list[Finding], EventsReading | None],
    began: float,
) -> CheckResult:
    """Apply the fixes ``options`` allows, check again, and repeat while fixes apply; the
    result holds what remains, what was fixed, and the fixes that could not be applied."""
    from accords.checking.applying import apply_fixes
    from accords.dataset import load_dataset

    dataset, selection, findings, reading = checked
    fixed: list[Finding] = []
    unapplied: list[tuple[Finding, str]] = []
    for _ in range(MAX_FIX_PASSES):
        digests = {file.path: file.digest for file in dataset.files}
        applied = apply_fixes(findings, digests, options.fix)
        fixed.extend(applied.fixed)
        unapplied = applied.unapplied
        if not applied.fixed:
            break
        dataset = load_dataset(start, texts=options.texts, cache=options.cache)
        selection = effective_selection(dataset.selection, options)
        findings = _findings(dataset, selection, reading)
    return CheckResult(
        findings,
        dataset.tally(time.perf_counter() - began),
        selection.fail_on,
        fixed=tuple(fixed),
        unapplied=tuple(unapplied),
        fixing=options.fix,
    )


def run_checks(dataset: Dataset, options: CheckOptions | None = None) -> list[Finding]:
    """Every finding the selection reports, sorted by file and position.

    A rule that raises becomes one ``E900`` internal-error finding naming it, and the other
    rules still run. Those findings bypass the selection: a crash is never ignored or
    downgraded, so a run whose rules did not all complete never reads as clean.
    """
    options = options or CheckOptions()
    selection = effective_selection(dataset.selection, options)
    return _findings(dataset, selection, _reading(options))


def _reading(options: CheckOptions) -> EventsReading | None:
    if options.events is None:
        return None
    return EventsReading(options.events, options.max_field_bytes)


def _findings(
    dataset: Dataset, selection: Selection, reading: EventsReading | None
) -> list[Finding]:
    return _merged(
        _record_findings(dataset, selection), _events_findings(dataset, selection, reading)
    )


def _record_findings(dataset: Dataset, selection: Selection) -> list[Finding]:
    """The findings of loading the records and of every enabled rule, in report order."""
    rules = load_all()
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
    return _reported(selection, findings, crashes)


def _events_findings(
    dataset: Dataset, selection: Selection, reading: EventsReading | None
) -> list[Finding]:
    """The findings of the events file being read, if any, in report order."""
    if reading is None:
        return []
    crashes: list[Finding] = []
    findings = reading.findings(dataset, load_all(), crashes)
    return _reported(selection, findings, crashes)


def _reported(
    selection: Selection, findings: list[Finding], crashes: list[Finding]
) -> list[Finding]:
    kept = selection.apply(findings, defaults_off(load_all()))
    return sorted({*kept, *crashes}, key=report_order)


def _merged(*parts: list[Finding]) -> list[Finding]:
    return sorted({finding for part in parts for finding in part}, key=report_order)


#: The rank of a code (or of its family, by its first letter) in the report: causes first.
_RANKS = {
    "E": 0,
    "E200": 3,  # an unquoted date is a matter of style, the cause of nothing
    "E900": 0,  # a rule that crashed: what it would have found is missing
    "R101": 1,
    "R107": 1,
    "R102": 2,
    "R103": 2,
    "R104": 2,
    "R105": 2,
    "F101": 2,
}
_OTHER_RANK = 3


def report_order(finding: Finding) -> tuple[int, str, int, int, str, str]:
    """The sort key of a finding in a report: its rank, then its file, position and code; the
    message breaks ties between findings at one place, so that runs print alike."""
    rank = _RANKS.get(finding.code, _RANKS.get(finding.code[:1], _OTHER_RANK))
    return (rank, *finding.sort_key, finding.message)

"""The internal-error finding: a rule that stopped with an exception, reported as data.

A crashed rule must never read as "All clear" (DESIGN §9): the runner turns its exception into
one ``E900`` finding naming the rule, and every other rule's findings are still reported.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from accords.checking.registry import Rule, register
from accords.findings import Finding, Severity

if TYPE_CHECKING:
    from accords.dataset import Dataset

INTERNAL_ERROR = register(
    Rule(
        "E900",
        "internal-error",
        "A rule stopped with an internal error; its findings are missing",
        Severity.ERROR,
        """
A bug in accords, not in the record: a rule raised an exception instead of reporting findings.
The finding names the rule and the exception; the other rules still run and report. It is
always reported, as an error, whatever the selection, so that a run whose rules did not all
complete never reads as clean. Please report it with the command and the input.

Fails:

    accords/rules/chronology.py:120: ValueError: year 10000 is out of range  (in rule C101)

Passes:

    (every selected rule runs to its end)
""".strip(),
    )
)


def internal_error(dataset: Dataset, codes: str, exc: Exception) -> Finding:
    """The finding for rule(s) ``codes`` having raised ``exc``, placed at the dataset's config."""
    detail = " ".join(str(exc).split())[:300]
    where = _raised_at(exc)
    return Finding(
        INTERNAL_ERROR.code,
        Severity.ERROR,
        f"rule {codes} stopped with an internal error ({type(exc).__name__}: {detail}{where}); "
        "its findings are missing from this report",
        _config_path(dataset),
        hint="a bug in accords: please report it with the command and its input",
    )


def _raised_at(exc: Exception) -> str:
    """`` at file.py:LINE``: the innermost frame, which tells a bug report where to look."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" at {Path(last.filename).name}:{last.lineno}"


def _config_path(dataset: Dataset) -> str:
    """The dataset's ``accords.toml``, relative to the working folder as other findings are."""
    if dataset.root is None:
        return "accords.toml"
    config = dataset.root / "accords.toml"
    try:
        return str(config.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(config)

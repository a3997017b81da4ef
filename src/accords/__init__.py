"""accords: ceasefires, evacuation deals, declarations and negotiation rounds as checked YAML.

The public API is small and lazy, so that ``import accords`` stays cheap::

    import accords
    result = accords.check(".")          # CheckResult: findings, what was read, exit verdict
    dataset = accords.load_dataset(".")
    matrix = accords.compare(dataset)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CheckOptions",
    "CheckResult",
    "Dataset",
    "Finding",
    "Severity",
    "__version__",
    "check",
    "compare",
    "load_dataset",
    "record_changes",
    "run_checks",
]

if TYPE_CHECKING:
    from accords.analysis.compare import compare
    from accords.checking.runner import CheckOptions, check, run_checks
    from accords.dataset import Dataset, load_dataset
    from accords.findings import CheckResult, Finding, Severity
    from accords.review import record_changes

_LAZY = {
    "Dataset": "accords.dataset",
    "load_dataset": "accords.dataset",
    "Finding": "accords.findings",
    "Severity": "accords.findings",
    "compare": "accords.analysis.compare",
    "check": "accords.checking.runner",
    "run_checks": "accords.checking.runner",
    "CheckOptions": "accords.checking.runner",
    "CheckResult": "accords.findings",
    "record_changes": "accords.review",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'accords' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)

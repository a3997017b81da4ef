"""What many tests share: output held still where it changes from run to run."""

from __future__ import annotations

import re

_TIMING = re.compile(r" in [0-9]+\.[0-9] s: ")


def without_timing(output: str) -> str:
    """``output`` with the time a run took (``in 0.4 s:``) written as ``in T s:``."""
    return _TIMING.sub(" in T s: ", output)

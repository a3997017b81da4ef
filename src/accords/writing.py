"""Safe writes: a temporary file in the same folder, then an atomic rename.

A write never leaves a half-written file behind, and never replaces a user's file unless
asked to (``force``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from accords.errors import WouldOverwrite


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; never replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise WouldOverwrite(f"{path} exists; pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise

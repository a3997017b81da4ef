"""Writing the site into its folder without losing anything a person put there.

A folder accords made holds :data:`MARKER`, which lists the files it wrote. Writing again
replaces those files and removes the ones the new site no longer has (an agreement deleted
from the record); anything else in the folder stays. A folder that is not empty and has no
marker is refused, unless ``force``: then accords writes its files beside what is there.
"""

from __future__ import annotations

import json
from pathlib import Path

from accords.errors import UsageError, WouldOverwrite
from accords.writing import write_atomic

MARKER = ".accords-site.json"


def write_site(folder: Path, files: dict[str, str], *, force: bool = False) -> None:
    """Write ``files`` (path inside the site → text) into ``folder``, each write atomic; the
    marker, which says which files are accords's to replace, is written last and flushed."""
    previous = _previous_files(folder, force)
    for name, text in files.items():
        target = folder / name
        if name in previous or force or not target.exists():
            write_atomic(target, text, force=True, durable=False)
        else:
            raise WouldOverwrite(f"{target} exists and accords did not write it; pass --force")
    for stale in sorted(previous - set(files)):
        (folder / stale).unlink(missing_ok=True)
    listing = {"files": sorted(files)}
    write_atomic(folder / MARKER, json.dumps(listing, indent=1) + "\n", force=True)


def _previous_files(folder: Path, force: bool) -> set[str]:
    """The files an earlier run wrote into ``folder``; refuses a folder that is someone else's."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    if not folder.exists():
        return set()
    marker = folder / MARKER
    if not marker.is_file():
        if any(folder.iterdir()) and not force:
            raise WouldOverwrite(
                f"{folder} is not empty and accords did not make it; "
                "choose a new folder, or pass --force to write the site into it"
            )
        return set()
    try:
        listed = json.loads(marker.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(
            f"{marker} cannot be read ({exc}); remove it or choose a new folder"
        ) from None
    # Only names inside the folder: a tampered marker must not reach outside it.
    return {
        name
        for name in listed
        if isinstance(name, str) and _inside(name) and (folder / name).is_file()
    }


def _inside(name: str) -> bool:
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts

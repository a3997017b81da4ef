"""The fixes of the reference rules: a did-you-mean id put in place of an unknown one, and a
record whose id differs from its file name brought in line. Both are unsafe: each rests on a
guess a person should review."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from accords.findings import Edit, FileLocation, Fix, FixSafety
from accords.model.names import normalise_name, suggest

if TYPE_CHECKING:
    from accords.dataset import Entry


def unknown_id_fix(
    target: str,
    known: Iterable[str],
    names: Mapping[str, set[str]] | None,
    wheres: Sequence[FileLocation],
) -> Fix | None:
    """Every reference to ``target`` replaced by the one id the hint suggests; none when the
    hint offers several ids, or none."""
    owners = sorted(names.get(normalise_name(target), ())) if names is not None else []
    close = owners or suggest(target, known, n=3, cutoff=0.75)
    if len(close) != 1:
        return None
    edits = tuple(Edit(path, line, col, target, close[0]) for path, line, col in wheres)
    return Fix(FixSafety.UNSAFE, f"replace {target!r} with {close[0]!r}", edits)


def misnamed_fix(entry: Entry, *, stem_referenced: bool, stem_taken: bool) -> Fix | None:
    """Bring a record's id and its file name in line, the way the references point.

    When records refer to the file's name, the id is the typo: it becomes the file's name
    (unless another record has that id). Otherwise the file is renamed after the id; the
    rename never replaces an existing file.
    """
    stem = PurePath(entry.file.path).stem
    if stem_referenced:
        if stem_taken:
            return None
        path, line, col = entry.location("id")
        edit = Edit(path, line, col, entry.id, stem)
        return Fix(FixSafety.UNSAFE, f"change the id to {stem!r}", (edit,))
    current = PurePath(entry.file.path)
    renamed = str(current.with_name(entry.id + current.suffix))
    return Fix(FixSafety.UNSAFE, f"rename the file to {renamed}", rename=(str(current), renamed))

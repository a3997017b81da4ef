"""Safe writes: a temporary file in the same folder, then an atomic rename.

A write never leaves a half-written file behind, and never replaces a user's file unless
asked to (``force``).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from accords.errors import CannotWrite, WouldOverwrite

#: The mode a new file asks for; the kernel takes the user's umask off it (0644 under 022).
_NEW_FILE_MODE = 0o666
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(path: Path, text: str, *, force: bool = False, durable: bool = True) -> None:
    """Write ``text`` to ``path`` atomically; never replace an existing file unless ``force``.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    ``path``. Output that is made again from the record (the pages of a site, thousands of
    them) may skip the flush to disk (``durable=False``): readers still see the old file or the
    new one, never a mix, and flushing each file would cost most of the run.

    A new file gets the permissions the user's umask allows, as from any editor (0644 under
    umask 022, 0664 under 002); a replaced file keeps its own permissions, so a file its owner
    made private or group-writable stays so.
    """

    def fill(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)

    write_file_atomic(path, fill, force=force, durable=durable)


def write_file_atomic(
    path: Path, fill: Callable[[Path], None], *, force: bool = False, durable: bool = True
) -> None:
    """Have ``fill`` write a file that then replaces ``path`` atomically, as :func:`write_atomic`
    does with text: for files another library writes (an SQLite database).

    ``fill`` gets the path of a new, empty file next to ``path``, created with the umask applied
    (a replaced file's permissions kept); whatever it leaves there is flushed and renamed over
    ``path``, and nothing is left behind when it fails. A file that cannot be written (no such
    folder, no permission, a full disk) raises :class:`CannotWrite`, with the reason.
    """
    if path.exists() and not force:
        raise WouldOverwrite(f"{path} exists; pass --force to overwrite it")
    try:
        _replace_with(path, fill, durable)
    except CannotWrite:
        raise
    except OSError as exc:
        raise CannotWrite(f"cannot write {path}: {exc.strerror or exc}") from exc


def _replace_with(path: Path, fill: Callable[[Path], None], durable: bool) -> None:
    kept_mode = _mode_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = _create_temp(path)
    os.close(handle)
    try:
        if kept_mode is not None:
            os.chmod(temp, kept_mode)
        fill(temp)
        if durable:
            handle = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int | None:
    """The permission bits of the file at ``path``; None when there is none."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new, empty file next to ``path``, open for writing, created with the umask applied.

    ``tempfile.mkstemp`` always creates files 0600, which the rename would then give ``path``.
    """
    for _ in range(100):
        temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, _FLAGS, _NEW_FILE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {path}")


def replace_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, replacing whatever is there.

    For files that accords owns (its cache), never for a user's record. Readers see the old
    file or the new one, never a mix, so two runs can share the folder. Not flushed to disk: a
    file cut short by a crash fails its checksum when read, and is then rebuilt.
    """
    handle, temp = _create_temp(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise

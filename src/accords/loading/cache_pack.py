"""The cache's file format: one packed file of entries per purpose, verified before use.

A pack maps a file (its absolute path) to the key of the content it was built from and the
entry built from it. On disk it is::

    MAGIC, FORMAT (1 byte), fingerprint (16 bytes), checksum of the payload (16 bytes), payload

The payload is a pickle of ``{path: (key, entry)}`` with bytes only. Nothing in it is trusted
blindly: a wrong magic, format, fingerprint or checksum, a truncated file, or a payload that is
not exactly that shape makes the whole pack empty, and the run rebuilds it. Entries are pickles
themselves, unpickled only when used and only into the classes of accords' records and
findings, so that a file planted in the cache folder cannot run code.

Writing replaces the pack atomically (a temporary file, then a rename), so that two runs
sharing the folder each see a whole pack; the last one to finish wins, and the other's new
entries are rebuilt on a later run. A folder that cannot be created or written means no
caching, never an error.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.writing import replace_atomic

MAGIC = b"accords cache\n"
#: The layout of a pack; raised whenever it or the shape of an entry changes.
FORMAT = 1
_DIGEST = 16
_HEADER = len(MAGIC) + 1 + 2 * _DIGEST
#: What ruff, pytest and other tools put in their cache folders (https://bford.info/cachedir/).
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by accords.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def digest(data: bytes | memoryview) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


class _BytesOnly(pickle.Unpickler):
    """Unpickles plain containers of bytes and text; any class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache pack")


class _RecordsOnly(pickle.Unpickler):
    """Unpickles accords' records and findings: a class defined in ``accords.findings`` or
    ``accords.model``, named directly. Anything else (a function, a module an accords module
    imports, a dotted path through one) is refused, so an entry can only build data."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is not None:  # every entry names the same few classes
            return found
        if "." not in name and (
            module == "accords.findings" or module.startswith("accords.model.")
        ):
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                _ALLOWED[module, name] = found
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


#: The classes that entries have named so far, each checked once.
_ALLOWED: dict[tuple[str, str], type] = {}


def dump_entry(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def load_entry(blob: bytes) -> Any:
    """The value of an entry; raises (anything) when it is not one accords wrote."""
    return _RecordsOnly(io.BytesIO(blob)).load()


@dataclass
class Pack:
    """The entries of one pack, and the ones this run added; ``path`` None keeps nothing."""

    path: Path | None
    fingerprint: bytes = b""
    entries: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    added: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)

    def lookup(self, where: str, key: bytes) -> bytes | None:
        """The entry for the file at ``where`` when it was built from content with ``key``."""
        found = self.entries.get(where)
        return found[1] if found is not None and found[0] == key else None

    def store(self, where: str, key: bytes, entry: bytes) -> None:
        if self.path is not None:
            self.added[where] = (key, entry)

    def save(self) -> None:
        """Write the pack when this run added to it; files that are gone are left out."""
        if self.path is None or not self.added:
            return
        kept = {where: item for where, item in self.entries.items() if os.path.exists(where)}
        kept.update(self.added)
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        header = MAGIC + bytes((FORMAT,)) + self.fingerprint + digest(payload)
        try:
            _prepare(self.path.parent)
            replace_atomic(self.path, header + payload)
        except OSError:
            return  # a read-only or full disk: this run just leaves the cache as it was
        self.entries, self.added = kept, {}
        _prune(self.path)


def read_pack(path: Path, fingerprint: bytes) -> Pack:
    """The pack at ``path``; empty when it is missing, unreadable or not exactly what accords
    wrote with this ``fingerprint``."""
    pack = Pack(path, fingerprint)
    try:
        data = path.read_bytes()
    except OSError:
        return pack
    payload = memoryview(data)[_HEADER:]
    expected = MAGIC + bytes((FORMAT,)) + fingerprint
    if data[: len(expected)] != expected or data[len(expected) : _HEADER] != digest(payload):
        return pack
    try:
        entries = _BytesOnly(io.BytesIO(payload)).load()
    except Exception:  # a payload that passed its checksum but is still not a pack
        return pack
    if _well_formed(entries):
        pack.entries = entries
    return pack


def _well_formed(entries: object) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(where, str)
        and isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], bytes)
        and isinstance(item[1], bytes)
        for where, item in entries.items()
    )


#: How long the pack of another version of accords is kept after its last write.
STALE_SECONDS = 24 * 3600


def _prune(path: Path) -> None:
    """Remove the packs of the same purpose that other versions of accords (or an edited
    checkout) wrote and have not rewritten for a day: nothing reads them any more."""
    purpose = path.name.split("-", 1)[0]
    now = time.time()
    for other in path.parent.glob(f"{purpose}-*.pack"):
        try:
            if other != path and now - other.stat().st_mtime > STALE_SECONDS:
                other.unlink()
        except OSError:
            continue


def _prepare(folder: Path) -> None:
    """Create the cache folder, tagged as a cache and ignored by git, as ruff does."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        if not (folder / name).exists():
            replace_atomic(folder / name, text.encode("ascii"))

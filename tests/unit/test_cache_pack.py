"""The cache's file format refuses whatever accords did not write: entries that would name a
function or reach a module, and packs that are not exactly a pack."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from accords.findings import Finding, Severity
from accords.loading.cache_pack import FORMAT, MAGIC, Pack, digest, load_entry, read_pack
from accords.model.common import Basis


def _global(module: str, name: str) -> bytes:
    """A pickle (protocol 4) whose only content is the object named ``module.name``."""
    frame = pickle.PROTO + bytes([4])
    text = pickle.SHORT_BINUNICODE
    parts = [
        text + bytes([len(module)]) + module.encode(),
        text + bytes([len(name)]) + name.encode(),
    ]
    return frame + b"".join(parts) + pickle.STACK_GLOBAL + pickle.STOP


def test_records_and_findings_come_back() -> None:
    finding = Finding("E102", Severity.ERROR, "unknown field 'x'", "", 3, 4, related=(("", 1, 1),))
    stored = (finding, Basis.STATED, [1, "a", None])
    assert load_entry(pickle.dumps(stored, protocol=5)) == stored


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("os", "system"),
        ("builtins", "eval"),
        ("accords.model.dates", "_dt"),  # a module that an accords module imports
        ("accords.model.dates", "_dt.sys"),  # a dotted path through it
        ("accords.model.walk", "walk"),  # a function, not a class
        ("accords.model.walk", "BaseModel"),  # a class imported from elsewhere
        ("accords.loading.cache_pack", "Pack"),  # a class outside records and findings
    ],
)
def test_an_entry_naming_anything_else_is_refused(module: str, name: str) -> None:
    with pytest.raises(pickle.UnpicklingError):
        load_entry(_global(module, name))


def _write(path: Path, fingerprint: bytes, payload: bytes) -> None:
    path.write_bytes(MAGIC + bytes((FORMAT,)) + fingerprint + digest(payload) + payload)


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps([("a", (b"k", b"v"))]),  # a list, not a mapping
        pickle.dumps({"a": (b"k",)}),  # an item of one part
        pickle.dumps({"a": ("k", b"v")}),  # a key that is text
        pickle.dumps({1: (b"k", b"v")}),  # a path that is a number
        _global("os", "system"),  # a function, even with a valid checksum
        b"not a pickle",
    ],
)
def test_a_pack_that_is_not_exactly_a_pack_is_empty(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "records-x.pack"
    fingerprint = digest(b"this version")
    _write(path, fingerprint, payload)
    assert read_pack(path, fingerprint).entries == {}


def test_a_pack_reads_back_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "records-x.pack"
    fingerprint = digest(b"this version")
    here, gone = str(tmp_path), str(tmp_path / "gone.yaml")
    pack = Pack(path, fingerprint)
    pack.store(here, b"key", b"entry")
    pack.store(gone, b"key", b"entry")
    pack.save()
    assert read_pack(path, fingerprint).entries == {
        here: (b"key", b"entry"),
        gone: (b"key", b"entry"),
    }
    assert read_pack(path, digest(b"another version")).entries == {}
    again = read_pack(path, fingerprint)
    assert again.lookup(here, b"key") == b"entry"
    assert again.lookup(here, b"other key") is None
    again.store(str(path), b"key 2", b"entry 2")
    again.save()  # a file that is gone leaves the pack when it is next written
    assert read_pack(path, fingerprint).entries == {
        here: (b"key", b"entry"),
        str(path): (b"key 2", b"entry 2"),
    }

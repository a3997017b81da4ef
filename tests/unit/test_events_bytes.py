"""The byte pass over an events file finds what a naive reading of the whole file finds."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.loading import events_bytes
from accords.loading.events_bytes import BOM, StrayByte, scan_bytes

PIECES = st.sampled_from([b"a", b",", b"\n", b'"', b"\x00", BOM, "é".encode(), b"xyz"])


def _naive(data: bytes, needle: bytes, start: int, what: str) -> StrayByte | None:
    at = data.find(needle, start)
    if at < 0:
        return None
    line_start = data.rfind(b"\n", 0, at) + 1
    col = len(data[line_start:at].decode("utf-8", "replace")) + 1
    return StrayByte(data.count(b"\n", 0, at) + 1, col, what)


@pytest.mark.parametrize("chunk", [2, 3, 5, 1 << 23])
@given(pieces=st.lists(PIECES, max_size=40))
def test_the_pass_finds_what_the_whole_file_shows(chunk: int, pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    original = events_bytes.SCAN_CHUNK
    events_bytes.SCAN_CHUNK = chunk
    try:
        scan = scan_bytes(io.BytesIO(data))
    finally:
        events_bytes.SCAN_CHUNK = original
    assert scan.nul == _naive(data, b"\x00", 0, "a NUL byte")
    assert scan.bom == _naive(data, BOM, 1, "a byte order mark")
    assert (scan.unclosed_quote is not None) == (data.count(b'"') % 2 == 1)
    if scan.unclosed_quote is not None:
        assert scan.lines == data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def test_the_unclosed_quote_is_the_last_one_opened() -> None:
    data = b'a,"b\nc",d\ne,"f\ng\n'
    assert scan_bytes(io.BytesIO(data)).unclosed_quote == StrayByte(3, 3, "a quote")

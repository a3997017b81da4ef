"""The byte scan of an events file finds what a naive reading of the whole file finds, fed
in buffers of any size, and fed by the line-length pass as the check reads a file."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.loading import events_bytes, events_csv
from accords.loading.events_bytes import BOM, ByteScan, ByteScanner, StrayByte
from accords.loading.events_csv import find_long_line

PIECES = st.sampled_from([b"a", b",", b"\n", b'"', b"\x00", BOM, "é".encode(), b"xyz"])


def _naive(data: bytes, needle: bytes, start: int, what: str) -> StrayByte | None:
    at = data.find(needle, start)
    if at < 0:
        return None
    line_start = data.rfind(b"\n", 0, at) + 1
    col = len(data[line_start:at].decode("utf-8", "replace")) + 1
    return StrayByte(data.count(b"\n", 0, at) + 1, col, what)


def _assert_found_as_naive(scan: ByteScan, data: bytes) -> None:
    assert scan.nul == _naive(data, b"\x00", 0, "a NUL byte")
    assert scan.bom == _naive(data, BOM, 1, "a byte order mark")
    assert (scan.unclosed_quote is not None) == (data.count(b'"') % 2 == 1)
    if scan.unclosed_quote is not None:
        assert scan.lines == data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 1 << 23])
@pytest.mark.parametrize("sliced", [True, False], ids=["one buffer, sliced", "separate buffers"])
@given(pieces=st.lists(PIECES, max_size=40))
def test_the_scan_finds_what_the_whole_file_shows(
    chunk: int, sliced: bool, pieces: list[bytes]
) -> None:
    data = b"".join(pieces)
    scanner = ByteScanner()
    for start in range(0, len(data), chunk):
        end = min(start + chunk, len(data))
        if sliced:
            scanner.feed(bytearray(b"#" + data + b"#"), start + 1, end + 1)
        else:
            scanner.feed(data[start:end])
    original = events_bytes.SCAN_CHUNK
    events_bytes.SCAN_CHUNK = chunk  # locating what was found reads in buffers too
    try:
        scan = scanner.finish(io.BytesIO(data))
    finally:
        events_bytes.SCAN_CHUNK = original
    _assert_found_as_naive(scan, data)


@pytest.mark.parametrize("chunk", [2, 5, 1 << 23])
@given(pieces=st.lists(PIECES, max_size=40))
def test_the_line_length_pass_feeds_the_scan_every_byte_once(
    chunk: int, pieces: list[bytes]
) -> None:
    """With a buffer of a few bytes, the pass carries each unfinished line over to the next
    buffer; the scan still sees each byte once. A file with a line over the limit is refused
    before anything else, so only the files it passes are compared."""
    data = b"".join(pieces)
    limit = 8
    longest = max(len(line) for line in data.split(b"\n"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        path.write_bytes(data)
        original = events_csv.SCAN_CHUNK
        events_csv.SCAN_CHUNK = chunk
        try:
            scanner = ByteScanner()
            long_line = find_long_line(path, limit, scanner)
        finally:
            events_csv.SCAN_CHUNK = original
        assert (long_line is None) == (longest <= limit)
        if long_line is None:
            with path.open("rb") as handle:
                _assert_found_as_naive(scanner.finish(handle), data)


def test_the_unclosed_quote_is_the_last_one_opened() -> None:
    data = b'a,"b\nc",d\ne,"f\ng\n'
    scanner = ByteScanner()
    scanner.feed(data)
    assert scanner.finish(io.BytesIO(data)).unclosed_quote == StrayByte(3, 3, "a quote")

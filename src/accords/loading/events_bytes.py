"""Bytes of an events file that a CSV reader takes without a word, found in one linear pass.

pyarrow reads a NUL byte or a byte order mark in the middle of a file as part of a value, and a
quote that is never closed as the start of one value that runs to the end of the file: every
later row disappears into it. A :class:`ByteScanner` counts and finds them in the buffers of a
pass over the file (the line-length pass of :func:`accords.loading.events_csv.find_long_line`,
so that a ``.csv.gz`` is decompressed once for both), in C (``count``/``find``); only a file
that holds one is read again, to say where: up to the byte, or line by line for the quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

BOM = b"\xef\xbb\xbf"
#: Bytes read at a time by every pass over an events file's bytes.
SCAN_CHUNK = 1 << 23


@dataclass(frozen=True)
class StrayByte:
    """A byte (sequence) a CSV file should not hold there: its line, column and kind."""

    line: int
    col: int
    what: str


@dataclass(frozen=True)
class ByteScan:
    """What one pass over the file found: the first NUL, the first BOM after the start, and
    where a quote that is never closed opens (with the number of lines, counted only then)."""

    nul: StrayByte | None = None
    bom: StrayByte | None = None
    unclosed_quote: StrayByte | None = None
    lines: int = 0


class ByteScanner:
    """What the buffers of one pass over a file hold, fed in file order, each byte once."""

    def __init__(self) -> None:
        self._quotes = 0
        self._found: dict[str, int] = {}  # what → its offset in the file
        self._offset = 0  # the file offset of the next byte fed
        self._tail = b""  # the last bytes fed, so that a BOM split across two buffers is found

    def feed(self, buffer: bytes | bytearray, start: int = 0, end: int | None = None) -> None:
        """Scan ``buffer[start:end]``, the bytes of the file that follow those fed before."""
        end = len(buffer) if end is None else end
        found, offset = self._found, self._offset - start  # the file offset of buffer[0]
        if "nul" not in found and (at := buffer.find(b"\x00", start, end)) >= 0:
            found["nul"] = offset + at
        if "bom" not in found:
            bom_at = _find_bom(self._tail, buffer, start, end, offset)
            if bom_at is not None:
                found["bom"] = bom_at
        self._quotes += buffer.count(b'"', start, end)
        self._offset += end - start
        self._tail = (self._tail + bytes(buffer[max(start, end - len(BOM) + 1) : end]))[
            -(len(BOM) - 1) :
        ]

    def finish(self, handle: BinaryIO) -> ByteScan:
        """What the pass found, located: ``handle`` reads the same file from its start, and is
        read only when something was found."""
        found = self._found
        nul = _stray(handle, found["nul"], "a NUL byte") if "nul" in found else None
        bom = _stray(handle, found["bom"], "a byte order mark") if "bom" in found else None
        unclosed, lines = None, 0
        if self._quotes % 2:
            handle.seek(0)
            unclosed, lines = _unclosed_quote(handle)
        return ByteScan(nul, bom, unclosed, lines)


def _find_bom(
    tail: bytes, buffer: bytes | bytearray, start: int, end: int, offset: int
) -> int | None:
    """The file offset of the first BOM past the file's start that ends in ``buffer[start:end]``
    (``buffer[0]`` is at file offset ``offset``; ``tail`` holds the bytes just before
    ``start``).

    Looked for by its first byte, which ``memchr`` finds fast and text rarely holds; searching
    for the three bytes as a string is many times slower.
    """
    seam = tail + bytes(buffer[start : min(end, start + len(BOM) - 1)])
    at = seam.find(BOM)
    seam_offset = offset + start - len(tail)
    if at >= 0 and seam_offset + at > 0:
        return seam_offset + at
    at = buffer.find(BOM[0], start + 1 if offset + start == 0 else start, end)
    while at >= 0:
        if buffer.startswith(BOM, at, end):
            return offset + at
        at = buffer.find(BOM[0], at + 1, end)
    return None


def _stray(handle: BinaryIO, at: int, what: str) -> StrayByte:
    """The line and column (in characters) of the byte at offset ``at``, counted anew."""
    handle.seek(0)
    lines, done, line_start = 0, 0, 0
    while done < at:
        chunk = handle.read(min(SCAN_CHUNK, at - done))
        lines += chunk.count(b"\n")
        if (newline := chunk.rfind(b"\n")) >= 0:
            line_start = done + newline + 1
        done += len(chunk)
    # Lines are at most --max-field-bytes long (checked before): the head of this one is small.
    handle.seek(line_start)
    head = handle.read(at - line_start)
    return StrayByte(lines + 1, len(head.decode("utf-8", "replace")) + 1, what)


def _unclosed_quote(handle: BinaryIO) -> tuple[StrayByte, int]:
    """Where the quote opens that no later quote closes (after it, the count stays odd), and
    the number of lines of the file."""
    odd = False
    found = StrayByte(1, 1, "a quote")
    number = 0
    for number, line in enumerate(handle, start=1):
        if line.count(b'"') % 2 == 0:
            continue
        if not odd:
            # The quote that makes the count odd on this line is its last one.
            at = line.rfind(b'"')
            found = StrayByte(number, len(line[:at].decode("utf-8", "replace")) + 1, "a quote")
        odd = not odd
    return found, number

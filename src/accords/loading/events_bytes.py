"""Bytes of an events file that a CSV reader takes without a word, found in one linear pass.

pyarrow reads a NUL byte or a byte order mark in the middle of a file as part of a value, and a
quote that is never closed as the start of one value that runs to the end of the file: every
later row disappears into it. This pass counts and finds them, a buffer at a time, in C
(``bytes.count``/``bytes.find``); only a file with an unclosed quote is read a second time,
line by line, to say where that quote is.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def scan_bytes(handle: BinaryIO) -> ByteScan:
    """Scan a seekable binary stream from its start."""
    quotes = 0
    found: dict[str, int] = {}  # what → its offset in the file
    offset = 0
    tail = b""  # the last bytes of the previous buffer, so a BOM split across two is found
    for chunk in _chunks(handle):
        if "nul" not in found and (at := chunk.find(b"\x00")) >= 0:
            found["nul"] = offset + at
        if "bom" not in found:
            bom_at = _find_bom(tail, chunk, offset)
            if bom_at is not None:
                found["bom"] = bom_at
        quotes += chunk.count(b'"')
        offset += len(chunk)
        tail = (tail + chunk)[-(len(BOM) - 1) :]
    nul = _stray(handle, found["nul"], "a NUL byte") if "nul" in found else None
    bom = _stray(handle, found["bom"], "a byte order mark") if "bom" in found else None
    unclosed, lines = None, 0
    if quotes % 2:
        handle.seek(0)
        unclosed, lines = _unclosed_quote(handle)
    return ByteScan(nul, bom, unclosed, lines)


def _find_bom(tail: bytes, chunk: bytes, offset: int) -> int | None:
    """The file offset of the first BOM past the file's start that ends in ``chunk`` (which
    starts at ``offset``; ``tail`` holds the bytes just before it).

    Looked for by its first byte, which ``memchr`` finds fast and text rarely holds; searching
    for the three bytes as a string is many times slower.
    """
    seam = tail + chunk[: len(BOM) - 1]
    at = seam.find(BOM)
    if at >= 0 and offset - len(tail) + at > 0:
        return offset - len(tail) + at
    at = chunk.find(BOM[0], 1 if offset == 0 else 0)
    while at >= 0:
        if chunk.startswith(BOM, at):
            return offset + at
        at = chunk.find(BOM[0], at + 1)
    return None


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(SCAN_CHUNK):
        yield chunk


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

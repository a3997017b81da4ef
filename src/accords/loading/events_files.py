"""The formats an events file comes in: CSV, gzip-compressed CSV, Parquet; told by its name.

A ``.csv.gz`` is read as the CSV it holds, decompressed as it streams (never whole in memory or
on disk), so that it gets the findings, row numbers included, of the CSV itself.
"""

from __future__ import annotations

import gzip
import zlib
from enum import StrEnum
from pathlib import Path
from typing import IO, BinaryIO, cast


class EventsFormat(StrEnum):
    CSV = "CSV"
    CSV_GZ = "gzip-compressed CSV"
    PARQUET = "Parquet"


#: What a damaged or truncated gzip stream raises while it is read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def events_format(path: Path) -> EventsFormat:
    """The format of an events file, by its name: ``.parquet``, ``.gz``, else CSV."""
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return EventsFormat.PARQUET
    if name.endswith(".gz"):
        return EventsFormat.CSV_GZ
    return EventsFormat.CSV


def open_bytes(path: Path) -> BinaryIO:
    """The CSV bytes of an events file: decompressed as they are read for a ``.gz``."""
    if events_format(path) is EventsFormat.CSV_GZ:
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def open_text(path: Path) -> IO[str]:
    """The CSV text of an events file (UTF-8, a byte order mark dropped, bad bytes replaced)."""
    if events_format(path) is EventsFormat.CSV_GZ:
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline="")
    return path.open(encoding="utf-8-sig", errors="replace", newline="")


def arrow_source(path: Path) -> object:
    """What pyarrow's CSV reader reads: the path, or a decompressing stream for a ``.gz``."""
    if events_format(path) is EventsFormat.CSV_GZ:
        import pyarrow as pa  # type: ignore[import-untyped]

        return pa.input_stream(str(path), compression="gzip")
    return path

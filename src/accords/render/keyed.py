"""The export formats whose tables carry keys (a Data Package, an SQLite file): their keys are
checked before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TextIO

from accords.analysis.export import Table
from accords.analysis.export_keys import dangling_references, duplicate_keys
from accords.errors import KeysDoNotHold, UsageError
from accords.render.datapackage import write_datapackage
from accords.render.sqlite import write_sqlite


class FileWriter(Protocol):
    """Writes tables to a file or folder (``out``), never replacing a file without ``force``,
    and logs each path written."""

    def __call__(
        self, tables: Sequence[Table], out: Path, /, *, force: bool, log: TextIO
    ) -> None: ...


#: The formats whose tables carry keys, with their writers: the export's second format table,
#: beside :data:`accords.render.export.FORMATS` (whose renderers write to a stream).
WRITERS: dict[str, FileWriter] = {"datapackage": write_datapackage, "sqlite": write_sqlite}
#: What ``--out`` names for each of them.
OUT = {"datapackage": "DIR", "sqlite": "FILE"}


def write_keyed(
    tables: Sequence[Table], fmt: str, out: Path | None, *, force: bool, log: TextIO
) -> None:
    """Write ``tables`` in ``fmt`` to ``out``.

    A primary key held by two rows stops the export (neither format can hold it); a foreign key
    pointing at a missing row is a warning on ``log``, and the rows are written as they are.
    """
    if out is None:
        raise UsageError(f"--format {fmt} needs --out {OUT[fmt]}")
    duplicates = duplicate_keys(tables)
    if duplicates:
        raise KeysDoNotHold(
            f"--format {fmt} needs a unique key per row: "
            + "; ".join(d.message() for d in duplicates[:5])
            + ". 'accords check' reports the cause; "
            "--format csv or json export the rows as they are"
        )
    for dangling in dangling_references(tables):
        log.write(f"accords: warning: {dangling.message()}; 'accords check' reports the cause\n")
    WRITERS[fmt](tables, out, force=force, log=log)

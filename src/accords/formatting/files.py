"""Format record files: read each with the accords loader, rewrite it, prove it means the same.

A file that does not validate is left untouched and its findings are reported: formatting
works from the record the loader built, and never hides what is wrong with a file. A formatted
text is read back by the same loader before it is kept; should it hold other records than the
original (a bug in accords, never expected), the file is left untouched with a finding.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from accords.findings import Finding, Severity
from accords.formatting.layout import schema_path
from accords.formatting.rules import reads_back_plain
from accords.loading.discovery import RecordFile, chosen_files
from accords.loading.records import LoadedFile, content_digest, parse_file, read_bytes
from accords.writing import write_atomic

#: The code of an internal error: accords itself failed, not the file.
INTERNAL_ERROR = "E900"


@dataclass(frozen=True, slots=True)
class FormattedFile:
    """One file's text before formatting, and after (``None`` when it was left untouched)."""

    path: Path
    display: str
    before: str
    after: str | None

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


@dataclass(slots=True)
class FormatResult:
    """Every file read, and the findings of those left untouched."""

    files: list[FormattedFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: The files left untouched, as shown in messages.
    untouched: list[str] = field(default_factory=list)
    #: How many valid records of each kind the files read hold.
    records: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> list[FormattedFile]:
        return [f for f in self.files if f.changed]

    @property
    def read(self) -> int:
        return len(self.files) + len(self.untouched)


def format_paths(paths: Sequence[Path] = (), *, cache: bool = True) -> FormatResult:
    """Format the given files or folders (default: every record file of the dataset found from
    the working directory); nothing is written. With ``cache``, a file whose bytes the content
    cache knows (from any command) is not parsed again."""
    from accords.loading.cache import RecordCache, cache_folder

    root, _, files = chosen_files(paths, "format")
    records = RecordCache(cache_folder(root) if cache else None)
    result = FormatResult()
    # Nothing read is kept but text: collections would only walk the garbage of each file.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for record_file, loaded in zip(files, records.load_many(files), strict=True):
            _format_one(record_file, root, loaded, result)
        records.save()
    finally:
        if was_enabled:
            gc.enable()
    return result


def write(result: FormatResult) -> None:
    """Write every changed file in place, atomically, keeping its permissions."""
    for formatted in result.changed:
        assert formatted.after is not None
        write_atomic(formatted.path.resolve(), formatted.after, force=True)


def _format_one(
    record_file: RecordFile, root: Path | None, loaded: LoadedFile, result: FormatResult
) -> None:
    shown = record_file.display
    if loaded.record is None or loaded.kind is None:
        result.findings.extend(loaded.findings)
        result.untouched.append(shown)
        return
    data, problem = read_bytes(record_file.path, shown, record_file.boundary)
    if data is None:  # gone or changed since it was read: say so, touch nothing
        result.findings.extend([problem] if problem is not None else [])
        result.untouched.append(shown)
        return
    if content_digest(data) != loaded.digest:  # changed since the cache read it: read it anew
        loaded = parse_file(data, record_file.kind, shown, folder_kind=record_file.folder_kind)
        if loaded.record is None or loaded.kind is None:
            result.findings.extend(loaded.findings)
            result.untouched.append(shown)
            return
    before = data.decode("utf-8")
    assert loaded.kind is not None
    events = getattr(loaded.record, "events", None)
    count = len(events) if loaded.kind == "event" and isinstance(events, list) else 1
    result.records[loaded.kind] = result.records.get(loaded.kind, 0) + count
    after = _formatted(before, loaded, schema_path(loaded.kind, record_file.path, root))
    if isinstance(after, Finding):
        result.findings.append(after)
        result.untouched.append(shown)
        return
    result.files.append(FormattedFile(record_file.path, shown, before, after))


def format_text(text: str, display: str = "<text>", kind: str | None = None) -> str | list[Finding]:
    """The canonical form of one record file's text, its modeline pointing at
    ``../schemas/``; or, when it does not validate, its findings. Its kind is ``kind``, else
    what its modeline or its keys tell."""
    loaded = parse_file(text.encode("utf-8"), kind, display)
    if loaded.record is None or loaded.kind is None:
        return loaded.findings
    after = _formatted(text, loaded, schema_path(loaded.kind, Path(display), None))
    return [after] if isinstance(after, Finding) else after


def _formatted(text: str, loaded: LoadedFile, schema: str) -> str | Finding:
    """The canonical text of a valid file, or a finding when it cannot be made safely.

    A file that :mod:`accords.formatting.quick` finds canonical is given back as it is, without
    loading the round-trip library; any other is formatted by it.
    """
    from accords.formatting.layout import with_modeline
    from accords.formatting.quick import canonical_text
    from accords.formatting.rules import modeline

    assert isinstance(loaded.record, BaseModel)
    line = modeline(schema)
    if canonical_text(text, loaded.record, line) == text:
        return text
    with_line = with_modeline(text, line)
    added = with_line.count("\n") - text.count("\n")  # 1 when the modeline was added
    return _round_trip(with_line, loaded, added)


def _round_trip(text: str, loaded: LoadedFile, added_lines: int = 0) -> str | Finding:
    """The canonical text made by ruamel.yaml, read back by the accords loader to prove it."""
    from accords.formatting.arrange import arrange
    from accords.formatting.layout import indent_comments
    from accords.formatting.yaml_io import YAMLError, dump, load

    assert loaded.kind is not None and isinstance(loaded.record, BaseModel)
    try:
        tree = load(text)
    except YAMLError as exc:  # the round-trip library refuses what the loader accepted
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or type(exc).__name__
        line = mark.line + 1 - added_lines if mark is not None else 1
        col = mark.column + 1 if mark is not None else 1
        return _unsafe(loaded.path, f"ruamel.yaml cannot read it: {problem}", max(line, 1), col)
    arrange(tree, loaded.record, reads_back_plain)
    after = indent_comments(dump(tree))
    again = parse_file(after.encode("utf-8"), loaded.kind, loaded.path)
    if again.record is None or _dump(again.record) != _dump(loaded.record):
        return _unsafe(loaded.path, "the formatted text would hold other records")
    return after


def _dump(record: BaseModel) -> object:
    return record.model_dump(mode="json")


def _unsafe(path: str, reason: str, line: int = 1, col: int = 1) -> Finding:
    return Finding(
        INTERNAL_ERROR,
        Severity.ERROR,
        f"accords fmt cannot format this file safely ({reason}); it is left untouched",
        path,
        line,
        col,
        hint="quote the value it points at (a tab in an unquoted value is one cause), "
        "or report it with the file",
    )

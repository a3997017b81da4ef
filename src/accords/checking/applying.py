"""Apply the fixes of findings to the files they came from, as text edits.

A fix is data (:class:`accords.findings.Fix`): edits that each name the text they replace, and
at most one rename. Only the edited spans change; every other byte the user wrote (comments,
blank lines, quoting, line endings) stays as it was. A fix is applied whole or not at all: an
edit whose text is not where the finding saw it, that overlaps another fix's edit, or a rename
onto an existing file leaves the finding unfixed, with the reason. A file whose bytes differ
from those the check read is not written. Writes are atomic and keep the file's permissions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accords.findings import Edit, Finding, Fix, FixSafety
from accords.loading.records import content_digest
from accords.writing import write_atomic

#: Where a plain scalar may end: the end of the file or line, a blank, a flow indicator, the
#: colon after a key.
_PLAIN_ENDS = frozenset(("", " ", "\t", "\r", "\n", ",", "]", "}", ":"))
_QUOTES = frozenset(("'", '"'))

#: A span of a file's text, ``start`` to ``end`` (character offsets), and its replacement.
Span = tuple[int, int, str]


@dataclass
class Applied:
    """What applying fixes did: the findings fixed, and those whose fix was not applied (why)."""

    fixed: list[Finding] = field(default_factory=list)
    unapplied: list[tuple[Finding, str]] = field(default_factory=list)


def wanted(finding: Finding, allowed: FixSafety) -> Fix | None:
    """The finding's fix when ``allowed`` covers it: safe fixes always, unsafe ones when
    ``allowed`` is unsafe; none when ``allowed`` is none."""
    fix = finding.fix
    if fix is None or allowed is FixSafety.NONE:
        return None
    if fix.safety is FixSafety.UNSAFE and allowed is not FixSafety.UNSAFE:
        return None
    return fix


def apply_fixes(
    findings: Sequence[Finding], digests: Mapping[str, bytes | None], allowed: FixSafety
) -> Applied:
    """Apply the fixes that ``allowed`` covers; ``digests`` are those of the bytes checked."""
    plan = _Plan(digests)
    applied = Applied()
    for finding in findings:
        fix = wanted(finding, allowed)
        if fix is None:
            continue
        problem = plan.add(fix)
        if problem is None:
            applied.fixed.append(finding)
        else:
            applied.unapplied.append((finding, problem))
    failed = plan.write()
    if failed:
        still = [f for f in applied.fixed if f.fix is not None and _touches(f.fix) & failed.keys()]
        for finding in still:
            assert finding.fix is not None
            reason = next(failed[path] for path in sorted(_touches(finding.fix) & failed.keys()))
            applied.unapplied.append((finding, reason))
        applied.fixed = [f for f in applied.fixed if f not in still]
    return applied


def _touches(fix: Fix) -> set[str]:
    paths = {edit.path for edit in fix.edits}
    if fix.rename is not None:
        paths.add(fix.rename[0])
    return paths


class _Plan:
    """The spans to replace in each file and the renames, checked against each other."""

    def __init__(self, digests: Mapping[str, bytes | None]) -> None:
        self.digests = digests
        self.texts: dict[str, str | None] = {}
        self.problems: dict[str, str] = {}
        self.spans: dict[str, list[Span]] = {}
        self.renames: dict[str, str] = {}

    def add(self, fix: Fix) -> str | None:
        """Plan the fix whole, or return why it cannot be applied."""
        spans: list[tuple[str, Span]] = []
        for edit in fix.edits:
            text = self._text(edit.path)
            if text is None:
                return self.problems[edit.path]
            span = locate(text, edit)
            if span is None:
                return f"{edit.path}:{edit.line}:{edit.col} no longer reads {edit.original!r}"
            if any(_overlap(span, other) for other in self._planned(edit.path, spans)):
                return "another fix edits the same text; run again to apply it"
            spans.append((edit.path, span))
        if fix.rename is not None:
            problem = self._rename_problem(*fix.rename)
            if problem is not None:
                return problem
            self.renames[fix.rename[0]] = fix.rename[1]
        for path, span in spans:
            self.spans.setdefault(path, []).append(span)
        return None

    def _planned(self, path: str, pending: list[tuple[str, Span]]) -> list[Span]:
        return [*self.spans.get(path, ()), *(span for p, span in pending if p == path)]

    def _rename_problem(self, source: str, target: str) -> str | None:
        if source in self.renames or target in self.renames.values():
            return "another fix renames the same file; run again to apply it"
        if os.path.lexists(target):
            return f"{target} exists already; it is not replaced"
        if self._text(source) is None:
            return self.problems[source]
        return None

    def _text(self, path: str) -> str | None:
        """The file's text as the check read it; ``None`` (with the problem) otherwise."""
        if path not in self.texts:
            self.texts[path] = None
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self.problems[path] = f"cannot read {path}: {exc.strerror or exc}"
                return None
            if path not in self.digests or content_digest(data) != self.digests[path]:
                self.problems[path] = f"{path} changed since it was checked; it is not written"
                return None
            self.texts[path] = data.decode("utf-8")
        return self.texts[path]

    def write(self) -> dict[str, str]:
        """Write every edited file, then rename; the paths that failed, with the reason."""
        failed: dict[str, str] = {}
        for path, spans in self.spans.items():
            problem = _write(Path(path), self.digests[path], _replaced(self.texts[path], spans))
            if problem is not None:
                failed[path] = problem
        for source, target in self.renames.items():
            if source in failed:
                continue
            written = source in self.spans
            problem = _rename(source, target, None if written else self.digests[source])
            if problem is not None:
                failed[source] = problem
        return failed


def locate(text: str, edit: Edit) -> Span | None:
    """The span of ``text`` that ``edit`` replaces, when the text there reads its original:
    the scalar at its location, inside the quotes when it is quoted."""
    offset = _offset(text, edit.line, edit.col)
    if offset is None:
        return None
    end = offset + len(edit.original)
    if not edit.scalar:
        return (offset, end, edit.replacement) if text.startswith(edit.original, offset) else None
    if text.startswith(edit.original, offset) and text[end : end + 1] in _PLAIN_ENDS:
        return offset, end, edit.replacement
    quote = text[offset : offset + 1]
    plain_inside = not any(c in edit.original for c in "\\'\"\n")
    if quote in _QUOTES and plain_inside and text.startswith(edit.original + quote, offset + 1):
        return offset + 1, end + 1, edit.replacement
    return None


def _offset(text: str, line: int, col: int) -> int | None:
    """The character offset of 1-based ``line``:``col`` in ``text``; ``None`` past its end."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    line_end = text.find("\n", start)
    offset = start + col - 1
    if col < 1 or offset > (len(text) if line_end < 0 else line_end):
        return None
    return offset


def _overlap(one: Span, other: Span) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _replaced(text: str | None, spans: list[Span]) -> str:
    assert text is not None
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _write(path: Path, digest: bytes | None, text: str) -> str | None:
    """Write ``text`` over ``path`` unless its bytes changed since the check read them.

    A symbolic link stays a link: the file it leads to is written.
    """
    try:
        if content_digest(path.read_bytes()) != digest:
            return f"{path} changed since it was checked; it is not written"
        write_atomic(path.resolve(), text, force=True)
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


def _rename(source: str, target: str, digest: bytes | None) -> str | None:
    """Rename ``source`` to ``target``, never over an existing file, nor a symbolic link (the
    link's name is the user's choice, and renaming would turn it into a copy)."""
    if os.path.islink(source):
        return f"{source} is a symbolic link; it is not renamed"
    try:
        if digest is not None and content_digest(Path(source).read_bytes()) != digest:
            return f"{source} changed since it was checked; it is not renamed"
        # A hard link fails when the target exists, with no window for a race; then the
        # old name goes. A file system without hard links falls back to a checked rename.
        try:
            os.link(source, target)
        except FileExistsError:
            return f"{target} exists already; it is not replaced"
        except OSError:
            if os.path.lexists(target):
                return f"{target} exists already; it is not replaced"
            os.rename(source, target)
            return None
        os.unlink(source)
    except OSError as exc:
        return f"cannot rename {source}: {exc.strerror or exc}"
    return None

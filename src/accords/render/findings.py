"""Renderers for findings: text (with the source line and a caret), json, github, sarif."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from accords.findings import CheckResult, Finding, FixSafety, Severity
from accords.render.contract import Renderer
from accords.render.escape import CONTROL_ESCAPES, json_document

#: GitHub shows at most this many annotations of each severity per step; the rest go to the summary.
GITHUB_ANNOTATION_CAP = 10


def render_text(result: CheckResult, out: TextIO) -> None:
    """``path:line:col: CODE severity: message``, the offending line, a caret, and a hint."""
    files: dict[str, tuple[str, ...] | None] = {}  # each file is read once per report
    for f in result.findings:
        message = _safe(f.message)
        out.write(f"{_safe(f.path)}:{f.line}:{f.col}: {f.code} {f.severity.label}: {message}\n")
        if f.path not in files:
            files[f.path] = _lines(f.path)
        source = _source_line(files[f.path], f.line)
        if source is not None:
            number = str(f.line)
            gutter = " " * len(number)
            shown, caret = source_window(source, f.col)
            out.write(f" {number} | {shown}\n")
            out.write(f" {gutter} | {' ' * caret}^\n")
        if f.hint:
            out.write(f"   = hint: {_safe(f.hint)}\n")
        if f.related:
            out.write(f"   = see also: {_related_text(f.related)}\n")
        if f.fix is not None:
            out.write(f"   = fix ({f.fix.safety.value}): {_safe(f.fix.description)}\n")
    for f in result.fixed:
        description = f" ({f.fix.description})" if f.fix is not None else ""
        out.write(f"{_safe(f.path)}:{f.line}:{f.col}: {f.code} fixed: {_safe(f.message)}")
        out.write(f"{_safe(description)}\n")
    for f, reason in result.unapplied:
        out.write(f"{_safe(f.path)}:{f.line}:{f.col}: {f.code} not fixed: {_safe(reason)}\n")
    out.write(summary_line(result) + "\n")


#: At most this many related locations are listed under a finding in text; the rest are counted.
RELATED_SHOWN = 5


def _related_text(related: Sequence[tuple[str, int, int]]) -> str:
    """The related locations as ``path:line:col, …``, capped at :data:`RELATED_SHOWN`."""
    shown = ", ".join(f"{_safe(path)}:{line}:{col}" for path, line, col in related[:RELATED_SHOWN])
    rest = len(related) - RELATED_SHOWN
    return shown + (f" (and {rest} more)" if rest > 0 else "")


def summary_line(result: CheckResult) -> str:
    """What was read and what was found: the last line of every report."""
    findings = result.findings
    read = f"{result.verb} {result.tally.describe()} in {result.tally.seconds:.1f} s"
    if not findings:
        return f"{read}: all clear, no findings." + fix_summary(result)
    counts = Counter(f.severity for f in findings)
    files = len({f.path for f in findings})
    parts = [
        f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    found = f"{read}: {', '.join(parts)} in {files} file{'s' if files != 1 else ''}."
    return found + fix_summary(result)


def fix_summary(result: CheckResult) -> str:
    """What ``--fix`` fixed and what remains, or what the options would fix; empty when a
    run neither fixed nor could fix anything."""
    fixable = Counter(f.fix.safety for f in result.findings if f.fix is not None)
    safe, unsafe = fixable[FixSafety.SAFE], fixable[FixSafety.UNSAFE]
    if result.fixing is not FixSafety.NONE:
        remain = len(result.findings)
        fixed = len(result.fixed)
        text = f" Fixed {fixed} finding{'s' if fixed != 1 else ''} ({remain} remain"
        text += "s" if remain == 1 else ""
        if result.fixing is FixSafety.SAFE and unsafe:
            text += f"; {unsafe} fixable with --unsafe-fixes"
        return text + ")."
    if safe and unsafe:
        return f" {safe} fixable with check --fix, {unsafe} more with --unsafe-fixes."
    if safe:
        return f" {safe} fixable with check --fix."
    if unsafe:
        return f" {unsafe} fixable with check --unsafe-fixes."
    return ""


def _lines(path: str) -> tuple[str, ...] | None:
    try:
        # Sized before it is read: an events CSV of hundreds of megabytes is never shown.
        # Only regular files: a named pipe would block, and a symbolic link may lead out of
        # the dataset (the loader refuses such links; their target must not be shown either).
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > 4 * 1024 * 1024:
            return None
        data = Path(path).read_bytes()
    except OSError:
        return None
    return tuple(data.decode("utf-8", "replace").splitlines())


def _source_line(lines: tuple[str, ...] | None, line: int) -> str | None:
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1]


#: How many columns of a source line are shown around the caret.
SOURCE_WINDOW = 100


def source_window(line: str, col: int) -> tuple[str, int]:
    """The part of ``line`` shown under a finding, and the caret's offset in it.

    A long line shows a window of about :data:`SOURCE_WINDOW` columns around column ``col``,
    marked with ``…`` where it is cut, so the caret stays near the text it points at.
    Control characters are escaped and tabs shown as one space, the caret moving with them.
    """
    index = min(max(col - 1, 0), len(line))
    start = 0
    if len(line) > SOURCE_WINDOW:
        start = min(max(index - SOURCE_WINDOW // 2, 0), len(line) - SOURCE_WINDOW)
    end = start + SOURCE_WINDOW
    before = ("… " if start else "") + _safe(line[start:index].expandtabs(1))
    shown = before + _safe(line[index:end].expandtabs(1)) + (" …" if end < len(line) else "")
    return shown, len(before)


#: Every control character as ``escape.py`` shows it, and line breaks too: a finding is one line.
_CONTROLS = {**CONTROL_ESCAPES, 0x0A: "\\x0a"}


def _safe(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``.

    Messages and source lines quote hand-written files, and a key written as ``"\\e[2J"`` must
    not reach the terminal as an escape sequence.
    """
    # Every character escaped is unprintable: most texts take the fast path.
    return text if text.isprintable() else text.translate(_CONTROLS)


def render_json(result: CheckResult, out: TextIO) -> None:
    """A JSON document: ``{"findings": [...], "summary": {...}}``; the summary counts what
    was read (``records`` per kind, ``files``) as well as what was found."""
    findings = result.findings
    counts = Counter(f.severity.label for f in findings)
    document = {
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "total": len(findings),
            **{k: counts.get(k, 0) for k in ("error", "warning", "info")},
            "records": dict(result.tally.records),
            "files": result.tally.files,
        },
    }
    if result.fixing is not FixSafety.NONE:
        document["fixed"] = [f.to_dict() for f in result.fixed]
        document["unapplied"] = [{**f.to_dict(), "reason": why} for f, why in result.unapplied]
    out.write(json_document(document) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult, out: TextIO) -> None:
    """GitHub workflow commands; what exceeds the annotation caps goes to the step summary."""
    findings = result.findings
    shown: Counter[str] = Counter()
    overflow: list[Finding] = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity.label, "notice")
        if shown[level] >= GITHUB_ANNOTATION_CAP:
            overflow.append(f)
            continue
        shown[level] += 1
        message = _safe(f.message + (f" (hint: {f.hint})" if f.hint else ""))
        out.write(
            f"::{level} file={_escape_property(workspace_path(f.path))},line={f.line},col={f.col},"
            f"title={_escape_property(f.code)}::{_escape_data(message)}\n"
        )
    out.write(summary_line(result) + "\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if findings and summary_path:
        _write_step_summary(summary_path, result, overflow)


def workspace_path(path: str) -> str:
    """A finding's path as GitHub places annotations: relative to the repository root
    (``$GITHUB_WORKSPACE``) when the file lies inside it, whatever folder accords ran in.

    Paths are relative to the folder accords ran in; a dataset in ``data/`` would otherwise
    put ``agreements/x.yaml`` on a file that does not exist at the root.
    """
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return path
    try:
        return Path(path).resolve().relative_to(Path(workspace).resolve()).as_posix()
    except (ValueError, OSError):
        return path


def _write_step_summary(path: str, result: CheckResult, overflow: Sequence[Finding]) -> None:
    rows = ["| location | code | severity | message |", "| --- | --- | --- | --- |"]
    for f in result.findings:
        message = f.message.replace("|", "\\|")
        where = f"{workspace_path(f.path)}:{f.line}:{f.col}"
        rows.append(f"| `{where}` | {f.code} | {f.severity.label} | {message} |")
    note = (
        f"\n{len(overflow)} finding(s) exceeded GitHub's annotation cap; all are listed above.\n"
        if overflow
        else ""
    )
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(
                f"## accords\n\n{summary_line(result)}\n\n" + "\n".join(rows) + "\n" + note
            )
    except OSError:
        pass


def render_sarif(result: CheckResult, out: TextIO) -> None:
    """A SARIF 2.1.0 log; its module (and the rule catalogue) loads only for this format."""
    from accords.render.sarif import render_sarif as render_log

    render_log(result, out)


FORMATS: dict[str, Renderer[CheckResult]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}

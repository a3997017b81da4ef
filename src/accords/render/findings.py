"""Renderers for findings: text (with the source line and a caret), json, github, sarif."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from accords.findings import Finding, Severity
from accords.render.escape import CONTROL_ESCAPES, json_document

FindingsRenderer = Callable[[Sequence[Finding], TextIO], None]

#: GitHub shows at most this many annotations of each severity per step; the rest go to the summary.
GITHUB_ANNOTATION_CAP = 10


def render_text(findings: Sequence[Finding], out: TextIO) -> None:
    """``path:line:col: CODE severity: message``, the offending line, a caret, and a hint."""
    files: dict[str, tuple[str, ...] | None] = {}  # each file is read once per report
    for f in findings:
        message = _safe(f.message)
        out.write(f"{_safe(f.path)}:{f.line}:{f.col}: {f.code} {f.severity.label}: {message}\n")
        if f.path not in files:
            files[f.path] = _lines(f.path)
        source = _source_line(files[f.path], f.line)
        if source is not None:
            number = str(f.line)
            gutter = " " * len(number)
            shown = source.expandtabs(1)
            out.write(f" {number} | {shown}\n")
            out.write(f" {gutter} | {' ' * max(f.col - 1, 0)}^\n")
        if f.hint:
            out.write(f"   = hint: {_safe(f.hint)}\n")
    out.write(summary_line(findings) + "\n")


def summary_line(findings: Sequence[Finding]) -> str:
    if not findings:
        return "All clear: no findings."
    counts = Counter(f.severity for f in findings)
    files = len({f.path for f in findings})
    parts = [
        f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    return f"Found {', '.join(parts)} in {files} file{'s' if files != 1 else ''}."


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
    text = _safe(lines[line - 1])
    return text if len(text) <= 300 else text[:300] + " …"


#: Every control character as ``escape.py`` shows it, and line breaks too: a finding is one line.
_CONTROLS = {**CONTROL_ESCAPES, 0x0A: "\\x0a"}


def _safe(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``.

    Messages and source lines quote hand-written files, and a key written as ``"\\e[2J"`` must
    not reach the terminal as an escape sequence.
    """
    return text.translate(_CONTROLS)


def render_json(findings: Sequence[Finding], out: TextIO) -> None:
    """A JSON document: ``{"findings": [...], "summary": {...}}``."""
    counts = Counter(f.severity.label for f in findings)
    document = {
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "total": len(findings),
            **{k: counts.get(k, 0) for k in ("error", "warning", "info")},
        },
    }
    out.write(json_document(document) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], out: TextIO) -> None:
    """GitHub workflow commands; what exceeds the annotation caps goes to the step summary."""
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
            f"::{level} file={_escape_property(f.path)},line={f.line},col={f.col},"
            f"title={_escape_property(f.code)}::{_escape_data(message)}\n"
        )
    out.write(summary_line(findings) + "\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if findings and summary_path:
        _write_step_summary(summary_path, findings, overflow)


def _write_step_summary(
    path: str, findings: Sequence[Finding], overflow: Sequence[Finding]
) -> None:
    rows = ["| location | code | severity | message |", "| --- | --- | --- | --- |"]
    for f in findings:
        message = f.message.replace("|", "\\|")
        rows.append(f"| `{f.path}:{f.line}:{f.col}` | {f.code} | {f.severity.label} | {message} |")
    note = (
        f"\n{len(overflow)} finding(s) exceeded GitHub's annotation cap; all are listed above.\n"
        if overflow
        else ""
    )
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(
                f"## accords\n\n{summary_line(findings)}\n\n" + "\n".join(rows) + "\n" + note
            )
    except OSError:
        pass


RENDERERS: dict[str, FindingsRenderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}


def renderer(name: str) -> FindingsRenderer:
    if name == "sarif":
        from accords.render.sarif import render_sarif

        return render_sarif
    return RENDERERS[name]

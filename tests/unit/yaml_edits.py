"""A hypothesis strategy shared by the fuzz tests: YAML-aware edits of a text, line by line."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

EDITS = ("insert", "delete", "digit", "duplicate", "indent", "swap", "drop")


@st.composite
def edited(
    draw: st.DrawFn,
    text: str,
    alphabet: Sequence[str],
    kinds: Sequence[str] = EDITS,
    max_rounds: int = 3,
) -> str:
    """``text`` after one to ``max_rounds`` edits of the given kinds.

    A character of ``alphabet`` inserted or a character deleted; a digit changed (dates and
    dated ids are where chronology and reference rules look); a line duplicated, re-indented,
    swapped with another, or dropped.
    """
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, max_rounds))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        edit = draw(st.sampled_from(list(kinds)))
        if edit == "insert":
            col = draw(st.integers(0, len(line)))
            line = line[:col] + draw(st.sampled_from(list(alphabet))) + line[col:]
        elif edit == "delete" and line:
            col = draw(st.integers(0, len(line) - 1))
            line = line[:col] + line[col + 1 :]
        elif edit == "digit" and any(c.isdigit() for c in line):
            col = draw(st.sampled_from([i for i, c in enumerate(line) if c.isdigit()]))
            line = line[:col] + draw(st.sampled_from("0123456789")) + line[col + 1 :]
        elif edit == "duplicate":
            lines.insert(at, line)
        elif edit == "indent":
            line = draw(st.sampled_from(["  ", "\t", " "])) + line
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[other], line = line, lines[other]
        elif edit == "drop" and len(lines) > 1:
            del lines[at]
            continue
        lines[at] = line
    return "".join(lines)

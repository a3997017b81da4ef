"""Fuzzing ``check --events``: mutated ACLED rows give findings or success, never a crash."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.checking.runner import CheckOptions, run_checks
from accords.dataset import load_dataset

CASE = Path(__file__).resolve().parent.parent / "data" / "rules" / "x104-fail"
LINES = (CASE / "events.csv").read_text(encoding="utf-8").splitlines()
#: A run over a few rows; far above the tenth of a second one takes.
SECONDS = 5.0


@st.composite
def mutated_rows(draw: st.DrawFn) -> bytes:
    """The case's ACLED rows with cells edited, columns dropped, whitespace, quotes, bytes."""
    rows = [line.split(",") for line in LINES]
    for _ in range(draw(st.integers(0, 6))):
        row = draw(st.integers(0, len(rows) - 1))
        cells = rows[row]
        kind = draw(st.sampled_from(["edit", "spaces", "drop", "quote", "separator", "newline"]))
        cell = draw(st.integers(0, max(len(cells) - 1, 0))) if cells else 0
        if kind == "drop" and cells:
            for other in rows if draw(st.booleans()) else [cells]:
                if cell < len(other):
                    del other[cell]
        elif cells:
            piece = {
                "edit": draw(st.text(max_size=20)),
                "spaces": " " * draw(st.integers(1, 50_000)),
                "quote": draw(st.sampled_from(['"', '""', '"a,b"', 'x"y'])),
                "separator": draw(st.sampled_from([",", ";", "\t", ",,,"])),
                "newline": draw(st.sampled_from(["\n", "\r", "\r\n", '"\n"'])),
                "drop": "",
            }[kind]
            cells[cell] = draw(st.sampled_from([piece, cells[cell] + piece, piece + cells[cell]]))
    text = "\n".join(",".join(cells) for cells in rows) + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "mixed"]))
    if encoding == "mixed":
        half = len(text) // 2
        return text[:half].encode("utf-8") + text[half:].encode("latin-1", "replace")
    return text.encode(encoding, "replace")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=mutated_rows())
def test_mutated_events_files_give_findings_or_success(tmp_path: Path, content: bytes) -> None:
    dataset = load_dataset(CASE)
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    start = time.perf_counter()
    findings = run_checks(dataset, CheckOptions(events=path))
    elapsed = time.perf_counter() - start
    assert [f for f in findings if f.code == "E900"] == []
    assert all(f.code.startswith("X") for f in findings), findings
    assert elapsed < SECONDS, elapsed

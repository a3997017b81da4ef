"""Fuzzing ``accords import pax`` with mutated PA-X rows: every run ends in an import or one clear
error line, never a traceback or an internal error, and within a time bound."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import run_accords, within

REAL = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "data"
    / "pax"
    / "PAX_with_additional.csv"
)
SYNTHETIC = [
    ["AgtId", "Con", "Agt", "Dat", "Status", "Agtp", "Stage", "StageSub", "Part", "ThrdPart"],
    [
        "1",
        "Hill",
        "Hill Truce",
        "02/03/2031",
        "Multiparty signed/agreed",
        "Intra",
        "Cea",
        "Ceas",
        "For the Government of Hill:\n(Signed) Mr. A\nFor the Hill Front: B",
        "Witnessed by: Northland",
    ],
    [
        "2",
        "River",
        "River Accord",
        "2031-04-05",
        "Unilateral document",
        "Inter",
        "Pre",
        "Pre",
        "River Army (RA), Lake Front and Sea Front",
        "UN [see annex] (signed on 3 May)",
    ],
]
EDITS = st.sampled_from(
    [
        " " * 50_000,
        "," * 2000,
        "[" * 2000,
        "(see " * 500,
        "\n" * 200,
        '"',
        "\x00",
        "\ufeff",
        "\x1b[31m",
        "NA",
        "-1",
        "31/02/2031",
        "é" * 100,
        "; and ",
        " represented by ",
        "\r",
    ]
)


def real_rows() -> list[list[str]]:
    if not REAL.is_file():
        return SYNTHETIC
    text = REAL.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [rows[0], *rows[1:40]]


ROWS = real_rows()


@st.composite
def mutated_export(draw: st.DrawFn) -> bytes:
    rows = [list(r) for r in ROWS[: draw(st.integers(2, len(ROWS)))]]
    for _ in range(draw(st.integers(0, 6))):
        row = draw(st.integers(0, len(rows) - 1))
        col = draw(st.integers(0, len(rows[row]) - 1))
        action = draw(st.sampled_from(["insert", "replace", "drop"]))
        if action == "drop":
            del rows[row][col]
        else:
            edit = draw(EDITS)
            cell = rows[row][col]
            rows[row][col] = (
                edit
                if action == "replace"
                else cell[: len(cell) // 2] + edit + cell[len(cell) // 2 :]
            )
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    text = out.getvalue()
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from([",", '"', "\n", "\r\n"])) + text[cut:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="replace")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(content=mutated_export())
def test_mutated_exports_import_or_fail_clearly(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    work = tmp_path_factory.mktemp("fuzz")
    export = work / "export.csv"
    export.write_bytes(content)
    with within(20.0):
        result = run_accords(
            "import", "pax", export, "--out", work / "out", "--max-field-bytes", "100000"
        )
    assert result.code in (0, 2), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    if result.code == 2:
        assert result.err.startswith("accords: error: ") and result.err.count("\n") == 1, result.err

"""Every bad events file gets findings with their row and column, never a traceback."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from accords.dataset import Dataset, load_dataset
from accords.rules.external import check_events_file

CASE = Path(__file__).resolve().parent.parent / "data" / "rules" / "x104-fail"
HEADER = "event_id_cnty,event_date,event_type,actor1,actor2,notes\n"
ROW = "A1,2017-01-02,Battles,Military Forces of Northland (2000-),River Front,x\n"
X104 = (
    "X104",
    2,
    1,
    "{n} fighting event(s) between parties of riverside-truce on 1 day(s) inside its window "
    "(2017-01-02): first 'Military Forces of Northland (2000-)' vs 'River Front' (A1)",
)
NO_COLUMNS = "missing required column(s): event_date, event_type, actor1, actor2"
Found = list[tuple[str, int, int, str]]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(CASE)


def _fighting(n: int) -> tuple[str, int, int, str]:
    return (X104[0], X104[1], X104[2], X104[3].format(n=n))


def _zipped(text: str) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("events.csv", text)
    return buffer.getvalue()


CASES: dict[str, tuple[bytes, Found]] = {
    "renamed-columns": (
        b"event_id_cnty,Event Date,EVENT_TYPE,actor_1,actor2\nA1,2017-01-02,Battles,x,y\n",
        [
            ("X103", 1, 15, "column 'Event Date' must be named event_date (ACLED's name)"),
            ("X103", 1, 26, "column 'EVENT_TYPE' must be named event_type (ACLED's name)"),
            ("X103", 1, 37, "column 'actor_1' must be named actor1 (ACLED's name)"),
        ],
    ),
    "column-twice": (
        b"event_date,event_type,actor1,actor2,actor1\n2017-01-02,Battles,a,b,c\n",
        [("X103", 1, 37, "column actor1 is named 2 times")],
    ),
    "semicolons": ((HEADER + ROW).replace(",", ";").encode(), [("X103", 1, 1, NO_COLUMNS)]),
    "bad-date": (
        (HEADER + ROW.replace("2017-01-02", "2017-13-40")).encode(),
        [("X102", 2, 1, "row 2, column event_date: '2017-13-40' is not a date")],
    ),
    "byte-order-mark": (b"\xef\xbb\xbf" + (HEADER + ROW).encode(), [_fighting(1)]),
    "quoted-newline": (
        (HEADER + ROW.replace(",x\n", ',"a\nb"\n') + ROW.replace("A1", "A2")).encode(),
        [_fighting(2)],
    ),
    "old-mac-line-ends": ((HEADER + ROW + ROW).replace("\n", "\r").encode(), [_fighting(2)]),
    "mixed-encodings": (
        (HEADER + ROW).encode() + ROW.replace("Northland", "Nörthland").encode("latin-1"),
        [
            (
                "X101",
                1,
                1,
                "1 actor string(s) in 1 actor cell(s) map to no actor: "
                "'Military Forces of N\ufffdrthland (2000-)' (1)",
            ),
            _fighting(1),
            (
                "X102",
                3,
                1,
                "row 3, column actor1: bytes that are not UTF-8 (read as \ufffd); "
                "save the file as UTF-8",
            ),
        ],
    ),
    "unclosed-quote": (
        (HEADER + ROW + ROW.replace(",x\n", ',"oops\n') + ROW + ROW).encode(),
        [
            _fighting(2),  # row 3 is read, rows 4 and 5 are lost in it
            (
                "X102",
                3,
                72,
                "line 3: a quote opens here and is never closed: lines 3-5 are read as one "
                'value; close the quote, or double it ("") if it is text',
            ),
        ],
    ),
    "nul-mid-file": (
        (HEADER + ROW + ROW.replace(",x\n", ",x\x00y\n")).encode(),
        [
            _fighting(2),
            (
                "X102",
                3,
                73,
                "line 3: a NUL byte in the middle of the file: the file may be damaged, or "
                "UTF-16 text: save it as UTF-8",
            ),
        ],
    ),
    "joined-files": (
        (HEADER + ROW).encode() + b"\xef\xbb\xbf" + (HEADER + ROW).encode(),
        [
            (
                "X101",
                1,
                1,
                "2 actor string(s) in 2 actor cell(s) map to no actor: 'actor1' (1), 'actor2' (1)",
            ),
            _fighting(2),
            (
                "X102",
                3,
                1,
                "line 3: a byte order mark in the middle of the file: two files joined into "
                "one? each keeps its own mark at its start",
            ),
            ("X102", 3, 1, "row 3, column event_date: 'event_date' is not a date"),
        ],
    ),
    "zero-bytes": (b"", [("X103", 1, 1, "the file is empty (0 bytes)")]),
    "blank-lines": (b"\n\n\n", [("X103", 1, 1, "no header row: the first line is blank")]),
    "gzip": (
        gzip.compress((HEADER + ROW).encode()),
        [("X103", 1, 1, "gzip-compressed data, not CSV text: decompress it first (gunzip)")],
    ),
    "zip": (
        _zipped(HEADER + ROW),
        [("X103", 1, 1, "a ZIP archive, not CSV text: extract the CSV from it first")],
    ),
    "utf-16": (
        (HEADER + ROW).encode("utf-16"),
        [("X103", 1, 1, "UTF-16 text, not UTF-8: save it as UTF-8")],
    ),
    "long-line": (
        (HEADER + ROW.replace(",x\n", "," + "x" * 2_000_000 + "\n") + ROW).encode(),
        [
            (
                "X103",
                2,
                72,
                "row 2, column notes: the line is 2,000,071 bytes long, over the limit of "
                "1,048,576 bytes (--max-field-bytes); the file is not read",
            )
        ],
    ),
    "long-header": (
        ("event_date,event_type,actor1,actor2," + "y" * 1_500_000 + "\n" + ROW).encode(),
        [
            (
                "X103",
                1,
                37,
                "row 1, field 5: the line is 1,500,036 bytes long, over the limit of "
                "1,048,576 bytes (--max-field-bytes); the file is not read",
            )
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_events_files_are_findings(dataset: Dataset, tmp_path: Path, case: str) -> None:
    content, expected = CASES[case]
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    findings = check_events_file(dataset, path)
    # Reported in file order once the runner sorts them: compared so here.
    assert sorted((f.line, f.code, f.path, f.col, f.message) for f in findings) == sorted(
        (line, code, str(path), col, message) for code, line, col, message in expected
    )


def test_a_directory_is_a_finding(dataset: Dataset, tmp_path: Path) -> None:
    findings = check_events_file(dataset, tmp_path)
    assert [(f.code, f.path, f.line, f.col, f.message) for f in findings] == [
        ("X103", str(tmp_path), 1, 1, "a directory, not a CSV file")
    ]


def test_the_line_limit_is_an_option(tmp_path: Path) -> None:
    from support import run_accords

    path = tmp_path / "events.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    result = run_accords(
        "check", "--events", path, "--max-field-bytes", "60", "--format", "json", cwd=CASE
    )
    assert result.code == 1, result.output
    import json

    assert [
        (f["code"], f["line"], f["col"], f["message"]) for f in json.loads(result.out)["findings"]
    ] == [
        (
            "X103",
            2,
            60,
            "row 2, column actor2: the line is 72 bytes long, over the limit of 60 bytes "
            "(--max-field-bytes); the file is not read",
        )
    ]


def test_a_short_row_not_utf8_is_a_finding_at_its_row(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes((HEADER + ROW).encode() + b"A2,2017-01-02,Caf\xe9\n" + ROW.encode())
    findings = check_events_file(dataset, path)
    assert [(f.code, f.line, f.col, f.message) for f in findings] == [
        (
            "X103",
            3,
            1,
            "row 3: expected 6 columns, got 3, and bytes that are not UTF-8; the file is not read",
        )
    ]

"""``check --events`` reads CSV, gzip-compressed CSV and Parquet, with the same findings.

A Parquet file's rows are numbered as in a CSV export of the same table: the header is row 1,
the first row row 2. Bad CSV files and their .csv.gz twins are in test_events_files.py.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import csv as pacsv

from accords.dataset import Dataset, load_dataset
from accords.findings import Finding
from accords.rules.external import check_events_file
from support import run_accords

CASE = Path(__file__).resolve().parent.parent / "data" / "rules" / "x104-fail"
NORTH, RIVER = "Military Forces of Northland (2000-)", "River Front"
Found = list[tuple[str, int, int, str]]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(CASE)


def _found(findings: list[Finding], path: Path) -> Found:
    assert all(f.path == str(path) for f in findings), findings
    return sorted((f.code, f.line, f.col, f.message) for f in findings)


def _x104(n: int, days: list[str], row: int, first: tuple[str, str], event_id: str) -> tuple:
    return (
        "X104",
        row,
        1,
        f"{n} fighting event(s) between parties of riverside-truce on {len(days)} day(s) inside "
        f"its window ({', '.join(days)}): first {first[0]!r} vs {first[1]!r} ({event_id})",
    )


#: Rows of every kind of finding that a file of any format can have.
ROWS = [
    "event_id_cnty,event_date,year,event_type,actor1,actor2,fatalities",
    f"N1,2016-12-29,2016,Battles,{NORTH},{RIVER},1",
    f"N2,2017-01-02,2017,Battles,{NORTH},{RIVER},2",
    f"N3,2 January 2017,2017,Explosions/Remote violence,{RIVER},{NORTH},0",
    f"N4,2017-01-40,2017,Battles,{NORTH},{RIVER},0",
    f"N5,2017-01-05,2017,Battles,Unknown Militia,{RIVER},0",
    f"N6,2017-01-05,2017,Protests,{NORTH},{RIVER},0",
    f'N7,2017-01-06,2017,Battles,{RIVER},"{NORTH}",0',
]
CSV_TEXT = "\n".join(ROWS) + "\n"
CSV_FINDINGS: Found = [
    ("X101", 1, 1, "1 actor string(s) in 1 actor cell(s) map to no actor: 'Unknown Militia' (1)"),
    ("X102", 5, 1, "row 5, column event_date: '2017-01-40' is not a date"),
    _x104(3, ["2017-01-02", "2017-01-06"], 3, (NORTH, RIVER), "N2"),
]


def test_the_csv_has_the_findings_the_other_formats_are_held_to(
    dataset: Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "events.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    assert _found(check_events_file(dataset, path), path) == CSV_FINDINGS


@pytest.mark.parametrize("name", ["events.csv.gz", "events.CSV.GZ", "events.parquet"])
def test_every_format_has_the_findings_of_the_csv(
    dataset: Dataset, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    if name.lower().endswith(".gz"):
        path.write_bytes(gzip.compress(CSV_TEXT.encode()))
    else:
        # Every column as text, as ACLED's export holds it; other types are covered below.
        strings = pacsv.ConvertOptions(column_types=dict.fromkeys(ROWS[0].split(","), pa.string()))
        pq.write_table(
            pacsv.read_csv(pa.py_buffer(CSV_TEXT.encode()), convert_options=strings), path
        )
    assert _found(check_events_file(dataset, path), path) == CSV_FINDINGS


def test_parquet_dates_nulls_and_numbers(dataset: Dataset, tmp_path: Path) -> None:
    # Dates as dates or timestamps, ids as numbers, empty cells as nulls: read as the CSV text.
    table = pa.table(
        {
            "event_id_cnty": pa.array([7, 8, 9], pa.int64()),
            "event_date": pa.array([dt.date(2017, 1, 2), dt.date(2017, 1, 2), None], pa.date32()),
            "event_type": pa.array(["Battles", "Battles", "Battles"]).dictionary_encode(),
            "actor1": pa.array([NORTH, NORTH, NORTH], pa.large_string()),
            "actor2": pa.array([RIVER, None, RIVER]),
        }
    )
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    assert _found(check_events_file(dataset, path), path) == [
        ("X102", 4, 1, "row 4, column event_date: '' is not a date"),
        _x104(1, ["2017-01-02"], 2, (NORTH, RIVER), "7"),
    ]
    stamped = table.set_column(
        1, "event_date", pa.array([dt.datetime(2017, 1, 2, 13, 5)] * 3, pa.timestamp("s"))
    )
    pq.write_table(stamped, path)
    assert _found(check_events_file(dataset, path), path) == [
        _x104(2, ["2017-01-02"], 2, (NORTH, RIVER), "7"),
    ]


def test_a_parquet_file_without_a_column_is_a_finding_at_its_position(
    dataset: Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"event_date": ["2017-01-02"], "Event Type": ["Battles"]}), path)
    assert _found(check_events_file(dataset, path), path) == [
        ("X103", 1, 1, "missing required column(s): actor1, actor2"),
        ("X103", 1, 2, "column 'Event Type' must be named event_type (ACLED's name)"),
    ]


def _damaged_parquet(path: Path) -> bytes:
    pq.write_table(pacsv.read_csv(CASE / "events.csv"), path)
    data = path.read_bytes()
    return data[:4] + b"\0" * (len(data) - 4)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("events.csv.gz", b"", "the file is empty (0 bytes)"),
        ("events.csv.gz", gzip.compress(b""), "the compressed CSV is empty (0 bytes)"),
        ("events.csv.gz", b"event_date,event_type\n", "named .gz but not gzip-compressed data"),
        (
            "events.csv.gz",
            gzip.compress((CASE / "events.csv").read_bytes())[:-30],
            "damaged gzip-compressed data: Compressed file ended before the end-of-stream "
            "marker was reached",
        ),
        (
            "events.parquet",
            b"event_date,event_type\n",
            "not a Parquet file (it does not start with PAR1)",
        ),
        ("events.csv", b"PAR1\0\0\0\0", "a Parquet file, not CSV text: name it .parquet"),
    ],
    ids=[
        "empty-gz",
        "empty-csv-in-gz",
        "csv-named-gz",
        "truncated-gz",
        "csv-named-parquet",
        "parquet-named-csv",
    ],
)
def test_a_file_not_in_the_format_its_name_says_is_a_finding(
    dataset: Dataset, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _found(check_events_file(dataset, path), path) == [("X103", 1, 1, message)]


def test_a_damaged_parquet_file_is_a_finding(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_bytes(_damaged_parquet(tmp_path / "whole.parquet"))
    [(code, line, col, message)] = _found(check_events_file(dataset, path), path)
    assert (code, line, col) == ("X103", 1, 1)
    assert message.startswith("cannot read as Parquet: "), message


def test_check_reads_a_compressed_file_from_the_command_line(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(CASE, case)
    (case / "events.csv.gz").write_bytes(gzip.compress((case / "events.csv").read_bytes()))
    plain = run_accords("check", "--events", "events.csv", "--format", "json", cwd=case)
    packed = run_accords("check", "--events", "events.csv.gz", "--format", "json", cwd=case)
    assert (plain.code, packed.code) == (0, 0), packed.output
    findings = json.loads(packed.out)["findings"]
    assert [f for f in findings if f["path"] == "events.csv.gz"] == [
        {**f, "path": "events.csv.gz"}
        for f in json.loads(plain.out)["findings"]
        if f["path"] == "events.csv"
    ]
    assert len([f for f in findings if f["path"] == "events.csv.gz"]) == 1


def test_a_missing_events_file_is_a_usage_error_from_the_reading_thread() -> None:
    # The file is read in a thread while the records load: its usage error still stops the run.
    result = run_accords("check", "--events", "missing.csv.gz", cwd=CASE)
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "accords: error: missing.csv.gz: no such file\n",
    )

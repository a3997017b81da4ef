"""``check --events``: ACLED-format CSV files, well-formed and not."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.dataset import Dataset, load_dataset
from accords.errors import UsageError
from accords.findings import Finding
from accords.loading.events_csv import parse_acled_date
from accords.rules.external import MAX_ROW_FINDINGS, check_events_file
from accords.rules.fighting import day_runs

CASE = Path(__file__).resolve().parent.parent / "data" / "rules" / "x104-fail"
HEADER = "event_id_cnty,event_date,event_type,actor1,actor2,notes"
NORTH, RIVER = "Military Forces of Northland (2000-)", "River Front"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(CASE)


def _check(dataset: Dataset, tmp_path: Path, text: str | bytes) -> list[Finding]:
    path = tmp_path / "events.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return check_events_file(dataset, path)


def _codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


def test_fighting_is_one_finding_per_agreement(dataset: Dataset, tmp_path: Path) -> None:
    rows = [
        f"A0,2017-01-05,Battles,{NORTH},{RIVER},x",
        f"A1,2017-01-02,Battles,{NORTH},{RIVER},x",
        f"A2,2017-01-02,Battles,{RIVER},{NORTH},x",
        f"A3,2017-01-03,Violence against civilians,{NORTH},{RIVER},x",
        f"A4,2017-01-03,Protests,{NORTH},{RIVER},x",
        f"A5,2016-12-29,Battles,{NORTH},{RIVER},x",
    ]
    findings = _check(dataset, tmp_path, "\n".join([HEADER, *rows]) + "\n")
    fighting = [f for f in findings if f.code == "X104"]
    # The earliest day leads, whatever the order of the file.
    assert [(f.line, f.col, f.message) for f in fighting] == [
        (
            3,
            1,
            "4 fighting event(s) between parties of riverside-truce on 3 day(s) inside its "
            f"window (2017-01-02..2017-01-03, 2017-01-05): first {NORTH!r} vs {RIVER!r} (A1)",
        )
    ]
    assert fighting[0].related and fighting[0].related[0][0].endswith("riverside-truce.yaml")


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ([], ""),
        ([736330], "2017-01-01"),
        ([736330, 736331, 736332], "2017-01-01..2017-01-03"),
        (
            [736330, 736332, 736334, 736336, 736338, 736340, 736342],
            "2017-01-01, 2017-01-03, 2017-01-05, 2017-01-07, 2017-01-09 and 2 more run(s)",
        ),
    ],
)
def test_days_are_named_as_runs(days: list[int], text: str) -> None:
    assert day_runs(days) == text


def test_row_numbers_count_skipped_and_multiline_rows(dataset: Dataset, tmp_path: Path) -> None:
    text = "\n".join(
        [
            HEADER,
            f'A1,2017-01-02,Protests,{NORTH},{RIVER},"a note\non two lines"',
            "A2,2017-01-02,Battles",
            f"A3,2017-13-40,Battles,{NORTH},{RIVER},x",
            f"A4,2017-01-05,Battles,{NORTH},{RIVER},x",
        ]
    )
    findings = _check(dataset, tmp_path, text + "\n")
    # Rows count records: the header is row 1, the note's line break does not start a row.
    assert ("X102", 3) in _codes(findings)
    assert ("X102", 4) in _codes(findings)
    assert ("X104", 5) in _codes(findings)


def test_missing_column_is_one_finding(dataset: Dataset, tmp_path: Path) -> None:
    findings = _check(dataset, tmp_path, "event_date,actor1\n2017-01-02,x\n")
    assert _codes(findings) == [("X103", 1)]
    assert "event_type" in findings[0].message and "actor2" in findings[0].message


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (b"", [("X103", 1, 1, "the file is empty (0 bytes)")]),
        (
            b"\x00\xff\xfe junk \x89PNG\r\n",
            [
                (
                    "X103",
                    1,
                    1,
                    "missing required column(s): event_date, event_type, actor1, actor2",
                )
            ],
        ),
        (
            b"event_date,event_type,actor1,actor2\n\xff\xfe,a,b,c\n",
            [
                (
                    "X101",
                    1,
                    1,
                    "2 actor string(s) in 2 actor cell(s) map to no actor: 'b' (1), 'c' (1)",
                ),
                ("X102", 2, 1, "row 2, column event_date: '\ufffd\ufffd' is not a date"),
                (
                    "X102",
                    2,
                    1,
                    "row 2, column event_date: bytes that are not UTF-8 (read as "
                    "\ufffd); save the file as UTF-8",
                ),
            ],
        ),
    ],
    ids=["empty", "binary", "bad-utf8"],
)
def test_unreadable_files_are_findings(
    dataset: Dataset, tmp_path: Path, content: bytes, found: list[tuple[str, int, int, str]]
) -> None:
    findings = _check(dataset, tmp_path, content)
    assert sorted((f.code, f.line, f.col, f.message) for f in findings) == found


def test_a_byte_order_mark_is_accepted(dataset: Dataset, tmp_path: Path) -> None:
    text = f"{HEADER}\nA1,2017-01-02,Battles,{NORTH},{RIVER},x\n"
    findings = _check(dataset, tmp_path, codecs.BOM_UTF8 + text.encode())
    assert _codes(findings) == [("X104", 2)]


def test_unmapped_actor_strings_are_summarised(dataset: Dataset, tmp_path: Path) -> None:
    rows = [f"A{i},2017-01-02,Battles,Ghost Brigade,{RIVER},x" for i in range(3)]
    rows.append(f"B1,2017-01-02,Battles,{NORTH},Shadow Unit,x")
    findings = _check(dataset, tmp_path, "\n".join([HEADER, *rows]) + "\n")
    summary = [f for f in findings if f.code == "X101"]
    assert len(summary) == 1
    assert "'Ghost Brigade' (3)" in summary[0].message
    assert "'Shadow Unit' (1)" in summary[0].message


def test_many_malformed_rows_are_capped(dataset: Dataset, tmp_path: Path) -> None:
    rows = [f"A{i},not a date,Battles,{NORTH},{RIVER},x" for i in range(MAX_ROW_FINDINGS + 15)]
    findings = _check(dataset, tmp_path, "\n".join([HEADER, *rows]) + "\n")
    malformed = [f for f in findings if f.code == "X102"]
    assert len(malformed) == MAX_ROW_FINDINGS + 1
    assert "15 more" in malformed[-1].message


def test_a_missing_file_is_a_usage_error(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        check_events_file(dataset, tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2016-09-12", "2016-09-12"),
        ("12 September 2016", "2016-09-12"),
        (" 1 January 2017 ", "2017-01-01"),
        ("2016-02-30", None),
        ("2016-W37-1", None),
        ("", None),
    ],
)
def test_acled_dates(text: str, iso: str | None) -> None:
    import datetime as dt

    expected = dt.date.fromisoformat(iso).toordinal() if iso else -1
    assert parse_acled_date(text) == expected


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_any_cells_give_findings_never_an_exception(
    dataset: Dataset, tmp_path: Path, cells: list[str]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["event_date", "event_type", "actor1", "actor2"])
    writer.writerow(cells)
    findings = _check(dataset, tmp_path, buffer.getvalue())
    assert all(f.code.startswith("X") for f in findings)


def test_days_with_a_recorded_violation_are_not_reported(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "case"
    shutil.copytree(CASE, root)
    (root / "events").mkdir()
    (root / "events" / "2017.yaml").write_text(
        "events:\n"
        "  - id: 2017-01-02-riverside-shelling\n"
        '    date: "2017-01-02"\n'
        "    kind: shelling\n"
        "    summary: Shelling breaks the truce.\n"
        "    agreements: [{agreement: riverside-truce, effect: violated}]\n"
        "    sources: [daily-2017-01-31]\n",
        encoding="utf-8",
    )
    rows = [
        f"A1,2017-01-02,Battles,{NORTH},{RIVER},x",
        f"A2,2017-01-03,Battles,{NORTH},{RIVER},x",
        f"A3,2017-01-03,Battles,{RIVER},{NORTH},x",
    ]
    findings = _check(load_dataset(root), tmp_path, "\n".join([HEADER, *rows]) + "\n")
    assert [(f.code, f.line, f.message) for f in findings if f.code == "X104"] == [
        (
            "X104",
            3,
            "2 fighting event(s) between parties of riverside-truce on 1 day(s) inside its "
            f"window (2017-01-03): first {NORTH!r} vs {RIVER!r} (A2)",
        )
    ]


def test_fighting_of_several_pairs_is_one_finding(tmp_path: Path) -> None:
    """Two pairs of parties fight on one day: the day counts once, its rows all count."""
    import shutil

    root = tmp_path / "case"
    shutil.copytree(CASE, root)
    (root / "actors" / "lake-front.yaml").write_text(
        "id: lake-front\nkind: armed-group\nname: Lake Front\nsources: [daily-2017-01-31]\n",
        encoding="utf-8",
    )
    agreement = root / "agreements" / "riverside-truce.yaml"
    text = agreement.read_text(encoding="utf-8")
    lake = "  - {actor: lake-front, roles: [party]}\n"
    agreement.write_text(text.replace("sources: [daily", lake + "sources: [daily", 1), "utf-8")
    rows = [
        f"A1,2017-01-04,Battles,{NORTH},Lake Front,x",
        f"A2,2017-01-02,Battles,{NORTH},{RIVER},x",
        f"A3,2017-01-02,Battles,Lake Front,{NORTH},x",
        f"A4,2017-01-02,Battles,{RIVER},Lake Front,x",
    ]
    findings = _check(load_dataset(root), tmp_path, "\n".join([HEADER, *rows]) + "\n")
    assert [(f.code, f.line, f.message) for f in findings if f.code == "X104"] == [
        (
            "X104",
            3,
            "4 fighting event(s) between parties of riverside-truce on 2 day(s) inside its "
            f"window (2017-01-02, 2017-01-04): first {NORTH!r} vs {RIVER!r} (A2)",
        )
    ]

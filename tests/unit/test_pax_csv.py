"""Reading PA-X exports: by column name, both date formats, problems reported, never raised."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.errors import UsageError
from accords.importing.pax.reading import DMY, ISO, detect_date_format, read_pax, to_edtf

DATA = Path(__file__).resolve().parent.parent / "data" / "pax"


def test_the_real_layout_with_a_bom_reads_by_column_name() -> None:
    table = read_pax(DATA / "dmy_bom.csv")
    assert [r.agt_id for r in table.rows] == [9001, 9002, 9003, 9004]
    assert table.date_format == DMY
    first = table.rows[0]
    assert first.date == "2031-03-02", first
    assert first.provisions == {"GRa": 1, "Ce": 2, "CeGen": 1}
    assert first.part is not None and "\n" in first.part, "multi-line party text is kept"
    assert table.rows[1].title == "Riverside Evacuation Arrangement", "titles are trimmed"
    assert any("'Year' appears more than once" in n for n in table.notes), table.notes
    assert table.missing_columns == [] and table.unknown_columns == []


def test_another_download_iso_dates_missing_part_extra_column() -> None:
    table = read_pax(DATA / "iso_no_part.csv")
    assert table.date_format == ISO
    assert table.missing_columns == ["Part"]
    assert table.unknown_columns == ["Downloaded"]
    assert [r.agt_id for r in table.rows] == [9101, 9102, 9103], "the row with AgtId x9 is skipped"
    assert any("'x9' is not a number" in n for n in table.notes), table.notes
    assert table.rows[2].date is None and table.rows[2].raw_date == "2031-02-30"
    assert any("2031-02-30" in n for n in table.notes)
    assert table.rows[0].part is None
    assert table.rows[1].provisions == {"HrGen": 3}


def test_a_file_without_agtid_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no AgtId column"):
        read_pax(path)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00junk", b"AgtId\n"])
def test_empty_or_binary_files_never_raise_anything_but_usage_errors(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    try:
        table = read_pax(path)
    except UsageError:
        return
    assert table.rows == []


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_pax(tmp_path / "absent.csv")


def test_date_format_detection() -> None:
    assert detect_date_format(["09/01/1998", "1/2/2000"]) == DMY
    assert detect_date_format(["1998-01-09"]) == ISO
    assert detect_date_format(["1998-01-09", "09/01/1998"]) == "mixed"
    assert detect_date_format([]) == "none"


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_both_formats_give_the_same_day(day: datetime.date) -> None:
    dmy = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    assert to_edtf(dmy) == to_edtf(day.isoformat()) == day.isoformat()


@pytest.mark.parametrize("text", ["31/02/2016", "2016-13-01", "sometime", "00/00/0000"])
def test_impossible_dates_are_none(text: str) -> None:
    assert to_edtf(text) is None

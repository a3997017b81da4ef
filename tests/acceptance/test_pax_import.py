"""``accords import pax`` end to end: the output validates and checks clean, re-runs are safe."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from support import run_accords

HERE = Path(__file__).resolve()
FIXTURES = HERE.parents[1] / "data" / "pax"
REAL = HERE.parents[2] / ".." / "shared" / "data" / "pax" / "PAX_with_additional.csv"


def run(cwd: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = run_accords(*args)
    return result.code, result.output


def import_pax(
    cwd: Path, export: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """``accords import pax EXPORT --out OUT`` run from ``cwd``."""
    return run(cwd, "import", "pax", export, "--out", str(out), monkeypatch=monkeypatch)


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "pax"
    for name in ("dmy_bom.csv", "iso_no_part.csv"):
        code, text = import_pax(tmp_path, str(FIXTURES / name), out, monkeypatch)
        assert code == 0, text
    return out


def test_import_output_validates_and_checks_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = imported(tmp_path, monkeypatch)
    assert len(list((out / "agreements").glob("*.yaml"))) == 7
    code, text = run(out, "validate", monkeypatch=monkeypatch)
    assert code == 0 and "no findings" in text, text
    code, text = run(out, "check", "--strict", monkeypatch=monkeypatch)
    assert code == 0 and "no findings" in text, text


def test_summary_reports_matching_and_what_was_not_understood(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pax"
    code, first = import_pax(tmp_path, str(FIXTURES / "dmy_bom.csv"), out, monkeypatch)
    assert code == 0, first
    assert "DD/MM/YYYY" in first
    assert re.search(r"created\s+\d+\s+\(\d+ new actors", first), first
    code, second = import_pax(tmp_path, str(FIXTURES / "iso_no_part.csv"), out, monkeypatch)
    assert code == 0, second
    assert "ISO" in second
    assert re.search(r"matched\s+1\s+\(1 to actors imported earlier\)", second), second
    for expected in ("absent", "Part", "Downloaded", "'x9'", "2031-02-30"):
        assert expected in second, (expected, second)


def test_rerun_changes_nothing_and_duplicates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = imported(tmp_path, monkeypatch)
    before = snapshot(out)
    imported(tmp_path, monkeypatch)
    assert snapshot(out) == before


def test_rerun_keeps_a_hand_edited_record_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = imported(tmp_path, monkeypatch)
    edited = next((out / "agreements").glob("pax-9001-*.yaml"))
    text = edited.read_text(encoding="utf-8").replace("kind: ceasefire", "kind: declaration")
    edited.write_text(text, encoding="utf-8")
    code, summary = import_pax(tmp_path, str(FIXTURES / "dmy_bom.csv"), out, monkeypatch)
    assert code == 0, summary
    kept = summary[summary.index("kept as they are") : summary.index("not understood")]
    assert kept == (
        "kept as they are (merge the source's change by hand, or --force):\n"
        f"  kept your edit of agreements/{edited.name}; the source now says kind: ceasefire\n\n"
    )
    assert edited.read_text(encoding="utf-8") == text
    assert len(list((out / "agreements").glob("pax-9001-*.yaml"))) == 1


def test_force_is_the_only_way_past_a_hand_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = imported(tmp_path, monkeypatch)
    edited = next((out / "agreements").glob("pax-9001-*.yaml"))
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("kind: ceasefire", "kind: declaration"), encoding="utf-8")
    export = str(FIXTURES / "dmy_bom.csv")
    code, summary = run(
        tmp_path, "import", "pax", export, "--out", str(out), "--force", monkeypatch=monkeypatch
    )
    assert code == 0, summary
    assert "kept" not in summary and "agreement replaced (--force)" in summary, summary
    assert edited.read_text(encoding="utf-8") == original
    code, again = import_pax(tmp_path, export, out, monkeypatch)
    assert code == 0 and "kept" not in again, again


def test_an_agreement_the_import_did_not_write_is_kept_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pax"
    (out / "agreements").mkdir(parents=True)
    (out / "seeds").mkdir()
    (out / "accords.toml").write_text("", encoding="utf-8")
    (out / "seeds" / "note.yaml").write_text(
        "id: note\ntitle: Notes\npublisher: Me\nkind: analysis\n", encoding="utf-8"
    )
    mine = out / "agreements" / "riverside-truce.yaml"
    mine.write_text(
        "id: riverside-truce\ntitle: Truce\nkind: ceasefire\npax: {agt_id: 9001}\n"
        "sources: [note]\n",
        encoding="utf-8",
    )
    code, summary = import_pax(tmp_path, str(FIXTURES / "dmy_bom.csv"), out, monkeypatch)
    assert code == 0, summary
    assert "riverside-truce.yaml: kept (not written by the import)" in summary, summary
    assert not list((out / "agreements").glob("pax-9001-*.yaml")), "no duplicate of AgtId 9001"


def test_unusable_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    for target in (bad, tmp_path / "absent.csv"):
        result = run_accords("import", "pax", target, "--out", "o", cwd=tmp_path)
        assert result.code == 2, result
        assert result.err.startswith("accords: error:") and "Traceback" not in result.err
        assert result.err.count("\n") == 1, result.err


@pytest.mark.skipif(not REAL.is_file(), reason=f"the PA-X export is not at {REAL}")
def test_a_slice_of_the_real_export_imports_validates_and_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every 8th row keeps the suite fast; benchmarks/pax.py measures the whole export.
    lines = REAL.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(lines, newline="")))
    sliced = tmp_path / "PAX_slice.csv"
    with sliced.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *rows[1::8]])
    out = tmp_path / "pax"
    code, summary = import_pax(tmp_path, str(sliced), out, monkeypatch)
    count = len(rows[1::8])
    assert code == 0, summary
    assert f"Imported {count} PA-X agreements" in summary, summary
    assert len(list((out / "agreements").glob("*.yaml"))) == count
    code, text = run(out, "validate", monkeypatch=monkeypatch)
    assert code == 0, text[-2000:]
    code, text = run(out, "check", monkeypatch=monkeypatch)
    assert code == 0, text[-2000:]


def test_control_characters_in_an_export_are_replaced_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "controls.csv"
    export.write_text(
        "AgtId,Con,Agt,Dat,Status,Part,ThrdPart,Bad\x1b[31mColumn\n"
        "9101,Hill\x1bland,Hill\x9b2J Ceasefire\u202e,2031-05-06,Multiparty signed/agreed,"
        '"Government of Hill\x07land; Hill Front",Mediated by Northland,x\r\n',
        encoding="utf-8",
    )
    out = tmp_path / "pax"
    code, text = import_pax(tmp_path, str(export), out, monkeypatch)
    assert code == 0, text
    not_understood = text[text.index("not understood:") :]
    assert not_understood == (
        "not understood:\n"
        "  columns absent (their fields are left out): Agtp, Stage, StageSub\n"
        "  columns not understood (ignored): Bad\\x1b[31mColumn\n"
        "  line 2: control characters replaced by U+FFFD (\ufffd)\n"
    )
    (agreement,) = (out / "agreements").glob("*.yaml")
    written = agreement.read_text(encoding="utf-8")
    assert "title: Hill\ufffd2J Ceasefire\ufffd\n" in written, written
    assert "name_used: Government of Hill\ufffdland\n" in written, written
    code, checked = run(out, "check", monkeypatch=monkeypatch)
    assert code == 0 and checked.endswith(": all clear, no findings.\n"), checked

"""Each analysis command end to end, on the fixture dataset and on the bundled dataset.

The bundled dataset grows as it is written, so its tests assert structure (every agreement
appears, the output parses), never its contents.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from support import run_accords

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"


def run(cwd: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = run_accords(*args)
    return result.code, result.out


def bundled_agreements() -> list[str]:
    folder = REPO / "agreements"
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html", "latex"])
def test_compare_every_format_on_the_fixture(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(FIXTURE, "compare", "--format", fmt, monkeypatch=monkeypatch)
    assert code == 0, out
    assert "riverside-truce-2031" in out
    assert "<script>" not in out or fmt in ("json", "csv", "text")


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--scenario", "riverside-what-if", "--as-of", "2031-04-01", "-f", "json"],
        ["compare", "--kind", "state", "--order", "name", "--group-by", "kind"],
        ["diff", "riverside-truce-2031", "harbour-evacuation-2031", "-f", "json"],
        ["show", "riverside-truce-2031", "-f", "markdown"],
        ["timeline", "--from", "2031-03", "--to", "2031-04", "-f", "mermaid"],
        ["scenarios", "--as-of", "2031-06-20", "-f", "json"],
        ["export", "--format", "json"],
        ["export", "--format", "csv", "--table", "events"],
    ],
)
def test_commands_succeed_on_the_fixture(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(FIXTURE, *args, monkeypatch=monkeypatch)
    assert code == 0, out
    assert out.strip()


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "no-such-agreement"],
        ["compare", "--as-of", "not-a-date"],
        ["compare", "--scenario", "no-such-scenario"],
        ["diff", "riverside-truce-2031", "no-such-agreement"],
        ["show", "no-such-agreement"],
        ["timeline", "--from", "31/12/2031"],
        ["export", "--format", "csv"],
        ["scenarios", "no-such-scenario"],
    ],
)
def test_bad_requests_exit_2_with_one_line(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from accords.cli.app import main

    monkeypatch.chdir(FIXTURE)
    monkeypatch.setattr("sys.argv", ["accords", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    err = capfd.readouterr().err
    assert exit_info.value.code == 2, err
    assert err.startswith("accords: error: ") and err.count("\n") == 1, err


def test_export_writes_one_csv_per_table_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tables"
    code, _ = run(FIXTURE, "export", "-f", "csv", "--out", str(target), monkeypatch=monkeypatch)
    assert code == 0
    from accords.analysis.export import COLUMNS

    for table, columns in COLUMNS.items():
        text = (target / f"{table}.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == columns, table
    again = run_accords("export", "-f", "csv", "--out", str(target))
    assert again.code != 0
    forced = run_accords("export", "-f", "csv", "--out", str(target), "--force")
    assert forced.code == 0


needs_bundled = pytest.mark.skipif(
    not bundled_agreements(), reason="the bundled dataset has no agreements yet"
)


@needs_bundled
def test_bundled_compare_json_lists_every_agreement(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(REPO, "compare", "--format", "json", monkeypatch=monkeypatch)
    assert code == 0, out
    data = json.loads(out)
    listed = {a["id"] for a in data["agreements"]}
    assert listed >= set(bundled_agreements()) - _invalid_agreements()
    actors = {a["id"] for a in data["actors"]}
    assert all(c["actor"] in actors and c["agreement"] in listed for c in data["cells"])


def _invalid_agreements() -> set[str]:
    from accords.dataset import load_dataset

    dataset = load_dataset(REPO)
    return set(bundled_agreements()) - set(dataset.agreements)


@needs_bundled
@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "html", "latex"])
def test_bundled_compare_renders(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(REPO, "compare", "--group-by", "coalition", "-f", fmt, monkeypatch=monkeypatch)
    assert code == 0, out
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) == 1


@needs_bundled
def test_bundled_kerry_lavrov_versus_moscow(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = bundled_agreements()
    kerry = [i for i in ids if "kerry-lavrov" in i]
    moscow = [i for i in ids if "moscow-declaration" in i]
    if not (kerry and moscow):
        pytest.skip("the Kerry–Lavrov or Moscow Declaration record is not written yet")
    code, out = run(REPO, "diff", kerry[0], moscow[0], "-f", "json", monkeypatch=monkeypatch)
    assert code == 0, out
    data = json.loads(out)
    assert data["entered"] or data["left"] or data["changed"]


@needs_bundled
@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "-f", "json"],
        ["timeline", "-f", "mermaid"],
        ["scenarios", "-f", "json"],
        ["export", "-f", "json"],
    ],
)
def test_bundled_commands_succeed(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(REPO, *args, monkeypatch=monkeypatch)
    assert code == 0, out
    if args[-1] == "json":
        json.loads(out)


@needs_bundled
def test_bundled_show_every_agreement(monkeypatch: pytest.MonkeyPatch) -> None:
    from accords.dataset import load_dataset

    for agreement in sorted(load_dataset(REPO).agreements):
        code, out = run(REPO, "show", agreement, monkeypatch=monkeypatch)
        assert code == 0 and agreement in out, out

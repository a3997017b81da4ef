"""Evidence in the outputs: quotes in show --evidence and the exports, and claims that rest on
background knowledge alone marked in show, compare and the exports.

The fixture's truce gets a quoted citation for Northland's roles, and River Front's role is
cited to a background source alone.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from support import run_accords

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixture-dataset"
TRUCE = "riverside-truce-2031"

BACKGROUND = """\
id: background-river-front
title: River Front signed up to the truce through its political office
publisher: Widely reported by regional outlets
kind: background
note: Undisputed at the time.
"""


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    (root / "seeds" / "background-river-front.yaml").write_text(BACKGROUND, encoding="utf-8")
    path = root / "agreements" / f"{TRUCE}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "represented_by: [a-minister], sources: [daily-2031-03-03]}",
        "represented_by: [a-minister], sources: [{source: daily-2031-03-03, locator: para. 2, "
        'quote: ["Northland brokered the truce", "and stands behind it"]}]}',
    )
    text = text.replace(
        "{actor: river-front, roles: [party], sources: [daily-2031-03-03]}",
        "{actor: river-front, roles: [party], sources: [background-river-front]}",
    )
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _run(*args: str) -> str:
    result = run_accords(*args)
    assert result.code == 0, result.output
    return result.output


@pytest.mark.usefixtures("dataset")
def test_show_evidence_lists_each_claim_with_its_quotes() -> None:
    output = _run("show", TRUCE, "--evidence")
    evidence = output[output.index("Evidence\n") :].splitlines()
    assert evidence[:9] == [
        "Evidence",
        "  record",
        "    daily-2031-03-03",
        "    weekly-2031-03-09",
        "  participants[0] (northland)",
        "    daily-2031-03-03, para. 2",
        "      “Northland brokered the truce”",
        "      “and stands behind it”",
        "  participants[1] (river-front) °",
    ]
    assert evidence[9] == "    background-river-front [background]"
    assert output.splitlines()[-1] == (
        "° rests on background knowledge alone: no archived source states it"
    )


@pytest.mark.usefixtures("dataset")
def test_show_marks_a_claim_on_background_alone_and_json_carries_the_evidence() -> None:
    text = _run("show", TRUCE)
    assert "  River Front: party °\n" in text
    assert "Evidence" not in text
    data = json.loads(_run("show", TRUCE, "--evidence", "-f", "json"))
    assert [p["background_only"] for p in data["participants"]] == [False, True, False]
    assert data["evidence"][1] == {
        "claim": "participants[0] (northland)",
        "citations": [
            {
                "source": "daily-2031-03-03",
                "source_kind": "news",
                "locator": "para. 2",
                "basis": "stated",
                "quote": ["Northland brokered the truce", "and stands behind it"],
            }
        ],
        "background_only": False,
    }
    assert "evidence" not in json.loads(_run("show", TRUCE, "-f", "json"))


@pytest.mark.usefixtures("dataset")
def test_compare_flags_background_marks_with_a_legend_and_lists_them_in_json() -> None:
    data = json.loads(_run("compare", TRUCE, "-f", "json"))
    assert data["background"] == [{"actor": "river-front", "agreement": TRUCE, "mark": "party"}]
    markdown = _run("compare", TRUCE, "-f", "markdown")
    assert "| River Front | party°[^" in markdown
    assert "- ° rests on background knowledge alone: no archived source states it\n" in markdown
    html = _run("compare", TRUCE, "-f", "html")
    assert ">party°<" in html


@pytest.mark.usefixtures("dataset")
def test_exports_carry_quotes_and_mark_claims_on_background_alone() -> None:
    table = list(csv.DictReader(io.StringIO(_run("export", "-f", "csv", "--table", "citations"))))
    rows = [r for r in table if r["record"] == TRUCE and r["claim"].startswith("participants")]
    found = [(r["claim"], r["source"], r["source_kind"], r["locator"], r["quote"]) for r in rows]
    northland, daily = "participants[0] (northland)", "daily-2031-03-03"
    assert found == [
        (northland, daily, "news", "para. 2", "Northland brokered the truce"),
        (northland, daily, "news", "para. 2", "and stands behind it"),
        ("participants[1] (river-front)", "background-river-front", "background", "", ""),
        ("participants[2] (eastland)", daily, "news", "", ""),
        ("participants[2] (eastland)", "weekly-2031-03-09", "analysis", "", ""),
    ]
    participants = json.loads(_run("export", "--table", "participants"))["participants"]
    flagged = {(p["actor"], p["role"]) for p in participants if p["background_only"]}
    assert flagged == {("river-front", "party")}

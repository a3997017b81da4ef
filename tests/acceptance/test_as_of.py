"""``--as-of D`` reads the record as known on D, and a reversed --from/--to window is an error.

Records dated after D are left out; an undated agreement is kept but marked undated (‡), never
shown as existing by D; a record whose date's precision cannot place it before or after D is
kept and marked (compare's †) or leaves a verdict undetermined (scenarios), never true.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import run_accords

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixture-dataset"


def _run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = run_accords(*args)
    return result.code, result.out


_CONDITIONLESS = (
    "undetermined riverside-what-if/early-offensive (p=0.50, deadline 2031-03-15)\n"
    "             The Hill Brigade attacks before mid-March.\n"
    "             the dates' precision does not settle the deadline; "
    "deciding: event:riverside-offensive-2031-03\n"
    "undetermined riverside-what-if/unconditioned (p=—, deadline —)\n"
    "             Talks will eventually resume.\n"
    "             no machine-checkable condition (resolves_when); deciding: —\n"
)
_OPEN = """\
open         riverside-what-if/eastland-rejects-evacuation (p=0.40, deadline 2031-05)
             Eastland rejects the harbour evacuation.
             no match yet; the deadline 2031-05 (month) is ahead; deciding: —
open         riverside-what-if/capital-talks-meet (p=0.60, deadline 2031-06-30)
             The capital talks meet before July.
             no match yet; the deadline 2031-06-30 is ahead; deciding: —
"""


def test_scenarios_leave_out_forecasts_made_after_the_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """truce-collapses was made on 2031-03-03: as of 2031-03-02 it was not yet made (before,
    it resolved true from an outcome dated 2031-03)."""
    code, out = _run(FIXTURE, monkeypatch, "scenarios", "--as-of", "2031-03-02")
    assert (code, out) == (
        0,
        "Expectations resolved as of 2031-03-02\n"
        + _OPEN
        + _CONDITIONLESS
        + "0 true, 0 false, 2 open, 2 undetermined\nBrier score riverside-what-if: —\n",
    )


def test_scenarios_never_count_a_record_that_may_come_after_the_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The truce's collapse is dated 2031-03: as of 2031-03-20 it may not have happened yet,
    so the forecast is undetermined (before, it was true); by 2031-04-10 it is true."""
    code, out = _run(FIXTURE, monkeypatch, "scenarios", "--as-of", "2031-03-20")
    assert (code, out) == (
        0,
        "Expectations resolved as of 2031-03-20\n"
        "undetermined riverside-what-if/truce-collapses (p=0.70, deadline 2031-03-31)\n"
        "             forecast made by eastland on 2031-03-03\n"
        "             The Riverside truce collapses within the month.\n"
        "             the dates do not settle whether the match was on record by the as-of "
        "date; deciding: agreement:riverside-truce-2031#outcome\n"
        + _OPEN
        + _CONDITIONLESS
        + "0 true, 0 false, 2 open, 3 undetermined\nBrier score riverside-what-if: —\n",
    )
    code, out = _run(FIXTURE, monkeypatch, "scenarios", "--as-of", "2031-04-10")
    assert (code, out) == (
        0,
        "Expectations resolved as of 2031-04-10\n"
        "true         riverside-what-if/truce-collapses (p=0.70, deadline 2031-03-31)\n"
        "             forecast made by eastland on 2031-03-03\n"
        "             The Riverside truce collapses within the month.\n"
        "             the record holds a match dated by the deadline; "
        "deciding: agreement:riverside-truce-2031#outcome\n"
        + _OPEN
        + _CONDITIONLESS
        + "1 true, 0 false, 2 open, 2 undetermined\nBrier score riverside-what-if: 0.090\n",
    )


_UNDATED_COMPARE = """\
### Actors × agreements, as of 2031-03-01

| Actor | `valley-declaration-2031` | `capital-talks-2031` ‡ |
| --- | --- | --- |
| River Front | signatory[^1] | excluded:talks:not-invited[^2] |
| Valley Alliance | signatory[^1] |  |
| =cmd\\|' /C calc'!A0 | signatory[^1] |  |
| Eastland | rejected‡[^3] | party[^4] |
| Northland |  | host[^4] |

**Agreements**

- `valley-declaration-2031`: Valley declaration of principles (2031-02-10)
- `capital-talks-2031`: Capital talks, first round (undated)

**Legend**

- signatory: signed it
- party: a conflict party bound by it
- host: hosted the talks
- excluded:talks:not-invited: kept out of the talks, not invited
- rejected: rejected it
- ‡ undated: the record gives no date, so it may not have existed by the --as-of date
- ‡ on a stance: undated, it may have been taken after the --as-of date

[^1]: weekly-2031-03-09 — Why the Riverside truce is fragile \\| analysis (The Weekly, 2031-03-12)
[^2]: opinion-2031-03 — Eastland never wanted peace (Front Voice, 2031-03)
[^3]: daily-2031-03-03 — Truce announced for Riverside (The Daily, 2031-03-03)
[^4]: daily-2031-07-01 — Capital talks postponed again (The Daily, 2031-07-01)
"""


def _without(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8")
    assert old.count(text) == 1, text
    path.write_text(old.replace(text, ""), encoding="utf-8")


def test_compare_marks_undated_records_undated_never_existing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With their dates removed, the capital talks and Eastland's rejection of the declaration
    are kept as of 2031-03-01, marked ‡ undated; the truce and the harbour deal (dated later)
    are left out, and so is the UN's welcome of the declaration (2031-05-01)."""
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    _without(root / "agreements" / "capital-talks-2031.yaml", 'dates: {proposed: "2031-06~"}\n')
    _without(root / "agreements" / "valley-declaration-2031.yaml", ' date: "2031-02-11",')
    code, out = _run(root, monkeypatch, "compare", "--as-of", "2031-03-01", "-f", "markdown")
    assert (code, out) == (0, _UNDATED_COMPARE)
    code, out = _run(root, monkeypatch, "compare", "--as-of", "2031-03-01", "-f", "json")
    import json

    data = json.loads(out)
    assert (code, [a["id"] for a in data["agreements"]], data["as_of"]) == (
        0,
        ["valley-declaration-2031", "capital-talks-2031"],
        {
            "date": "2031-03-01",
            "undetermined": [],
            "undated": ["capital-talks-2031"],
            "unplaced_stances": [
                {
                    "actor": "eastland",
                    "agreement": "valley-declaration-2031",
                    "mark": "rejected",
                    "why": "undated",
                }
            ],
        },
    )


def test_a_reversed_timeline_window_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from accords.cli.app import main

    monkeypatch.chdir(FIXTURE)
    monkeypatch.setattr("sys.argv", ["accords", "timeline", "--from", "2031-04", "--to", "2031-03"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capfd.readouterr()
    assert (exit_info.value.code, captured.out, captured.err) == (
        2,
        "",
        "accords: error: --from 2031-04 is after --to 2031-03: the window holds no day\n",
    )


def test_a_window_of_one_partial_date_is_not_reversed(monkeypatch: pytest.MonkeyPatch) -> None:
    """--from 2031-03-31 --to 2031-03: the window is the one day both allow; the March items
    may fall on it, and reach outside it (*)."""
    code, out = _run(FIXTURE, monkeypatch, "timeline", "--from", "2031-03-31", "--to", "2031-03")
    assert (code, out) == (
        0,
        "2031-03 (month) *       event riverside-offensive-2031-03 (offensive, occurred): "
        "The Hill Brigade opens an offensive on the district.\n"
        "2031-03-02 → 2031-03 *  agreement riverside-truce-2031 (ceasefire, collapsed): "
        "Riverside humanitarian truce\n"
        "* the date's precision reaches outside the --from/--to window\n2 item(s).\n",
    )


_DIFF = """\
valley-declaration-2031 → riverside-truce-2031
Valley declaration of principles → Riverside humanitarian truce

Entered (at the table only in the second): 2
  Eastland (eastland): rejected† → signatory, party
  Northland (northland): — → mediator, guarantor

Left (at the table only in the first): 2
  Valley Alliance (valley-alliance): signatory → —
  =cmd|' /C calc'!A0 (calc-group): signatory → excluded:talks:shut-out?

Changed role, exclusion or stance: 3
  River Front (river-front): signatory → party
  <script>alert('x')</script> (black-flag): — → excluded:protection:explicit
  Hill Brigade (hill-brigade): — → rejected‡
† on a stance: its date does not settle if it was taken by the --as-of date
‡ on a stance: undated, it may have been taken after the --as-of date
0 actor(s) marked the same in both.
"""


def test_diff_flags_stances_the_date_cannot_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As of 2031-03-02, Eastland's rejection dated 2031-03 may come later (†) and the Hill
    Brigade's rejection, its date removed, is undated (‡); the UN's welcome (2031-05-01) is out."""
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    valley = root / "agreements" / "valley-declaration-2031.yaml"
    text = valley.read_text(encoding="utf-8")
    valley.write_text(text.replace('date: "2031-02-11"', 'date: "2031-03"'), encoding="utf-8")
    _without(root / "agreements" / "riverside-truce-2031.yaml", ' date: "2031-03-03",')
    args = ("diff", "valley-declaration-2031", "riverside-truce-2031", "--as-of", "2031-03-02")
    assert _run(root, monkeypatch, *args) == (0, _DIFF)
    import json

    code, out = _run(root, monkeypatch, *args, "--format", "json")
    flagged = {
        change["actor"]: change["unplaced"]
        for group in ("entered", "left", "changed", "unchanged")
        for change in json.loads(out)[group]
        if "unplaced" in change
    }
    assert (code, flagged) == (
        0,
        {
            "eastland": {"before": {"rejected": "undetermined"}, "after": {}},
            "hill-brigade": {"before": {}, "after": {"rejected": "undated"}},
        },
    )


def test_diff_of_an_agreement_dated_after_the_date_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from accords.cli.app import main

    monkeypatch.chdir(FIXTURE)
    args = ["diff", "riverside-truce-2031", "harbour-evacuation-2031", "--as-of", "2031-03-10"]
    monkeypatch.setattr("sys.argv", ["accords", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capfd.readouterr()
    assert (exit_info.value.code, captured.out, captured.err) == (
        2,
        "",
        "accords: error: harbour-evacuation-2031 is dated 2031-04 (month), after --as-of "
        "2031-03-10: it was not on record yet\n",
    )

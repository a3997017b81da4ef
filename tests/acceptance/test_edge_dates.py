"""The edges of the date grammar through every command, end to end, against stored outputs.

Each case sets the fixture's Riverside truce ``effective`` date to an edge of the grammar
(years 0000 and 9999, open ends, an interval over every year, a leap day of year 0000) and
runs every command in every format: none may fail, and the outputs that show dates are compared
with a stored, reviewed file per case in ``tests/data/edge-dates/``. After an intended change:

    ACCORDS_REGEN_GOLDEN=1 python -m pytest tests/acceptance/test_edge_dates.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import run_accords, without_timing

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE = DATA / "fixture-dataset"
STORED = DATA / "edge-dates"
REGENERATE = os.environ.get("ACCORDS_REGEN_GOLDEN") == "1"

EDGES = {
    "year-9999-december": "9999-12",
    "last-day": "9999-12-31",
    "year-0000": "0000",
    "first-day": "0000-01-01",
    "leap-day-of-year-0000": "0000-02-29~",
    "every-year": "0000/9999",
    "open-start": "../2016",
    "open-end": "2016/..",
    "open-both-ends": "../..",
}

#: Commands whose output is stored (they show the dates), with their exit codes.
SHOWN = (
    ("check",),
    ("compare", "--as-of", "2031-03-05"),
    ("show", "riverside-truce-2031"),
    ("timeline",),
    ("timeline", "--format", "mermaid"),
    ("timeline", "--from", "2031-03", "--to", "2031-04"),
    ("export", "--format", "csv", "--table", "agreements"),
    ("scenarios", "--as-of", "2031-06-20"),
    ("diff", "riverside-truce-2031", "harbour-evacuation-2031"),
)

#: Every other format: each must exit as the stored run of the same command did.
RUN = (
    *(("compare", "--format", f) for f in ("text", "markdown", "csv", "json", "html", "latex")),
    ("compare", "--scenario", "riverside-what-if", "--as-of", "2031-04-01"),
    *(("show", "riverside-truce-2031", "--format", f) for f in ("markdown", "json")),
    *(("timeline", "--format", f) for f in ("markdown", "json")),
    ("export",),
    ("scenarios", "--format", "json"),
    ("diff", "riverside-truce-2031", "harbour-evacuation-2031", "--format", "json"),
    ("check", "--format", "json"),
    ("check", "--format", "sarif"),
    ("export", "--format", "datapackage", "-o", "package"),
    ("export", "--format", "sqlite", "-o", "tables.db"),
)


@pytest.mark.parametrize("case", sorted(EDGES))
def test_an_edge_date_goes_through_every_command(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    truce = root / "agreements" / "riverside-truce-2031.yaml"
    text = truce.read_text(encoding="utf-8")
    edited = text.replace('effective: "2031-03-04"', f'effective: "{EDGES[case]}"')
    truce.write_text(edited, encoding="utf-8")
    monkeypatch.chdir(root)
    shown = []
    exits = {}
    for args in SHOWN:
        result = run_accords(*args)
        assert result.code in (0, 1), (args, result.output)
        exits[args[0]] = result.code
        output = without_timing(result.out)
        shown.append(f"$ accords {' '.join(args)}\n{output}(exit {result.code})\n")
    for args in RUN:
        result = run_accords(*args)
        assert result.code == exits[args[0]], (args, result.output)
    path = STORED / f"{case}.txt"
    if REGENERATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(shown), encoding="utf-8")
    assert "\n".join(shown) == path.read_text(encoding="utf-8"), (
        f"{case}: output differs from {path}; if intended, regenerate and review the diff"
    )


def test_every_stored_output_has_a_case() -> None:
    assert sorted(p.stem for p in STORED.iterdir()) == sorted(EDGES)

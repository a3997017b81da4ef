"""Every command in every format on the bundled dataset, against stored, reviewed output.

A change of structure must leave what users see unchanged; a deliberate change of output
updates the stored files (``ACCORDS_REGEN_SNAPSHOTS=1``) in a commit that says why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accords.config import load_config
from support import history_missing, run_accords, without_timing

REPO = Path(__file__).resolve().parents[2]
SNAPSHOTS = REPO / "tests" / "data" / "snapshots"

_ONE_AGREEMENT = "ankara-aleppo-evacuation-2016"
_A, _B = "kerry-lavrov-cessation-2016", "moscow-declaration-2016"

COMMANDS: dict[str, list[str]] = {
    **{f"validate-{f}": ["validate", "--format", f] for f in ("text", "json", "github", "sarif")},
    **{f"check-{f}": ["check", "--format", f] for f in ("text", "json", "github", "sarif")},
    "check-without-texts": ["check", "--texts", "no-such-folder"],
    "fmt-check": ["fmt", "--check"],
    "fmt-diff": ["fmt", "--diff"],
    **{
        f"compare-{f}": ["compare", "--format", f]
        for f in ("text", "markdown", "csv", "json", "html", "latex")
    },
    "compare-matrix": ["compare", "--layout", "matrix"],
    "compare-fits": ["compare", _A, _B],
    "compare-as-of": ["compare", "--as-of", "2016-12-25", "--format", "markdown"],
    "compare-scenario": ["compare", "--scenario", "what-if-jfs-not-excluded", "-f", "json"],
    "compare-grouped": ["compare", "--group-by", "coalition", "--order", "name", "-f", "csv"],
    "compare-states": ["compare", "--kind", "state", "--all-actors", "-f", "markdown"],
    **{f"diff-{f}": ["diff", _A, _B, "--format", f] for f in ("text", "markdown", "json")},
    # Two commits of the bundled dataset's own history: the record changed between them.
    **{
        f"changes-{f}": ["changes", "f983731", "--to", "43fbb1b", "--format", f]
        for f in ("text", "markdown", "json")
    },
    **{f"show-{f}": ["show", _ONE_AGREEMENT, "--format", f] for f in ("text", "markdown", "json")},
    **{
        f"timeline-{f}": ["timeline", "--format", f]
        for f in ("text", "markdown", "mermaid", "json")
    },
    "timeline-window": ["timeline", "--from", "2016-12", "--to", "2017-01"],
    "export-json": ["export", "--format", "json"],
    **{
        f"export-csv-{table}": ["export", "--format", "csv", "--table", table]
        for table in (
            "agreements",
            "participants",
            "exclusions",
            "positions",
            "terms",
            "events",
            "event_agreements",
            "citations",
            "actors",
        )
    },
    **{
        f"scenarios-{f}": ["scenarios", "--as-of", "2017-06-01", "--format", f]
        for f in ("text", "markdown", "json")
    },
    "rules-text": ["rules"],
    "rules-json": ["rules", "--format", "json"],
    "explain": ["explain", "C103"],
}

#: The archived source texts that accords.toml names; third-party, so not in the repository.
TEXTS = load_config(REPO).texts
#: Commands whose output depends on those texts being there (quotes checked, or S109 per source).
NEEDS_TEXTS = {name for name in COMMANDS if name.startswith("check-") and "texts" not in name}


def _normalised(output: str) -> str:
    """The output with what changes from run to run (the time a check took) held still."""
    return without_timing(output)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_output_is_the_stored_one(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name in NEEDS_TEXTS and (TEXTS is None or not TEXTS.is_dir()):
        pytest.skip(f"the archived source texts ({TEXTS}) are not there to check quotes against")
    if name.startswith("changes-") and (missing := history_missing(REPO)):
        pytest.skip(missing)
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "100")  # the table format fits the terminal's width
    result = run_accords(*COMMANDS[name])
    assert "internal error" not in result.err, result.output
    got = f"exit {result.code}\n" + _normalised(result.output)
    stored = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("ACCORDS_REGEN_SNAPSHOTS"):
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        stored.write_text(got, encoding="utf-8")
    assert got == stored.read_text(encoding="utf-8"), f"{name}: output differs from {stored}"


def test_every_stored_snapshot_has_its_command() -> None:
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.txt")) == sorted(COMMANDS)

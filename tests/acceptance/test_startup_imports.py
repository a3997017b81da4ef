"""The light commands start without the heavy libraries: only ``check --events`` and the
commands that write tables or schemas need pyarrow, NumPy or jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
HEAVY = ("pyarrow", "numpy", "jsonschema")

# Runs the real entry point in a fresh interpreter, then prints which heavy modules it loaded.
_PROBE = """
import json, sys
sys.argv = ["accords", *json.loads(sys.argv[1])]
from accords.cli.app import main
try:
    main()
except SystemExit:
    pass
watched = lambda name: name.split(".")[0] in {heavy} or name.startswith("accords.rules")
loaded = sorted(filter(watched, sys.modules))
sys.__stderr__.write("LOADED " + json.dumps(loaded) + "\\n")
"""


def _heavy_modules_loaded(*args: str) -> tuple[int, list[str]]:
    probe = _PROBE.replace("{heavy}", repr(set(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(list(args))],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    marker = [line for line in done.stderr.splitlines() if line.startswith("LOADED ")]
    assert len(marker) == 1, done.stderr
    return done.returncode, json.loads(marker[0].removeprefix("LOADED "))


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("validate", "agreements/nationwide-ceasefire-2016-12-30.yaml"),
        ("validate",),
        ("rules",),
        ("explain", "X104"),
        ("check",),
    ],
    ids=lambda args: " ".join(args),
)
def test_light_commands_do_not_import_heavy_libraries(args: tuple[str, ...]) -> None:
    code, loaded = _heavy_modules_loaded(*args)
    assert code == 0
    heavy = [name for name in loaded if not name.startswith("accords.")]
    assert heavy == []


def test_validate_imports_no_rule_but_the_structure_rules() -> None:
    # accords.toml selects codes of other families: they are checked without their modules.
    code, loaded = _heavy_modules_loaded("validate", "agreements/moscow-declaration-2016.yaml")
    assert (code, loaded) == (0, [])


def test_the_probe_sees_a_heavy_import() -> None:
    # ``check --events`` needs pyarrow and NumPy: the probe above must be able to see them.
    events = REPO / "tests" / "data" / "rules" / "x104-fail" / "events.csv"
    code, loaded = _heavy_modules_loaded("check", "--events", str(events))
    assert code in (0, 1)
    assert {name.split(".")[0] for name in loaded if not name.startswith("accords.")} == {
        "pyarrow",
        "numpy",
    }

"""The CLI on hostile input: findings and exit 1, never a traceback, bounded memory.

A few runs go through a real subprocess (the installed entry point, stdout encoding, exit codes);
the rest run in-process to keep the suite fast. Internal errors are injected to check the last
line of defence in ``main()``: one line on stderr, exit 2, and the traceback only with --debug.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import accords.checking.validate
from accords.cli import app as app_module
from support import run_accords, without_timing

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CASES: dict[str, dict[str, Any]] = tomllib.loads((HOSTILE / "cases.toml").read_text("utf-8"))
#: Peak memory of one `accords validate` over every hostile file, interpreter included.
MEMORY_BOUND_MB = 200
#: A hang guard, not a speed goal: the whole corpus takes about a second.
TIMEOUT_S = 120


_MEASURED = """
import os, resource, sys
from accords.cli.app import main
try:
    main()
finally:
    with open(os.environ["ACCORDS_TEST_MAXRSS"], "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def _run(
    args: list[str], tmp_path: Path, **env: str
) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run ``accords ARGS`` in a child process; return it and its peak memory in MB."""
    rss_file = tmp_path / "maxrss"
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        env={**os.environ, "ACCORDS_TEST_MAXRSS": str(rss_file), **env},
        check=False,
    )
    kb = int(rss_file.read_text()) if rss_file.exists() else 0
    return result, kb // 1024 if sys.platform != "darwin" else kb // (1024 * 1024)


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    """The hostile files too large to commit, in an agreements/ folder of their own."""
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "deep-flow.yaml").write_bytes(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    (folder / "deep-block.yaml").write_bytes(b"a: " + b"- " * 10_000 + b"x\n")
    items = b"id: x\ntitle: t\nkind: ceasefire\nsources: ["
    (folder / "bad-ids.yaml").write_bytes(items + b"A," * 19_990 + b"A]\n")
    (folder / "million-items.yaml").write_bytes(items + b"A," * 500_000 + b"A]\n")
    with (folder / "huge.yaml").open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    (folder / "folder.yaml").mkdir()
    (folder / "outside.yaml").symlink_to("/etc/passwd")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="resource and symlinks need POSIX")
def test_validate_on_every_hostile_file_reports_and_stays_bounded(
    generated: Path, tmp_path: Path
) -> None:
    result, peak_mb = _run(["validate", str(HOSTILE), str(generated)], tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert "Traceback" not in output and "internal error" not in output
    for name, case in CASES.items():
        shown = str(HOSTILE / name) if not name.startswith("/") else name
        if case.get("clean"):
            assert f"{Path(name).name}:" not in output, name
        else:
            assert f"{Path(shown).name}:{case['line']}:{case['col']}: {case['code']} " in output, (
                name
            )
    for name, code in [
        ("deep-flow.yaml", "E009"),
        ("deep-block.yaml", "E009"),
        ("bad-ids.yaml", "E013"),
        ("million-items.yaml", "E007"),
        ("huge.yaml", "E007"),
        ("folder.yaml", "E012"),
        ("outside.yaml", "E012"),
    ]:
        assert f"{name}:" in output and f": {code} error" in output, name
    assert "root:x:0:0" not in output  # the symbolic link to /etc/passwd was not followed
    assert 0 < peak_mb < MEMORY_BOUND_MB, f"peak memory {peak_mb} MB"


def test_a_clean_crlf_file_exits_0_in_a_real_process(tmp_path: Path) -> None:
    result, _ = _run(["validate", str(HOSTILE / "agreements" / "crlf.yaml")], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.endswith(": all clear, no findings.\n")


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes need Linux")
def test_a_file_name_that_is_not_utf8_is_printed_not_crashed_on(tmp_path: Path) -> None:
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"id: [x]\n")
    result, _ = _run(["validate", str(folder)], tmp_path, PYTHONIOENCODING="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "caf" in result.stdout and ": E103 " in result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_corpus_file_gives_its_exit_code_in_process(name: str) -> None:
    result = run_accords("validate", "--format", "json", str(HOSTILE / name))
    assert "internal error" not in result.err, result.err
    clean = bool(CASES[name].get("clean"))
    assert result.code == (0 if clean else 1), result.output
    document = json.loads(result.output)
    codes = [(f["code"], f["line"], f["col"]) for f in document["findings"]]
    if not clean:
        assert (CASES[name]["code"], CASES[name]["line"], CASES[name]["col"]) in codes


def test_escape_sequences_in_a_file_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "agreements" / "escapes.yaml"
    path.parent.mkdir()
    path.write_text('id: x\n"\\e]0;owned\\a": 1\n"\\e]0;owned\\a": 2\ntitle: "\\e[2J"\n', "utf-8")
    for fmt in ("text", "github"):
        result = run_accords("validate", "--format", fmt, str(path))
        assert result.code == 1, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output, fmt
        assert "\\x1b]0;owned" in result.output, fmt


def test_a_bidi_override_in_a_file_is_a_finding_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Path("agreements") / "bidi.yaml"
    monkeypatch.chdir(tmp_path)
    path.parent.mkdir()
    path.write_text('id: x\ntitle: "Truce \u202e.sdloh"\nkind: ceasefire\n', "utf-8")
    result = run_accords("validate", str(path))
    output = without_timing(result.output)
    assert (result.code, output) == (
        1,
        f"{path}:2:8: E108 error: title: control character U+202E (RIGHT-TO-LEFT OVERRIDE) "
        "is not allowed\n"
        ' 2 | title: "Truce \\u202e.sdloh"\n'
        "   |        ^\n"
        "   = hint: remove it: a terminal or an editor would act on it instead of showing it; "
        "text may hold line breaks and tabs\n"
        "Validated 1 file (no valid record) in T s: 1 error in 1 file.\n",
    )


def test_json_and_sarif_findings_escape_a_bidi_key(tmp_path: Path) -> None:
    path = tmp_path / "agreements" / "key.yaml"
    path.parent.mkdir()
    path.write_text('id: x\ntitle: T\nkind: ceasefire\n"n\u202eote": 1\n', "utf-8")
    for fmt in ("json", "sarif"):
        result = run_accords("validate", "--format", fmt, str(path))
        assert result.code == 1, result.output
        assert "\u202e" not in result.output and "\\u202e" in result.output, fmt
    (finding,) = json.loads(result.output)["runs"][0]["results"]
    assert finding["message"]["text"].startswith("unknown field 'n\u202eote'")


# --- the last line of defence ---------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> list[object]:
    raise RuntimeError("unexpected state\nwith a second line")


def test_an_internal_error_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accords.checking.validate, "validate_files", _boom)
    monkeypatch.setitem(app_module._state, "debug", False)
    result = run_accords("validate", HOSTILE / "agreements")
    assert result.code == 2
    err = result.err
    assert err.count("\n") == 1, err
    assert err.startswith("accords: internal error: RuntimeError: unexpected state with a second")
    assert "report" in err and "--debug" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accords.checking.validate, "validate_files", _boom)
    monkeypatch.setitem(app_module._state, "debug", False)
    with pytest.raises(RuntimeError, match="unexpected state"):
        run_accords("--debug", "validate", HOSTILE / "agreements")


def test_accords_debug_in_the_environment_shows_the_traceback(tmp_path: Path) -> None:
    code = (
        "import accords.checking.validate as v\n"
        "def boom(*a, **k): raise RuntimeError('injected')\n"
        "v.validate_files = boom\n"
        "from accords.cli.app import main\n"
        "main()\n"
    )
    args = [sys.executable, "-c", code, "validate", str(HOSTILE / "agreements")]
    quiet = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    assert quiet.returncode == 2
    assert quiet.stderr.startswith("accords: internal error: RuntimeError: injected")
    assert "Traceback" not in quiet.stderr
    env = {**os.environ, "ACCORDS_DEBUG": "1"}
    loud = subprocess.run(
        args, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False
    )
    assert loud.returncode == 1
    assert "Traceback" in loud.stderr and "RuntimeError: injected" in loud.stderr


def test_an_environment_error_is_one_line_and_exit_2() -> None:
    result = run_accords("validate", "no/such/file.yaml")
    assert result.code == 2
    err = result.err
    assert err == "accords: error: no/such/file.yaml: no such file or directory\n"

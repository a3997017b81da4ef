"""The content-hash cache: a warm run prints exactly what a cold run prints, parses nothing it
has read before, and never trusts a cache it did not write.

Each test caches in a folder of its own (``ACCORDS_CACHE_DIR``, see conftest.py); a warm run
is proved warm by counting the files it parsed.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import accords.loading.cache as cache_module
from accords.loading.cache import fingerprint
from accords.loading.cache_pack import CACHEDIR_TAG, MAGIC
from support import Calls, Run, count_calls, run_accords, without_timing

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"
INVALID = sorted(path for path in (REPO / "tests" / "data" / "invalid").iterdir() if path.is_dir())
BUNDLED_FILES = sum(
    1
    for folder in ("actors", "agreements", "events", "scenarios", "seeds")
    for _ in (REPO / folder).glob("*.yaml")
)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Counts the files that runs parsed rather than took from the cache."""
    return count_calls(monkeypatch, cache_module, "record_of")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    return root


def _run(cwd: Path, *args: str) -> Run:
    result = run_accords(*args, cwd=cwd)
    assert "internal error" not in result.err, result.output
    assert result.code in (0, 1), result.output
    return result


def _shown(result: Run) -> tuple[int, str]:
    return result.code, without_timing(result.output)


def _packs(folder: Path, purpose: str = "*") -> list[Path]:
    return sorted(folder.glob(f"{purpose}-*.pack"))


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "--format", "json"),
        ("check", "--format", "sarif"),
        ("validate",),
        ("validate", "--format", "github"),
    ],
)
def test_bundled_dataset_warm_run_prints_what_the_cold_run_printed(
    args: tuple[str, ...], parsed: Calls
) -> None:
    uncached = _shown(_run(REPO, *args, "--no-cache"))
    assert parsed.count == BUNDLED_FILES
    cold = _shown(_run(REPO, *args))
    assert parsed.count == 2 * BUNDLED_FILES
    warm = _shown(_run(REPO, *args))
    assert parsed.count == 2 * BUNDLED_FILES, "the warm run parsed files again"
    assert warm == cold == uncached


@pytest.mark.parametrize("case", INVALID, ids=[case.name for case in INVALID])
@pytest.mark.parametrize("command", ["check", "validate"])
def test_findings_of_broken_files_are_the_same_warm(
    case: Path, command: str, tmp_path: Path, parsed: Calls
) -> None:
    root = tmp_path / case.name
    shutil.copytree(case, root)
    uncached = _shown(_run(root, command, "--format", "json", "--no-cache"))
    files = parsed.count
    cold = _shown(_run(root, command, "--format", "json"))
    warm = _shown(_run(root, command, "--format", "json"))
    assert parsed.count == 2 * files
    assert warm == cold == uncached
    assert json.loads(warm[1])["findings"], "an invalid case with no finding"


def test_paths_follow_the_working_directory(dataset: Path, parsed: Calls) -> None:
    """Findings show paths relative to where accords runs; the cache stores them without."""
    agreement = dataset / "agreements" / "riverside-truce-2031.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.replace("kind: ceasefire", "kind: ceasefire\nkind: truce"), "utf-8")
    _run(dataset, "check")  # cold, from the root
    before = parsed.count
    inside = dataset / "agreements"
    warm = _shown(_run(inside, "check", "--format", "json"))
    assert parsed.count == before
    assert warm == _shown(_run(inside, "check", "--format", "json", "--no-cache"))
    duplicate = [f for f in json.loads(warm[1])["findings"] if f["code"] == "E002"]
    assert [(f["path"], f["related"][0]["path"]) for f in duplicate] == [
        ("riverside-truce-2031.yaml", "riverside-truce-2031.yaml")
    ]


def test_a_changed_file_is_read_again(dataset: Path, parsed: Calls) -> None:
    _run(dataset, "check")
    agreement = dataset / "agreements" / "capital-talks-2031.yaml"
    agreement.write_text(agreement.read_text("utf-8") + "rolez: [x]\n", encoding="utf-8")
    before = parsed.count
    warm = _shown(_run(dataset, "check"))
    assert parsed.count == before + 1
    assert warm == _shown(_run(dataset, "check", "--no-cache"))
    assert "capital-talks-2031.yaml:" in warm[1]
    assert " E102 error: unknown field 'rolez'" in warm[1]


def test_a_file_read_as_another_kind_is_read_again(dataset: Path, parsed: Calls) -> None:
    path = "agreements/capital-talks-2031.yaml"
    _run(dataset, "validate", path)
    before = parsed.count
    as_actor = _shown(_run(dataset, "validate", path, "--record-kind", "actor"))
    assert parsed.count == before + 1
    assert as_actor == _shown(
        _run(dataset, "validate", path, "--record-kind", "actor", "--no-cache")
    )
    assert as_actor[0] == 1


def test_another_version_of_accords_reads_every_file_again(
    dataset: Path, parsed: Calls, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _shown(_run(dataset, "check"))
    files = parsed.count
    with monkeypatch.context() as patch:
        patch.setattr(sys.modules["accords"], "__version__", "99.0.0")
        fingerprint.cache_clear()
        try:
            warm = _shown(_run(dataset, "check"))
        finally:
            fingerprint.cache_clear()
    assert parsed.count == 2 * files
    assert warm == cold
    # one per purpose and version: each version reads only its own
    assert [path.name.split("-")[0] for path in _packs(cache_dir)] == ["records"] * 2 + [
        "results"
    ] * 2


def test_no_cache_neither_reads_nor_writes(dataset: Path, parsed: Calls, cache_dir: Path) -> None:
    _run(dataset, "check")
    packs = {path: path.read_bytes() for path in _packs(cache_dir)}
    files = parsed.count
    for args in (("check",), ("validate",), ("compare",), ("export",), ("timeline",)):
        _run(dataset, *args, "--no-cache")
    assert parsed.count == 6 * files
    assert {path: path.read_bytes() for path in _packs(cache_dir)} == packs


def test_accords_no_cache_turns_it_off(
    dataset: Path, parsed: Calls, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORDS_NO_CACHE", "1")
    _run(dataset, "check")
    _run(dataset, "check")
    assert parsed.count == 2 * 21
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_every_command_that_loads_the_dataset_takes_no_cache() -> None:
    commands = ("check", "validate", "compare", "diff", "show", "timeline", "export", "scenarios")
    for command in commands:
        assert "--no-cache" in run_accords(command, "--help").output, command


def test_the_cache_folder_sits_at_the_dataset_root(
    dataset: Path, parsed: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACCORDS_CACHE_DIR")
    _run(dataset / "agreements", "check")
    folder = dataset / ".accords_cache"
    assert (folder / ".gitignore").read_text("ascii") == "*\n"
    assert (folder / "CACHEDIR.TAG").read_text("ascii") == CACHEDIR_TAG
    assert [path.name for path in _packs(folder)] == [
        f"{purpose}-{fingerprint().hex()}.pack" for purpose in ("records", "results")
    ]
    _run(dataset, "validate")
    assert len(_packs(folder)) == 3
    before = parsed.count
    _run(dataset, "check")
    _run(dataset, "validate")
    assert parsed.count == before


@pytest.mark.parametrize("purpose", ["records", "findings"])
def test_an_unwritable_cache_folder_means_no_cache(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, purpose: str
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n", encoding="utf-8")
    monkeypatch.setenv("ACCORDS_CACHE_DIR", str(blocker / "cache"))
    command = "check" if purpose == "records" else "validate"
    result = _run(dataset, command)
    assert _shown(result) == _shown(_run(dataset, command, "--no-cache"))
    assert result.err == ""
    assert blocker.read_text("utf-8") == "a file where the cache folder would go\n"


def _corrupt_ways() -> Iterator[tuple[str, object]]:
    yield "empty file", lambda data: b""
    yield "truncated", lambda data: data[: len(data) // 2]
    yield "one byte flipped", lambda data: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]
    yield (
        "another format",
        lambda data: MAGIC + bytes([data[len(MAGIC)] + 1]) + data[len(MAGIC) + 1 :],
    )
    yield "garbage", lambda data: os.urandom(len(data))
    yield "not a pack", lambda data: b"[]\n"


CORRUPTIONS = list(_corrupt_ways())


@pytest.mark.parametrize("corrupt", [c for _, c in CORRUPTIONS], ids=[n for n, _ in CORRUPTIONS])
@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(
    dataset: Path, parsed: Calls, cache_dir: Path, command: str, corrupt: object
) -> None:
    cold = _shown(_run(dataset, command))
    files = parsed.count
    for pack in _packs(cache_dir):
        pack.write_bytes(corrupt(pack.read_bytes()))  # type: ignore[operator]
    assert _shown(_run(dataset, command)) == cold
    assert parsed.count == 2 * files  # nothing taken from it
    assert _shown(_run(dataset, command)) == cold
    assert parsed.count == 2 * files  # rebuilt: the next run is warm again


def test_an_entry_that_names_other_code_is_never_run(
    dataset: Path, parsed: Calls, cache_dir: Path, tmp_path: Path
) -> None:
    """A pack with a valid checksum whose entry would call a function when unpickled (as one
    planted in a repository could) is refused entry by entry, and the file is read instead."""
    cold = _shown(_run(dataset, "check"))
    files = parsed.count
    witness = tmp_path / "ran"

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.mkdir, (str(witness),))

    for path in _packs(cache_dir):  # the records and the check results
        pack = cache_module.read_pack(path, fingerprint())
        for where, (key, _) in list(pack.entries.items()):
            pack.store(where, key, pickle.dumps(Planted()))
        pack.save()
    assert _shown(_run(dataset, "check")) == cold
    assert not witness.exists()
    assert parsed.count == 2 * files


def test_two_runs_can_share_the_cache(dataset: Path, cache_dir: Path) -> None:
    command = [sys.executable, "-m", "accords", "check", "--format", "json"]
    env = {**os.environ, "ACCORDS_CACHE_DIR": str(cache_dir)}
    expected = _run(dataset, "check", "--format", "json", "--no-cache").out
    for _ in range(2):
        runs = [
            subprocess.Popen(command, cwd=dataset, env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        outputs = [run.communicate()[0] for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0]
        assert [_findings_only(out) for out in outputs] == [_findings_only(expected)] * 3
    (records,) = _packs(cache_dir, "records")
    assert len(cache_module.read_pack(records, fingerprint()).entries) == 21
    (results,) = _packs(cache_dir, "results")
    assert len(cache_module.read_pack(results, fingerprint()).entries) == 1


def _findings_only(output: str) -> object:
    return json.loads(output)["findings"]


def test_packs_of_other_versions_go_after_a_day(
    dataset: Path, parsed: Calls, cache_dir: Path
) -> None:
    cache_dir.mkdir(exist_ok=True)
    old, recent = cache_dir / "records-0000.pack", cache_dir / "records-1111.pack"
    other_purpose = cache_dir / "findings-0000.pack"
    for path in (old, recent, other_purpose):
        path.write_bytes(b"written by another version")
    a_day_ago = time.time() - 24 * 3600 - 60
    os.utime(old, (a_day_ago, a_day_ago))
    os.utime(other_purpose, (a_day_ago, a_day_ago))
    _run(dataset, "check")
    names = sorted(path.name for path in _packs(cache_dir))
    assert names == sorted(
        [
            "findings-0000.pack",
            "records-1111.pack",
            f"records-{fingerprint().hex()}.pack",
            f"results-{fingerprint().hex()}.pack",
        ]
    )


def test_fmt_check_after_a_check_parses_nothing(parsed: Calls) -> None:
    """fmt reads through the same cache: a file a check has read is not parsed again."""
    cold = _shown(_run(REPO, "fmt", "--check", "--no-cache"))
    assert parsed.count == BUNDLED_FILES
    _run(REPO, "check")
    assert parsed.count == 2 * BUNDLED_FILES
    warm = _shown(_run(REPO, "fmt", "--check"))
    assert parsed.count == 2 * BUNDLED_FILES, "fmt parsed files the check had read"
    assert warm == cold

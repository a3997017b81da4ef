"""The cache of check results: an unchanged dataset checked again with the same selection loads
no record and runs no rule, and prints exactly what a fresh check prints; any change to what the
findings depend on runs the check afresh.

Each test caches in a folder of its own (``ACCORDS_CACHE_DIR``, see conftest.py). A run is
proved to come from the kept result by counting the datasets it loaded.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import accords.dataset as dataset_module
from accords.checking.registry import RULES, load_all
from accords.loading.cache import fingerprint
from support import Calls, Run, count_calls, run_accords, without_timing

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"
TRUCE = Path("agreements") / "riverside-truce-2031.yaml"
DAILY = Path("seeds") / "daily-2031-03-03.yaml"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Counts the datasets that runs loaded: a run answered from the cache loads none."""
    return count_calls(monkeypatch, dataset_module, "load_records")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """The fixture dataset with archived texts: one term quotes ``texts/daily.txt``."""
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURE, root)
    with (root / "accords.toml").open("a", encoding="utf-8") as config:
        config.write('\n[sources]\ntexts = "texts"\n')
    _edit(root / DAILY, "kind: news\n", "kind: news\nfile: daily.txt\n")
    _edit(
        root / TRUCE,
        "obligations: [river-front, eastland], sources: [daily-2031-03-03]}",
        "obligations: [river-front, eastland], sources: "
        '[{source: daily-2031-03-03, quote: ["halt offensive operations"]}]}',
    )
    (root / "texts").mkdir()
    (root / "texts" / "daily.txt").write_text(
        "Riverside truce.\n\nAll sides agreed to halt offensive operations.\n", encoding="utf-8"
    )
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _shown(result: Run) -> tuple[int, str]:
    assert "internal error" not in result.err, result.output
    return result.code, without_timing(result.output)


def _check(root: Path, *args: str) -> tuple[int, str]:
    return _shown(run_accords("check", "--format", "json", *args, cwd=root))


def _codes(shown: tuple[int, str]) -> list[str]:
    return [finding["code"] for finding in json.loads(shown[1])["findings"]]


def _packs(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.pack"))


def test_an_unchanged_dataset_is_answered_without_loading_it(
    dataset: Path, loads: Calls, cache_dir: Path
) -> None:
    fresh = _check(dataset, "--no-cache")
    cold = _check(dataset)
    assert loads.count == 2
    assert _packs(cache_dir) == [f"{p}-{fingerprint().hex()}.pack" for p in ("records", "results")]
    for _ in range(2):
        assert _check(dataset) == cold == fresh
    assert loads.count == 2, "a run on the unchanged dataset loaded it"


@pytest.mark.parametrize("output", ["text", "github", "sarif"])
def test_every_format_prints_the_same_warm(dataset: Path, loads: Calls, output: str) -> None:
    fresh = _shown(run_accords("check", "--format", output, "--no-cache", cwd=dataset))
    run_accords("check", cwd=dataset)
    warm = _shown(run_accords("check", "--format", output, cwd=dataset))
    assert loads.count == 2
    assert warm == fresh


def _changes() -> Iterator[tuple[str, Callable[[Path], None], tuple[str, ...]]]:
    """Each a change to what the findings depend on, and the option it needs, if any."""

    def quote_gone(root: Path) -> None:
        _edit(root / "texts" / "daily.txt", "halt offensive", "stop offensive")

    def text_missing(root: Path) -> None:
        (root / "texts" / "daily.txt").unlink()

    def texts_folder_missing(root: Path) -> None:
        shutil.rmtree(root / "texts")

    def record_edited(root: Path) -> None:
        _edit(root / TRUCE, "kind: ceasefire", "kind: ceasefire\nkind: truce")

    def record_added(root: Path) -> None:
        shutil.copy(root / DAILY, root / "seeds" / "daily-copy.yaml")

    def record_removed(root: Path) -> None:
        (root / DAILY).unlink()

    def record_renamed(root: Path) -> None:
        (root / DAILY).rename(root / "seeds" / "daily-renamed.yaml")

    def configuration_changed(root: Path) -> None:
        _edit(root / "accords.toml", 'extend-select = ["E200"]', 'ignore = ["C100"]')

    def nothing(root: Path) -> None:
        return None

    yield "a quoted text changed", quote_gone, ()
    yield "a quoted text removed", text_missing, ()
    yield "the texts folder removed", texts_folder_missing, ()
    yield "a record edited", record_edited, ()
    yield "a record added", record_added, ()
    yield "a record removed", record_removed, ()
    yield "a record renamed", record_renamed, ()
    yield "the configuration changed", configuration_changed, ()
    yield "another selection", nothing, ("--select", "S,R")
    yield "the texts given on the command line", nothing, ("--texts", "seeds")


CHANGES = list(_changes())


@pytest.mark.parametrize(
    ("change", "options"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_a_change_checks_afresh(
    dataset: Path, loads: Calls, change: Callable[[Path], None], options: tuple[str, ...]
) -> None:
    before = _check(dataset)
    change(dataset)
    after = _check(dataset, *options)
    assert loads.count == 2, "the changed dataset was answered from the cache"
    assert after == _check(dataset, *options, "--no-cache")
    assert after != before


def test_any_edit_of_the_configuration_checks_afresh(dataset: Path, loads: Calls) -> None:
    before = _check(dataset)
    with (dataset / "accords.toml").open("a", encoding="utf-8") as config:
        config.write("# a comment changes nothing the rules read, but the file is read anew\n")
    assert _check(dataset) == before
    assert loads.count == 2


def test_a_text_that_appears_checks_afresh(dataset: Path, loads: Calls) -> None:
    """A quoted text that was missing, then added, is a change like any other."""
    text = dataset / "texts" / "daily.txt"
    content = text.read_bytes()
    text.unlink()
    missing = _check(dataset)
    text.write_bytes(content)
    found = _check(dataset)
    assert loads.count == 2
    assert found == _check(dataset, "--no-cache")
    assert "S104" not in _codes(found)
    assert missing != found


def test_another_working_directory_checks_afresh(dataset: Path, loads: Calls) -> None:
    """Findings show paths from the working directory: kept ones fit only the same one."""
    _edit(dataset / TRUCE, "kind: ceasefire", "kind: ceasefire\nkind: truce")
    from_root = _check(dataset)
    inside = _check(dataset / "agreements")
    assert loads.count == 2
    assert inside == _check(dataset / "agreements", "--no-cache")
    assert from_root != inside


def test_a_run_in_which_a_rule_crashed_is_not_kept(
    dataset: Path, loads: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashing(dataset: object) -> Iterator[object]:
        raise RuntimeError("boom")

    load_all()
    with monkeypatch.context() as patch:
        patch.setitem(RULES, "S104", dataclasses.replace(RULES["S104"], check=crashing))
        crashed = _check(dataset)
    assert "E900" in _codes(crashed)
    after = _check(dataset)
    assert loads.count == 2, "the crashed run's findings were kept"
    assert after == _check(dataset, "--no-cache")
    assert "E900" not in _codes(after)


def test_fixing_runs_neither_read_nor_keep_results(
    dataset: Path, loads: Calls, cache_dir: Path
) -> None:
    _check(dataset, "--fix")
    assert not list(cache_dir.glob("results-*.pack"))
    _check(dataset)
    loaded = loads.count
    _check(dataset, "--fix")
    assert loads.count == loaded + 1


@pytest.fixture
def rule_runs(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Counts the runs of one rule (R101, which every check runs)."""
    counter = Calls()
    load_all()
    counted = dataclasses.replace(RULES["R101"], check=counter.wrap(RULES["R101"].check))
    monkeypatch.setitem(RULES, "R101", counted)
    return counter


X104 = REPO / "tests" / "data" / "rules" / "x104-fail"


def test_an_events_check_of_an_unchanged_record_runs_only_the_events_checks(
    tmp_path: Path, loads: Calls, rule_runs: Calls
) -> None:
    """The record's findings are kept; the events file is read and checked on every run."""
    root = tmp_path / "x104"
    shutil.copytree(X104, root)
    fresh = _check(root, "--events", "events.csv", "--no-cache")
    assert _check(root, "--events", "events.csv") == fresh
    assert rule_runs.count == 2
    assert _check(root, "--events", "events.csv") == fresh
    assert (loads.count, rule_runs.count) == (3, 2), "the rules ran on an unchanged record"
    assert "X104" in _codes(fresh)
    events = root / "events.csv"
    events.write_text("\n".join(events.read_text("utf-8").splitlines()[:2]) + "\n", "utf-8")
    fewer = _check(root, "--events", "events.csv")
    assert rule_runs.count == 2
    assert fewer == _check(root, "--events", "events.csv", "--no-cache")
    assert "X104" not in _codes(fewer)
    assert rule_runs.count == 3  # the run with --no-cache
    without_events = _check(root)
    assert rule_runs.count == 3
    assert without_events == _check(root, "--no-cache")


def _corruptions() -> Iterator[tuple[str, Callable[[bytes], bytes]]]:
    yield "empty file", lambda data: b""
    yield "truncated", lambda data: data[: len(data) // 2]
    yield "one byte flipped", lambda data: data[:-50] + bytes([data[-50] ^ 1]) + data[-49:]
    yield "garbage", lambda data: os.urandom(len(data))


CORRUPTIONS = list(_corruptions())


@pytest.mark.parametrize("corrupt", [c for _, c in CORRUPTIONS], ids=[n for n, _ in CORRUPTIONS])
def test_a_corrupt_results_pack_is_ignored_and_rebuilt(
    dataset: Path, loads: Calls, cache_dir: Path, corrupt: Callable[[bytes], bytes]
) -> None:
    cold = _check(dataset)
    (pack,) = cache_dir.glob("results-*.pack")
    pack.write_bytes(corrupt(pack.read_bytes()))
    assert _check(dataset) == cold
    assert loads.count == 2
    assert _check(dataset) == cold
    assert loads.count == 2, "the pack was not rebuilt"

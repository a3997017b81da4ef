"""Hostile inputs too large or too special to commit, generated in a temporary folder.

A 50 MB file, 10,000-deep nesting, a million-item list, symbolic links out of the dataset,
a directory and a named pipe called ``*.yaml``: each is a finding with a position, never an
exception, a hang, or a read of something outside the dataset.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from accords.dataset import load_dataset
from accords.findings import Finding, Severity
from accords.loading.messages import MAX_FINDINGS_PER_FILE
from accords.loading.records import load_file, read_bytes
from accords.loading.yaml_positions import MAX_DEPTH, MAX_FILE_BYTES, MAX_INT, read_yaml

AGREEMENT = (
    "id: {id}\ntitle: A truce\nkind: ceasefire\nsources: [some-source]\n"
    "note: the secret text of {id}\n"
)


def _codes(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.col) for f in findings]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    root = tmp_path / "dataset"
    (root / "agreements").mkdir(parents=True)
    (root / "accords.toml").write_text("", encoding="utf-8")
    (root / "agreements" / "plain.yaml").write_text(AGREEMENT.format(id="plain"), "utf-8")
    return root


# --- size -----------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "agreements" / "huge.yaml"
    path.parent.mkdir()
    with path.open("wb") as out:  # sparse: 50 MB on paper, nothing on disk
        out.truncate(50 * 1024 * 1024)
    data, problem = read_bytes(path, "huge.yaml")
    assert data is None
    assert problem is not None and problem.code == "E007", problem
    assert "52,428,800" in problem.message


def test_bytes_over_the_limit_are_refused_before_parsing() -> None:
    doc = read_yaml("big.yaml", b"a: [" + b"[" * (MAX_FILE_BYTES + 1))
    assert _codes(doc.findings) == [("E007", 1, 1)]
    assert doc.locations == {}


def test_a_million_items_is_refused_without_validating_them() -> None:
    data = b"id: x\ntitle: t\nkind: ceasefire\nsources: [" + b"A," * 400_000 + b"A]\n"
    assert len(data) <= MAX_FILE_BYTES
    loaded = load_file_from_bytes(data)
    assert [f.code for f in loaded] == ["E007"], loaded
    assert "values" in loaded[0].message


def test_many_schema_errors_are_counted_not_listed() -> None:
    data = b"id: x\ntitle: t\nkind: ceasefire\nsources: [" + b"A," * 999 + b"A]\n"
    findings = load_file_from_bytes(data)
    assert len(findings) == MAX_FINDINGS_PER_FILE + 1
    (summary,) = [f for f in findings if f.code == "E013"]
    assert summary.message.startswith(f"{1000 - MAX_FINDINGS_PER_FILE:,} more")


def load_file_from_bytes(data: bytes) -> list[Finding]:
    from accords.loading.records import parse_file

    return parse_file(data, "agreement", "f.yaml").findings


# --- depth ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing", "code"),
    # "a: - - x" is not YAML at all: a block list cannot start on its key's line.
    [(b"[", b"]", "E009"), (b"{a: ", b"}", "E009"), (b"- ", b"", "E001")],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_10000_deep_nesting_stops_at_the_depth_limit(
    opening: bytes, closing: bytes, code: str
) -> None:
    data = b"a: " + opening * 10_000 + b"x" + closing * 10_000 + b"\n"
    doc = read_yaml("deep.yaml", data)
    # Whichever limit is met first, ours or libyaml's own (0.2.6 and later), it is E009.
    assert [f.code for f in doc.findings] == [code], doc.findings
    (finding,) = doc.findings
    assert finding.line == 1 and finding.col > 1
    # Nothing deeper than the limit was ever built.
    assert max(len(path) for path in doc.locations) <= MAX_DEPTH + 1


def test_a_deep_block_mapping_stops_at_the_depth_limit() -> None:
    data = b"".join(b" " * i + b"k:\n" for i in range(1000)) + b" " * 1000 + b"x\n"
    doc = read_yaml("deep.yaml", data)
    # Line n opens level n at column n; level MAX_DEPTH + 1 is the first one refused.
    deepest = MAX_DEPTH + 1
    assert _codes(doc.findings) == [("E009", deepest, deepest)], doc.findings


def test_unclosed_deep_nesting_is_a_finding() -> None:
    doc = read_yaml("deep.yaml", b"a: " + b"[" * 10_000)
    assert [f.code for f in doc.findings] == ["E009"]


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ok"),
    [(str(MAX_INT), True), (str(MAX_INT + 1), False), (str(-MAX_INT), True), ("9" * 5000, False)],
    ids=["max", "max+1", "-max", "5000-digits"],
)
def test_integers_are_bounded_at_64_bits(text: str, ok: bool) -> None:
    doc = read_yaml("n.yaml", f"n: {text}\n".encode())
    assert (doc.findings == []) is ok, doc.findings
    if not ok:
        assert _codes(doc.findings) == [("E010", 1, 4)]
        assert len(doc.findings[0].message) < 100


# --- paths ----------------------------------------------------------------------------------


def test_a_directory_named_like_a_yaml_file_is_a_finding(dataset: Path) -> None:
    (dataset / "agreements" / "folder.yaml").mkdir()
    findings = load_dataset(dataset).load_findings
    assert [(f.code, Path(f.path).name) for f in findings] == [("E012", "folder.yaml")]
    assert "directory" in findings[0].message


def test_a_symlink_out_of_the_dataset_is_a_finding_and_not_followed(
    dataset: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text(AGREEMENT.format(id="secret"), encoding="utf-8")
    (dataset / "agreements" / "link.yaml").symlink_to(outside)
    loaded = load_dataset(dataset)
    findings = loaded.load_findings
    assert [(f.code, f.severity, Path(f.path).name) for f in findings] == [
        ("E015", Severity.WARNING, "link.yaml")
    ]
    assert "outside the dataset" in findings[0].message
    assert "secret" not in loaded.agreements
    assert set(loaded.agreements) == {"plain"}


def test_a_symlink_to_etc_passwd_is_not_read(dataset: Path) -> None:
    link = dataset / "agreements" / "passwd.yaml"
    link.symlink_to("/etc/passwd")
    data, problem = read_bytes(link, "passwd.yaml")
    assert data is None and problem is not None and problem.code == "E015"


def test_a_symlink_inside_the_dataset_is_followed(dataset: Path) -> None:
    (dataset / "agreements" / "same.yaml").symlink_to(dataset / "agreements" / "plain.yaml")
    loaded = load_dataset(dataset)
    assert loaded.load_findings == []
    assert "plain" in loaded.agreements


@pytest.mark.parametrize("target", ["missing.yaml", "loop.yaml"], ids=["broken", "loop"])
def test_broken_and_looping_symlinks_are_findings(dataset: Path, target: str) -> None:
    (dataset / "agreements" / "loop.yaml").symlink_to(dataset / "agreements" / target)
    findings = load_dataset(dataset).load_findings
    assert [f.code for f in findings] == ["E012"], findings


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_not_read(dataset: Path) -> None:
    # Opening a pipe for reading would block until a writer comes: never open it.
    os.mkfifo(dataset / "agreements" / "pipe.yaml")
    findings = load_dataset(dataset).load_findings
    assert [(f.code, Path(f.path).name) for f in findings] == [("E012", "pipe.yaml")]


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes need Linux")
def test_a_file_name_that_is_not_utf8_still_loads(dataset: Path) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    (dataset / "agreements" / name).write_text("id: [x]\n", encoding="utf-8")
    findings = load_dataset(dataset).load_findings
    assert findings and all(f.path.endswith(name) for f in findings), findings


def test_an_unreadable_file_is_a_finding(dataset: Path) -> None:
    path = dataset / "agreements" / "plain.yaml"
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        loaded = load_file(path, "agreement", "plain.yaml")
        assert [f.code for f in loaded.findings] == ["E012"]
        assert "cannot read" in loaded.findings[0].message
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_file_larger_than_its_stated_size_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files report a size of 0, like a file that grows between stat and read.
    import accords.loading.records as records

    monkeypatch.setattr(records, "MAX_FILE_BYTES", 16)
    data, problem = read_bytes(Path("/proc/self/status"), "status")
    assert data is None
    assert problem is not None and problem.code == "E007"
    assert "at least 17 bytes" in problem.message

"""``accords import pax`` on hostile exports: rows over the size limit are refused before they
are held in memory, with their line, column and size; other bad bytes get their line too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import run_accords

HEADER = "AgtId,Con,Agt,Dat,Status,Part,ThrdPart\n"
ROW = "9001,Hill,Hill Truce,2031-05-06,Multiparty signed/agreed,{part},Northland\n"


def refused(tmp_path: Path, content: bytes, *options: str) -> str:
    """The one error line of importing ``content``; the import must exit 2 and write nothing."""
    export = tmp_path / "export.csv"
    export.write_bytes(content)
    result = run_accords("import", "pax", export, "--out", "out", *options, cwd=tmp_path)
    assert (result.code, result.out) == (2, ""), result
    assert not (tmp_path / "out").exists()
    return result.err.replace(str(export), "EXPORT")


def test_a_cell_over_the_limit_names_its_line_column_and_size(tmp_path: Path) -> None:
    content = (HEADER + ROW.format(part="Hill Front " * 200)).encode()
    assert refused(tmp_path, content, "--max-field-bytes", "1000") == (
        "accords: error: EXPORT: line 2, column 6 (Part): 2,268 bytes in one row, over the limit "
        "of 1,000 bytes; is this a PA-X export? (--max-field-bytes raises the limit)\n"
    )


def test_a_quoted_field_over_the_limit_across_lines_is_refused(tmp_path: Path) -> None:
    part = '"' + "Hill Front\n" * 200 + '"'
    content = (HEADER + ROW.format(part=part)).encode()
    assert refused(tmp_path, content, "--max-field-bytes", "1000") == (
        "accords: error: EXPORT: lines 2-87, column 6 (Part): 1,004 bytes in one row, over the "
        "limit of 1,000 bytes; is this a PA-X export? (--max-field-bytes raises the limit)\n"
    )


def test_a_line_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    content = (HEADER + ROW.format(part="Hill Front")).encode() + b"9002,Hill,Caf\xe9,,,,\n"
    assert refused(tmp_path, content) == (
        "accords: error: EXPORT: line 3: not UTF-8 (byte 14 of the line: invalid continuation "
        "byte); save the export as UTF-8\n"
    )


def test_a_100_mb_header_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    with export.open("wb") as handle:
        handle.write(HEADER.rstrip("\n").encode() + b",")
        for _ in range(100):
            handle.write(b"X" * 1_000_000)
        handle.write(b"\n" + ROW.format(part="Hill Front").encode())
    # A child process, so that its peak resident memory (VmHWM) is the import's alone.
    probe = (
        "import sys\nfrom accords.cli.app import main\ntry:\n    main()\nfinally:\n"
        "    print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')),"
        " file=sys.stderr, end='')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "import", "pax", str(export), "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    error, peak = result.stderr.splitlines()
    assert (result.returncode, result.stdout) == (2, "")
    assert error == (
        f"accords: error: {export}: line 1, column 8: 100,000,040 bytes in one row, over the "
        "limit of 1,000,000 bytes; is this a PA-X export? (--max-field-bytes raises the limit)"
    )
    assert int(peak.split()[1]) < 300 * 1024, peak

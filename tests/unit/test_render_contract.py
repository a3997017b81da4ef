"""One renderer contract: each command's formats in one table, a typed result and a stream in.

The command line offers exactly the formats of its table, every renderer writes to the stream
it is given (the command hands it stdout, so the command prints what the renderer wrote), and
``show`` hands its renderers dataclasses, never dicts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accords.analysis.compare import compare
from accords.analysis.diff import diff
from accords.analysis.export import export_tables
from accords.analysis.scenarios import resolve_scenarios
from accords.analysis.show import (
    Accusation,
    CitedSource,
    ExclusionSummary,
    OutcomeSummary,
    ParticipantSummary,
    PositionSummary,
    RelatedSummary,
    TermSummary,
    show,
)
from accords.analysis.timeline import timeline
from accords.checking.catalogue import catalogue, find_rule
from accords.cli.app import app
from accords.cli.common import FindingsFormat
from accords.cli.compare import FORMATS as MATRIX_FORMAT_NAMES
from accords.cli.diff import ReportFormat
from accords.cli.export import ExportFormat
from accords.cli.rules import CatalogueFormat
from accords.cli.timeline import TimelineFormat
from accords.dataset import Dataset, load_dataset
from accords.render import diff as diff_render
from accords.render import export as export_render
from accords.render import keyed, matrix, rules, scenarios
from accords.render import show as show_render
from accords.render import timeline as timeline_render
from accords.render.contract import Renderer
from accords.render.findings import FORMATS as FINDINGS_FORMATS

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"
AGREEMENT = "riverside-truce-2031"


def _names(option: type[StrEnum]) -> list[str]:
    return [f.value for f in option]


#: Each command's format names, and the table of renderers it looks formats up in.
TABLES: dict[str, tuple[Sequence[str], dict[str, Any]]] = {
    "check": (_names(FindingsFormat), FINDINGS_FORMATS),
    "compare": (MATRIX_FORMAT_NAMES, matrix.FORMATS),
    "diff": (_names(ReportFormat), diff_render.FORMATS),
    "show": (_names(ReportFormat), show_render.FORMATS),
    "scenarios": (_names(ReportFormat), scenarios.FORMATS),
    "timeline": (_names(TimelineFormat), timeline_render.FORMATS),
    "export": (_names(ExportFormat), {**export_render.FORMATS, **keyed.WRITERS}),
    "rules": (_names(CatalogueFormat), rules.FORMATS),
}


@pytest.mark.parametrize("command", sorted(TABLES))
def test_the_command_offers_exactly_the_formats_of_its_table(command: str) -> None:
    names, table = TABLES[command]
    assert list(names) == list(table)


def test_every_command_calls_its_format_for_people_text() -> None:
    """One vocabulary: the human-readable format is ``text`` in every command that has one."""
    with_text = {command for command, (names, _) in TABLES.items() if "text" in names}
    assert with_text == {"check", "compare", "diff", "show", "scenarios", "timeline", "rules"}
    assert all("table" not in names for names, _ in TABLES.values())


def test_the_old_name_table_still_prints_the_text_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURE)
    text = CliRunner().invoke(app, ["compare", "--format", "text"])
    table = CliRunner().invoke(app, ["compare", "-f", "table"])
    assert (table.exit_code, table.stdout) == (0, text.stdout)
    assert text.exit_code == 0 and text.stdout.startswith("Actors × agreements")


def test_help_and_errors_name_only_the_formats_of_the_vocabulary() -> None:
    shown = CliRunner().invoke(app, ["compare", "--help"])
    (line,) = [ln for ln in shown.stdout.splitlines() if ln.strip().startswith("-f, --format")]
    assert line.split()[-1].strip("<>[]") == "text|markdown|csv|json|html|latex", line
    assert "table" not in shown.stdout.replace("--layout", "")
    wrong = CliRunner().invoke(app, ["compare", "-f", "tabel"])
    assert wrong.exit_code == 2
    expected = "'tabel' is not one of 'text', 'markdown', 'csv', 'json', 'html', 'latex'."
    assert expected in " ".join(wrong.output.split())


#: Each command's arguments, and the library call whose result its renderers take.
RUNS: dict[str, tuple[list[str], Callable[[Dataset], Any], dict[str, Renderer[Any]]]] = {
    "compare": (["compare"], compare, matrix.FORMATS),
    "diff": (
        ["diff", AGREEMENT, "harbour-evacuation-2031"],
        lambda d: diff(d, AGREEMENT, "harbour-evacuation-2031"),
        diff_render.FORMATS,
    ),
    "show": (["show", AGREEMENT], lambda d: show(d, AGREEMENT), show_render.FORMATS),
    "scenarios": (
        ["scenarios", "--as-of", "2031-06-20"],
        lambda d: resolve_scenarios(d, as_of="2031-06-20"),
        scenarios.FORMATS,
    ),
    "timeline": (["timeline"], timeline, timeline_render.FORMATS),
    "export": (
        ["export", "--table", "actors"],
        lambda d: export_tables(d, ["actors"]),
        export_render.FORMATS,
    ),
    "rules": (["rules"], lambda d: catalogue(), rules.FORMATS),
}
CASES = [(command, fmt) for command, (_, _, table) in RUNS.items() for fmt in table]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FIXTURE)


@pytest.mark.parametrize(("command", "fmt"), CASES)
def test_the_command_prints_what_its_renderer_writes_to_the_stream(
    command: str,
    fmt: str,
    dataset: Dataset,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args, run, table = RUNS[command]
    out = io.StringIO()
    table[fmt](run(dataset), out)
    assert capsys.readouterr().out == ""  # the renderer writes to its stream, nowhere else
    monkeypatch.chdir(FIXTURE)
    printed = CliRunner().invoke(app, [*args, "--format", fmt])
    assert (printed.exit_code, printed.stdout) == (0, out.getvalue())


def test_explain_prints_what_its_renderer_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    rules.EXPLAIN_FORMATS["text"](find_rule("C103"), out)
    printed = CliRunner().invoke(app, ["explain", "C103"])
    assert (printed.exit_code, printed.stdout) == (0, out.getvalue())


def test_show_hands_its_renderers_dataclasses(dataset: Dataset) -> None:
    summary = show(dataset, AGREEMENT)
    assert summary.participants == [
        ParticipantSummary(
            "northland", "Northland", ["mediator", "guarantor"], ["A. Minister"], None, False, False
        ),
        ParticipantSummary("river-front", "River Front", ["party"], [], None, False, False),
        ParticipantSummary("eastland", "Eastland", ["signatory", "party"], [], None, False, False),
    ]
    assert summary.exclusions == [
        ExclusionSummary(
            "black-flag", "<script>alert('x')</script>", "protection", "explicit", False, False
        ),
        ExclusionSummary("calc-group", "=cmd|' /C calc'!A0", "talks", "shut-out", True, False),
    ]
    assert summary.positions == [
        PositionSummary("hill-brigade", "Hill Brigade", "rejected", "2031-03-03", False, False)
    ]
    assert summary.terms == [
        TermSummary(
            "cessation",
            "cessation",
            "All parties halt offensive operations in the district.",
            None,
            None,
        ),
        TermSummary(
            "access",
            "humanitarian-access",
            "Aid convoys reach the old town daily.",
            "not-implemented",
            "2031-03-06",
        ),
    ]
    assert summary.outcome == OutcomeSummary(
        "collapsed",
        "2031-03",
        "riverside-offensive-2031-03",
        "The Hill Brigade opens an offensive on the district.",
    )
    assert summary.accusations == [
        Accusation(
            "Eastland", "River Front", "Shelled the old town during the truce.", "2031-03-10"
        ),
        Accusation("River Front", "Eastland", "Blocked the aid convoys.", None),
    ]
    assert summary.related == [
        RelatedSummary("follows", "valley-declaration-2031", "Valley declaration of principles")
    ]
    assert summary.sources == [
        CitedSource("daily-2031-03-03", "Truce announced for Riverside"),
        CitedSource("weekly-2031-03-09", "Why the Riverside truce is fragile | analysis"),
    ]
    assert summary.background_only is False


def test_every_csv_joins_several_values_with_one_separator(dataset: Dataset) -> None:
    """A compare cell's marks and an export cell's aliases split the same way, back into the
    values: one separator, no spaces around it."""
    import csv

    from accords.analysis.common import LIST_SEPARATOR

    result = compare(dataset)
    out = io.StringIO()
    matrix.FORMATS["csv"](result, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    ids = [a.id for a in result.agreements]
    marks = {(r["actor_id"], a): r[a].split(LIST_SEPARATOR) for r in rows for a in ids if r[a]}
    words = {(c["actor"], c["agreement"]): c["marks"] for c in result.to_dict()["cells"]}
    assert marks == words
    assert any(len(v) > 1 for v in marks.values())

    out = io.StringIO()
    export_render.FORMATS["csv"](export_tables(dataset, ["actors"]), out)
    aliases = {r["id"]: r["aliases"] for r in csv.DictReader(io.StringIO(out.getvalue()))}
    expected = {a.id: LIST_SEPARATOR.join(a.aliases) for a in dataset.actors.values()}
    assert aliases == expected
    assert LIST_SEPARATOR == ";"  # as the README documents


@pytest.mark.parametrize(
    ("repeated", "joined"),
    [
        (["check", "--select", "C100", "--select", "F103"], ["check", "--select", "C100,F103"]),
        (["check", "--ignore", "C100", "--ignore", "F103"], ["check", "--ignore", "C100,F103"]),
        (
            ["export", "--table", "actors", "--table", "events"],
            ["export", "--table", "actors,events"],
        ),
        (
            ["compare", "--kind", "state", "--kind", "armed-group"],
            ["compare", "--kind", "state,armed-group"],
        ),
    ],
)
def test_every_option_of_several_values_takes_them_repeated_or_comma_separated(
    repeated: list[str], joined: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURE)
    first, second = (CliRunner().invoke(app, [*args, "-f", "json"]) for args in (repeated, joined))
    assert (first.exit_code, first.stdout) == (second.exit_code, second.stdout)
    single = CliRunner().invoke(app, [*repeated[:3], "-f", "json"])
    assert single.stdout != first.stdout  # the second value counts too

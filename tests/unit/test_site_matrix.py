"""The matrix as the pages lay it out: empty cells in runs, compact data, readable colours."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accords.analysis.compare import ActorRow, AgreementColumn, Cell, ComparisonResult
from accords.analysis.marks import ADDED, EXCLUSION, ROLE, STANCE, Mark
from accords.render.site.look import FAMILIES, family
from accords.render.site.matrix_view import (
    Segment,
    ShownMark,
    matrix_data,
    script_json,
    shown_groups,
)

STATIC = Path(__file__).resolve().parents[2] / "src" / "accords" / "render" / "site" / "static"

RESULT = ComparisonResult(
    agreements=(
        AgreementColumn("a1", "First", "2031-01"),
        AgreementColumn("a2", "Second", None, undated=True),
        AgreementColumn("a3", "Third", "2031-03"),
        AgreementColumn("a4", "Fourth", "2031-04", undetermined=True),
        AgreementColumn("a5", "Fifth", "2031-05"),
    ),
    actors=(
        ActorRow("east", "Eastland", "state"),
        ActorRow("west", "</script><b>West</b>", "armed-group"),
        ActorRow("north", "Northland", "state"),
    ),
    cells=(
        Cell("east", "a1", (Mark("party", ROLE, ("s1",)),)),
        Cell("east", "a4", (Mark("mediator", ROLE, ("s2", "s1")), Mark("rejected?", STANCE))),
        Cell("west", "a3", (Mark("excluded:talks:shut-out", EXCLUSION, ("s2",), ADDED),)),
        Cell("west", "a5", (Mark("welcomed", STANCE, (), background=True),)),
    ),
)


def test_empty_cells_come_in_runs() -> None:
    (group,) = shown_groups(RESULT)
    assert group.label is None
    assert [(row.id, row.segments) for row in group.rows] == [
        (
            "east",
            (
                Segment(1, (ShownMark("party", "m-bound", (1,)),)),
                Segment(2),
                Segment(
                    1,
                    (
                        ShownMark("mediator", "m-broker", (2, 1)),
                        ShownMark("rejected?", "m-against contested", ()),
                    ),
                ),
                Segment(1),
            ),
        ),
        (
            "west",
            (
                Segment(2),
                Segment(1, (ShownMark("excluded:talks:shut-out (+)", "m-talks added", (2,)),)),
                Segment(1),
                Segment(1, (ShownMark("welcomed°", "m-for", ()),)),
            ),
        ),
        ("north", (Segment(5),)),
    ]


def test_the_data_lists_marked_cells_only() -> None:
    assert matrix_data(RESULT) == {
        "agreements": [
            ["a1", "First", "2031-01", ""],
            ["a2", "Second", "undated", "‡"],
            ["a3", "Third", "2031-03", ""],
            ["a4", "Fourth", "2031-04", "†"],
            ["a5", "Fifth", "2031-05", ""],
        ],
        "actors": [
            ["east", "Eastland", None],
            ["west", "</script><b>West</b>", None],
            ["north", "Northland", None],
        ],
        "cells": [
            [0, 0, [["party", "m-bound", (1,)]]],
            [0, 3, [["mediator", "m-broker", (2, 1)], ["rejected?", "m-against contested", ()]]],
            [1, 2, [["excluded:talks:shut-out (+)", "m-talks added", (2,)]]],
            [1, 4, [["welcomed°", "m-for", ()]]],
        ],
    }


def test_the_data_cannot_end_its_script_element() -> None:
    text = script_json(matrix_data(RESULT))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["actors"][1][1] == "</script><b>West</b>"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("signatory", "m-bound"),
        ("party?", "m-bound"),
        ("guarantor", "m-broker"),
        ("excluded:talks:not-invited", "m-talks"),
        ("excluded:protection:explicit?", "m-protection"),
        ("accepted", "m-for"),
        ("declared-over", "m-against"),
        ("something-new", "m-other"),
    ],
)
def test_each_word_has_its_colour_family(word: str, expected: str) -> None:
    assert family(word) == expected


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_mark_colour_keeps_text_readable() -> None:
    """WCAG AAA (7:1) for the ink on every mark's background, and the legend covers them."""
    css = (STATIC / "site.css").read_text(encoding="utf-8")
    ink = re.search(r"--ink: (#[0-9a-f]{6})", css)
    assert ink is not None
    backgrounds = dict(re.findall(r"\.(m-[a-z]+) \{ background: (#[0-9a-f]{6}); \}", css))
    assert sorted(backgrounds) == sorted([*FAMILIES, "m-other"])
    ratios = {name: round(_contrast(ink.group(1), c), 1) for name, c in backgrounds.items()}
    assert {name: r for name, r in ratios.items() if r < 7} == {}

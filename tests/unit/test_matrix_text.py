"""The text format of compare: the matrix when it fits with no word broken, else the long form."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.analysis.compare import ActorRow, AgreementColumn, Cell, ComparisonResult, compare
from accords.analysis.marks import Mark
from accords.dataset import load_dataset
from accords.render.matrix import text_renderer
from accords.render.matrix_long import render_long
from accords.render.matrix_rich import column_widths, fit_widths, table_width

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"
REPO = Path(__file__).resolve().parents[2]


def _result(
    agreements: int, actors: list[tuple[str, str]], marks: dict[tuple[int, int], str]
) -> ComparisonResult:
    """A matrix of ``agreements`` columns ``a1 …``; ``marks`` maps (actor, column) to words."""
    columns = tuple(AgreementColumn(f"a{i}", f"Agreement {i}") for i in range(1, agreements + 1))
    rows = tuple(ActorRow(actor_id, name, "state") for actor_id, name in actors)
    cells = tuple(
        Cell(rows[r].id, columns[c].id, tuple(Mark(w, "role") for w in words.split()))
        for (r, c), words in sorted(marks.items())
    )
    return ComparisonResult(agreements=columns, actors=rows, cells=cells)


def _text(result: ComparisonResult, layout: str = "auto") -> str:
    out = io.StringIO()
    text_renderer(layout)(result, out)
    return out.getvalue()


def test_fit_widths_narrows_the_widest_columns_first_and_never_below_a_word() -> None:
    ranges = [(6, 20), (3, 10), (3, 3)]
    assert table_width([20, 10, 3]) == 43
    assert fit_widths(ranges, 43) == [20, 10, 3]
    assert fit_widths(ranges, 35) == [12, 10, 3]
    assert fit_widths(ranges, 25) == [6, 6, 3]
    assert fit_widths(ranges, 22) == [6, 3, 3]
    assert fit_widths(ranges, 21) is None


def test_column_widths_measure_names_words_and_marks() -> None:
    result = _result(
        2,
        [("un", "United Nations Security Council"), ("ru", "Russia")],
        {(0, 0): "signatory mediator", (1, 1): "excluded:talks:shut-out"},
    )
    # Actor: longest word "Security" (8) to the whole name (31); A1: "sig med"; A2: "xT:out".
    assert column_widths(result) == [(8, 31), (3, 7), (6, 6)]


def test_a_matrix_that_fits_is_a_table_of_whole_words() -> None:
    result = _result(
        2, [("ru", "Russia"), ("us", "United States")], {(0, 0): "mediator", (1, 1): "host"}
    )
    assert _text(result) == (
        f"{'Actors × agreements':<30}\n"
        "┏━━━━━━━━━━━━━━━┳━━━━━┳━━━━━━┓\n"
        "┃ Actor         ┃ A1  ┃ A2   ┃\n"
        "┡━━━━━━━━━━━━━━━╇━━━━━╇━━━━━━┩\n"
        "│ Russia        │ med │ ·    │\n"
        "│ United States │ ·   │ host │\n"
        "└───────────────┴─────┴──────┘\n"
        "A1   a1: Agreement 1\n"
        "A2   a2: Agreement 2\n"
        "Legend: med mediator; host host\n"
    )


def test_a_matrix_wider_than_the_output_becomes_the_long_form() -> None:
    result = _result(
        40,
        [("ru", "Russia"), ("us", "United States")],
        {(0, 3): "mediator guarantor", (1, 39): "host"},
    )
    assert _text(result) == (
        "Actors × agreements: 2 actors, 40 agreements\n"
        "Actor          Agreement  Marks\n"
        "Russia         a4         mediator, guarantor\n"
        "United States  a40        host\n"
    )
    assert _text(result, "long") == _text(result)


def test_long_form_wraps_at_spaces_and_runs_a_long_word_past_its_column() -> None:
    name = "Coordinating Committee of the Popular Front of the Eastern Districts"
    word = "excluded:protection:not-invited"
    result = _result(1, [("cc", name)], {(0, 0): f"signatory guarantor {word} welcomed"})
    out = io.StringIO()
    render_long(result, out, 60)  # 60 less the actor's 32, a1's 9 and gaps is under 20
    assert out.getvalue() == (
        "Actors × agreements: 1 actors, 1 agreements\n"
        "Actor                             Agreement  Marks\n"
        "Coordinating Committee of the     a1         signatory,\n"
        "Popular Front of the Eastern                 guarantor,\n"
        "Districts                                    excluded:protection:not-invited,\n"
        "                                             welcomed\n"
    )


@given(
    st.lists(
        st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=45), min_size=1, max_size=6),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["auto", "matrix", "long"]),
)
def test_no_layout_breaks_or_cuts_a_word(names: list[list[str]], layout: str) -> None:
    actors = [(f"x{i}", " ".join(words)) for i, words in enumerate(names)]
    marks = {(r, c): "mediator excluded:talks:shut-out" for r in range(len(actors)) for c in (0, 2)}
    text = _text(_result(5, actors, marks), layout)
    printed = set(re.findall(r"[a-j]+", text))
    assert {w for _, n in actors for w in n.split()} <= printed


def test_the_bundled_dataset_at_100_columns_is_long_and_two_agreements_a_matrix() -> None:
    dataset = load_dataset(REPO)
    wide = _text(compare(dataset))
    assert wide.splitlines()[:2] == [
        "Actors × agreements: 22 actors, 11 agreements",
        "Actor                             Agreement                           Marks",
    ]
    narrow = _text(compare(dataset, ["kerry-lavrov-cessation-2016", "moscow-declaration-2016"]))
    assert narrow.splitlines()[1] == "┏" + "━" * 34 + "┳" + "━" * 13 + "┳" + "━" * 13 + "┓"
    assert max(len(line) for line in narrow.splitlines()) <= 100


def test_the_layout_flag_is_for_the_text_format_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from support import run_accords

    monkeypatch.chdir(FIXTURE)
    result = run_accords("compare", "--layout", "long", "-f", "csv")
    assert (result.code, result.out) == (2, "")
    assert result.err == "accords: error: --layout applies to the text format, not to csv\n"

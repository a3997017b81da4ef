"""The rules of the canonical form, one by one: folding, dates, flow lists, the modeline, and
where comments stand."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.formatting.layout import indent_comments, schema_path, with_modeline
from accords.formatting.rules import WIDTH, fold_positions, is_date, is_flow_list, needs_folding

SENTENCE = (
    "The truce was announced on the evening of 10 March and took effect the next morning; the "
    "report does not say who drafted it, and the council's signature is inferred from its "
    "statement."
)


def _lines(text: str, indent: int) -> list[str]:
    lines, start = [], 0
    for position in fold_positions(text, indent):
        lines.append(text[start:position])
        start = position + 1
    return [*lines, text[start:]]


def test_folding_breaks_between_words_as_late_as_the_width_allows() -> None:
    assert _lines(SENTENCE, 2) == [
        "The truce was announced on the evening of 10 March and took effect the next morning; the "
        "report",
        "does not say who drafted it, and the council's signature is inferred from its statement.",
    ]
    assert all(2 + len(line) <= WIDTH for line in _lines(SENTENCE, 2))


def test_a_word_longer_than_a_line_stands_on_its_own() -> None:
    word = "x" * 120
    assert _lines(f"a {word} b", 4) == ["a", word, "b"]


@pytest.mark.parametrize(
    "text", ["", " leading space", "trailing space ", "two\nlines", "a\tb c", "one-word" * 20]
)
def test_text_that_cannot_be_folded_safely_is_not(text: str) -> None:
    assert fold_positions(text, 0) == []
    assert needs_folding(text, 0) is False


def test_text_is_folded_only_past_the_width() -> None:
    text = "word " * 19 + "end"  # 98 characters
    assert (needs_folding(text, 2), needs_folding(text, 3)) == (False, True)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2016-09-12", True),
        ("2016-09", True),
        ("2016-12-13~", True),
        ("../2016-09-09", True),
        ("2016-08~/2016-09-09", True),
        ("2016-09-12 10:00:00", True),
        ("2016", False),  # plain, a number; quoted, a year the model reads as text anyway
        ("2016-09-12-east-aleppo", False),
        ("para. 12", False),
    ],
)
def test_what_counts_as_a_date(text: str, date: bool) -> None:
    assert is_date(text) is date


def test_a_list_of_ids_is_a_flow_list_only_when_it_fits() -> None:
    ids = ["syrian-government", "syrian-armed-opposition"]
    assert is_flow_list(ids, 4) is True
    assert (
        is_flow_list(ids, WIDTH - len("[syrian-government, syrian-armed-opposition]") + 1) is False
    )
    assert is_flow_list(["eastern Aleppo"], 4) is False
    assert is_flow_list([], 4) is False


def test_the_modeline_is_corrected_or_added_above_the_first_key() -> None:
    line = "# yaml-language-server: $schema=../schemas/actor.schema.json"
    assert with_modeline("# a\n#yaml-language-server: $schema=x.json\nid: a\n", line) == (
        f"# a\n{line}\nid: a\n"
    )
    assert with_modeline("# a\nid: a\n# yaml-language-server: $schema=x\n", line) == (
        f"{line}\n# a\nid: a\n# yaml-language-server: $schema=x\n"
    )


def test_the_schema_path_leads_from_the_file_to_the_dataset_schemas(tmp_path: Path) -> None:
    nested = tmp_path / "agreements" / "2016" / "x.yaml"
    assert schema_path("agreement", nested, tmp_path) == "../../schemas/agreement.schema.json"
    assert schema_path("event", Path("elsewhere/x.yaml"), None) == "../schemas/event.schema.json"


def test_comments_are_indented_like_the_next_line_but_block_text_is_left_alone() -> None:
    text = (
        "a:\n"
        "        # about b\n"
        "  b: 1\n"
        "  note: >-\n"
        "    # not a comment: text\n"
        "    more text\n"
        "      # an end comment\n"
        "  -\n"
        "# lone\n"
    )
    assert indent_comments(text) == (
        "a:\n"
        "  # about b\n"
        "  b: 1\n"
        "  note: >-\n"
        "    # not a comment: text\n"
        "    more text\n"
        "      # an end comment\n"
        "  -\n"
        "# lone\n"
    )


def test_a_lone_dash_is_joined_to_the_key_below_its_comments() -> None:
    text = "items:\n  -\n      # first\n    id: a\n    kind: b\n"
    assert indent_comments(text) == "items:\n  # first\n  - id: a\n    kind: b\n"

"""Archived texts: quotes found after folding, paragraphs counted as the source record says."""

from __future__ import annotations

from accords.loading.texts import fold, split_text
from accords.model.sources import Paragraphs

TEXT = """Skip to main content

Headline of the piece

A photo caption, REUTERS

On Sept. 17 an attack \u2014 the \u201cerrant\u201d one \u2014 killed 62.

Lavrov said that he found it \u201cvery hard\u00a0to believe\u201d.

Related: other stories
"""


def test_folding_ignores_case_quote_marks_dashes_and_spaces() -> None:
    assert fold("  The \u201cErrant\u201d \u2014 one\u00a0\n here ") == 'the "errant" - one here'


def test_every_block_is_a_paragraph_by_default() -> None:
    text = split_text(TEXT)
    assert [b.paragraph for b in text.blocks] == [1, 2, 3, 4, 5, 6]
    (match,) = text.find('an attack - the "errant" one')
    assert match.paragraph == 4


def test_the_source_record_says_where_counting_starts_what_it_skips_and_where_it_ends() -> None:
    spec = Paragraphs(first="Headline of", skip=["A photo caption"], last="Lavrov said")
    text = split_text(TEXT, spec)
    assert [b.paragraph for b in text.blocks] == [None, 1, None, 2, 3, None]
    assert text.markers_found
    assert [m.paragraph for m in text.find("very hard to believe")] == [3]
    assert [m.paragraph for m in text.find("REUTERS")] == [None]
    assert text.paragraph(2) is not None and text.paragraph(2).text.startswith("On Sept. 17")


def test_markers_that_are_not_in_the_text_are_reported() -> None:
    assert not split_text(TEXT, Paragraphs(first="No such opening")).markers_found


def test_a_quote_not_in_the_text_finds_nothing_and_the_closest_passage_is_offered() -> None:
    text = split_text(TEXT)
    assert text.find("Lavrov said he found it very easy to believe") == []
    # As many words as the quote, from the passage most like it.
    assert text.closest("Lavrov said he found it very easy to believe") == (
        "Lavrov said that he found it \u201cvery hard to"
    )
    assert text.closest("nothing of the kind appears anywhere at all") is None

"""Property tests of the fixes: quoting dates keeps every value as it was, wherever the dates
stand (block or flow, after non-ASCII text, before comments, with CRLF line ends), and a
did-you-mean replacement lands exactly on its word."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from accords.checking.applying import apply_fixes
from accords.findings import FixSafety
from accords.loading.codes import UNKNOWN_WORD, UNQUOTED_DATE
from accords.loading.records import content_digest, parse_file
from accords.loading.yaml_positions import read_yaml

_SETTINGS = settings(max_examples=60, deadline=None)

_DATES = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
_TEXT = (
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\x85\xa0"),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
_COMMENT = st.sampled_from(["", "  # noted", "    # ein Kommentar: ḥ"])


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, str]:
    """A YAML mapping holding unquoted dates in block and flow style; its line end."""
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [f"title: {draw(_TEXT)!r}{draw(_COMMENT)}"]
    for i in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            lines.append(f"d{i}: {draw(_DATES)}{draw(_COMMENT)}")
        else:
            note = draw(_TEXT)
            lines.append(f"f{i}: {{note: {note!r}, from: {draw(_DATES)}}}{draw(_COMMENT)}")
    return end.join(lines) + end, end


def _fixed(text: str, code: str) -> tuple[str, int]:
    """The text after the fixes of ``code``, and how many were applied."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        data = text.encode("utf-8")
        path.write_bytes(data)
        loaded = parse_file(data, "agreement", str(path))
        findings = [f for f in loaded.findings if f.code == code]
        applied = apply_fixes(findings, {str(path): content_digest(data)}, FixSafety.UNSAFE)
        assert applied.unapplied == []
        return path.read_bytes().decode("utf-8"), len(applied.fixed)


@_SETTINGS
@given(_documents())
def test_quoting_dates_keeps_every_value(document: tuple[str, str]) -> None:
    text, end = document
    before = read_yaml("f.yaml", text.encode("utf-8"))
    after_text, fixed = _fixed(text, UNQUOTED_DATE)
    after = read_yaml("f.yaml", after_text.encode("utf-8"))
    assert fixed == len(before.plain_dates) == text.count(end) - 1
    assert after.findings == [] and after.plain_dates == []
    assert after.value == before.value
    assert after_text.replace('"', "") == text.replace('"', "")


@_SETTINGS
@given(_TEXT, st.sampled_from(["", "'", '"']), _COMMENT)
def test_a_word_is_replaced_where_it_stands(title: str, quote: str, comment: str) -> None:
    text = (
        f"id: fix\ntitle: {title!r}\nkind: ceasefire\n"
        f"participants: [{{actor: a, note: {title!r}, roles: [{quote}mediatr{quote}]}}]"
        f"{comment}\nsources: [s]\n"
    )
    after_text, fixed = _fixed(text, UNKNOWN_WORD)
    assert fixed == 1
    assert after_text == text.replace("mediatr", "mediator")

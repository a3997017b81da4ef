"""Archived source texts: read once, split into paragraphs, searched for quotes.

A quote is found after folding what a copy of a text changes without changing its words:
case, curly and straight quote marks, dashes, and runs of white space (non-breaking spaces
included). Paragraphs are the text's blocks between blank lines; a source record may say
which block is paragraph 1 and which blocks are not counted (:class:`Paragraphs`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from accords.loading.records import content_digest
from accords.model.sources import Paragraphs

#: Archived texts larger than this are not read: a news article is a few tens of kilobytes.
MAX_TEXT_BYTES = 4 * 1024 * 1024

_FOLDS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def fold(text: str) -> str:
    """``text`` as quotes are compared: case, quote marks, dashes and white space folded."""
    return _SPACES.sub(" ", text.translate(_FOLDS)).strip().casefold()


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the text between blank lines, with its paragraph number if it has one."""

    text: str
    folded: str
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote stands: its block, and that block's paragraph number (None: not counted)."""

    block: Block

    @property
    def paragraph(self) -> int | None:
        return self.block.paragraph


@dataclass(frozen=True)
class ArchivedText:
    """A source's text, as blocks numbered the way its locators count paragraphs."""

    blocks: tuple[Block, ...]
    #: Whether the source record's paragraph markers were all found in the text.
    markers_found: bool = True

    def find(self, quote: str) -> list[Match]:
        """Every block that holds the quote (folded)."""
        wanted = fold(quote)
        if not wanted:
            return []
        return [Match(block) for block in self.blocks if wanted in block.folded]

    def paragraph(self, number: int) -> Block | None:
        for block in self.blocks:
            if block.paragraph == number:
                return block
        return None

    def closest(self, quote: str) -> str | None:
        """The passage of the text most like the quote, as many words long, for a hint."""
        wanted = fold(quote).split()
        if not wanted:
            return None
        best: tuple[float, str] | None = None
        for block in self.blocks:
            words = block.text.split()
            folded = block.folded.split()
            if len(folded) != len(words):  # folding joined or split words: compare whole
                words, folded = [block.text], [block.folded]
            width = min(len(wanted), len(folded))
            for start in range(max(len(folded) - width, 0) + 1):
                window = " ".join(folded[start : start + width])
                ratio = difflib.SequenceMatcher(None, " ".join(wanted), window).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, " ".join(words[start : start + width]))
        return best[1] if best is not None and best[0] >= 0.6 else None


def split_text(text: str, paragraphs: Paragraphs | None = None) -> ArchivedText:
    """The text's blocks, numbered as paragraphs by the source record's ``paragraphs``."""
    raw = [b.strip() for b in _BLANK_LINE.split(text.replace("\r\n", "\n")) if b.strip()]
    if paragraphs is None:
        return ArchivedText(tuple(Block(b, fold(b), i) for i, b in enumerate(raw, 1)))
    first, last = fold(paragraphs.first), fold(paragraphs.last) if paragraphs.last else None
    skip = tuple(fold(s) for s in paragraphs.skip)
    blocks: list[Block] = []
    number, counting, done = 0, False, False
    seen_first = seen_last = False
    for text_block in raw:
        folded = fold(text_block)
        if not counting and not done and folded.startswith(first):
            counting, seen_first = True, True
        counted = counting and not folded.startswith(skip) if skip else counting
        if counted:
            number += 1
        blocks.append(Block(text_block, folded, number if counted else None))
        if counting and last is not None and folded.startswith(last):
            counting, done, seen_last = False, True, True
    found = seen_first and (last is None or seen_last)
    return ArchivedText(tuple(blocks), markers_found=found)


class TextArchive:
    """The archived texts in one folder, each read on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._texts: dict[tuple[str, str], ArchivedText | None] = {}
        #: Every file asked for, with the digest of the bytes read (None: none were): what the
        #: rules' findings about quotes depend on.
        self.states: dict[str, bytes | None] = {}

    def text(self, file: str, paragraphs: Paragraphs | None = None) -> ArchivedText | None:
        """The text of ``file`` in the folder; None when it is missing, too large or not text."""
        key = (file, paragraphs.model_dump_json() if paragraphs is not None else "")
        if key not in self._texts:
            self._texts[key] = self._read(file, paragraphs)
        return self._texts[key]

    def _read(self, file: str, paragraphs: Paragraphs | None) -> ArchivedText | None:
        data = _text_bytes(self.folder, file)
        self.states[file] = _digest(data)
        try:
            text = data.decode("utf-8-sig") if data is not None else None
        except UnicodeDecodeError:
            return None
        return split_text(text, paragraphs) if text is not None else None


def text_state(folder: Path | None, file: str) -> bytes | None:
    """What :attr:`TextArchive.states` holds for ``file`` when the folder is read now."""
    return _digest(_text_bytes(folder, file)) if folder is not None else None


def _text_bytes(folder: Path, file: str) -> bytes | None:
    """The bytes of the archived text ``file``; None when it is missing or too large, or its
    name leads out of the folder."""
    path = folder / file
    try:
        if Path(file).is_absolute() or ".." in Path(file).parts or not path.is_file():
            return None
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _digest(data: bytes | None) -> bytes | None:
    return content_digest(data) if data is not None else None

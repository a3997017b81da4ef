"""Line writers shared by the report renderers: text for the terminal, Markdown, and JSON."""

from __future__ import annotations

from typing import Any, Protocol, TextIO

from accords.render.escape import json_document, markdown_text, terminal_text


class Writer(Protocol):
    """Writes lines of text, escaping record text for its format."""

    def heading(self, text: str) -> None: ...
    def line(self, text: str) -> None: ...
    def item(self, text: str) -> None: ...


class TextWriter:
    def __init__(self, out: TextIO) -> None:
        self.out, self.started = out, False

    def heading(self, text: str) -> None:
        self.out.write(("\n" if self.started else "") + terminal_text(text) + "\n")
        self.started = True

    def line(self, text: str) -> None:
        self.out.write(terminal_text(text) + "\n")

    def item(self, text: str) -> None:
        self.out.write("  " + terminal_text(text) + "\n")


class MarkdownWriter:
    def __init__(self, out: TextIO, level: int = 3) -> None:
        self.out, self.level, self.in_list = out, level, False

    def heading(self, text: str) -> None:
        self._end_list()
        self.out.write(f"{'#' * self.level} {markdown_text(text)}\n\n")

    def line(self, text: str) -> None:
        self._end_list()
        self.out.write(markdown_text(text) + "\n\n")

    def item(self, text: str) -> None:
        self.out.write(f"- {markdown_text(text)}\n")
        self.in_list = True

    def _end_list(self) -> None:
        # A list needs a blank line before whatever follows it.
        if self.in_list:
            self.out.write("\n")
            self.in_list = False


def section(w: Writer, title: str, items: list[str]) -> None:
    """A heading and its items; nothing at all when there are no items."""
    if items:
        w.heading(title)
        for item in items:
            w.item(item)


def write_json(data: dict[str, Any], out: TextIO) -> None:
    out.write(json_document(data) + "\n")

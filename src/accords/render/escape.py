"""Escaping for every text format, so that a hostile name renders as text and nothing more.

An actor called ``<script>`` or ``=cmd|' /C calc'!A0`` must not run in a browser, break a
Markdown table, compile as LaTeX or become a spreadsheet formula.

Control characters (:data:`accords.model.common.CONTROL_RANGES`: C0 but tab and line feed,
DEL, C1, the bidi embeddings, overrides and isolates) are refused by validation, but records
also reach the renderers from the PA-X importer and events CSVs, so every format shows them
harmlessly anyway, in one way: as a visible escape, ``\\x1b`` for C0, DEL and C1 and
``\\u202e`` above, the form Python, JSON and the findings renderer use. The escape's backslash
is then escaped like any other for the format (``\\\\x1b`` in Markdown). JSON is the exception:
it keeps the exact text, with JSON's own ``\\u001b`` escapes, which a reader decodes back.
"""

from __future__ import annotations

import html as _html
import json
import re
from typing import Any

from accords.model.common import CONTROL_RANGES

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection guidance).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: A piece of a cell that a spreadsheet may read as a cell of its own: the cell's start, or
#: what follows a ``;`` (the list separator of joined cells, and the field separator of CSV
#: in many locales), a tab or a line break, after any spaces; then a formula's first character.
_FORMULA_PIECE = re.compile(r"((?:^|[;\t\r\n]) *)([=+\-@])")


def _visible(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Each control character and its visible escape.
CONTROL_ESCAPES: dict[int, str] = {
    code: _visible(code) for low, high in CONTROL_RANGES for code in range(low, high + 1)
}

#: JSON escapes C0 itself; these are the rest, which ``ensure_ascii=False`` leaves raw.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in CONTROL_ESCAPES if code >= 0x7F}


def _with_controls(table: dict[str, str], backslash: str) -> dict[int, str]:
    """A translation table: the format's own escapes, and control characters made visible."""
    controls = {code: shown.replace("\\", backslash) for code, shown in CONTROL_ESCAPES.items()}
    return {**controls, **str.maketrans(table)}


def visible_text(text: str) -> str:
    """``text`` with every control character replaced by its visible escape (``\\x1b``)."""
    return text.translate(CONTROL_ESCAPES)


_MARKDOWN = _with_controls(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": " ",
        "\r": " ",
    },
    "\\\\",
)

_LATEX = _with_controls(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "$": r"\$",
        "&": r"\&",
        "#": r"\#",
        "^": r"\textasciicircum{}",
        "_": r"\_",
        "%": r"\%",
        "~": r"\textasciitilde{}",
        "<": r"\textless{}",
        ">": r"\textgreater{}",
        "|": r"\textbar{}",
        "×": r"$\times$",
        "−": r"$-$",
        "—": "---",
        "–": "--",
        "†": r"$^\dagger$",
        "°": r"$^{\circ}$",
        "\n": " ",
        "\r": " ",
    },
    r"\textbackslash{}",
)


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, however it splits the cell.

    A formula's first character (``= + - @``) at the cell's start, or after a ``;``, tab or line
    break and any spaces, gets a ``'`` before it: ``a;=HYPERLINK(…)`` becomes ``a;'=HYPERLINK(…)``,
    so that neither a reader that keeps the cell whole nor one that splits it at ``;`` (the CSV
    separator in many locales) sees a formula. A cell starting with a tab or CR gets a ``'``
    prefix. Control characters are made visible first.
    """
    guarded = _FORMULA_PIECE.sub(r"\1'\2", visible_text(text))
    return "'" + guarded if guarded.startswith(_FORMULA_START) else guarded


def json_document(data: Any) -> str:
    """``data`` as indented JSON, non-ASCII text kept readable and control characters escaped.

    ``json.dumps`` escapes C0 itself; DEL, C1 and bidi controls get ``\\uXXXX`` escapes too,
    which is still valid JSON (they occur only inside strings) and decodes to the same text.
    """
    return json.dumps(data, indent=2, ensure_ascii=False).translate(_JSON_ESCAPES)


def html_text(text: str) -> str:
    """Text safe inside HTML elements and quoted attributes."""
    return _html.escape(visible_text(text), quote=True)


def markdown_text(text: str) -> str:
    """Text safe inside a GitHub Markdown table cell: no pipes, code, emphasis, links or tags."""
    return text.translate(_MARKDOWN)


def latex_text(text: str) -> str:
    """Text safe in LaTeX: the special characters escaped, a few symbols spelled for pdflatex."""
    return text.translate(_LATEX)


def mermaid_text(text: str) -> str:
    """A label safe in a Mermaid gantt line: no separators, comments or directives."""
    cleaned = "".join(" " if ch in ':;#%\n\r{}<>"`' else ch for ch in visible_text(text))
    return " ".join(cleaned.split())


def terminal_text(text: str) -> str:
    """One line safe on a terminal: control characters as escapes, breaks and tabs as spaces."""
    return visible_text(text).replace("\n", " ").replace("\t", " ")

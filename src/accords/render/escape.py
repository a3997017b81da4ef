"""Escaping for every text format, so that a hostile name renders as text and nothing more.

An actor called ``<script>`` or ``=cmd|' /C calc'!A0`` must not run in a browser, break a
Markdown table, compile as LaTeX or become a spreadsheet formula.
"""

from __future__ import annotations

import html as _html

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection guidance).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_MARKDOWN = str.maketrans(
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
    }
)

_LATEX = str.maketrans(
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
        "\n": " ",
        "\r": " ",
    }
)


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``= + - @``, tab or CR gets a ``'`` prefix."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def html_text(text: str) -> str:
    """Text safe inside HTML elements and quoted attributes."""
    return _html.escape(text, quote=True)


def markdown_text(text: str) -> str:
    """Text safe inside a GitHub Markdown table cell: no pipes, code, emphasis, links or tags."""
    return text.translate(_MARKDOWN)


def latex_text(text: str) -> str:
    """Text safe in LaTeX: the special characters escaped, a few symbols spelled for pdflatex."""
    return text.translate(_LATEX)


def mermaid_text(text: str) -> str:
    """A label safe in a Mermaid gantt line: no separators, comments or directives."""
    cleaned = "".join(" " if ch in ':;#%\n\r{}<>"`' else ch for ch in text)
    return " ".join(cleaned.split())


def terminal_text(text: str) -> str:
    """Text safe on a terminal: control characters (escape sequences among them) become ``?``."""
    return "".join("?" if (ord(ch) < 32 or 127 <= ord(ch) < 160) else ch for ch in text)

"""Splitting PA-X free-text party fields into candidate actor names.

``Part`` and ``ThrdPart`` hold what the agreement's signature page says: lists separated by
commas, semicolons, bullets or lines; "For the Government of X:" followed by the persons who
signed; "(Signed)", "Witnessed by:" and editorial notes in brackets. The splitter keeps the
names of collective actors, drops persons' signature lines, and returns what it could not read
as a name so that the importer can report it. The whole text stays in the crosswalk anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accords.importing.pax.mapping import stated_role
from accords.model.agreements import Role

#: Longer pieces are sentences, not names.
MAX_WORDS = 9
MAX_CHARS = 90

# Every pattern here runs on free text of any length, so none has two quantifiers in a row over
# the same characters (``\s*,?\s*``), and none scans to a closing bracket from every opening one:
# a regex engine retries such patterns at each position, which is quadratic in a run of spaces or
# of unclosed brackets. Bracketed notes are cut by :func:`_cut_spans`; leading spaces and commas
# are trimmed with str methods after a pattern finds its words.

#: Openings of editorial notes: "[...]" and "(see ...)", "(page ...)"; each ends at its closer.
_NOTE_OPEN = re.compile(r"\[|\((?:see|page|p\.|pp\.)\b", re.IGNORECASE)
#: "(signed on 3 May)", "(sd on ...)": a note that ends at the next ")".
_SIGNED_ON = re.compile(r"\((?:signed|sd) on ", re.IGNORECASE)
_SIGNED = re.compile(
    r"\((?:signed|sgd|sd)\.?\)|\bsd/-|\bsigned\s*:|\bunsigned\b",
    re.IGNORECASE,
)
_FOR = re.compile(
    r"^(?:(?:signed\s+)?(?:for|pour|por|on behalf of|au nom de|en nombre de)\s+)"
    r"(?:(?:the|la|le|les|el|los|las)\s+|l['’]\s*)?(?P<name>.+)$",
    re.IGNORECASE,
)
_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?(?P<name>[^,;:\n]+)", re.IGNORECASE)
_HEADING = re.compile(r"^(?P<head>[^:]{1,60}):\s*(?P<rest>.*)$")
_BULLET = re.compile(r"^(?:[-•·*–]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.IGNORECASE)
_PERSON = re.compile(
    r"^(?:h\.\s*e\.|his |her |mr\.?|mrs\.?|ms\.?|dr\.?|hon\.?|honourable|atty\.?|prof\.?|"
    r"sr\.?|sra\.?|don |doña |m\. |mme|monsignor|mons[eé]ñor|general|gen\.|lt\.|col\.|"
    r"brigadier|major|commander|commandant|comandante|colonel|captain|ambassador|sheikh|"
    r"usec\.|sec\.|acsp|adg\.|datu |rev\.|rep\.|amb\.? |bishop|archbishop|cardinal|presidente? |"
    r"minist|s\.e\.m?\.|(?:[A-Z][a-z]+\s+){1,2}(?:[A-Z]\.\s*)+[A-Z][a-z]+$)",
    re.IGNORECASE,
)
#: Words that end a person's title ("MILF Panel Chair", "Malaysian Facilitator").
_TITLE = re.compile(
    r"\b(?:president|prime minister|minister|secretary|secretary-general|chair|chairman|"
    r"chairperson|chairwoman|member|head|leader|commander|representative|ambassador|envoy|"
    r"deputy|director|governor|coordinator|facilitator|mediator|adviser|advisor|consultant|"
    r"speaker|spokesperson|spokesman|delegate|negotiator|ministre|presidente?|jefe|chef)"
    r"(?:\s+of\b.*)?$",
    re.IGNORECASE,
)
_CLAUSE = frozenset(("signed", "see", "unclear", "who", "which", "that"))
_LABEL_LEAD = re.compile(
    r"^(?:(?:witnessed|mediated|facilitated|guaranteed|observed|endorsed|signed|brokered) by|"
    r"witnesses|as witnesses|in the presence of|endorsed|signatories|by)\b\s*:?\s*",
    re.IGNORECASE,
)
_SENTENCE_WORDS = frozenset(
    ("was", "were", "is", "are", "met", "held", "led", "by", "agreed", "believed", "represented")
)
_LEAD = re.compile(r"^(?:(?:the|and|&)\s+)+", re.IGNORECASE)
#: The "and" before the last name of a list ("A, B and C"); the spaces and comma before it are
#: trimmed by :func:`_split_and`.
_AND_LAST = re.compile(r"(?<=\s)and\s+(?=[A-Z])")
#: Where a name's trailing clause begins: everything from there on is dropped.
_REPRESENTED = re.compile(
    r"(?:represented by|led by|headed by|signed by|signed for by|signed on)\b", re.IGNORECASE
)
_AS_ROLE = re.compile(
    r"(?:to act |acting |in its capacity )?as (?:a |the )?"
    r"(?:guarantor|mediator|observer|witness|facilitator)s?\b",
    re.IGNORECASE,
)
#: The end of the organisation's name in "For the X: person", "For X, person", "For X - person".
_FOR_END = re.compile(r"[:,]|(?<=\s)-(?=\s)")
_PAGE = re.compile(r"^(?:page|p\.|annex|article|schedule)\s*\d", re.IGNORECASE)
_NOT_NAMES = frozenset({"na", "n/a", "none", "and", "signed", "untitled preamble", "parties"})
_UPPER_PERSON = re.compile(r"^[A-ZÀ-Ý'’.\- ]+$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found in a party field, with the role its context states (None: none stated)."""

    name: str
    role: Role | None = None


@dataclass
class Split:
    """The names found in one field and the pieces that did not read as names."""

    names: list[Candidate] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def split_parties(text: str | None, *, third_party: bool = False) -> Split:
    """Candidate names in a PA-X party field, in order, each once."""
    result = Split()
    if not text:
        return result
    cleaned = _SIGNED.sub(" ", _cut_spans(_cut_spans(text, _NOTE_OPEN), _SIGNED_ON, ")"))
    lines = [line.strip() for line in re.split(r"[\n;]+", cleaned)]
    has_for = any(_FOR.match(_BULLET.sub("", line)) for line in lines)
    heading_role: Role | None = None
    seen: set[str] = set()
    for raw in lines:
        line = _LABEL_LEAD.sub("", _BULLET.sub("", raw).strip(" .,:\t")).strip(" .,:\t")
        if third_party and (role := stated_role(raw)) is not None and _is_heading(raw):
            heading_role = role
        if not line:
            continue
        line_role = stated_role(raw) if third_party else None
        for piece in _pieces(line, has_for):
            name = _clean(piece)
            if name is None:
                continue
            if not _is_name(name):
                result.unread.append(name)
                continue
            key = name.casefold()
            if key in seen:
                continue
            seen.add(key)
            result.names.append(Candidate(name, line_role or heading_role))
    return result


def _is_heading(line: str) -> bool:
    """Whether a line introduces the names after it ("Witnesses:", "THE MEDIATION")."""
    stripped = line.strip()
    return stripped.endswith(":") or bool(_ROLE_HEADING.match(stripped))


_ROLE_HEADING = re.compile(
    r"^(?:the |international )?(?:mediation|witnesses|observers|guarantors|facilitators?|"
    r"mediators?|m[eé]diation|testigos|t[eé]moins)\W*$",
    re.IGNORECASE,
)


def _is_label(head: str) -> bool:
    """Whether the text before a colon labels a list ("Parties", "Witnessed by")."""
    folded = head.casefold().strip()
    return folded in _LABELS or stated_role(head) is not None or bool(_LABEL_LEAD.match(head))


_LABELS = frozenset(
    {"parties", "signatories", "signed", "cosignatories", "participants", "page", "the mediation"}
)


def _pieces(line: str, has_for: bool) -> list[str]:
    """The name-sized pieces of one line."""
    if heading := _HEADING.match(line):
        head, rest = heading.group("head"), heading.group("rest")
        if not _is_label(head):
            # "For the UN: Kofi Annan", "ECMM: Mr. Nunes": the organisation before the colon.
            return _pieces(head, has_for) if rest else _pieces(head, has_for=False)
        line = rest
    if match := _FOR.match(line):
        name = match.group("name")
        end = _FOR_END.search(name)
        return [name[: end.start()] if end else name]
    if behalf := _BEHALF.search(line):
        return [behalf.group("name")]
    if has_for:
        # Under "For the X:" headings, other lines are the persons who signed for X.
        return []
    line = _cut_clause(line, _REPRESENTED)
    parts = [p for p in _split_commas(line) if p.strip()]
    if any(_TITLE.search(p.strip(" .")) for p in parts[1:]):
        return []  # "Name, Title": a person's signature line
    if len(parts) > 1 and not all(len(p.split()) <= 6 for p in parts):
        return [line]
    if len(parts) > 1:
        # "A, B and C" lists; a lone "Bosnia and Herzegovina" stays whole.
        parts[-1:] = [p for p in _split_and(parts[-1]) if p.strip()]
    return parts


def _clean(piece: str) -> str | None:
    name = _cut_clause(" ".join(piece.split()), _AS_ROLE).strip(" .,:;-–—*\"'“”")
    name = _LEAD.sub("", name)
    if not name or name.casefold() in _NOT_NAMES or _PAGE.match(name):
        return None
    if len(name.split()) <= 2 and stated_role(name) is not None:
        return None  # a bare label: "Witness", "Médiation"
    if _PERSON.match(name) or _TITLE.search(name):
        return None
    if _UPPER_PERSON.match(name) and len(name.split()) >= 2:
        return None
    if name.count("(") != name.count(")"):
        name = name.replace("(", " ").replace(")", " ")
        name = " ".join(name.split())
    return name or None


def _is_name(name: str) -> bool:
    """Whether a piece reads as a name rather than a sentence."""
    words = name.split()
    if len(words) > MAX_WORDS or len(name) > MAX_CHARS:
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    if any(word.casefold() in _SENTENCE_WORDS or word.casefold() in _CLAUSE for word in words[1:]):
        return False
    # A lower-case start is the middle of a sentence ("met in New York on ...").
    return not name[0].islower() or name.split()[0].casefold() in {"al", "el", "ad", "as", "an"}


def _cut_spans(text: str, opening: re.Pattern[str], closer: str | None = None) -> str:
    """``text`` with each span from a match of ``opening`` to its closer replaced by a space.

    The closer is "]" after "[", else ``closer`` or ")". An opening with no closer after it is
    left as it is, and so is every later one of the same closer: one pass, linear in the text.
    """
    pieces: list[str] = []
    position = 0
    unclosed: set[str] = set()
    while match := opening.search(text, position):
        close = closer or ("]" if match.group().startswith("[") else ")")
        end = -1 if close in unclosed else text.find(close, match.end())
        if end < 0:
            unclosed.add(close)
            pieces.append(text[position : match.end()])
        else:
            pieces.append(text[position : match.start()] + " ")
            end += 1
        position = max(end, match.end())
    pieces.append(text[position:])
    return "".join(pieces)


def _cut_clause(text: str, clause: re.Pattern[str]) -> str:
    """``text`` up to where ``clause`` first matches, without the spaces and comma before it."""
    match = clause.search(text)
    return text if match is None else _trim_comma(text[: match.start()])


def _trim_comma(text: str) -> str:
    """``text`` without trailing spaces, then one comma, then spaces ("A ,  " → "A")."""
    text = text.rstrip()
    return text[:-1].rstrip() if text.endswith(",") else text


def _split_and(text: str) -> list[str]:
    """``text`` split at each " and " before a capital, the comma before it dropped."""
    pieces: list[str] = []
    position = 0
    for match in _AND_LAST.finditer(text):
        pieces.append(_trim_comma(text[position : match.start()]))
        position = match.end()
    pieces.append(text[position:])
    return pieces


def _split_commas(text: str) -> list[str]:
    """``text`` split at commas outside parentheses: a comma followed by ")" before any "("
    stays (as in "Front (North, South)"). One pass from the right, so linear in the text."""
    cuts: list[int] = []
    closes_first = False  # whether the nearest parenthesis to the right is a ")"
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            closes_first = True
        elif char == "(":
            closes_first = False
        elif char == "," and not closes_first:
            cuts.append(index)
    pieces: list[str] = []
    start = 0
    for cut in reversed(cuts):
        pieces.append(text[start:cut])
        start = cut + 1
    pieces.append(text[start:])
    return pieces

"""What each mark means and how it is abbreviated, for legends and narrow tables."""

from __future__ import annotations

from accords.analysis.compare import AgreementColumn, ComparisonResult
from accords.analysis.marks import ADDED, REMOVED, UNDATED, UNDETERMINED, Mark

ROLE_ABBREVIATIONS = {
    "signatory": "sig",
    "party": "pty",
    "mediator": "med",
    "guarantor": "gua",
    "host": "host",
    "observer": "obs",
    "endorser": "end",
    "monitor": "mon",
}
STANCE_ABBREVIATIONS = {
    "welcomed": "WEL",
    "accepted": "ACC",
    "rejected": "REJ",
    "obstructed": "OBST",
    "declared-over": "OVER",
    "withdrew": "WDRW",
}
_SCOPE_ABBREVIATIONS = {"protection": "P", "talks": "T"}
_MANNER_ABBREVIATIONS = {
    "explicit": "exp",
    "shut-out": "out",
    "not-invited": "n-i",
    "sidelined": "sid",
}

MEANINGS = {
    "signatory": "signed it",
    "party": "a conflict party bound by it",
    "mediator": "brokered or facilitated it",
    "guarantor": "guarantees it",
    "host": "hosted the talks",
    "observer": "attended as an observer",
    "endorser": "endorsed it",
    "monitor": "monitors it",
    "welcomed": "welcomed it",
    "accepted": "accepted it",
    "rejected": "rejected it",
    "obstructed": "obstructed it",
    "declared-over": "declared it over",
    "withdrew": "withdrew from it",
}
_SCOPE_MEANINGS = {"protection": "left outside its protection", "talks": "kept out of the talks"}
_MANNER_MEANINGS = {
    "explicit": "named in the terms",
    "shut-out": "deliberately",
    "not-invited": "not invited",
    "sidelined": "present but sidelined",
}

CONTESTED_NOTE = "? the claim is contested"
#: The flag of a mark that rests on background knowledge alone, and its legend line.
BACKGROUND_FLAG = "°"
BACKGROUND_NOTE = "° rests on background knowledge alone: no archived source states it"
CHANGE_SUFFIX = {ADDED: " (+)", REMOVED: " (−)"}
CHANGE_NOTES = {ADDED: "(+) added by the scenario", REMOVED: "(−) removed by the scenario"}
UNDETERMINED_NOTE = "† the dates do not settle whether it existed by the --as-of date"
UNDATED_NOTE = "‡ undated: the record gives no date, so it may not have existed by the --as-of date"
#: The flag of a stance that the --as-of date cannot place, and its note.
STANCE_FLAGS = {UNDETERMINED: "†", UNDATED: "‡"}
STANCE_NOTES = {
    UNDETERMINED: "† on a stance: its date does not settle if it was taken by the --as-of date",
    UNDATED: "‡ on a stance: undated, it may have been taken after the --as-of date",
}


def column_flag(column: AgreementColumn) -> str:
    """The mark by a column's name when --as-of cannot place it: † undetermined, ‡ undated."""
    return "†" if column.undetermined else "‡" if column.undated else ""


def abbreviation(word: str) -> str:
    """The short form of a mark for the terminal (``excluded:talks:shut-out`` → ``xT:out``)."""
    base = word.removesuffix("?")
    suffix = "?" if word.endswith("?") else ""
    if base.startswith("excluded:"):
        _, scope, manner = base.split(":", 2)
        short = (
            f"x{_SCOPE_ABBREVIATIONS.get(scope, scope)}:{_MANNER_ABBREVIATIONS.get(manner, manner)}"
        )
    else:
        short = ROLE_ABBREVIATIONS.get(base) or STANCE_ABBREVIATIONS.get(base) or base
    return short + suffix


def kind_phrase(kind: str, noun: str) -> str:
    """How a record's kind reads in a sentence, article first: ``evacuation-deal`` reads "an
    evacuation deal", ``pre-negotiation`` "a pre-negotiation", and ``other`` "an agreement of
    another kind" when ``noun`` is "agreement"."""
    if kind == "other":
        words = f"{noun} of another kind"
    else:
        words = kind if kind.startswith("pre-") else kind.replace("-", " ")
    article = "an" if words[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {words}"


def meaning(word: str) -> str:
    base = word.removesuffix("?")
    if base.startswith("excluded:"):
        _, scope, manner = base.split(":", 2)
        return f"{_SCOPE_MEANINGS.get(scope, scope)}, {_MANNER_MEANINGS.get(manner, manner)}"
    return MEANINGS.get(base, base)


def legend(result: ComparisonResult) -> list[tuple[str, str, str]]:
    """``(abbreviation, word, meaning)`` for every mark word the result uses, in a fixed order."""
    words = {m.base for c in result.cells for m in c.marks}
    ordered = [w for w in ROLE_ABBREVIATIONS if w in words]
    exclusions = sorted(w for w in words if w.startswith("excluded:"))
    stances = [w for w in STANCE_ABBREVIATIONS if w in words]
    unknown = sorted(words - set(ordered) - set(exclusions) - set(stances))
    return [(abbreviation(w), w, meaning(w)) for w in (*ordered, *exclusions, *stances, *unknown)]


def notes(result: ComparisonResult) -> list[str]:
    """The notes a legend needs beyond the words: contested, scenario changes, undetermined."""
    marks = [m for c in result.cells for m in c.marks]
    found = []
    if any(m.contested for m in marks):
        found.append(CONTESTED_NOTE)
    if any(m.background for m in marks):
        found.append(BACKGROUND_NOTE)
    for change in (ADDED, REMOVED):
        if any(m.change == change for m in marks):
            found.append(CHANGE_NOTES[change])
    if any(a.undetermined for a in result.agreements):
        found.append(UNDETERMINED_NOTE)
    if any(a.undated for a in result.agreements):
        found.append(UNDATED_NOTE)
    for unplaced, note in STANCE_NOTES.items():
        if any(m.unplaced == unplaced for m in marks):
            found.append(note)
    return found


def footnote_numbers(result: ComparisonResult) -> dict[str, int]:
    """A number for every cited source, in reading order (row by row, mark by mark)."""
    numbers: dict[str, int] = {}
    for cell in result.cells:
        for mark in cell.marks:
            for source in mark.sources:
                numbers.setdefault(source, len(numbers) + 1)
    return numbers


def mark_label(mark: Mark, *, short: bool = False) -> str:
    """A mark as text, with its scenario change when there is one."""
    text = abbreviation(mark.word) if short else mark.word
    return (
        text + background_flag(mark) + stance_flag(mark) + CHANGE_SUFFIX.get(mark.change or "", "")
    )


def background_flag(mark: Mark) -> str:
    """``°`` by a mark that rests on background knowledge alone, else nothing."""
    return BACKGROUND_FLAG if mark.background else ""


def stance_flag(mark: Mark) -> str:
    """``†`` or ``‡`` by a stance the --as-of date cannot place, else nothing."""
    return STANCE_FLAGS.get(mark.unplaced or "", "")


def source_line(result: ComparisonResult, source_id: str) -> str:
    """``id — title (publisher, date)`` for a footnote."""
    info = result.sources.get(source_id)
    if info is None or info.title is None:
        return source_id
    extra = ", ".join(x for x in (info.publisher, info.published) if x)
    return f"{source_id} — {info.title}" + (f" ({extra})" if extra else "")

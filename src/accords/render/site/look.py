"""How a mark looks on a page: the colour family of each mark word, for cells and the legend.

Colours are light backgrounds under dark text (contrast above 10:1), so that a cell reads the
same to everyone; the word itself stays in the cell, so no meaning rests on colour alone.
"""

from __future__ import annotations

from accords.analysis.marks import Mark

#: Each colour family: its CSS class and what it gathers, for the legend.
FAMILIES = {
    "m-bound": "at the table and bound: signatory, party",
    "m-broker": "brokered, hosted, guaranteed, monitored, observed or endorsed",
    "m-talks": "kept out of the talks",
    "m-protection": "left outside its protection",
    "m-for": "welcomed or accepted it",
    "m-against": "rejected, obstructed, declared over or withdrew",
}

_WORD_FAMILY = {
    "signatory": "m-bound",
    "party": "m-bound",
    "mediator": "m-broker",
    "guarantor": "m-broker",
    "host": "m-broker",
    "observer": "m-broker",
    "endorser": "m-broker",
    "monitor": "m-broker",
    "welcomed": "m-for",
    "accepted": "m-for",
    "rejected": "m-against",
    "obstructed": "m-against",
    "declared-over": "m-against",
    "withdrew": "m-against",
}


def family(word: str) -> str:
    """The CSS class of a mark word (``excluded:talks:shut-out?`` → ``m-talks``)."""
    base = word.removesuffix("?")
    if base.startswith("excluded:"):
        return "m-protection" if base.split(":")[1] == "protection" else "m-talks"
    return _WORD_FAMILY.get(base, "m-other")


def mark_classes(mark: Mark) -> str:
    """Every class of a mark in a cell: its family, and ``contested`` when it is."""
    return family(mark.word) + (" contested" if mark.contested else "")

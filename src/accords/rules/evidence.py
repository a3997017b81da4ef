"""Evidence rules (``S104``-``S109``): every quote stands in the text it cites, where it says.

Quotes are checked against the archived texts named by the source records' ``file``, in the
folder given by ``--texts`` or ``[sources] texts`` in accords.toml. Third-party texts stay out
of the repository, so a run without them says which quotes it could not check (S109) instead
of passing them in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from accords.checking.registry import rule
from accords.findings import Finding, Severity
from accords.loading.texts import ArchivedText, TextArchive
from accords.model.common import Basis, Citation
from accords.model.dates import date_or_none
from accords.model.sources import Source
from accords.model.walk import KeyPath
from accords.rules.helpers import date_fields

if TYPE_CHECKING:
    from accords.dataset import Dataset, Entry

#: The most words a quote may have: enough to show a claim, too few to copy a text.
MAX_QUOTE_WORDS = 25
_PARAGRAPH = re.compile(r"^para\. ?([0-9]+)$")


@dataclass(frozen=True, slots=True)
class Cited:
    """One citation of an archived source, with where it stands."""

    entry: Entry
    loc: KeyPath
    citation: Citation
    source: Source


def _cited(dataset: Dataset) -> Iterator[tuple[Entry, KeyPath, BaseModel, int, str | Citation]]:
    """Every citation of the record: its entry, the model citing, and its index."""
    for cited in dataset.citations:
        yield cited.entry, cited.loc, cited.model, cited.index, cited.ref


def _quoted(dataset: Dataset) -> list[Cited]:
    """Every citation with quotes of a source that names its archived text: six rules read
    them, listed once."""
    return dataset.once(_listed_quotes)


def _listed_quotes(dataset: Dataset) -> list[Cited]:
    listed = []
    for entry, loc, _, index, ref in _cited(dataset):
        if not isinstance(ref, Citation) or not ref.quote:
            continue
        source = dataset.sources.get(ref.source)
        if source is not None and source.file is not None:
            listed.append(Cited(entry, (*loc, "sources", index), ref, source))
    return listed


def _text(archive: TextArchive | None, source: Source) -> ArchivedText | None:
    if archive is None or source.file is None:
        return None
    text = archive.text(source.file, source.paragraphs)
    return text if text is not None and text.markers_found else None


@rule(
    "S104",
    "quote-not-found",
    "A quote is not in the text it cites",
    Severity.ERROR,
    """
Every quote must stand, word for word, in the archived text of the source it cites; case,
quote marks, dashes and white space aside. A quote that is not there is either mistyped or
evidence the source does not give. The hint shows the passage of the text most like it.

Fails (the text says "very hard to believe"):

    sources:
      - {source: al-monitor-2016-09-25, locator: para. 2, quote: ["very hard to accept"]}

Passes:

    sources:
      - {source: al-monitor-2016-09-25, locator: para. 2, quote: ["very hard to believe"]}
""",
)
def quote_not_found(dataset: Dataset) -> Iterator[Finding]:
    archive = dataset.archive
    for cited in _quoted(dataset):
        text = _text(archive, cited.source)
        if text is None:
            continue
        for number, quote in enumerate(cited.citation.quote):
            if text.find(quote):
                continue
            closest = text.closest(quote)
            yield quote_not_found.finding(
                f"quote not found in {cited.source.id} ({cited.source.file}): {_short(quote)}",
                cited.entry.location(*cited.loc, "quote", number),
                hint=f"the closest passage reads: {closest}" if closest else None,
            )


@rule(
    "S105",
    "quote-outside-locator",
    "A quote stands in the text, but not in the paragraph its locator names",
    Severity.WARNING,
    """
A locator `para. N` says where in the source the claim stands; a quote found elsewhere in the
text makes the locator wrong. Paragraphs are counted as the source record's `paragraphs` say
(by default, every block of the text between blank lines). The hint names the paragraph.

Fails (the quote stands in para. 3):

    - {source: al-monitor-2016-09-25, locator: para. 2, quote: ["declared an end to the truce"]}

Passes:

    - {source: al-monitor-2016-09-25, locator: para. 3, quote: ["declared an end to the truce"]}
""",
)
def quote_outside_locator(dataset: Dataset) -> Iterator[Finding]:
    archive = dataset.archive
    for cited in _quoted(dataset):
        located = _PARAGRAPH.match(cited.citation.locator or "")
        text = _text(archive, cited.source)
        if located is None or text is None:
            continue
        wanted = int(located.group(1))
        for quote in cited.citation.quote:
            found = {m.paragraph for m in text.find(quote)}
            if not found or wanted in found:
                continue
            places = sorted(f"para. {p}" for p in found if p is not None) or ["no paragraph"]
            yield quote_outside_locator.finding(
                f"quote stands in {' and '.join(places)}, not in para. {wanted}: {_short(quote)}",
                cited.entry.location(*cited.loc, "locator"),
                hint=f"set locator: {places[0]}" if places[0] != "no paragraph" else None,
            )


@rule(
    "S106",
    "stated-without-quote",
    "A citation of an archived source says the source states the claim but quotes nothing",
    Severity.WARNING,
    """
A citation of a source whose text is archived (its record names a `file`) shows its evidence:
a short quote of the words that state the claim, or `basis: inferred` when the record infers
the claim from the source, with the reasoning in the claim's note. Off by default; the bundled
dataset turns it on.

Fails:

    sources: [al-monitor-2016-09-25]

Passes:

    sources:
      - {source: al-monitor-2016-09-25, locator: para. 3, quote: ["declared an end to the truce"]}
""",
    default_enabled=False,
)
def stated_without_quote(dataset: Dataset) -> Iterator[Finding]:
    for entry, loc, _, index, ref in _cited(dataset):
        citation = ref if isinstance(ref, Citation) else None
        source = dataset.sources.get(ref if isinstance(ref, str) else ref.source)
        if source is None or source.file is None:
            continue
        if citation is not None and (citation.quote or citation.basis is Basis.INFERRED):
            continue
        yield stated_without_quote.finding(
            f"the citation of {source.id} quotes nothing to show the claim",
            entry.location(*loc, "sources", index),
            hint='add quote: ["…"] with the source\'s words, or basis: inferred and say why',
        )


@rule(
    "S107",
    "quote-too-long",
    "A quote is longer than 25 words",
    Severity.WARNING,
    """
A quote is evidence, not a copy of the source: at most 25 words, enough to show the claim.
Quote the words that state it, or two short quotes instead of one long one.

Fails:

    quote: ["(a whole paragraph of the source)"]

Passes:

    quote: ["declared an end to the truce", "blamed Russia for a deadly attack"]
""",
)
def quote_too_long(dataset: Dataset) -> Iterator[Finding]:
    for entry, loc, _, index, ref in _cited(dataset):
        if not isinstance(ref, Citation):
            continue
        for number, quote in enumerate(ref.quote):
            words = len(quote.split())
            if words > MAX_QUOTE_WORDS:
                yield quote_too_long.finding(
                    f"quote of {words} words, over the limit of {MAX_QUOTE_WORDS}",
                    entry.location(*loc, "sources", index, "quote", number),
                    hint="quote only the words that state the claim",
                )


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
_QUOTED_DAY = re.compile(
    rf"\b{_MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![A-Za-z])"
    rf"|\b{_DAY_WORDS}\b|\b[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\b",
    re.IGNORECASE,
)
_QUOTED_DATE = re.compile(rf"\b{_MONTH}(?![A-Za-z])|\b(?:19|20)[0-9]{{2}}\b")
_DIGIT = re.compile("[0-9]")
_DAY_WORD = re.compile(rf"\b{_DAY_WORDS}\b", re.IGNORECASE)


def _names_day(quote: str) -> bool:
    """Whether a quote names a day: every way but a day word needs a digit, and most quotes
    hold none, so those are searched for day words alone."""
    if _DIGIT.search(quote) is None:
        return _DAY_WORD.search(quote) is not None
    return _QUOTED_DAY.search(quote) is not None


@rule(
    "S108",
    "date-beyond-quotes",
    "A date is given to the day, but the quotes that support it give no day",
    Severity.WARNING,
    """
A date is no more precise than its sources. When every source of a claim is quoted, and the
quotes speak of a date (a month, a year) but none of them names a day, a date given to the day
rests on nothing cited: give the month, mark the day approximate, or cite the source that gives
the day (background knowledge, if no archived document does). Quotes that speak of no date at
all are not judged.

Fails (the source says only "October 2015"):

    date: "2015-09-30"
    sources:
      - {source: business-insider-2016-12-14, quote: ["began in October 2015"]}

Passes:

    date: "2015-10"

Passes too (the day is background knowledge, cited as such):

    date: "2015-09-30"
    sources:
      - {source: business-insider-2016-12-14, quote: ["began in October 2015"]}
      - background-russian-air-campaign
""",
)
def date_beyond_quotes(dataset: Dataset) -> Iterator[Finding]:
    for entry, loc, model in dataset.claims:
        refs = model.sources  # type: ignore[attr-defined]
        if any(not isinstance(ref, Citation) or not ref.quote for ref in refs):
            continue  # a source cited without quotes (background knowledge) may give the day
        quotes = [q for ref in refs for q in ref.quote]
        # Judged only when the quotes speak of a date, and none of them names the day.
        if not any(_QUOTED_DATE.search(q) for q in quotes) or any(map(_names_day, quotes)):
            continue
        for field_loc, text in _dates_of(model, loc):
            when = date_or_none(text)
            if when is not None and when.is_day and not (when.approximate or when.uncertain):
                yield date_beyond_quotes.finding(
                    f"{field_loc[-1]} {text} is given to the day, but no quote cited for it "
                    "names a day",
                    entry.location(*field_loc),
                    hint="give the month, mark the day approximate (~), or quote the day",
                )


def _dates_of(model: BaseModel, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """The date fields of a model, and of its ``dates`` (an agreement's), with locations."""
    for key, text in date_fields(model):
        yield (*loc, key), text
    dates = getattr(model, "dates", None)
    if isinstance(dates, BaseModel):
        for key, text in date_fields(dates):
            yield (*loc, "dates", key), text


@rule(
    "S109",
    "quotes-not-checked",
    "The quotes of a source could not be checked against its text",
    Severity.INFO,
    """
Quotes are checked against the archived texts in the folder named by `--texts` or by
`[sources] texts` in accords.toml. When that folder is not given or not there, when it lacks
the source's file, or when the source's `paragraphs` markers are not in the text, the quotes of
that source are not checked, and this says so once per source rather than passing them.

Fails (no texts folder given):

    accords check

Passes:

    accords check --texts ../shared/seeds
""",
)
def quotes_not_checked(dataset: Dataset) -> Iterator[Finding]:
    archive = dataset.archive
    counted: dict[str, int] = {}
    for cited in _quoted(dataset):
        counted[cited.source.id] = counted.get(cited.source.id, 0) + len(cited.citation.quote)
    for source_id, count in sorted(counted.items()):
        source = dataset.sources[source_id]
        reason = _why_unchecked(dataset, archive, source)
        entry = dataset.entry("source", source_id)
        if reason is None or entry is None:
            continue
        yield quotes_not_checked.finding(
            f"{count} quote{'s' if count != 1 else ''} of {source_id} not checked: {reason}",
            entry.location("file"),
            hint="point --texts or [sources] texts in accords.toml at the archived texts",
        )


def _why_unchecked(dataset: Dataset, archive: TextArchive | None, source: Source) -> str | None:
    if dataset.texts is None:
        return "no folder of archived texts is given"
    if archive is None:
        return f"the texts folder {dataset.texts} is not there"
    assert source.file is not None
    text = archive.text(source.file, source.paragraphs)
    if text is None:
        return f"{source.file} is not in {dataset.texts} (or is not readable text)"
    if not text.markers_found:
        return f"the paragraphs markers of {source.id} are not in {source.file}"
    return None


def _short(quote: str) -> str:
    return f"'{quote}'" if len(quote) <= 80 else f"'{quote[:77]}…'"

"""Agreements and events in date order, each date kept at the precision the record gives."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from accords.analysis.common import parse_option_date
from accords.dataset import Dataset
from accords.errors import UsageError
from accords.model.agreement_dates import first_date, recorded_end
from accords.model.dates import DateInterval, date_or_none, iso_day

AGREEMENT = "agreement"
EVENT = "event"


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One agreement or event: its date as written, the days it may fall on, and its span.

    ``end`` is the agreement's end (ended date, or outcome date) when the record gives one.
    ``partial`` says the --from/--to window cuts through the item's date interval.
    """

    date: str
    earliest: str
    latest: str
    precision: str
    described: str
    kind: str
    id: str
    label: str
    category: str
    status: str
    end: str | None = None
    end_latest: str | None = None
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Timeline:
    start: str | None
    end: str | None
    items: tuple[TimelineItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "items": [i.to_dict() for i in self.items]}


def timeline(dataset: Dataset, *, start: str | None = None, end: str | None = None) -> Timeline:
    """Every agreement (at its first date) and event between ``start`` and ``end``.

    An item whose date interval overlaps the window's edge is kept and flagged ``partial``.
    A window that ends before it starts is a usage error.
    """
    window_start = parse_option_date(start, "--from")
    window_end = parse_option_date(end, "--to")
    if window_start and window_end and window_start.earliest > window_end.latest:
        raise UsageError(f"--from {start} is after --to {end}: the window holds no day")
    items: list[tuple[DateInterval, int, dict[str, Any]]] = []
    for agreement in dataset.agreements.values():
        date = first_date(agreement)
        if date is None:
            continue
        outcome = agreement.outcome
        closing = recorded_end(agreement)
        end_text = closing.text if closing is not None else None
        end_date = closing.date if closing is not None else None
        status = outcome.status.value if outcome is not None else agreement.certainty.value
        last = max(date.latest, end_date.latest) if end_date else date.latest
        fields = _item(date, AGREEMENT, agreement.id, agreement.title, agreement.kind.value, status)
        fields |= {"end": end_text, "end_latest": iso_day(end_date.latest) if end_date else None}
        items.append((date, last, fields))
    for event in dataset.events.values():
        date = date_or_none(event.date)
        if date is not None:
            fields = _item(
                date, EVENT, event.id, event.summary, event.kind.value, event.status.value
            )
            items.append((date, date.latest, fields))
    kept = []
    for date, last, fields in sorted(items, key=lambda item: _sort_key(item[0], item[2])):
        if window_start is not None and last < window_start.earliest:
            continue
        if window_end is not None and date.earliest > window_end.latest:
            continue
        partial = (window_start is not None and date.earliest < window_start.earliest) or (
            window_end is not None and last > window_end.latest
        )
        kept.append(TimelineItem(**fields, partial=partial))
    return Timeline(start, end, tuple(kept))


def _item(
    date: DateInterval, kind: str, item_id: str, label: str, category: str, status: str
) -> dict[str, Any]:
    return {
        "date": date.text,
        "earliest": iso_day(date.earliest),
        "latest": iso_day(date.latest),
        "precision": date.precision.value,
        "described": date.describe(),
        "kind": kind,
        "id": item_id,
        "label": label,
        "category": category,
        "status": status,
    }


def _sort_key(date: DateInterval, fields: dict[str, Any]) -> tuple[int, int, int, str]:
    return (date.earliest, date.latest, 0 if fields["kind"] == AGREEMENT else 1, fields["id"])

"""Mermaid gantt labels are short: the item's id, at most 40 characters."""

from __future__ import annotations

import re
from pathlib import Path

from accords.analysis.timeline import TimelineItem
from support import run_accords

REPO = Path(__file__).resolve().parents[2]


def _item(item_id: str, label: str) -> TimelineItem:
    return TimelineItem(
        "2016-12-30",
        "2016-12-30",
        "2016-12-30",
        "day",
        "2016-12-30",
        "event",
        item_id,
        label,
        "violation",
        "occurred",
    )


def test_the_label_is_the_id_cut_to_40_characters() -> None:
    from accords.render.timeline import mermaid_label

    title = "Shelling of the old town, which each side blames on the other: a long summary"
    assert mermaid_label(_item("old-town-shelling", title)) == "old-town-shelling"
    long_id = "2016-12-30-nationwide-ceasefire-takes-effect-at-midnight"
    assert mermaid_label(_item(long_id, title)) == "2016-12-30-nationwide-ceasefire-takes-e…"
    assert len(mermaid_label(_item(long_id, title))) == 40
    assert mermaid_label(_item("a:b;c#d", title)) == "a b c d"  # never a Mermaid separator


def test_no_label_in_the_bundled_chart_is_longer_than_40() -> None:
    result = run_accords("timeline", "--format", "mermaid", cwd=REPO)
    assert result.code == 0, result.output
    labels = [m.group(1) for m in re.finditer(r"^    (.+?) :", result.out, re.MULTILINE)]
    tasks = re.findall(r" :(?:milestone, )?[ae]\d+x\d+, ", result.out)
    assert len(labels) == len(tasks) == 90  # 10 agreements and 80 events
    assert max(map(len, labels)) == 40

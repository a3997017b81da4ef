"""Everything the static site shows, gathered from the other analyses: the matrix, each
agreement's summary with its evidence, each actor's profile and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from accords.analysis.compare import ComparisonResult, compare
from accords.analysis.profile import ActorProfile, actor_profiles
from accords.analysis.show import AgreementSummary, show
from accords.analysis.timeline import AGREEMENT, Timeline, timeline
from accords.dataset import Dataset


@dataclass(frozen=True)
class SiteContent:
    """The answers the site renders; it computes none of its own."""

    title: str
    comparison: ComparisonResult
    agreements: tuple[AgreementSummary, ...]
    actors: tuple[ActorProfile, ...]
    timeline: Timeline
    #: The earliest day each dated agreement's first date may denote (ISO), to sort by date.
    first_days: dict[str, str]


def site_content(dataset: Dataset, title: str) -> SiteContent:
    """The matrix of every agreement (chronological) with the actors it marks, every
    agreement's summary with its evidence, every actor's profile, and the whole timeline.
    A dataset without agreements is a usage error, as for ``compare``."""
    comparison = compare(dataset)
    whole = timeline(dataset)
    summaries = tuple(show(dataset, a.id, evidence=True) for a in comparison.agreements)
    return SiteContent(
        title=title,
        comparison=comparison,
        agreements=summaries,
        actors=tuple(actor_profiles(dataset, comparison)),
        timeline=whole,
        first_days={i.id: i.earliest for i in whole.items if i.kind == AGREEMENT},
    )

"""How every matrix format lays out a comparison: its title and its rows gathered by group."""

from __future__ import annotations

from accords.analysis.compare import ActorRow, ComparisonResult


def row_groups(result: ComparisonResult) -> list[tuple[str | None, list[ActorRow]]]:
    """Rows gathered under their group label (one unnamed group when not grouped)."""
    if result.group_by is None:
        return [(None, list(result.actors))]
    groups: dict[str | None, list[ActorRow]] = {}
    for row in result.actors:
        groups.setdefault(row.group, []).append(row)
    return list(groups.items())


def title_of(result: ComparisonResult) -> str:
    parts = ["Actors × agreements"]
    if result.as_of:
        parts.append(f"as of {result.as_of}")
    if result.scenario:
        parts.append(f"under scenario {result.scenario}")
    return ", ".join(parts)

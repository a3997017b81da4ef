"""What-if overlays: a scenario's changes applied to copies of the agreements they name."""

from __future__ import annotations

from accords.dataset import Dataset
from accords.errors import UsageError
from accords.model import Agreement, Scenario
from accords.model.scenarios import Change


def scenario_by_id(dataset: Dataset, scenario_id: str) -> Scenario:
    scenario = dataset.scenarios.get(scenario_id)
    if scenario is None:
        known = ", ".join(sorted(dataset.scenarios)) or "none in this dataset"
        raise UsageError(f"unknown scenario {scenario_id!r} (known: {known})")
    return scenario


def apply_scenario(agreements: dict[str, Agreement], scenario: Scenario) -> dict[str, Agreement]:
    """The agreements with the scenario's changes applied; the originals stay untouched.

    A change naming an agreement the dataset lacks is skipped: the reference rules report it.
    """
    changed = dict(agreements)
    for change in scenario.changes:
        agreement = changed.get(change.agreement)
        if agreement is not None:
            changed[change.agreement] = apply_change(agreement, change)
    return changed


def apply_change(agreement: Agreement, change: Change) -> Agreement:
    """One agreement with one change applied: removals first, then additions."""
    removed_participants = set(change.remove_participants)
    removed_exclusions = set(change.remove_exclusions)
    removed_terms = set(change.remove_terms)
    participants = [p for p in agreement.participants if p.actor not in removed_participants]
    exclusions = [e for e in agreement.exclusions if e.actor not in removed_exclusions]
    terms = [t for t in agreement.terms if t.id not in removed_terms]
    return agreement.model_copy(
        update={
            "participants": [*participants, *change.add_participants],
            "exclusions": [*exclusions, *change.add_exclusions],
            "terms": [*terms, *change.add_terms],
        }
    )

"""How the person-facing outputs word a record's kind in a sentence."""

from __future__ import annotations

from accords.model.actors import ActorKind
from accords.model.agreements import AgreementKind
from accords.render.vocabulary import kind_phrase


def test_every_agreement_kind_reads_with_its_article() -> None:
    assert {kind.value: kind_phrase(kind.value, "agreement") for kind in AgreementKind} == {
        "ceasefire": "a ceasefire",
        "evacuation-deal": "an evacuation deal",
        "declaration": "a declaration",
        "negotiation-round": "a negotiation round",
        "framework-resolution": "a framework resolution",
        "framework-agreement": "a framework agreement",
        "pre-negotiation": "a pre-negotiation",
        "implementation": "an implementation",
        "bilateral-deal": "a bilateral deal",
        "arrangement": "an arrangement",
        "other": "an agreement of another kind",
    }


def test_every_actor_kind_reads_with_its_article() -> None:
    assert {kind.value: kind_phrase(kind.value, "actor") for kind in ActorKind} == {
        "state": "a state",
        "government": "a government",
        "military": "a military",
        "armed-group": "an armed group",
        "militia": "a militia",
        "coalition": "a coalition",
        "international-body": "an international body",
        "political-body": "a political body",
        "person": "a person",
        "other": "an actor of another kind",
    }

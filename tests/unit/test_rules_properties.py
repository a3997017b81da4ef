"""Properties of the rules over generated records: they never raise, and they are stable."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_strategies import documents

from accords.checking.registry import load_all
from accords.dataset import Dataset
from accords.loading.records import parse_file
from accords.model import Actor, Agreement, EventFile, Scenario, Source

KINDS = {
    "agreement": Agreement,
    "actor": Actor,
    "event": EventFile,
    "source": Source,
    "scenario": Scenario,
}


def _dataset(docs: list[tuple[str, dict[str, Any]]]) -> Dataset:
    dataset = Dataset(None)
    for index, (kind, doc) in enumerate(docs):
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        dataset.add(parse_file(text.encode("utf-8"), kind, f"{kind}s/{index}.yaml"))
    return dataset


records = st.lists(
    st.sampled_from(sorted(KINDS)).flatmap(
        lambda kind: st.tuples(st.just(kind), documents(KINDS[kind]))
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records)
def test_rules_never_raise_and_give_the_same_findings_twice(
    docs: list[tuple[str, dict[str, Any]]],
) -> None:
    dataset = _dataset(docs)
    for code, rule in load_all().items():
        if rule.check is None:
            continue
        first = list(rule.check(dataset))
        assert first == list(rule.check(dataset)), code
        for finding in first:
            assert finding.line >= 1 and finding.col >= 1, finding
            assert finding.code in load_all(), finding

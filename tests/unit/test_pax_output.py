"""Imported records as text (round-trip through the loader), the kind table, the manifest."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accords.importing.pax.mapping import agreement_kind
from accords.importing.state import Manifest, Outcome
from accords.importing.writer import MODELINE, record_text
from accords.loading.records import parse_file
from accords.model.agreements import AgreementKind

# Text a PA-X field can hold: any printable characters, line breaks, YAML 1.1 look-alikes.
_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
    st.sampled_from(["no", "yes", "on", "2016-09-12", "1e5", "09", "~", "null", "a\nb\n", "- x"]),
).filter(lambda t: t.strip() == t and t != "")


@settings(max_examples=60, deadline=None)
@given(title=_text, parties=_text, code=st.integers(min_value=1, max_value=3))
def test_written_agreements_load_back_unchanged(title: str, parties: str, code: int) -> None:
    data = {
        "id": "pax-1-x",
        "title": title,
        "kind": "ceasefire",
        "dates": {"signed": "2016-09-12"},
        "pax": {"agt_id": 1, "parties_text": parties, "provisions": {"Ce": code}},
        "sources": [{"source": "pax-export", "locator": "AgtId 1"}],
    }
    text = record_text("agreement", data)
    assert text.startswith(MODELINE.format(kind="agreement"))
    loaded = parse_file(text.encode("utf-8"), "agreement", "x.yaml")
    assert loaded.findings == [], (text, loaded.findings)
    assert loaded.record is not None
    dumped = loaded.record.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    assert dumped["title"] == title and dumped["pax"]["parties_text"] == parties


KINDS = [
    # (Agtp, Stage, StageSub, Status, title, kind)
    ("Intra", "Cea", "Ceas", "Multiparty signed/agreed", "Homs Ceasefire", AgreementKind.CEASEFIRE),
    ("Intra", "Cea", "Rel", "Multiparty signed/agreed", "Homs Hudna", AgreementKind.ARRANGEMENT),
    (
        "InterIntra",
        "Pre",
        "PreMix",
        "Unilateral document",
        "UN Security Council Resolution 2254",
        AgreementKind.FRAMEWORK_RESOLUTION,
    ),
    (
        "InterIntra",
        "Pre",
        "Prin",
        "Unilateral document",
        "Final declaration",
        AgreementKind.DECLARATION,
    ),
    ("Intra", "Pre", "Proc", "Multiparty signed/agreed", "Talks", AgreementKind.PRE_NEGOTIATION),
    ("Intra", "Pre", "PreOth", "Unilateral document", "Statement", AgreementKind.DECLARATION),
    (
        "Inter",
        "SubComp",
        "FrAg",
        "Multiparty signed/agreed",
        "Treaty",
        AgreementKind.BILATERAL_DEAL,
    ),
    (
        "Intra",
        "SubPar",
        "Iss",
        "Multiparty signed/agreed",
        "Accord",
        AgreementKind.FRAMEWORK_AGREEMENT,
    ),
    (
        "Intra",
        "Imp",
        "ImpMod",
        "Multiparty signed/agreed",
        "Timetable",
        AgreementKind.IMPLEMENTATION,
    ),
    (
        "Intra",
        "Ren",
        "ExtSub",
        "Multiparty signed/agreed",
        "Extension",
        AgreementKind.IMPLEMENTATION,
    ),
    ("Intra", "Oth", "NA", "Multiparty signed/agreed", "Other", AgreementKind.OTHER),
    ("Intra", "", "", "", "No stage", AgreementKind.OTHER),
]


@pytest.mark.parametrize(("agtp", "stage", "sub", "status", "title", "kind"), KINDS)
def test_kind_mapping(
    agtp: str, stage: str, sub: str, status: str, title: str, kind: AgreementKind
) -> None:
    assert agreement_kind(agtp, stage, sub, status, title) is kind


def test_manifest_updates_its_own_files_and_keeps_a_persons(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    assert manifest.write("a: 1\n", "agreements/a.yaml") is Outcome.CREATED
    assert manifest.write("b: 1\n", "agreements/b.yaml") is Outcome.CREATED
    (tmp_path / "agreements" / "c.yaml").write_text("mine\n", encoding="utf-8")
    manifest.save()

    (tmp_path / "agreements" / "b.yaml").write_text("b: 1  # checked\n", encoding="utf-8")
    again = Manifest.load(tmp_path)
    assert again.write("a: 1\n", "agreements/a.yaml") is Outcome.UNCHANGED
    assert again.write("a: 2\n", "agreements/a.yaml") is Outcome.UPDATED
    assert again.write("b: 2\n", "agreements/b.yaml") is Outcome.KEPT_EDITED
    assert again.write("c: 2\n", "agreements/c.yaml") is Outcome.KEPT_FOREIGN
    assert (tmp_path / "agreements" / "a.yaml").read_text(encoding="utf-8") == "a: 2\n"
    assert "checked" in (tmp_path / "agreements" / "b.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "agreements" / "c.yaml").read_text(encoding="utf-8") == "mine\n"
    again.save()
    # An edited file stays a person's on every later run.
    assert Manifest.load(tmp_path).write("b: 3\n", "agreements/b.yaml") is Outcome.KEPT_EDITED


def test_an_unreadable_manifest_keeps_every_existing_file(tmp_path: Path) -> None:
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / ".accords-import.json").write_text("{not json", encoding="utf-8")
    manifest = Manifest.load(tmp_path)
    assert manifest.problem is not None
    assert manifest.write("a: 2\n", "agreements/a.yaml") is Outcome.KEPT_FOREIGN

"""No crash on legal input: every date the grammar accepts goes through every command.

Dates are built from the grammar's pieces (years 0000-9999 with their edges, months, the days
of each month including leap days, the ``~ ? %`` qualifiers, intervals with ``..`` ends, in or
out of order), written into the agreements, positions, outcomes, events and forecasts of a copy
of the fixture dataset, and driven through the library behind ``check``, ``compare`` (every
format, with and without ``--as-of``), ``diff``, ``show``, ``timeline`` (every format, with a
window), ``export`` and ``scenarios``. The findings that do not depend on dates must stay
exactly those of the fixture, and no rule may crash (``E900``).
"""

from __future__ import annotations

import calendar
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accords.analysis.compare import ComparisonResult, compare
from accords.analysis.diff import DiffResult, diff
from accords.analysis.export import export_tables
from accords.analysis.scenarios import resolve_scenarios
from accords.analysis.show import show
from accords.analysis.timeline import timeline
from accords.checking.runner import run_checks
from accords.dataset import Dataset, load_dataset
from accords.errors import UsageError
from accords.findings import Finding
from accords.model.dates import EDTF_PATTERN, is_valid_date
from accords.render.diff import FORMATS as DIFF_FORMATS
from accords.render.export import csv_text, json_text
from accords.render.matrix import FORMATS as MATRIX_FORMATS
from accords.render.scenarios import FORMATS as SCENARIO_FORMATS
from accords.render.show import FORMATS as SHOW_FORMATS
from accords.render.timeline import FORMATS as TIMELINE_FORMATS

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixture-dataset"

_EDGE_YEARS = (0, 1, 4, 99, 100, 400, 1900, 2000, 2016, 9996, 9998, 9999)
years = st.one_of(st.sampled_from(_EDGE_YEARS), st.integers(0, 9999))
qualifiers = st.sampled_from(["", "~", "?", "%"])


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    """A day, month or year of years 0000-9999, qualified or not (any real calendar day)."""
    year = draw(years)
    month = draw(st.one_of(st.sampled_from([1, 2, 12]), st.integers(1, 12)))
    last = calendar.monthrange(year or 400, month)[1]  # year 0000 is a leap year, like 0400
    day = draw(st.one_of(st.sampled_from([1, last]), st.integers(1, last)))
    text = draw(
        st.sampled_from(
            [f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}", f"{year:04d}"]
        )
    )
    return text + draw(qualifiers)


#: Every form of the grammar: single dates, and intervals whose ends are dates or open.
legal_dates = st.one_of(
    single_dates(),
    st.tuples(
        st.one_of(single_dates(), st.just("..")), st.one_of(single_dates(), st.just(".."))
    ).map("/".join),
)

#: ``(file, text in the fixture, placeholder)``: the dates the examples replace.
_SLOTS = (
    ("agreements/riverside-truce-2031.yaml", 'announced: "2031-03-02"', "announced"),
    ("agreements/riverside-truce-2031.yaml", 'effective: "2031-03-04"', "effective"),
    ("agreements/riverside-truce-2031.yaml", 'ended: "2031-03"}', "ended"),
    ("agreements/riverside-truce-2031.yaml", 'rejected, date: "2031-03-03"', "position"),
    ("agreements/riverside-truce-2031.yaml", '  date: "2031-03"\n', "outcome"),
    ("agreements/valley-declaration-2031.yaml", 'signed: "2031-02-10"', "signed"),
    ("agreements/capital-talks-2031.yaml", 'proposed: "2031-06~"', "proposed"),
    ("events/2031.yaml", 'date: "2031-03-10"', "event"),
    ("events/2031.yaml", 'date: "2031-03"\n', "offensive"),
    ("scenarios/riverside-what-if.yaml", 'deadline: "2031-03-31"', "deadline"),
)
_NAMES = [name for _, _, name in _SLOTS]

#: A finding no date can change, planted so that "the real findings are still reported" is tested.
_PLANTED = (
    "  - {actor: river-front, roles: [party], sources: [daily-2031-03-03]}\n",
    "  - {actor: no-such-actor, roles: [observer], sources: [daily-2031-03-03]}\n",
)


def _date_free(findings: list[Finding]) -> list[Finding]:
    """The findings of the rules that read no date (and any internal error, E900)."""
    return [f for f in findings if f.code[0] in "ER" or f.code in ("F101", "F103", "S101")]


class Copy:
    """The fixture copied once, with its chosen dates as placeholders to fill per example."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(FIXTURE, root)
        path = root / "agreements" / "riverside-truce-2031.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(_PLANTED[0], _PLANTED[0] + _PLANTED[1]), encoding="utf-8")
        self.templates: dict[Path, str] = {}
        self.own: dict[str, str] = {}
        for name, old, slot in _SLOTS:
            target = root / name
            template = self.templates.get(target, target.read_text(encoding="utf-8"))
            assert template.count(old) == 1, (name, old)
            self.own[slot] = old[old.index('"') + 1 : old.rindex('"')]
            placeholder = old.replace(self.own[slot], "{" + slot + "}")
            self.templates[target] = template.replace(old, placeholder)
        self.baseline = _date_free(run_checks(self.fill(dict.fromkeys(_NAMES))))

    def fill(self, dates: dict[str, str | None]) -> Dataset:
        """The dataset with these dates (``None`` keeps the fixture's own)."""
        for path, template in self.templates.items():
            text = template
            for slot, own in self.own.items():
                text = text.replace("{" + slot + "}", dates.get(slot) or own)
            path.write_text(text, encoding="utf-8")
        return load_dataset(self.root)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Copy:
    return Copy(tmp_path_factory.mktemp("legal-dates") / "dataset")


def _in_dataset(path: str, copy: Copy) -> str:
    """A finding's path from the dataset root (messages show it from the working folder)."""
    return Path(path).resolve().relative_to(copy.root.resolve()).as_posix()


def test_the_baseline_has_the_planted_finding(copy: Copy) -> None:
    found = [(f.code, _in_dataset(f.path, copy), f.line, f.message) for f in copy.baseline]
    assert found == [
        (
            "R102",
            "agreements/riverside-truce-2031.yaml",
            10,
            "unknown actor 'no-such-actor'",
        ),
        (
            "F103",
            "scenarios/riverside-what-if.yaml",
            37,
            "expectation unconditioned has no resolves_when condition",
        ),
    ]


@given(st.lists(legal_dates, min_size=1, max_size=20))
def test_the_strategy_makes_only_legal_dates(texts: list[str]) -> None:
    import re

    for text in texts:
        assert re.match(EDTF_PATTERN, text) and is_valid_date(text), text


def _compare_as_of(dataset: Dataset, when: str, **options: str) -> ComparisonResult | None:
    """The comparison as of ``when``; None when no agreement existed by then, which is the one
    usage error a legal date may meet (there is nothing to compare)."""
    try:
        return compare(dataset, as_of=when, **options)  # type: ignore[arg-type]
    except UsageError as exc:
        assert str(exc) == f"no agreement existed by {when}", exc
        return None


def _diff_as_of(dataset: Dataset, when: str) -> DiffResult | None:
    """The diff as of ``when``; None when one of the two was dated after it (a usage error)."""
    try:
        return diff(dataset, "riverside-truce-2031", "capital-talks-2031", as_of=when)
    except UsageError as exc:
        assert str(exc).endswith(f", after --as-of {when}: it was not on record yet"), exc
        return None


def _every_command(dataset: Dataset, when: str) -> None:
    """Runs every analysis behind the commands, in every format, into memory."""
    out = io.StringIO()
    for fmt in MATRIX_FORMATS:
        MATRIX_FORMATS[fmt](compare(dataset), out)
        for options in ({}, {"scenario": "riverside-what-if"}):
            result = _compare_as_of(dataset, when, **options)
            if result is not None:
                MATRIX_FORMATS[fmt](result, out)
    for fmt in ("text", "markdown", "json"):
        DIFF_FORMATS[fmt](diff(dataset, "riverside-truce-2031", "valley-declaration-2031"), out)
        dated = _diff_as_of(dataset, when)
        if dated is not None:
            DIFF_FORMATS[fmt](dated, out)
        for agreement in dataset.agreements:
            SHOW_FORMATS[fmt](show(dataset, agreement), out)
        SCENARIO_FORMATS[fmt](resolve_scenarios(dataset, as_of=when), out)
    for renderer in TIMELINE_FORMATS.values():
        renderer(timeline(dataset), out)
        renderer(timeline(dataset, start=when), out)
        renderer(timeline(dataset, end=when), out)
    tables = export_tables(dataset)
    out.write(json_text(tables))
    for table in tables:
        out.write(csv_text(table))


@settings(max_examples=15, deadline=None)
@given(
    dates=st.fixed_dictionaries({name: st.one_of(st.none(), legal_dates) for name in _NAMES}),
    when=legal_dates,
)
def test_every_legal_date_goes_through_every_command(
    copy: Copy, dates: dict[str, str | None], when: str
) -> None:
    dataset = copy.fill(dates)
    findings = run_checks(dataset)
    assert _date_free(findings) == copy.baseline, dates
    _every_command(dataset, when)


def test_a_gantt_bar_reaching_the_last_day_ends_by_its_length(copy: Copy) -> None:
    """Mermaid bar ends are exclusive and 9999-12-31 has no next day: the bar gives its length."""
    dataset = copy.fill({"event": "2016/..", "offensive": "9999-12-31"})
    out = io.StringIO()
    TIMELINE_FORMATS["mermaid"](timeline(dataset), out)
    events = out.getvalue().split("    section Events\n")[1].splitlines()
    assert [line.split(" :", 1)[1] for line in events] == [
        "e1x1, 2016-01-01, 2916096d",
        "milestone, e1x2, 2031-02-15, 0d",
        "milestone, e1x3, 2031-03-02, 0d",
        "milestone, e1x4, 2031-04-18, 0d",
        "milestone, e1x5, 2031-06-15, 0d",
        "milestone, e1x6, 9999-12-31, 0d",
    ]

"""Generate realistic agreement files for benchmarks: a dataset folder with N agreements.

Each file looks like a hand-edited record of the bundled dataset (flow-style participants,
quoted dates, citations with locators, terms in prose) and is about 3.5 KB. The output is
deterministic for a given N and seed, and every file validates.
"""

from __future__ import annotations

import random
from pathlib import Path

_ACTORS = [
    "russia",
    "united-states",
    "turkey",
    "iran",
    "syrian-government",
    "syrian-arab-army",
    "free-syrian-army",
    "ahrar-al-sham",
    "jaysh-al-islam",
    "jabhat-fateh-al-sham",
    "islamic-state",
    "hezbollah",
    "ypg",
    "un-security-council",
    "un-special-envoy",
    "sergey-lavrov",
    "john-kerry",
    "mevlut-cavusoglu",
    "staffan-de-mistura",
    "jordan",
    "qatar",
    "saudi-arabia",
    "high-negotiations-committee",
    "nour-al-din-al-zenki",
]
_PLACES = [
    "eastern Aleppo",
    "Wadi Barada",
    "Idlib",
    "Homs",
    "Madaya",
    "Zabadani",
    "Daraya",
    "Kefraya",
    "Fua",
    "Ramouseh",
    "al-Waer",
    "Eastern Ghouta",
    "Deir ez-Zor",
]
_KINDS = ["ceasefire", "evacuation-deal", "declaration", "negotiation-round", "arrangement"]
_ROLES = ["signatory", "party", "mediator", "guarantor", "host", "observer", "endorser"]
_STANCES = ["welcomed", "accepted", "rejected", "obstructed", "declared-over", "withdrew"]
_TERMS = [
    "cessation",
    "humanitarian-access",
    "evacuation",
    "separation",
    "monitoring",
    "withdrawal",
    "political-process",
]
_OUTCOMES = ["collapsed", "implemented", "partially-implemented", "superseded", "lapsed"]
_PROSE = (
    "the parties agree to halt offensive operations in the area and to allow convoys of aid "
    "to reach besieged districts under the supervision of monitors while armed groups that "
    "remain outside the arrangement stay legitimate targets and civilians who wish to leave "
    "are granted safe passage along agreed corridors within seventy two hours"
)
_WORDS = _PROSE.split()

HEADER = "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def _day(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _sources(rng: random.Random, pool: list[str], count: int) -> str:
    refs = []
    for source in rng.sample(pool, count):
        if rng.random() < 0.3:
            refs.append(f"{{source: {source}, locator: para. {rng.randint(1, 30)}}}")
        else:
            refs.append(source)
    return "[" + ", ".join(refs) + "]"


def agreement_text(index: int, rng: random.Random) -> str:
    """One agreement file's text."""
    year = rng.choice([2015, 2016, 2017])
    pool = [f"source-{year}-{rng.randint(1, 999):03d}" for _ in range(6)]
    actors = rng.sample(_ACTORS, 12)
    place = rng.choice(_PLACES)
    lines = [
        HEADER,
        f"id: agreement-{index:05d}-{place.split()[-1].lower()}\n",
        f"title: {place} {rng.choice(['truce', 'evacuation deal', 'ceasefire'])} of {year}\n",
        f"aliases: [{place} deal, deal number {index}]\n",
        f"kind: {rng.choice(_KINDS)}\n",
        f"certainty: {rng.choice(['confirmed', 'confirmed', 'reported', 'rumoured'])}\n",
        f"scope: {{area: {place}, places: [{', '.join(rng.sample(_PLACES, 3))}]}}\n",
        "dates:\n",
        f'  announced: "{_day(rng, year)}"\n',
        f'  signed: "{_day(rng, year)}"\n',
        f'  effective: "{year}-{rng.randint(1, 12):02d}~"\n',
        "participants:\n",
    ]
    for actor in actors[:6]:
        roles = ", ".join(rng.sample(_ROLES, rng.randint(1, 2)))
        extra = f", represented_by: [{actors[11]}]" if rng.random() < 0.3 else ""
        lines.append(
            f"  - {{actor: {actor}, roles: [{roles}]{extra}, sources: {_sources(rng, pool, 1)}}}\n"
        )
    lines.append("exclusions:\n")
    for actor in actors[6:8]:
        lines.append(f"  - actor: {actor}\n")
        lines.append(f"    scope: {rng.choice(['protection', 'talks'])}\n")
        lines.append(f"    manner: {rng.choice(['explicit', 'shut-out', 'not-invited'])}\n")
        lines.append(f"    contested: {rng.choice(['true', 'false'])}\n")
        lines.append(f"    note: {_sentence(rng, 8, 14)}\n")
        lines.append(f"    sources: {_sources(rng, pool, 2)}\n")
    lines.append("positions:\n")
    for actor in actors[8:11]:
        lines.append(
            f'  - {{actor: {actor}, stance: {rng.choice(_STANCES)}, date: "{_day(rng, year)}", '
            f"sources: {_sources(rng, pool, 1)}}}\n"
        )
    lines.append("terms:\n")
    for number, kind in enumerate(rng.sample(_TERMS, 4)):
        lines.append(f"  - id: term-{number + 1}\n")
        lines.append(f"    kind: {kind}\n")
        lines.append(f"    text: >-\n      {_sentence(rng, 18, 30)}\n")
        lines.append(f"    obligations: [{actors[number]}, {actors[number + 1]}]\n")
        lines.append(f'    deadline: "{_day(rng, year)}"\n')
        lines.append(f"    sources: {_sources(rng, pool, 1)}\n")
    lines.append("outcome:\n")
    lines.append(f"  status: {rng.choice(_OUTCOMES)}\n")
    lines.append(f'  date: "{year}-{rng.randint(1, 12):02d}"\n')
    lines.append("  accusations:\n")
    lines.append(
        f"    - {{by: {actors[0]}, against: {actors[1]}, claim: {_sentence(rng, 6, 10)}, "
        f"sources: {_sources(rng, pool, 1)}}}\n"
    )
    lines.append(f"  sources: {_sources(rng, pool, 2)}\n")
    lines.append(f"note: {_sentence(rng, 12, 20)}\n")
    lines.append(f"sources: {_sources(rng, pool, 4)}\n")
    return "".join(lines)


def generate(root: Path, count: int, seed: int = 2016) -> list[Path]:
    """Write ``count`` agreement files under ``root/agreements`` (and an accords.toml)."""
    folder = root / "agreements"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "accords.toml").write_text("# benchmark dataset\n", encoding="utf-8")
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"agreement-{index:05d}.yaml"
        path.write_text(agreement_text(index, rng), encoding="utf-8")
        paths.append(path)
    return paths

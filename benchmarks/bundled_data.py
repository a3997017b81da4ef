"""Benchmark inputs built from the bundled records: the same files, the same size and shape.

- :func:`clone_dataset` writes a dataset of N agreements: the bundled actors, sources, events
  and scenarios as they are, and the bundled agreements cloned in turn until there are N, each
  clone byte for byte its original but for its id (``<id>-c0001``) and file name. The clones
  keep their original's participants, dates, terms and citations, so ceasefire windows, party
  sides and quotes to check are those of the real records, repeated.
- :func:`write_events` writes an events file in ACLED's export format (31 columns) whose actor
  strings are those the bundled actors map (their ``acled`` strings, else their names), and in
  about half the cells strings no actor maps (civilians, unidentified groups), dated over the
  years the bundled records cover, with ACLED's event types; about 330 bytes a row, as ACLED's
  export.

Deterministic for a given size and seed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import random
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
#: The folders copied as they are; agreements are cloned.
COPIED = ("actors", "seeds", "events", "scenarios")

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Agreement"),
    ("Riots", "Violent demonstration"),
]
FIRST_DAY = dt.date(2015, 1, 1).toordinal()
LAST_DAY = dt.date(2017, 12, 31).toordinal()
UNMAPPED = ("Civilians", "Unidentified Armed Group", "Protesters", "Rioters")
PLACES = ["Aleppo", "Idlib", "Homs", "Madaya", "Zabadani", "Daraya", "Douma", "Deir ez-Zor"]


def _texts_setting() -> str:
    """The bundled dataset's archived texts, as an absolute path, when they are there."""
    import tomllib

    config = tomllib.loads((REPO / "accords.toml").read_text(encoding="utf-8"))
    texts = config.get("sources", {}).get("texts")
    if not texts or not (REPO / texts).is_dir():
        return ""
    return f'\n[sources]\ntexts = "{(REPO / texts).resolve().as_posix()}"\n'


def clone_dataset(root: Path, agreements: int, texts: bool = False) -> None:
    """A dataset of ``agreements`` agreements cloned from the bundled ones (see the module).

    ``texts`` points it at the bundled dataset's archived source texts (third-party, kept out
    of the repository), so that every quote is checked against them, as there.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "accords.toml").write_text(
        '[dataset]\nname = "bundled records, cloned"\n' + (_texts_setting() if texts else ""),
        encoding="utf-8",
    )
    for folder in COPIED:
        shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    originals = sorted((REPO / "agreements").glob("*.yaml"))
    target = root / "agreements"
    target.mkdir(exist_ok=True)
    for index in range(agreements):
        original = originals[index % len(originals)]
        copy = index // len(originals)
        if copy == 0:  # the originals themselves, which the events and scenarios name
            shutil.copyfile(original, target / original.name)
            continue
        new_id = f"{original.stem}-c{copy:04d}"
        text = original.read_text(encoding="utf-8")
        cloned = text.replace(f"\nid: {original.stem}\n", f"\nid: {new_id}\n", 1)
        assert cloned != text, original
        (target / f"{new_id}.yaml").write_text(cloned, encoding="utf-8")


def actor_strings() -> tuple[list[str], list[str]]:
    """The strings the bundled actors map (``acled``, names, aliases), and unmapped ones."""
    mapped: list[str] = []
    for path in sorted((REPO / "actors").glob("*.yaml")):
        actor = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        mapped.extend(actor.get("acled") or [actor["name"]])
    # ACLED names many actors no record keeps (civilians, local groups): about half the cells.
    unmapped = [f"{kind} (Syria) {i}" for kind in UNMAPPED for i in range(len(mapped) // 4)]
    return mapped, unmapped


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def event_lines(rows: int, seed: int = 20161230) -> list[str]:
    """``rows`` CSV lines (no header) in ACLED's export format; see the module."""
    rng = random.Random(seed)
    mapped, unmapped = actor_strings()
    actors = [_quoted(a) for a in mapped + unmapped]
    days = [dt.date.fromordinal(d).isoformat() for d in range(FIRST_DAY, LAST_DAY + 1)]
    lines = []
    for i in range(rows):
        day = rng.choice(days)
        event_type, sub_type = rng.choice(EVENT_TYPES)
        place = rng.choice(PLACES)
        dead = rng.randrange(10)
        lines.append(
            f"SYR{i},{day},{day[:4]},1,Political violence,{event_type},{sub_type},"
            f"{rng.choice(actors)},,1,{rng.choice(actors)},,2,12,,760,Middle East,Syria,"
            f"{place},{place},,{place} {rng.randrange(500)},{rng.uniform(32, 37):.4f},"
            f"{rng.uniform(35, 42):.4f},1,Syrian Observatory for Human Rights,National,"
            f'"On {day}, clashes were reported near {place}; {dead} fatalities were reported.",'
            f"{dead},,1600000000\n"
        )
    return lines


def write_events(path: Path, rows: int, seed: int = 20161230) -> None:
    """An events file of ``rows`` rows; ``.csv.gz`` is compressed, ``.parquet`` columnar."""
    chunk = 200_000
    header = ",".join(ACLED_HEADER) + "\n"
    if path.suffix == ".parquet":
        _write_parquet(path, rows, seed)
        return
    with (
        gzip.open(path, "wt", encoding="utf-8", compresslevel=6)
        if path.suffix == ".gz"
        else path.open("w", encoding="utf-8", newline="")
    ) as handle:
        handle.write(header)
        for start in range(0, rows, chunk):
            count = min(chunk, rows - start)
            handle.writelines(event_lines(count, seed + start))


def write_events_apart(path: Path, rows: int) -> None:
    """:func:`write_events` in a child process of its own. Linux carries a process's peak
    memory over into a child it starts (``exec`` keeps the parent's high-water mark in the
    child's ``ru_maxrss``), so a benchmark that built a large file in its own process would
    report that peak for every command it times afterwards."""
    code = (
        "import sys; from pathlib import Path; from bundled_data import write_events; "
        "write_events(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    here = Path(__file__).resolve().parent
    subprocess.run([sys.executable, "-c", code, str(path), str(rows)], cwd=here, check=True)


def _write_parquet(path: Path, rows: int, seed: int) -> None:
    from pyarrow import csv as pacsv
    from pyarrow import parquet as pq

    text_path = path.with_name(path.name + ".tmp.csv")
    write_events(text_path, rows, seed)
    strings = pacsv.ConvertOptions(column_types=dict.fromkeys(ACLED_HEADER, "string"))
    pq.write_table(pacsv.read_csv(text_path, convert_options=strings), path)
    text_path.unlink()

"""Columnar reading of an ACLED-format CSV, and the record's side of the join.

pyarrow and NumPy are imported inside the functions: only ``check --events`` needs them.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accords.model import Actor
from accords.model.actors import RelationType
from accords.model.agreements import AgreementKind, OutcomeStatus, Role, TermKind
from accords.model.dates import LAST_ORDINAL, date_or_none
from accords.rules.helpers import normalise_name

if TYPE_CHECKING:
    from accords.dataset import Dataset

#: Outcomes whose date ends the agreement's window when no ``ended`` date is given.
_ENDING_OUTCOMES = frozenset(
    (OutcomeStatus.COLLAPSED, OutcomeStatus.LAPSED, OutcomeStatus.SUPERSEDED)
)


def parse_acled_date(text: str) -> int:
    """The proleptic ordinal of an ACLED date (``2016-09-12`` or ``12 September 2016``), or -1."""
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return _dt.date.fromisoformat(text).toordinal()
        except ValueError:
            return -1
    for pattern in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y"):
        try:
            return _dt.datetime.strptime(text, pattern).date().toordinal()
        except ValueError:
            continue
    return -1


def actor_strings(actors: Iterable[Actor]) -> dict[str, str]:
    """Normalised ACLED string or name → actor id; ``acled`` strings win over names."""
    by_name: dict[str, str] = {}
    by_acled: dict[str, str] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases, *(n.name for n in actor.names)):
            by_name.setdefault(normalise_name(name), actor.id)
        for string in actor.acled:
            by_acled.setdefault(normalise_name(string), actor.id)
    return {**by_name, **by_acled}


@dataclass
class Agreements:
    """Ceasefire windows by pair of party codes: ``(low, high) → [(id, first day, last day)]``."""

    by_pair: dict[tuple[int, int], list[tuple[str, int, int]]] = field(default_factory=dict)


def ceasefire_windows(dataset: Dataset, code_of: dict[str, int]) -> Agreements:
    """The days each ceasefire certainly held, by pair of its parties.

    A window starts on the last possible day of the effective (else signed) date and stops the
    day before the first possible day of the end (``ended``, else an ending outcome's date):
    fighting on the day a ceasefire ends is how it ends.
    """
    windows = Agreements()
    members = _members(dataset.actors.values())
    for agreement in dataset.agreements.values():
        is_ceasefire = agreement.kind is AgreementKind.CEASEFIRE or any(
            t.kind is TermKind.CESSATION for t in agreement.terms
        )
        start = date_or_none(agreement.dates.effective or agreement.dates.signed)
        if not is_ceasefire or start is None:
            continue
        end = date_or_none(agreement.dates.ended)
        outcome = agreement.outcome
        if end is None and outcome is not None and outcome.status in _ENDING_OUTCOMES:
            end = date_or_none(outcome.date)
        last = end.earliest - 1 if end is not None else LAST_ORDINAL
        # ACLED days are datetime days (1 and up), -1 marks a malformed one: a window reaching
        # back into year 0000 starts at day 1, so that no malformed row falls inside it.
        first = max(start.latest, 1)
        if last < first:
            continue
        parties = {p.actor for p in agreement.participants if Role.PARTY in p.roles}
        span = (agreement.id, first, last)
        for pair in _party_pairs(parties, members, code_of):
            windows.by_pair.setdefault(pair, []).append(span)
    return windows


#: Relations through which an actor fights as part of a party (an army of a government).
_BELONGS = frozenset((RelationType.MEMBER_OF, RelationType.PART_OF))


def _members(actors: Iterable[Actor]) -> dict[str, set[str]]:
    """Actor id → itself and every actor that is (transitively) a member or part of it."""
    parents: dict[str, set[str]] = {}
    for actor in actors:
        parents[actor.id] = {r.actor for r in actor.relations if r.type in _BELONGS}
    members: dict[str, set[str]] = {actor_id: {actor_id} for actor_id in parents}
    for actor_id in parents:
        seen: set[str] = set()
        todo = list(parents[actor_id])
        while todo:
            parent = todo.pop()
            if parent in seen or parent not in members:
                continue
            seen.add(parent)
            members[parent].add(actor_id)
            todo.extend(parents.get(parent, ()))
    return members


def _party_pairs(
    parties: set[str], members: dict[str, set[str]], code_of: dict[str, int]
) -> set[tuple[int, int]]:
    """Pairs of actor codes ``(low, high)`` that fight for two different parties."""
    sides = sorted(parties & members.keys())
    pairs: set[tuple[int, int]] = set()
    for i, left in enumerate(sides):
        for right in sides[i + 1 :]:
            for a in members[left]:
                for b in members[right]:
                    if a != b and a in code_of and b in code_of:
                        low, high = sorted((code_of[a], code_of[b]))
                        pairs.add((low, high))
    return pairs


@dataclass
class Frame:
    """The needed columns of an events file, as pyarrow arrays, with the skipped rows."""

    columns: dict[str, Any]
    bad_rows: list[tuple[int, int]]

    @classmethod
    def read(cls, path: Path, names: list[str], dictionary_columns: Iterable[str] = ()) -> Frame:
        """Read ``names`` as text; rows of the wrong width are skipped and remembered."""
        import pyarrow as pa  # type: ignore[import-untyped]
        from pyarrow import csv as pacsv

        bad: list[tuple[int, int]] = []
        # Columns of few distinct values are read dictionary-encoded: each string is held once.
        encoded = pa.dictionary(pa.int32(), pa.string())
        types = {name: encoded for name in names if name in dictionary_columns}

        def skip(row: Any) -> str:
            bad.append((row.number if row.number is not None else -1, row.actual_columns))
            return "skip"

        def load(fast: bool) -> Any:
            bad.clear()
            return pacsv.read_csv(
                path,
                read_options=pacsv.ReadOptions(use_threads=fast, block_size=1 << 22),
                parse_options=pacsv.ParseOptions(
                    newlines_in_values=not fast, invalid_row_handler=skip
                ),
                convert_options=pacsv.ConvertOptions(
                    include_columns=names,
                    column_types={name: types.get(name, pa.string()) for name in names},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )

        table = load(fast=True)
        if bad:
            # The fast pass neither allows line breaks inside quoted values (they halve its
            # speed) nor numbers the rows it skips; a serial pass that does both reads the
            # rare file that needs it.
            table = load(fast=False)
        table = table.unify_dictionaries()
        columns = {name: table.column(name).combine_chunks() for name in names}
        return cls(columns, sorted(bad))

    def has(self, name: str) -> bool:
        return name in self.columns

    def text(self, name: str, index: int) -> str:
        return str(self.columns[name][index].as_py())

    def row_number(self, index: int) -> int:
        """The file's row number (the header is row 1) of the table's row ``index``."""
        number = index + 2
        skipped = [row for row, _ in self.bad_rows]
        # Each skipped row at or before the candidate number pushes it one further.
        while True:
            moved = index + 2 + bisect_right(skipped, number)
            if moved == number:
                return number
            number = moved

    def _encoded(self, name: str) -> tuple[list[str], Any]:
        """Distinct values of a column and, per row, the index of its value (NumPy)."""
        import pyarrow.compute as pc  # type: ignore[import-untyped]

        column = self.columns[name]
        encoded = column if hasattr(column, "indices") else pc.dictionary_encode(column)
        return encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)

    def days(self, name: str) -> Any:
        """Per row, the date's proleptic ordinal, or -1 where it is not a date."""
        import numpy as np

        values, indices = self._encoded(name)
        ordinals = np.fromiter((parse_acled_date(v) for v in values), np.int64, len(values))
        return ordinals[indices] if len(values) else np.zeros(0, np.int64)

    def map_strings(
        self, name: str, strings: dict[str, str], code_of: dict[str, int]
    ) -> tuple[Any, dict[str, int]]:
        """Per row, the actor code (-1 unmapped, -2 empty), and the unmapped strings' counts."""
        import numpy as np

        values, indices = self._encoded(name)
        codes = np.fromiter(
            (
                code_of[strings[key]]
                if (key := normalise_name(v)) in strings
                else -1
                if key
                else -2
                for v in values
            ),
            np.int64,
            len(values),
        )
        if not len(values):
            return np.zeros(0, np.int64), {}
        counts = np.bincount(indices, minlength=len(values))
        misses = {
            values[i]: int(counts[i]) for i in np.flatnonzero((codes == -1) & (counts > 0)).tolist()
        }
        return codes[indices], misses

    def isin(self, name: str, wanted: frozenset[str]) -> Any:
        import numpy as np

        values, indices = self._encoded(name)
        hit = np.array([v.strip() in wanted for v in values], dtype=bool)
        return hit[indices] if len(values) else np.zeros(0, bool)

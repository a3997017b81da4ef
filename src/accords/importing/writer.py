"""YAML text of imported records: stable key order, quoted dates, the schema modeline.

The text is what a person would write: block style, keys in the order of the model, multi-line
text as literal blocks, and every string that another YAML reader could take for a date, number
or boolean quoted (PyYAML's emitter quotes whatever YAML 1.1 would resolve to another type).
It contains no anchors, aliases or tags, so the accords loader reads it back unchanged.
"""

from __future__ import annotations

from typing import Any

import yaml

from accords.model import FOLDERS

#: The schemas are copied into the output dataset's schemas/ folder; the modeline points there.
MODELINE = "# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"


# libyaml's emitter is ~10x faster than PyYAML's pure-Python one; both emit the same text here.
_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """A safe dumper that never writes anchors and writes multi-line text as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def record_text(kind: str, data: dict[str, Any]) -> str:
    """The YAML text of one record, with the modeline for its kind."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return MODELINE.format(kind=kind) + body


def record_path(kind: str, record_id: str) -> str:
    """The dataset-relative path of a record's file (POSIX separators)."""
    return f"{FOLDERS[kind]}/{record_id}.yaml"


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """The mapping without empty values, so files carry only what the export says."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}

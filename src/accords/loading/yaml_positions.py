"""A safe YAML reader that records a location for every key and value.

It drives libyaml's C parser (``yaml.CSafeLoader``) event by event and constructs plain values
itself, so that:

* scalars follow YAML 1.2: only ``true``/``false`` are booleans, ``no``/``on`` stay strings, there
  are no sexagesimal numbers and no timestamps (dates stay strings);
* anchors, aliases, merge keys and tags are rejected (hand-edited records need none, and an
  alias bomb costs nothing because no alias is ever expanded);
* duplicate keys, non-scalar keys, oversized files, non-UTF-8 bytes, byte-order marks, more than
  one document and a root that is not a mapping are findings with locations, never exceptions.

Locations are 1-based ``(line, col)`` pairs keyed by the value's key path, e.g.
``("participants", 0, "roles")``; the locations of keys are kept separately, keyed the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from accords.findings import Finding, Location, Severity
from accords.loading.codes import (
    ANCHOR_OR_ALIAS,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    ENCODING,
    FILE_TOO_LARGE,
    MERGE_KEY,
    NOT_A_MAPPING,
    NUMBER_OUT_OF_RANGE,
    TAG,
    TOO_DEEP,
    YAML_SYNTAX,
)
from accords.model.walk import KeyPath

#: Larger files are refused before parsing: a record is a few kilobytes.
MAX_FILE_BYTES = 1024 * 1024
#: Deeper nesting is refused: records nest about six levels.
MAX_DEPTH = 64
#: More values are refused: a busy month of events holds a few hundred, and validating a
#: million bad items would take gigabytes for the error messages alone.
MAX_VALUES = 20_000
#: Integers beyond 64 bits are refused: no field needs them, and other readers overflow.
MAX_INT = 2**63 - 1

# A plain scalar is a number only when YAML 1.1 and 1.2 readers both read it as that number:
# PyYAML writes "09", "1e5" or "-.5" unquoted (strings to YAML 1.1), so reading them as numbers
# would turn a tool-written string into a number on the way back.
_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^(?:[-+]?[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?$")
#: YAML 1.2's wider float form: only consulted to flag numbers too large for any reader.
_FLOAT_12_RE = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
#: What YAML 1.1 readers (PyYAML, js-yaml) resolve to a timestamp when left unquoted.
_TIMESTAMP_RE = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}"
    r"(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$"
)
_SPLIT = "split it into smaller files"
_AS_UTF8 = "save the file as UTF-8 without a byte-order mark"
_NULLS = frozenset(("", "~", "null"))
#: How libyaml (0.2.6 and later) words its own nesting limit.
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"
#: Findings after which the value is still worth validating.
_RECOVERABLE = frozenset((DUPLICATE_KEY, NUMBER_OUT_OF_RANGE))


@dataclass(slots=True)
class YamlDocument:
    """One file's value with the locations of its keys and values, and what went wrong."""

    path: str
    value: Any = None
    locations: dict[KeyPath, Location] = field(default_factory=dict)
    key_locations: dict[KeyPath, Location] = field(default_factory=dict)
    #: The plain scalars that YAML 1.1 readers take for timestamps: location and text.
    plain_dates: list[tuple[Location, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def location_of(self, key_path: KeyPath, *, key: bool = False) -> Location:
        """The deepest recorded location along ``key_path`` (the key's, when ``key`` and known)."""
        if key and key_path in self.key_locations:
            return self.key_locations[key_path]
        for end in range(len(key_path), -1, -1):
            found = self.locations.get(key_path[:end])
            if found is not None:
                return found
        return (1, 1)


def _error(
    doc: YamlDocument, code: str, message: str, pos: Location, hint: str | None = None
) -> None:
    doc.findings.append(Finding(code, Severity.ERROR, message, doc.path, pos[0], pos[1], hint))


def read_yaml(path: str, data: bytes) -> YamlDocument:
    """Read one YAML document from ``data``; problems land in ``findings``."""
    doc = YamlDocument(path)
    if len(data) > MAX_FILE_BYTES:
        message = f"file is {len(data):,} bytes, over the limit of {MAX_FILE_BYTES:,}"
        _error(doc, FILE_TOO_LARGE, message, (1, 1), _SPLIT)
        return doc
    if data.startswith(b"\xef\xbb\xbf"):
        _error(doc, ENCODING, "file starts with a byte-order mark", (1, 1), _AS_UTF8)
        return doc
    # UTF-16 shows as a BOM that is not UTF-8, or (without BOM) as NUL bytes between ASCII ones.
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:2]
    looks = "; it looks like UTF-16" if utf16 else ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}{looks})"
        _error(doc, ENCODING, message, _line_col_of_offset(data, exc.start), _AS_UTF8)
        return doc
    if "\x00" in text:
        message = f"file contains a NUL byte{looks or '; is it binary?'}"
        hint = _AS_UTF8 if utf16 else None
        _error(doc, ENCODING, message, _line_col_of_offset(data, data.index(b"\x00")), hint)
        return doc
    if not text.strip():
        _error(doc, NOT_A_MAPPING, "file is empty; expected a mapping of fields", (1, 1))
        return doc
    try:
        _build(doc, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if _LIBYAML_DEPTH_PROBLEM in (exc.problem or ""):
            # libyaml 0.2.6 and later stop at their own depth limit, above ours, while
            # scanning ahead: the same refusal as ours, whichever limit was met first.
            _error(doc, TOO_DEEP, _too_deep(), pos)
        else:
            problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
            _error(doc, YAML_SYNTAX, f"YAML syntax error: {problem}", pos, _syntax_hint(text, mark))
    except yaml.reader.ReaderError as exc:
        line, col = _line_col_of_offset(data, exc.position)
        # libyaml reports the code point as an int, the pure-Python reader as a str.
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = f"character U+{ord(char):04X} is not allowed in YAML"
        _error(doc, ENCODING, message, (line, col), "remove it; is the file binary?")
    except yaml.YAMLError as exc:  # any other parser complaint, without a mark
        _error(doc, YAML_SYNTAX, f"YAML syntax error: {exc}", (1, 1))
    if any(f.code not in _RECOVERABLE for f in doc.findings):
        doc.value = None
    return doc


def _too_deep() -> str:
    return f"nesting deeper than {MAX_DEPTH} levels"


def _line_col_of_offset(data: bytes, offset: int) -> Location:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def _syntax_hint(text: str, mark: Any) -> str | None:
    """A hint for the syntax error people make by hand: tabs used for indentation."""
    lines = text.splitlines() if mark is not None else []
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    if line[: mark.column + 1].lstrip(" ").startswith("\t"):
        return "indent with spaces: YAML does not allow tabs for indentation"
    return None


class _Stop(Exception):
    """Raised inside the builder when a finding makes further reading pointless."""


def _build(doc: YamlDocument, text: str) -> None:
    parser = yaml.CSafeLoader(text)
    try:
        _consume(doc, parser)
    except _Stop:
        pass
    finally:
        parser.dispose()


def _consume(doc: YamlDocument, parser: Any) -> None:
    """Build ``doc.value`` and its locations from the parser's events, one pass over them."""
    # Long on purpose: this is the hot loop (it runs once per YAML event of every file), and
    # splitting it into helpers costs a call per event; the locals below are bound for speed.
    locations = doc.locations
    key_locations = doc.key_locations
    # A frame: [container, path, pending key or _NO_KEY, key location, seen keys or None]
    stack: list[list[Any]] = []
    documents = 0
    root_set = False
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = type(event)
        if (
            kind is yaml.ScalarEvent
            or kind is yaml.MappingStartEvent
            or kind is yaml.SequenceStartEvent
        ):
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if event.anchor is not None:
                _error(
                    doc,
                    ANCHOR_OR_ALIAS,
                    f"anchor '&{event.anchor}' is not allowed",
                    pos,
                    "write the value out in full",
                )
                raise _Stop
            if event.tag is not None:
                _error(
                    doc,
                    TAG,
                    f"tag '{event.tag}' is not allowed",
                    pos,
                    "remove the tag; values are plain text, numbers, true/false or null",
                )
                raise _Stop
            if stack:
                frame = stack[-1]
                container = frame[0]
                if frame[4] is not None and frame[2] is _NO_KEY:
                    # A key.
                    if kind is not yaml.ScalarEvent:
                        what = "mapping" if kind is yaml.MappingStartEvent else "list"
                        _error(doc, COMPLEX_KEY, f"a key must be plain text, not a {what}", pos)
                        raise _Stop
                    key = event.value
                    if key == "<<" and event.implicit[0]:
                        _error(
                            doc,
                            MERGE_KEY,
                            "merge key '<<' is not allowed",
                            pos,
                            "write the fields out in full",
                        )
                        raise _Stop
                    seen = frame[4]
                    if key in seen:
                        _duplicate_key(doc, key, pos, seen[key])
                    else:
                        seen[key] = pos
                    frame[2] = key
                    frame[3] = pos
                    continue
                if frame[4] is not None:
                    key = frame[2]
                    path = (*frame[1], key)
                    key_locations[path] = frame[3]
                    frame[2] = _NO_KEY
                else:
                    key = len(container)
                    path = (*frame[1], key)
            else:
                if root_set:
                    continue
                path = ()
                key = None
            locations[path] = pos
            if len(locations) > MAX_VALUES:
                _error(
                    doc, FILE_TOO_LARGE, f"file holds more than {MAX_VALUES:,} values", pos, _SPLIT
                )
                raise _Stop
            if kind is yaml.ScalarEvent:
                value = _resolve(doc, event, pos)
                if stack:
                    _store(stack[-1], key, value)
                else:
                    doc.value = value
                    root_set = True
                continue
            if len(stack) >= MAX_DEPTH:
                _error(doc, TOO_DEEP, _too_deep(), pos)
                raise _Stop
            new: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
            if stack:
                _store(stack[-1], key, new)
            else:
                doc.value = new
                root_set = True
            stack.append([new, path, _NO_KEY, None, {} if kind is yaml.MappingStartEvent else None])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            _error(
                doc,
                ANCHOR_OR_ALIAS,
                f"alias '*{event.anchor}' is not allowed",
                (mark.line + 1, mark.column + 1),
                "write the value out in full",
            )
            raise _Stop
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                _error(
                    doc,
                    NOT_A_MAPPING,
                    "more than one YAML document in the file",
                    (mark.line + 1, mark.column + 1),
                    "keep one record per file",
                )
                raise _Stop
        elif kind is yaml.StreamEndEvent:
            break
    if not isinstance(doc.value, dict) and not doc.findings:
        what = "a list" if isinstance(doc.value, list) else f"a {type(doc.value).__name__} value"
        if doc.value is None:
            what = "nothing"
        _error(doc, NOT_A_MAPPING, f"the document is {what}; expected a mapping of fields", (1, 1))


def _duplicate_key(doc: YamlDocument, key: str, pos: Location, first: Location) -> None:
    doc.findings.append(
        Finding(
            DUPLICATE_KEY,
            Severity.ERROR,
            f"duplicate key '{key}' (first at line {first[0]}, column {first[1]})",
            doc.path,
            pos[0],
            pos[1],
            "remove one of them; YAML readers silently keep only one",
            related=((doc.path, first[0], first[1]),),
        )
    )


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()


def _store(frame: list[Any], key: str | int | None, value: Any) -> None:
    container = frame[0]
    if frame[4] is not None:
        container[key] = value
    else:
        container.append(value)


def overflows_yaml12_float(text: str) -> bool:
    """Whether YAML 1.2 readers take this plain text for a number too large for a float
    (``1e310``): the loader refuses it (E010), though YAML 1.1 writers leave it unquoted."""
    return _FLOAT_12_RE.match(text) is not None and float(text) in (float("inf"), float("-inf"))


def _resolve(doc: YamlDocument, event: Any, pos: Location) -> Any:
    value: str = event.value
    if not event.implicit[0]:  # quoted or block scalar: always text
        return value
    if value in _NULLS:
        return None
    if value == "true":
        return True
    if value == "false":
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT_RE.match(value):
            # Python refuses int() of over 4,300 digits; no 64-bit integer has over 20 chars.
            number = int(value) if len(value) <= 20 else MAX_INT + 1
            if abs(number) > MAX_INT:
                _error(doc, NUMBER_OUT_OF_RANGE, f"integer {value[:30]} is out of range", pos)
                return value
            return number
        if _FLOAT_RE.match(value):
            result = float(value)
            if result in (float("inf"), float("-inf")):
                _error(doc, NUMBER_OUT_OF_RANGE, f"number {value[:30]} is out of range", pos)
                return value
            return result
        if overflows_yaml12_float(value):
            _error(doc, NUMBER_OUT_OF_RANGE, f"number {value[:30]} is out of range", pos)
            return value
        if _TIMESTAMP_RE.match(value):
            doc.plain_dates.append((pos, value))
    return value

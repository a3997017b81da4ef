"""Turn pydantic validation errors into findings a person can act on.

Each error's ``loc`` is cleaned of pydantic's union-branch tags, mapped to the deepest recorded
location (unknown keys point at the key, missing fields at the parent mapping), and its message
is rewritten where pydantic's wording would confuse: enum words get "did you mean", dates and ids
say what shape they take, numbers given for text say to quote them, control characters are
named.
"""

from __future__ import annotations

import enum
import itertools
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from accords.findings import Edit, Finding, Fix, FixSafety, Severity
from accords.loading.codes import (
    BAD_DATE,
    BAD_ID,
    BAD_VALUE,
    CONTROL_CHARACTER,
    MISSING_FIELD,
    TOO_MANY_ERRORS,
    UNKNOWN_FIELD,
    UNKNOWN_WORD,
    WRONG_TYPE,
)
from accords.loading.yaml_positions import YamlDocument
from accords.model.common import ID_PATTERN, describe_control, first_control
from accords.model.dates import EDTF_PATTERN
from accords.model.names import suggest
from accords.model.walk import KeyPath

#: Error types that only say "this branch of a union did not fit the input's type".
_TYPE_MISMATCH = frozenset(
    (
        "model_type",
        "dict_type",
        "string_type",
        "int_type",
        "int_parsing",
        "float_type",
        "bool_type",
        "list_type",
        "model_attributes_type",
        "is_instance_of",
        "none_required",
    )
)
_SCALAR_TAGS = frozenset(("str", "int", "float", "bool", "none", "list", "dict"))

# Codes of schema findings, one per kind of mistake.

#: Schema findings reported per file; the rest are counted in one finding.
MAX_FINDINGS_PER_FILE = 200


def findings_from_validation(
    error: ValidationError, model: type[BaseModel], doc: YamlDocument
) -> list[Finding]:
    """One finding per distinct problem in ``error``, positioned in ``doc``."""
    cleaned = [(_clean_loc(e["loc"], doc.value), e) for e in error.errors(include_url=False)]
    findings = []
    kept = _drop_losing_branches(cleaned)
    for loc, err in itertools.islice(kept, MAX_FINDINGS_PER_FILE):
        code, message, hint = _describe(loc, err, model)
        line, col = _location(doc, loc, err)
        fix = _word_fix(code, loc, err, model, doc, (line, col))
        findings.append(Finding(code, Severity.ERROR, message, doc.path, line, col, hint, (), fix))
    more = sum(1 for _ in kept)
    if more:
        # Describing each of a million bad items costs time and buries the first one.
        line, col = findings[-1].line, findings[-1].col
        message = f"{more:,} more schema errors in this file are not shown"
        hint = "fix the ones shown first; they are often the same mistake repeated"
        findings.append(
            Finding(TOO_MANY_ERRORS, Severity.ERROR, message, doc.path, line, col, hint)
        )
    return sorted(set(findings), key=lambda f: f.sort_key)


def _clean_loc(loc: tuple[int | str, ...], value: Any) -> KeyPath:
    """Drop union-branch tags ('str', 'Citation', 'function-after[...]') from a loc."""
    out: list[str | int] = []
    current = value
    for part in loc:
        if isinstance(part, str) and _is_branch_tag(part, current):
            continue
        out.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(out)


def _is_branch_tag(part: str, current: Any) -> bool:
    if isinstance(current, dict) and part in current:
        return False
    return (
        part in _SCALAR_TAGS or part[:1].isupper() or "[" in part or part.startswith("constrained-")
    )


def _drop_losing_branches(
    errors: list[tuple[KeyPath, Any]],
) -> Iterator[tuple[KeyPath, Any]]:
    """Within a union, a type mismatch is noise when another branch says something precise."""
    # Every prefix of a precise error's loc, so that the test below is one lookup: a scan of
    # all precise locs per mismatch made a file with many bad items take quadratic time.
    precise_prefixes = {
        loc[:end]
        for loc, e in errors
        if e["type"] not in _TYPE_MISMATCH
        for end in range(len(loc) + 1)
    }
    # An error strictly inside a value means some branch accepted the value's shape (a mapping
    # for `int | Fatalities`), so the other branches' "expected a whole number" is noise there.
    inner_prefixes = {loc[:end] for loc, _ in errors for end in range(len(loc))}
    seen_mismatch: set[KeyPath] = set()
    for loc, err in errors:
        if err["type"] in _TYPE_MISMATCH:
            if loc in precise_prefixes or loc in inner_prefixes:
                continue
            if loc in seen_mismatch:
                continue
            seen_mismatch.add(loc)
        yield loc, err


def _location(doc: YamlDocument, loc: KeyPath, err: Any) -> tuple[int, int]:
    error_type = err["type"]
    # pydantic ends the loc of a mapping key's own error with "[key]": point at the key.
    if error_type == "extra_forbidden" or err["loc"][-1:] == ("[key]",):
        return doc.location_of(loc, key=True)
    if error_type == "missing":
        return doc.location_of(loc[:-1])
    return doc.location_of(loc)


def _where(loc: KeyPath) -> str:
    if not loc:
        return "the document"
    text = ""
    for part in loc:
        if isinstance(part, str) and first_control(part) is not None:
            part = _show(part)  # a key holding control characters is quoted, escaped
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _describe(loc: KeyPath, err: Any, model: type[BaseModel]) -> tuple[str, str, str | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    given = err.get("input")
    where = _where(loc)
    if kind == "missing":
        return MISSING_FIELD, f"missing required field '{loc[-1]}' in {_where(loc[:-1])}", None
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = _did_you_mean(str(loc[-1]), allowed)
        listed = f"; expected one of: {', '.join(sorted(allowed))}" if allowed else ""
        return UNKNOWN_FIELD, f"unknown field '{loc[-1]}'{listed}", hint
    if kind == "enum":
        words = _enum_words(model, loc)
        expected = ", ".join(words) if words else str(ctx.get("expected", ""))
        message = f"{where}: expected one of: {expected}; got {_show(given)}"
        return UNKNOWN_WORD, message, _did_you_mean(str(given), words)
    if kind == "string_pattern_mismatch":
        return _pattern_mismatch(where, ctx.get("pattern"), given)
    if kind in _WRONG_TYPE_KINDS:
        expected = _expected_name(kind)
        hint = None
        if kind == "string_type" and isinstance(given, (int, float, bool)):
            hint = f'quote it: "{_yaml_scalar(given)}"'
        return WRONG_TYPE, f"{where}: expected {expected}, got {_type_name(given)}", hint
    if kind in ("string_too_short", "too_short") and not given:
        return BAD_VALUE, f"{where}: must not be empty", None
    message = err["msg"]
    return BAD_VALUE, f"{where}: {message[0].lower()}{message[1:]}", None


#: Pydantic error types that mean "a value of another type was given".
_WRONG_TYPE_KINDS = frozenset(
    (
        "string_type",
        "list_type",
        "dict_type",
        "model_type",
        "int_type",
        "bool_type",
        "float_type",
        "int_parsing",
        "model_attributes_type",
        "int_from_float",
        "bool_parsing",
        "float_parsing",
    )
)


def _pattern_mismatch(where: str, pattern: object, given: object) -> tuple[str, str, str | None]:
    """A text that does not match its pattern: a date, an id, a control character, or other."""
    if pattern == EDTF_PATTERN:
        return (
            BAD_DATE,
            f"{where}: {_show(given)} is not a date in the accepted form",
            "write YYYY-MM-DD, YYYY-MM or YYYY, optionally with ~ (approximate) or "
            "? (uncertain), or an interval A/B; the day must exist in the calendar",
        )
    if pattern == ID_PATTERN:
        suggestion = _kebab(str(given))
        return (
            BAD_ID,
            f"{where}: {_show(given)} is not a valid id",
            "ids use lower-case letters, digits and single hyphens"
            + (f", e.g. '{suggestion}'" if suggestion else ""),
        )
    control = first_control(given) if isinstance(given, str) else None
    if control is not None:
        return (
            CONTROL_CHARACTER,
            f"{where}: control character {describe_control(control)} is not allowed",
            "remove it: a terminal or an editor would act on it instead of showing it; "
            "text may hold line breaks and tabs",
        )
    return BAD_VALUE, f"{where}: {_show(given)} does not have the expected form", None


def _expected_name(kind: str) -> str:
    return {
        "string_type": "text",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "float_type": "a number",
        "float_parsing": "a number",
    }.get(kind, "another type")


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _yaml_scalar(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else _type_name(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _kebab(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)


def _word_fix(
    code: str,
    loc: KeyPath,
    err: Any,
    model: type[BaseModel],
    doc: YamlDocument,
    where: tuple[int, int],
) -> Fix | None:
    """The did-you-mean replacement of an unknown word or field, when there is one.

    Unsafe: the closest word is a guess. A field is not renamed to one the mapping already
    has, which would make a duplicate key.
    """
    if code == UNKNOWN_WORD and isinstance(err.get("input"), str):
        word, choices = err["input"], _enum_words(model, loc)
    elif code == UNKNOWN_FIELD and isinstance(loc[-1], str):
        word, choices = loc[-1], _allowed_keys(model, loc[:-1])
        choices = [c for c in choices if c not in _value_at(doc.value, loc[:-1])]
    else:
        return None
    matches = suggest(word, choices)
    if not matches:
        return None
    what = "word" if code == UNKNOWN_WORD else "field"
    return Fix(
        FixSafety.UNSAFE,
        f"replace the {what} {word!r} with {matches[0]!r}",
        (Edit(doc.path, where[0], where[1], word, matches[0]),),
    )


def _value_at(value: Any, loc: KeyPath) -> Any:
    for part in loc:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return None
    return value if isinstance(value, dict) else {}


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    matches = suggest(word, choices)
    return f"did you mean '{matches[0]}'?" if matches else None


# --- walking the model along a loc -------------------------------------------------------------


def _annotation_at(model: type[BaseModel], loc: KeyPath) -> Any:
    """The type annotation that governs the value at ``loc`` (None where it cannot be told)."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    return current


def _step(annotation: Any, part: str | int) -> Any:
    for candidate in _unwrap(annotation):
        if isinstance(part, int):
            origin = typing.get_origin(candidate)
            if origin is list:
                return typing.get_args(candidate)[0]
        elif isinstance(candidate, type) and issubclass(candidate, BaseModel):
            for name, info in candidate.model_fields.items():
                if part in (name, info.alias):
                    return info.annotation
        elif typing.get_origin(candidate) is dict:
            return typing.get_args(candidate)[1]
    return None


def _unwrap(annotation: Any) -> list[Any]:
    """Flatten Annotated, Optional and unions into their member types."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        members: list[Any] = []
        for arg in typing.get_args(annotation):
            members.extend(_unwrap(arg))
        return members
    return [annotation]


def _allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    annotation = _annotation_at(model, loc) if loc else model
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return [info.alias or name for name, info in candidate.model_fields.items()]
    return []


def _enum_words(model: type[BaseModel], loc: KeyPath) -> list[str]:
    annotation = _annotation_at(model, loc)
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return [str(member.value) for member in candidate]
    return []

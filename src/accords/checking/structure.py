"""Structure rules (``E``): reported by the loader and the schema validation, catalogued here."""

from __future__ import annotations

from accords.checking.registry import Rule, register
from accords.findings import FixSafety, Severity
from accords.loading import codes

_E = Severity.ERROR


def _structural(
    code: str,
    name: str,
    title: str,
    bad: str,
    good: str,
    why: str,
    severity: Severity = _E,
    default_enabled: bool = True,
    fix: FixSafety = FixSafety.NONE,
    fix_explain: str = "",
) -> None:
    explain = f"{why}\n\nFails:\n\n{_indent(bad)}\n\nPasses:\n\n{_indent(good)}"
    register(Rule(code, name, title, severity, explain, None, default_enabled, fix, fix_explain))


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").splitlines())


_structural(
    codes.YAML_SYNTAX,
    "yaml-syntax",
    "The file is not well-formed YAML",
    "title: 'Ankara deal\nkind: ceasefire",
    "title: 'Ankara deal'\nkind: ceasefire",
    "The YAML parser could not read the file; the position is where it gave up.",
)
_structural(
    codes.DUPLICATE_KEY,
    "duplicate-key",
    "A key appears twice in one mapping",
    "kind: ceasefire\nkind: declaration",
    "kind: ceasefire",
    "Most YAML readers silently keep one of the two values; which one is an accident.",
)
_structural(
    codes.ANCHOR_OR_ALIAS,
    "anchor-or-alias",
    "YAML anchors and aliases are not allowed",
    "sources: &s [doc-a]\nnote_sources: *s",
    "sources: [doc-a]",
    "Hand-edited records need no anchors; refusing them makes alias bombs harmless.",
)
_structural(
    codes.MERGE_KEY,
    "merge-key",
    "YAML merge keys are not allowed",
    "<<: {kind: ceasefire}",
    "kind: ceasefire",
    "Merge keys hide fields from a reader of the file; write the fields out.",
)
_structural(
    codes.TAG,
    "tag",
    "YAML tags are not allowed",
    "title: !!python/object:os.system x",
    "title: Ankara deal",
    "Tags can ask a reader to build objects; records hold only text, numbers and lists.",
)
_structural(
    codes.ENCODING,
    "encoding",
    "The file is not clean UTF-8 text",
    "(a file saved as UTF-16, with a byte-order mark, or with NUL bytes)",
    "(the same file saved as UTF-8 without BOM)",
    "Records are UTF-8 text so that every tool and diff reads them alike.",
    fix=FixSafety.SAFE,
    fix_explain="removes a UTF-8 byte-order mark from the start of the file; safe, since the "
    "text is the same without it. Other encodings, NUL bytes and invalid bytes are left to a "
    "person.",
)
_structural(
    codes.FILE_TOO_LARGE,
    "file-too-large",
    "The file is larger than the size limit (1 MiB)",
    "(a 50 MB file)",
    "(a record of a few kilobytes)",
    "A record is a few kilobytes; a file over 1 MiB is refused before it is parsed, and one "
    "holding over 20,000 values before it is validated.",
)
_structural(
    codes.NOT_A_MAPPING,
    "not-a-mapping",
    "The document is empty, not a mapping, or more than one document",
    "- id: ankara-deal",
    "id: ankara-deal",
    "Each file holds one record (or, in events/, one mapping with an events list).",
)
_structural(
    codes.TOO_DEEP,
    "too-deep",
    "Nesting deeper than 64 levels",
    "a: [[[[[[ ... ]]]]]]",
    "a: [b]",
    "Records nest a few levels; deep nesting is refused to bound time and memory.",
)
_structural(
    codes.NUMBER_OUT_OF_RANGE,
    "number-out-of-range",
    "A number too large for other tools to read",
    "ucdp: 99999999999999999999999",
    "ucdp: 299",
    "Integers beyond 64 bits overflow in other readers (JavaScript, databases).",
)
_structural(
    codes.COMPLEX_KEY,
    "complex-key",
    "A key that is a list or a mapping",
    "[a, b]: 1",
    "a: 1",
    "Keys are field names: plain text.",
)
_structural(
    codes.UNREADABLE,
    "unreadable",
    "The path cannot be read as a file",
    "agreements/x.yaml/ (a directory)",
    "agreements/x.yaml (a file)",
    "The path is a directory, a pipe, a broken link, a loop of links, or unreadable.",
)
_structural(
    codes.TOO_MANY_ERRORS,
    "too-many-errors",
    "More schema errors in one file than are worth listing",
    "sources: [A, B, C, ...]  (thousands of invalid ids)",
    "sources: [doc-a, doc-b]",
    "The first 200 schema errors of a file are shown; the rest are counted in one finding.",
)
_structural(
    codes.UNKNOWN_RECORD_KIND,
    "unknown-record-kind",
    "The record kind of a file cannot be told",
    "records/notes.yaml, with no modeline and keys of no record kind:\n"
    "topic: Aleppo\nstatus: draft",
    "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
    "id: ankara-deal\ntitle: Ankara deal\nkind: ceasefire\nsources: [doc-a]",
    "A file's kind comes from --record-kind, else its $schema modeline, else the dataset "
    "folder it is kept in ([dataset.folders] in accords.toml), else its keys. A YAML file "
    "under the dataset whose kind none of them tells is not checked, and says so; leave out "
    "files that are not records with [dataset] exclude.",
)
_structural(
    codes.LINK_OUTSIDE_DATASET,
    "link-outside-dataset",
    "A symbolic link leads out of the dataset",
    "agreements/shared.yaml -> /home/me/elsewhere/shared.yaml",
    "agreements/shared.yaml (the file itself)",
    "Links that leave the dataset are not followed, so a link to / cannot walk the disk and "
    "a check never depends on files outside the repository; the link is named, not read.",
    severity=Severity.WARNING,
)
_structural(
    codes.MISSING_FIELD,
    "missing-field",
    "A required field is missing",
    "id: ankara-deal\nkind: ceasefire",
    "id: ankara-deal\ntitle: Ankara deal\nkind: ceasefire",
    "The schema requires the field; the finding points at the mapping that lacks it.",
)
_structural(
    codes.UNKNOWN_FIELD,
    "unknown-field",
    "A field the schema does not know",
    "participants:\n  - {actor: russia, rolez: [mediator]}",
    "participants:\n  - {actor: russia, roles: [mediator]}",
    "Unknown fields are errors so that a typo never vanishes silently.",
    fix=FixSafety.UNSAFE,
    fix_explain="renames the field to the one the hint suggests, when there is one and the "
    "mapping does not have it already; unsafe, since the closest field is a guess.",
)
_structural(
    codes.WRONG_TYPE,
    "wrong-type",
    "A value of the wrong type",
    "roles: mediator",
    "roles: [mediator]",
    "The schema expects another type here (text, a list, a mapping, a number).",
)
_structural(
    codes.UNKNOWN_WORD,
    "unknown-word",
    "A word outside the field's vocabulary",
    "roles: [mediatr]",
    "roles: [mediator]",
    "Closed vocabularies (roles, stances, kinds …) keep the record comparable.",
    fix=FixSafety.UNSAFE,
    fix_explain="replaces the word with the one the hint suggests, when there is one; "
    "unsafe, since the closest word is a guess and may say something else.",
)
_structural(
    codes.BAD_DATE,
    "bad-date",
    "A date outside the accepted EDTF subset or the calendar",
    'signed: "2016-02-30"',
    'signed: "2016-02"',
    "Dates are YYYY, YYYY-MM or YYYY-MM-DD, with ~ or ? qualifiers, or intervals A/B.",
)
_structural(
    codes.BAD_ID,
    "bad-id",
    "An id that is not kebab-case",
    "id: Ankara Deal",
    "id: ankara-deal",
    "Ids are lower-case letters, digits and single hyphens, so they are safe in paths and URLs.",
)
_structural(
    codes.BAD_VALUE,
    "bad-value",
    "A value outside the field's constraints",
    "probability: 1.5",
    "probability: 0.7",
    "The value breaks a constraint of the schema (range, length, form).",
)
_structural(
    codes.CONTROL_CHARACTER,
    "control-character",
    "Text holding a control character",
    'title: "Ankara deal\\e[31m"',
    "title: Ankara deal",
    "Escape sequences (ESC, U+009B), other C0 and C1 controls, DEL and the bidirectional "
    "overrides and isolates (U+202A-U+202E, U+2066-U+2069) are refused in every text field: a "
    "terminal would act on them, and bidi controls show text in another order than it is "
    "stored. Line breaks and tabs are allowed; so are the marks LRM and RLM.",
)
_structural(
    codes.UNQUOTED_DATE,
    "unquoted-date",
    "A date is not quoted",
    "signed: 2016-12-20",
    'signed: "2016-12-20"',
    "accords keeps unquoted dates as text, but other YAML readers (PyYAML, js-yaml) turn them "
    "into timestamps and then fail the schema. Off by default; the bundled dataset turns it on.",
    severity=Severity.WARNING,
    default_enabled=False,
    fix=FixSafety.SAFE,
    fix_explain="puts the date in double quotes; safe, since accords reads it as the same text.",
)

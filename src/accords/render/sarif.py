"""SARIF 2.1.0 output: one run, the rule catalogue as the driver's rules, one result a finding.

Rule ids are the stable codes; rules are listed in code order so that ``ruleIndex`` stays the
same between runs. Paths become relative URIs (absolute ones ``file://`` URIs).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from accords import __version__
from accords.findings import CheckResult, Finding, Severity
from accords.render.escape import json_document

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_document(findings: Sequence[Finding]) -> dict[str, Any]:
    """The SARIF log of the findings, as plain data."""
    from accords.checking.registry import load_all

    catalogue = load_all()
    codes = sorted(set(catalogue) | {f.code for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        known = catalogue.get(code)
        if known is None:
            rules.append({"id": code, "shortDescription": {"text": code}})
            continue
        rules.append(
            {
                "id": code,
                "name": known.name,
                "shortDescription": {"text": known.title},
                "fullDescription": {"text": known.explain.split("\n\n", 1)[0]},
                "help": {"text": known.explain},
                "defaultConfiguration": {
                    "level": _LEVEL[known.severity],
                    "enabled": known.default_enabled,
                },
            }
        )
    results = [_result(f, index[f.code]) for f in findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "accords",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    message = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [_location(finding.path, finding.line, finding.col)],
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, **_location(path, line, col)}
            for i, (path, line, col) in enumerate(finding.related)
        ]
    return result


def _location(path: str, line: int, col: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": path_to_uri(path)},
            "region": {"startLine": max(line, 1), "startColumn": max(col, 1)},
        }
    }


def path_to_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, with forward slashes."""
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return posix.as_uri()
    return quote(str(posix), safe="/")


def render_sarif(result: CheckResult, out: TextIO) -> None:
    """Write the SARIF log as JSON."""
    out.write(json_document(sarif_document(result.findings)) + "\n")

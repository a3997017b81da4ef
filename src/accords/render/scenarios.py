"""Renderers of scenario resolutions: text, Markdown and JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from accords.analysis.scenarios import Resolution, ScenarioReport
from accords.render.contract import Renderer
from accords.render.escape import markdown_text, terminal_text
from accords.render.writers import write_json


def _score(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "—"


def _cells(r: Resolution) -> tuple[str, ...]:
    probability = f"{r.probability:.2f}" if r.probability is not None else "—"
    deciding = ", ".join(r.deciding) or "—"
    return (
        r.scenario,
        r.expectation,
        r.verdict,
        probability,
        r.deadline or "—",
        deciding,
        r.reason,
    )


def render_text(report: ScenarioReport, out: TextIO) -> None:
    out.write(f"Expectations resolved as of {report.as_of}\n")
    for r in report.resolutions:
        scenario, expectation, verdict, probability, deadline, deciding, reason = _cells(r)
        out.write(
            terminal_text(
                f"{verdict:<12} {scenario}/{expectation} (p={probability}, deadline {deadline})"
            )
            + "\n"
        )
        if r.forecaster or r.made:
            who = f" by {r.forecaster}" if r.forecaster else ""
            when = f" on {r.made}" if r.made else ""
            out.write(terminal_text(f"             forecast made{who}{when}") + "\n")
        out.write(terminal_text(f"             {r.claim}") + "\n")
        out.write(terminal_text(f"             {reason}; deciding: {deciding}") + "\n")
    _summary(report, out.write, lambda s: s)


def render_markdown(report: ScenarioReport, out: TextIO) -> None:
    out.write(f"### Expectations resolved as of {markdown_text(report.as_of)}\n\n")
    out.write("| scenario | expectation | verdict | p | deadline | deciding | why |\n")
    out.write("|" + " --- |" * 7 + "\n")
    for r in report.resolutions:
        out.write("| " + " | ".join(markdown_text(c) for c in _cells(r)) + " |\n")
    out.write("\n")
    _summary(report, out.write, markdown_text)


def _summary(
    report: ScenarioReport, write: Callable[[str], object], esc: Callable[[str], str]
) -> None:
    counts = {v: 0 for v in ("true", "false", "open", "undetermined")}
    for r in report.resolutions:
        counts[r.verdict] += 1
    write(esc(", ".join(f"{n} {v}" for v, n in counts.items())) + "\n")
    scenarios = dict.fromkeys(r.scenario for r in report.resolutions)
    for scenario in scenarios:
        write(esc(f"Brier score {scenario}: {_score(report.brier(scenario))}") + "\n")
    if len(scenarios) > 1:
        write(esc(f"Brier score overall: {_score(report.brier())}") + "\n")


def render_json(report: ScenarioReport, out: TextIO) -> None:
    write_json(report.to_dict(), out)


FORMATS: dict[str, Renderer[ScenarioReport]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}

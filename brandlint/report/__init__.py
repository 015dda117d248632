"""Report formats: each turns a RunResult into text for stdout or --output."""

from __future__ import annotations

from collections.abc import Iterable

from brandlint.engine import RunResult
from brandlint.findings import Severity

FORMATS = ("text", "json", "sarif", "junit", "github", "html")


def summary(result: RunResult) -> dict:
    counts = result.counts()
    return {"files": len(result.files), "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING], "suggestions": counts[Severity.SUGGESTION],
            **result.scores()}


def rule_docs(result: RunResult) -> dict:
    from brandlint.checks.registry import all_rules

    return {rule.id: rule for rule in all_rules(result.guide)}


def render(result: RunResult, fmt: str, color: bool = False, quiet: bool = False,
           fail_on: Severity = Severity.ERROR) -> str | Iterable[str]:
    """The report: a string, or pieces to write in order (JSON and JUnit stream theirs).
    `fail_on` is the run's --fail-on level: a JUnit test case fails only for findings at or above it."""
    if fmt == "json":
        from brandlint.report.json_report import render_json

        return render_json(result)
    if fmt == "sarif":
        from brandlint.report.sarif import render_sarif

        return render_sarif(result)
    if fmt == "junit":
        from brandlint.report.junit import render_junit

        return render_junit(result, fail_on)
    if fmt == "github":
        from brandlint.report.github import render_github

        return render_github(result)
    if fmt == "html":
        from brandlint.report.html_report import render_html

        return render_html(result)
    from brandlint.report.text import render_text

    return render_text(result, color=color, matrix=not quiet)

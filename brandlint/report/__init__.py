"""Report formats: each turns a RunResult into text for stdout or --output."""

from __future__ import annotations

from brandlint.engine import RunResult
from brandlint.findings import Severity

FORMATS = ("text", "json")


def summary(result: RunResult) -> dict[str, int]:
    counts = result.counts()
    return {"files": len(result.files), "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING], "suggestions": counts[Severity.SUGGESTION]}


def render(result: RunResult, fmt: str, color: bool = False, quiet: bool = False) -> str:
    if fmt == "json":
        from brandlint.report.json_report import render_json

        return render_json(result)
    from brandlint.report.text import render_text

    return render_text(result, color=color, matrix=not quiet)

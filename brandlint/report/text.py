"""--format text: `path:line:col severity rule message`, one finding a line."""

from __future__ import annotations

from brandlint.engine import RunResult
from brandlint.findings import Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render_text(result: RunResult, color: bool = False) -> str:
    lines = []
    for finding in result.findings:
        where = f"{finding.path}:{finding.line}:{finding.column}"
        level = finding.severity.label
        if color:
            from rich.markup import escape

            lines.append(f"[bold]{escape(where)}[/] [{STYLE[finding.severity]}]{level}[/] "
                         f"[dim]{finding.rule}[/] {escape(finding.message)}")
        else:
            lines.append(f"{where} {level} {finding.rule} {finding.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(result: RunResult) -> str:
    counts = result.counts()
    files = len(result.files)

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    text = (f"{plural(files, 'file')} checked: {plural(counts[Severity.ERROR], 'error')}, "
            f"{plural(counts[Severity.WARNING], 'warning')}, "
            f"{plural(counts[Severity.SUGGESTION], 'suggestion')}")
    fixable = sum(1 for finding in result.findings if finding.fix is not None)
    if fixable:
        text += f" ({fixable} fixable with `brandlint fix`)"
    return text

"""--format text: `path:line:col severity rule message`, one finding a line."""

from __future__ import annotations

from brandlint.engine import RunResult
from brandlint.findings import Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


MARKS = {"stated": "stated", "omitted": "omitted", "contradicted": "CONTRADICTED"}


def render_text(result: RunResult, color: bool = False, matrix: bool = True) -> str:
    lines = []
    for finding in result.findings:
        where = f"{finding.path}:{finding.line}:{finding.column}"
        level = finding.severity.label
        message = finding.message + (f" (template {finding.template})" if finding.template else "")
        if color:
            from rich.markup import escape

            lines.append(f"[bold]{escape(where)}[/] [{STYLE[finding.severity]}]{level}[/] "
                         f"[dim]{finding.rule}[/] {escape(message)}")
        else:
            lines.append(f"{where} {level} {finding.rule} {message}")
    if matrix:
        for campaign in result.campaigns():
            lines.append("")
            lines.extend(campaign_matrix(campaign))
    return "\n".join(lines) + ("\n" if lines else "")


def campaign_matrix(campaign: dict) -> list[str]:
    """Channels × facts: which variant states, omits or contradicts which fact."""
    facts = sorted({name for variant in campaign["variants"] for name in variant["facts"]})
    rows = [[f"{variant['channel'] or '-'} ({variant['locale']})" if variant["variant"] != variant["path"]
             else variant["path"]] + [MARKS.get(variant["facts"].get(name, ""), "-") for name in facts]
            for variant in campaign["variants"]]
    header = ["variant", *facts]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    out = [f"campaign {campaign['campaign']}: channels × facts"]
    for row in [header, *rows]:
        out.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return out


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

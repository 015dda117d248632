"""--format text: `path:line:col severity rule message`, one finding a line."""

from __future__ import annotations

from collections.abc import Iterator

from brandlint.engine import RunResult
from brandlint.findings import Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


MARKS = {"stated": "stated", "omitted": "omitted", "contradicted": "CONTRADICTED"}


def render_text(result: RunResult, color: bool = False, matrix: bool = True) -> Iterator[str]:
    """One line per finding, written as the findings are read back (never joined whole)."""
    escape = None
    if color:
        from rich.markup import escape
    for finding in result.iter_findings():
        where = f"{finding.path}:{finding.line}:{finding.column}"
        level = finding.severity.label
        message = finding.message + (f" (template {finding.template})" if finding.template else "")
        if "\n" in message or "\r" in message:  # a guideline's message over lines: still one finding a line
            message = " ".join(message.split())
        if escape is not None:
            yield (f"[bold]{escape(where)}[/] [{STYLE[finding.severity]}]{level}[/] "
                   f"[dim]{finding.rule}[/] {escape(message)}\n")
        else:
            yield f"{where} {level} {finding.rule} {message}\n"
    if matrix:
        for campaign in result.campaigns():
            yield "\n" + "".join(line + "\n" for line in campaign_matrix(campaign))


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
    fixable = result.fixable
    if fixable:
        text += f" ({fixable} fixable with `brandlint fix`)"
    return text


def score_line(result: RunResult) -> str | None:
    """SPEC §6: the run's score, per channel and per campaign (0-100; 100 is no findings)."""
    scores = result.scores()
    if scores["score"] is None:
        return None
    text = f"score {scores['score']:g}"
    channels = ", ".join(f"{name} {entry['score']:g}" for name, entry in scores["channels"].items())
    campaigns = ", ".join(f"{name} {entry['score']:g}" for name, entry in scores["campaigns"].items())
    if channels:
        text += f"; by channel: {channels}"
    if campaigns:
        text += f"; by campaign: {campaigns}"
    return text

"""--format html: one self-contained page (no network needed to view it).

Summary and scores, a chart of scores per channel, findings grouped by channel and file
with the offending text highlighted in its line, and for each campaign the channels ×
facts matrix and the variants side by side. Deterministic: no timestamps.
"""

from __future__ import annotations

import html
from pathlib import Path

from brandlint.engine import FileResult, RunResult
from brandlint.findings import Finding, Severity

# Marks the page as brandlint's own, so a later `brandlint check .` does not lint it.
GENERATOR = '<meta name="generator" content="brandlint">'
STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif;margin:0;color:#1c1c1c;background:#fafaf7}
header,main{max-width:1100px;margin:0 auto;padding:16px 24px}
header{border-bottom:1px solid #ddd}
h1{margin:0 0 8px;font-size:24px}
h2{margin-top:32px;font-size:19px;border-bottom:1px solid #e4e4e4;padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:22px}
.error{color:#b3261e}.warning{color:#9a6700}.suggestion{color:#0b6b8a}
table{border-collapse:collapse;background:#fff;margin:8px 0}
th,td{border:1px solid #e2e2e2;padding:4px 10px;text-align:left;vertical-align:top}
td.stated{background:#e6f4ea}td.omitted{background:#f1f1f1;color:#666}td.contradicted{background:#fce8e6;color:#b3261e;font-weight:600}
.finding{background:#fff;border:1px solid #e2e2e2;border-left:4px solid #999;border-radius:4px;margin:6px 0;padding:6px 10px}
.finding.error{border-left-color:#b3261e}.finding.warning{border-left-color:#d29922}.finding.suggestion{border-left-color:#0b6b8a}
.finding .meta{color:#555;font-size:13px}
.finding .rule{font-family:ui-monospace,monospace}
pre.context{margin:4px 0 0;padding:6px 8px;background:#f6f6f3;white-space:pre-wrap;word-break:break-word;font:13px/1.45 ui-monospace,monospace;color:#1c1c1c}
mark{background:#ffd8a8;color:inherit;padding:0 1px;border-radius:2px}
.variants{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
.variant{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px}
.variant pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,monospace;max-height:320px;overflow:auto}
.score{font-variant-numeric:tabular-nums}
.clean{color:#1e7e34}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _read_lines(path: str) -> list[str] | None:
    """The file as written, for context; None when it cannot be read (binary, gone)."""
    from brandlint.documents.reading import DocumentError, decode

    try:
        decoded = decode(Path(path).read_bytes(), path, ("cp949",))
    except (OSError, DocumentError):
        return None
    return decoded.source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _context(finding: Finding, lines: list[str] | None) -> str:
    """The finding's lines with its span highlighted."""
    if not lines or finding.line > len(lines):
        return f'<pre class="context"><mark>{_e(finding.match)}</mark></pre>' if finding.match else ""
    first, last = finding.line, min(finding.end_line, len(lines), finding.line + 4)
    out = []
    for number in range(first, last + 1):
        text = lines[number - 1]
        start = finding.column - 1 if number == first else 0
        end = finding.end_column - 1 if number == finding.end_line else len(text)
        if start == end or finding.document_level:
            out.append(_e(text))
        else:
            out.append(f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}")
    return f'<pre class="context">{chr(10).join(out)}</pre>'


def _chart(channels: dict, what: str = "channel") -> str:
    """Scores per channel (or per campaign) as an inline SVG bar chart."""
    if not channels:
        return ""
    bar, gap, width = 22, 8, 520
    height = len(channels) * (bar + gap) + gap
    rows = []
    for index, (name, data) in enumerate(channels.items()):
        y = gap + index * (bar + gap)
        score = data["score"] or 0
        length = int((width - 200) * score / 100)
        colour = "#1e7e34" if score >= 90 else "#d29922" if score >= 70 else "#b3261e"
        rows.append(f'<text x="0" y="{y + 16}" font-size="13">{_e(name)} ({data["files"]})</text>'
                    f'<rect x="150" y="{y}" width="{length}" height="{bar}" fill="{colour}" rx="3"/>'
                    f'<text x="{156 + length}" y="{y + 16}" font-size="13" class="score">{score:g}</text>')
    return (f'<svg id="{what}-scores" role="img" aria-label="Score per {what}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">{"".join(rows)}</svg>')


def _trend(history: list[dict]) -> str:
    """The overall score of each recorded run, oldest to newest, as an inline SVG line."""
    points = [entry.get("score") for entry in history if isinstance(entry.get("score"), (int, float))]
    if len(points) < 2:
        return ""
    width, height, pad = 520, 140, 24
    step = (width - 2 * pad) / (len(points) - 1)
    xy = [(pad + i * step, height - pad - (height - 2 * pad) * score / 100) for i, score in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1C1C1C"/>' for x, y in xy)
    return (f'<h2>Score over time</h2><svg id="score-trend" role="img" aria-label="Score over time" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#ccc"/>'
            f'<polyline points="{line}" fill="none" stroke="#E0A526" stroke-width="2"/>{dots}'
            f'<text x="{pad}" y="14" font-size="12">{len(points)} runs: {points[0]:g} → {points[-1]:g}</text></svg>')


def _file_section(result: FileResult) -> str:
    lines = _read_lines(result.path) if result.findings else None
    score = f'<span class="score">score {result.score:g}</span>' if result.score is not None else ""
    parts = [f'<section class="file" data-path="{_e(result.path)}"><h3>{_e(result.path)} {score}</h3>']
    if result.error is not None:
        parts.append(f'<div class="finding error">{_e(result.error)}</div>')
    for finding in result.findings:
        template = f" · template {_e(finding.template)}" if finding.template else ""
        parts.append(
            f'<div class="finding {finding.severity.label}" data-rule="{_e(finding.rule)}">'
            f'<div class="meta"><span class="{finding.severity.label}">{finding.severity.label}</span> '
            f'<span class="rule">{_e(finding.rule)}</span> · line {finding.line}, column {finding.column}{template}'
            f'</div><div class="message">{_e(finding.message)}</div>{_context(finding, lines)}</div>')
    parts.append("</section>")
    return "".join(parts)


def _campaign_section(campaign: dict, scores: dict) -> str:
    facts = sorted({name for variant in campaign["variants"] for name in variant["facts"]})
    head = "".join(f"<th>{_e(name)}</th>" for name in facts)
    rows = []
    for variant in campaign["variants"]:
        label = variant["variant"] or variant["path"]
        cells = "".join(f'<td class="{_e(variant["facts"].get(name, ""))}">{_e(variant["facts"].get(name, "-"))}</td>'
                        for name in facts)
        rows.append(f"<tr><th>{_e(label)}</th>{cells}</tr>")
    side_by_side = []
    for variant in campaign["variants"]:
        lines = _read_lines(variant["path"])
        text = "\n".join(lines) if lines is not None else "(not readable)"
        label = variant["variant"] or variant["path"]
        path = f'<div class="meta">{_e(variant["path"])}</div>' if label != variant["path"] else ""
        side_by_side.append(f'<div class="variant"><b>{_e(label)}</b>{path}<pre>{_e(text)}</pre></div>')
    scored = scores.get(campaign["campaign"], {}).get("score")
    score = f' <span class="score">score {scored:g}</span>' if scored is not None else ""
    return (f'<section class="campaign" data-campaign="{_e(campaign["campaign"])}">'
            f'<h2>Campaign {_e(campaign["campaign"])}: channels × facts{score}</h2>'
            f'<table class="matrix"><tr><th>variant</th>{head}</tr>{"".join(rows)}</table>'
            f'<h3>Variants side by side</h3><div class="variants">{"".join(side_by_side)}</div></section>')


def render_html(result: RunResult) -> str:
    from brandlint.report import summary

    data = summary(result)
    cards = "".join(
        f'<div class="card {cls}" id="count-{cls}"><b>{value}</b>{label}</div>'
        for cls, label, value in (("files", "files", data["files"]), ("error", "errors", data["errors"]),
                                  ("warning", "warnings", data["warnings"]),
                                  ("suggestion", "suggestions", data["suggestions"]),
                                  ("score", "score", "–" if data["score"] is None else f"{data['score']:g}")))
    by_channel: dict[str, list[FileResult]] = {}
    for file in result.files:
        by_channel.setdefault(file.channel or "base", []).append(file)
    sections = []
    for channel in sorted(by_channel):
        files = sorted(by_channel[channel], key=lambda r: r.path)
        count = sum(len(f.findings) for f in files)
        flagged = [f for f in files if f.findings or f.error is not None]
        clean = [f for f in files if not f.findings and f.error is None]
        clean_line = (f'<p class="clean">No findings in {len(clean)} file{"s" if len(clean) != 1 else ""}: '
                      + ", ".join(_e(f.path) for f in clean) + "</p>") if clean else ""
        sections.append(f'<section class="channel" data-channel="{_e(channel)}"><h2>Channel {_e(channel)} '
                        f'<small>({_plural(len(files), "file")}, {_plural(count, "finding")})</small></h2>'
                        + "".join(_file_section(f) for f in flagged) + clean_line + "</section>")
    campaigns = "".join(_campaign_section(c, data["campaigns"]) for c in result.campaigns())
    campaign_chart = f'<h2>Score per campaign</h2>{_chart(data["campaigns"], "campaign")}' if data["campaigns"] else ""
    worst = sum(1 for f in result.findings if f.severity == Severity.ERROR)
    title = f"brandlint report: {worst} error{'s' if worst != 1 else ''}"
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'{GENERATOR}<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(title)}</title><style>{STYLE}</style></head><body>'
            f'<header><h1>brandlint report</h1><div class="cards">{cards}</div>'
            f'<h2>Score per channel</h2>{_chart(data["channels"])}{campaign_chart}{_trend(result.history)}</header>'
            f'<main>{campaigns}{"".join(sections)}</main></body></html>\n')

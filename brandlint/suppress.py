"""Inline suppression: brandlint-disable / -enable / -disable-next-line in comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brandlint.documents.base import Document
from brandlint.findings import Finding

DIRECTIVE_RE = re.compile(r"brandlint-(disable-next-line|disable|enable)\b([^\n]*)")


@dataclass(frozen=True)
class Directive:
    action: str
    rules: frozenset[str]  # empty: every rule
    offset: int  # where it takes effect
    line: int  # for disable-next-line: the line it covers


def _selects(rules: frozenset[str], rule: str) -> bool:
    if not rules:
        return True
    family = rule.split(".")[0]
    return rule in rules or family in rules or "all" in rules


def directives(doc: Document) -> list[Directive]:
    found = []
    for comment in doc.comments:
        for match in DIRECTIVE_RE.finditer(comment.body):
            names = frozenset(n for n in re.split(r"[\s,]+", match.group(2).strip().rstrip("-*/ ").strip()) if n)
            end_line, _ = doc.position(comment.end)
            found.append(Directive(match.group(1), names, comment.end, end_line + 1))
    return sorted(found, key=lambda d: d.offset)


def suppress(doc: Document, findings: list[Finding]) -> list[Finding]:
    found = directives(doc)
    if not found:
        return findings
    kept = []
    for finding in findings:
        if not _suppressed(found, finding):
            kept.append(finding)
    return kept


def _suppressed(found: list[Directive], finding: Finding) -> bool:
    if finding.document_level:
        return any(d.action == "disable" and _selects(d.rules, finding.rule) for d in found)
    disabled = False
    for directive in found:
        if directive.action == "disable-next-line":
            if directive.line == finding.line and _selects(directive.rules, finding.rule):
                return True
            continue
        if directive.offset > finding.start:
            break
        if _selects(directive.rules, finding.rule):
            disabled = directive.action == "disable"
    return disabled

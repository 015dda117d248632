"""Inline suppression: brandlint-disable / -enable / -disable-next-line in comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brandlint.documents.base import Document
from brandlint.findings import Finding

DIRECTIVE_RE = re.compile(r"brandlint-(disable-next-line|disable|enable)(?=\s|$)([^\n]*)")
# Anything else that looks like a directive (`brandlint-disable-line`): said, never obeyed.
LOOKALIKE_RE = re.compile(r"(?<![\w-])brandlint-(?!(?:disable-next-line|disable|enable)(?:\s|$))[\w-]+")


@dataclass(frozen=True)
class Directive:
    action: str
    rules: frozenset[str]  # empty: every rule
    offset: int  # where it takes effect
    line: int  # for disable-next-line: the line it covers
    comment_start: int = 0  # where the comment is, to point at a directive that names no rule


def _selects(rules: frozenset[str], rule: str) -> bool:
    if not rules:
        return True
    family = rule.split(".")[0]
    return rule in rules or family in rules or "all" in rules


def directives(doc: Document) -> list[Directive]:
    found = []
    for comment in doc.comments:
        for match in DIRECTIVE_RE.finditer(comment.body):
            listed = match.group(2).split(" -- ")[0]  # `brandlint-disable terms.use -- approved by legal`
            names = frozenset(n for n in re.split(r"[\s,]+", listed.strip().rstrip("-*/ ").strip()) if n)
            end_line, _ = doc.position(comment.end)
            found.append(Directive(match.group(1), names, comment.end, end_line + 1, comment.start))
    return sorted(found, key=lambda d: d.offset)


def unknown_names(doc: Document, found: list[Directive], known: frozenset[str]) -> list[str]:
    """Notes for directives that name no rule, family or pack (a typo silently suppresses
    nothing): `path:line:column: brandlint-disable names unknown rule `terms.uze`…`, and for
    comments with a directive brandlint does not know (`brandlint-disable-line`)."""
    from difflib import get_close_matches

    notes = []
    for comment in doc.comments:
        for match in LOOKALIKE_RE.finditer(comment.body):
            line, column = doc.position(comment.start)
            notes.append(f"brandlint: {doc.path}:{line}:{column}: unknown directive `{match.group()}` ignored "
                         "(brandlint-disable, brandlint-enable or brandlint-disable-next-line)")
    for directive in found:
        for name in sorted(directive.rules - known - {"all"}):
            line, column = doc.position(directive.comment_start)
            hint = get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            where = f"{doc.path}:{line}:{column}"
            notes.append(f"brandlint: {where}: brandlint-{directive.action} names unknown rule `{name}`"
                         + (f"; did you mean `{hint[0]}`?" if hint else " (see `brandlint rules`)"))
    return notes


def suppress(doc: Document, findings: list[Finding], found: list[Directive] | None = None) -> list[Finding]:
    """The findings no directive turns off (`found`: the document's directives, if read already)."""
    found = directives(doc) if found is None else found
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

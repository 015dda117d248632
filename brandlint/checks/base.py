"""What every check shares: self-documenting rules and a context to report into."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from brandlint.documents.base import Block, Document
from brandlint.findings import Finding, Fix, Severity
from brandlint.guide.policy import Policy


class Rule(NamedTuple):
    """A rule's documentation, which `brandlint explain` prints and the tests run.

    `guide` is the guideline (YAML, without `brand:`) under which `fail` is flagged by
    this rule and `passing` is not; `channel` is the channel both are checked on.
    """

    id: str
    severity: Severity
    summary: str
    why: str
    fail: str
    passing: str
    guide: str = ""
    channel: str | None = None
    suffix: str = ".md"
    fixable: bool = False
    details: str = ""
    # Other files the examples need, as (name, content): a campaign file, a logo master
    # (content may be a function that makes the bytes).
    files: tuple[tuple[str, Any], ...] = ()
    # For images: turns `fail`/`passing` (a description) into the file's bytes.
    draw: Callable[[str], bytes] | None = None

    @property
    def family(self) -> str:
        return self.id.split(".")[0]


@dataclass
class Context:
    """A document and its policy; checks report findings here by block or text offsets."""

    doc: Document
    policy: Policy
    findings: list[Finding] = field(default_factory=list)
    notes: set[str] = field(default_factory=set)  # said once per run, on stderr
    campaign: Any = None  # a consistency.Binding when the document belongs to a campaign

    def report(self, rule: Rule | str, start: int, end: int, message: str, *,
               fix: str | None = None, severity: Severity | None = None,
               document_level: bool = False) -> None:
        rule_id = rule.id if isinstance(rule, Rule) else rule
        default = severity or (rule.severity if isinstance(rule, Rule) else Severity.WARNING)
        level = self.policy.severity(rule_id, default)
        if level is None:
            return
        self.findings.append(Finding(
            path=self.doc.path, rule=rule_id, severity=level, message=message, start=start,
            end=end, channel=self.policy.channel, fix=Fix(fix) if fix is not None else None,
            document_level=document_level))

    def report_in(self, rule: Rule | str, block: Block, start: int, end: int, message: str, *,
                  fix: str | None = None, severity: Severity | None = None) -> None:
        """Report a span given in block-text offsets; a fix is kept only where it is safe,
        that is where the source holds exactly the text that was matched."""
        src_start, src_end = block.span(start, end)
        if fix is not None and _nfc(self.doc.source_slice(src_start, src_end)) != block.text[start:end]:
            fix = None
        self.report(rule, src_start, src_end, message, fix=fix, severity=severity)

    def report_document(self, rule: Rule | str, message: str, *, severity: Severity | None = None) -> None:
        self.report(rule, self.doc.body_start, self.doc.body_start, message, severity=severity,
                    document_level=True)

    def active(self, rule: Rule) -> bool:
        return self.policy.severity(rule.id, rule.severity) is not None


def _nfc(text: str) -> str:
    import unicodedata

    return text if text.isascii() else unicodedata.normalize("NFC", text)


CheckFunction = Callable[[Context], None]


class Check(NamedTuple):
    """A family's module: its rules and the function that applies them."""

    rules: tuple[Rule, ...]
    run: CheckFunction

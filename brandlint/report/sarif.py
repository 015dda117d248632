"""--format sarif: SARIF 2.1.0 as GitHub code scanning accepts it."""

from __future__ import annotations

import hashlib
import json

from brandlint import __version__
from brandlint.engine import RunResult
from brandlint.findings import Finding, Severity


def _uri(path: str) -> str:
    """A relative path as a URI reference (RFC 3986): spaces, commas, `%` and non-ASCII
    characters percent-encoded as UTF-8, which GitHub decodes back to the repository path."""
    from urllib.parse import quote

    return quote(path, safe="/")


LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def _rule_entry(rule_id: str, docs: dict) -> dict:
    doc = docs.get(rule_id)
    summary = doc.summary if doc else rule_id
    why = doc.why if doc and doc.why else summary
    parts = (summary, doc.why, doc.details) if doc else (summary,)
    help_text = "\n\n".join(part for part in parts if part)
    markdown = help_text
    if doc and doc.fail:
        markdown += (f"\n\n**Flagged:**\n\n```\n{doc.fail.rstrip()}\n```"
                     f"\n\n**Passes:**\n\n```\n{doc.passing.rstrip()}\n```")
    entry = {
        "id": rule_id,
        "name": rule_id.replace(".", "/"),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": why},
        "help": {"text": help_text or summary, "markdown": markdown or summary},
        "defaultConfiguration": {"level": LEVELS[doc.severity] if doc else "warning"},
        "properties": {"tags": ["brand", rule_id.split(".")[0]], "precision": "high"},
    }
    return entry


def _fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across runs and unaffected by lines moving: rule, file and the matched text."""
    digest = hashlib.sha256(f"{finding.rule}\0{finding.path}\0{finding.match}".encode()).hexdigest()[:32]
    return f"{digest}:{occurrence}"


def render_sarif(result: RunResult) -> str:
    from brandlint.report import rule_docs

    docs = rule_docs(result)
    findings = result.findings
    rule_ids = sorted({finding.rule for finding in findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    seen: dict[str, int] = {}
    results = []
    for finding in findings:
        key = f"{finding.rule}\0{finding.path}\0{finding.match}"
        seen[key] = seen.get(key, 0) + 1
        region = {"startLine": finding.line, "startColumn": finding.column,
                  "endLine": finding.end_line, "endColumn": max(finding.end_column, finding.column)}
        entry = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)},
                                                "region": region}}],
            "partialFingerprints": {"primaryLocationLineHash": _fingerprint(finding, seen[key])},
        }
        properties = {k: v for k, v in (("channel", finding.channel), ("template", finding.template)) if v}
        if properties:
            entry["properties"] = properties
        if finding.fix is not None:
            replacement = {"deletedRegion": region, "insertedContent": {"text": finding.fix.replacement}}
            entry["fixes"] = [{"description": {"text": f"Replace with '{finding.fix.replacement}'"},
                               "artifactChanges": [{"artifactLocation": {"uri": _uri(finding.path)},
                                                    "replacements": [replacement]}]}]
        results.append(entry)
    notifications = []
    for error in result.input_errors:
        location: dict = {"artifactLocation": {"uri": _uri(error.path)}}
        if error.line:
            location["region"] = {"startLine": error.line}
        notifications.append({"level": "error", "message": {"text": error.message},
                              "locations": [{"physicalLocation": location}]})
    run = {
        "tool": {"driver": {"name": "brandlint", "semanticVersion": __version__, "version": __version__,
                            "informationUri": "https://pypi.org/project/brandlint/",
                            "rules": [_rule_entry(rule_id, docs) for rule_id in rule_ids]}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not result.input_errors,
                         "toolExecutionNotifications": notifications}],
        "results": results,
    }
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"

"""Findings: what a check reports, where, how bad, and how to fix it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, NamedTuple


class Severity(IntEnum):
    """Ordered so that `severity >= fail_level` means "counts as a failure"."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.strip().upper()]

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {severity: severity.name.lower() for severity in Severity}


class Fix(NamedTuple):
    """Replace the finding's source span with `replacement`. Only safe fixes exist."""

    replacement: str

    def keeping_breaks(self, match: str) -> Fix:
        """This fix with the match's own line breaks: `Acme\ncloud` becomes `Acme\nCloud`, not
        one line (fix must not change the file's line structure). Only when both have the same
        number of words; otherwise the replacement is as it is."""
        if "\n" not in match and "\r" not in match:
            return self
        words, separators = match.split(), re.findall(r"\s+", match.strip())
        replacement = self.replacement.split()
        if len(words) != len(replacement) or len(separators) != len(replacement) - 1:
            return self
        joined = replacement[0] + "".join(sep + word for sep, word in zip(separators, replacement[1:], strict=True))
        return Fix(joined)


@dataclass(slots=True)
class Finding:
    """One problem at a span of a file.

    `start`/`end` are code-point offsets into the decoded source (BOM removed, line
    endings as written); line/column are derived from them and are 1-based, with an
    exclusive end column, as in SARIF.
    """

    path: str
    rule: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    match: str = ""
    channel: str | None = None
    fix: Fix | None = None
    # A document-level finding (a missing tagline, a length limit) has no real span;
    # a disable comment anywhere in the file suppresses it.
    document_level: bool = False
    # For a rendered variant: the template file:line that produced the finding's line.
    template: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, int, str]:
        return (self.path, self.line, self.column, self.rule, -int(self.severity), self.message)

    def to_json(self) -> dict[str, Any]:
        return finding_json(self.path, self.line, self.column, self.end_line, self.end_column, self.rule,
                            self.severity.label, self.channel, self.message, self.match,
                            None if self.fix is None else self.fix.replacement, self.template)

    @classmethod
    def from_json(cls, data: dict[str, Any], start: int, end: int, document_level: bool) -> Finding:
        fix = data.get("fix")
        return cls(
            path=data["path"],
            rule=data["rule"],
            severity=Severity.parse(data["severity"]),
            message=data["message"],
            start=start,
            end=end,
            line=data["line"],
            column=data["column"],
            end_line=data["end_line"],
            end_column=data["end_column"],
            match=data["match"],
            channel=data["channel"],
            fix=Fix(fix["replacement"]) if fix else None,
            document_level=document_level,
            template=data.get("template"),
        )


def finding_json(path: str, line: int, column: int, end_line: int, end_column: int, rule: str, severity: str,
                 channel: str | None, message: str, match: str, fix: str | None, template: str | None
                 ) -> dict[str, Any]:
    """A finding as --format json writes it (SPEC §3), keys in this order."""
    data: dict[str, Any] = {
        "path": path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "rule": rule,
        "severity": severity,
        "channel": channel,
        "message": message,
        "match": match,
    }
    if fix is not None:
        data["fix"] = {"replacement": fix}
    if template is not None:
        data["template"] = template
    return data


def finding_json_text(path: str, line: int, column: int, end_line: int, end_column: int, rule: str,
                      severity: str, channel: str | None, message: str, match: str, fix: str | None,
                      template: str | None) -> str:
    """`json.dumps(finding_json(...), ensure_ascii=False)`, written directly: a big run's JSON
    report writes one of these a finding, and the encoder's per-call set-up cost more than the
    text itself."""
    from json.encoder import encode_basestring as text  # the C escaper json itself uses

    if not type(line) is type(column) is type(end_line) is type(end_column) is int:
        line, column, end_line, end_column = map(_number, (line, column, end_line, end_column))  # type: ignore
    written = (f'{{"path": {text(path)}, "line": {line}, "column": {column}, '
               f'"end_line": {end_line}, "end_column": {end_column}, "rule": {text(rule)}, '
               f'"severity": {text(severity)}, "channel": {"null" if channel is None else text(channel)}, '
               f'"message": {text(message)}, "match": {text(match)}')
    if fix is not None:
        written += f', "fix": {{"replacement": {text(fix)}}}'
    if template is not None:
        written += f', "template": {text(template)}'
    return written + "}"


def _number(value: int | None) -> str:
    if type(value) is int:
        return str(value)
    import json

    return json.dumps(value)


class InputError(NamedTuple):
    """A file that could not be checked (unreadable, binary, undecodable, too large)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return located(self.message, self.path, self.line, self.column)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column, "message": self.message}


def located(message: str, path: str | None, line: int | None = None, column: int | None = None) -> str:
    """`path:line:column: message`, with as much of the location as is known."""
    if path is None:
        return message
    where = path
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return f"{where}: {message}"

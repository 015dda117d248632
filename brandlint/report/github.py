"""--format github: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from brandlint.engine import RunResult
from brandlint.findings import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult) -> str:
    lines = []
    for f in result.findings:
        props = (f"file={escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={escape_property(f.rule)}")
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(f.message)}")
    for error in result.input_errors:
        where = f"file={escape_property(error.path)}" + (f",line={error.line}" if error.line else "")
        lines.append(f"::error {where},title=brandlint::{escape_data(error.message)}")
    return "\n".join(lines) + ("\n" if lines else "")

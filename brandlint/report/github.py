"""--format github: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from collections.abc import Iterator

from brandlint.engine import RunResult
from brandlint.findings import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult) -> Iterator[str]:
    """One workflow command a line, written as the findings are read back."""
    for f in result.iter_findings():
        props = (f"file={escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={escape_property(f.rule)}")
        yield f"::{COMMANDS[f.severity]} {props}::{escape_data(f.message)}\n"
    for error in result.input_errors:
        where = f"file={escape_property(error.path)}" + (f",line={error.line}" if error.line else "")
        yield f"::error {where},title=brandlint::{escape_data(error.message)}\n"

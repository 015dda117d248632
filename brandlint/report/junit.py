"""--format junit: one test case per file (GitLab, Jenkins).

A case fails only for findings at or above the run's fail level (`--fail-on`, default
error), so the test report is red exactly when brandlint exits 1; findings below the level
are listed in the case's <system-out>. Each case carries the file's score as a property.
Written one case at a time: the counts the <testsuite> opens with come from a first pass
over the packed results, so a big run never holds the whole tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from brandlint.engine import FileResult, RunResult
from brandlint.findings import Finding, Severity


def _line(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column} {finding.severity.label} {finding.rule} {finding.message}"


def _score(score: float) -> str:
    return f"{round(score, 2):g}"


def _case(file: FileResult, fail_on: Severity) -> ET.Element:
    case = ET.Element("testcase", classname=f"brandlint.{file.channel or 'base'}", name=file.path,
                      file=file.path, time="0")
    if file.score is not None:
        properties = ET.SubElement(case, "properties")
        ET.SubElement(properties, "property", name="score", value=_score(file.score))
    if file.error is not None:
        where = f"{file.path}:{file.error.line}" if file.error.line else file.path
        error = ET.SubElement(case, "error", type="input", message=file.error.message)
        error.text = f"{where}: {file.error.message}"
        return case
    findings = sorted(file.findings, key=Finding.sort_key)
    failing = [f for f in findings if f.severity >= fail_on]
    if failing:
        first = failing[0]
        failure = ET.SubElement(case, "failure", type=first.rule,
                                message=f"{len(failing)} finding(s) at or above {fail_on.label}; first: "
                                        f"{first.message}")
        failure.text = "\n".join(_line(f) for f in failing)
    below = [f for f in findings if f.severity < fail_on]
    if below:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in below)
    return case


def _counts(result: RunResult, fail_on: Severity) -> tuple[int, int, int]:
    """Tests, failures and errors, read from the packed results without building findings."""
    tests = failures = errors = 0
    threshold = int(fail_on)
    for _, findings, error, *_ in result.files.packed():
        tests += 1
        if error is not None:
            errors += 1
        elif any(finding[1] >= threshold for finding in findings):
            failures += 1
    return tests, failures, errors


def render_junit(result: RunResult, fail_on: Severity = Severity.ERROR) -> Iterator[str]:
    tests, failures, errors = _counts(result, fail_on)
    counts = f'tests="{tests}" failures="{failures}" errors="{errors}"'
    yield (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="brandlint" {counts}>\n'
           f'  <testsuite name="brandlint" {counts}>\n')
    for file in result.files:
        case = _case(file, fail_on)
        ET.indent(case, space="  ", level=2)
        yield "    " + ET.tostring(case, encoding="unicode") + "\n"
    yield "  </testsuite>\n</testsuites>\n"

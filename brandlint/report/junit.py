"""--format junit: one test case per file, a failure per finding (GitLab, Jenkins)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from brandlint.engine import RunResult


def render_junit(result: RunResult) -> str:
    suites = ET.Element("testsuites", name="brandlint")
    suite = ET.SubElement(suites, "testsuite", name="brandlint")
    total = failures = errors = 0
    for file in result.files:
        total += 1
        case = ET.SubElement(suite, "testcase", classname=f"brandlint.{file.channel or 'base'}",
                             name=file.path, file=file.path, time="0")
        if file.error is not None:
            errors += 1
            where = f"{file.path}:{file.error.line}" if file.error.line else file.path
            error = ET.SubElement(case, "error", type="input", message=file.error.message)
            error.text = f"{where}: {file.error.message}"
            continue
        if file.findings:
            failures += 1
            first = file.findings[0]
            failure = ET.SubElement(case, "failure", type=first.rule,
                                    message=f"{len(file.findings)} finding(s); first: {first.message}")
            failure.text = "\n".join(f"{f.path}:{f.line}:{f.column} {f.severity.label} {f.rule} {f.message}"
                                     for f in file.findings)
    for element in (suites, suite):
        element.set("tests", str(total))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"

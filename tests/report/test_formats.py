"""CI formats, each checked by its schema or a real consumer."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from junitparser import JUnitXml

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "sarif-schema-2.1.0.json").read_text())
GUIDE = """\
channels:
  website: {tone: formal}
files:
  "web/**": website
terms:
  - use: Lumen Tea
    instead_of: [LumenTea]
  - avoid: ["100%, guaranteed"]
    message: "Never promise: it is 100% not okay, really:\\nsee legal"
"""


@pytest.fixture
def repo(project):
    project.guide(GUIDE)
    project.write("web/home.md", "# LumenTea\n\nWe're SO excited!!! 100%, guaranteed.\n")
    project.write("web/clean.md", "Lumen Tea is here.\n")
    project.write("notes.md", "LumenTea, 최고의 차\n")
    return project


def _out(project, fmt, *args):
    result = project.run("check", "--no-cache", "--format", fmt, *args, ".")
    return result


def test_sarif_validates_against_the_official_schema_and_has_what_github_needs(repo):
    result = _out(repo, "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"terms.use", "terms.avoid", "tone.casual"}
    for rule in rules.values():
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    first = run["results"][0]
    assert first["ruleId"] == "terms.use" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "notes.md"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 9}}
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "terms.use"
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_sarif_uris_are_percent_encoded(repo):
    """A file name with a space, a comma, a per cent sign or Hangul is a valid URI reference."""
    repo.write("notice/공지 사항, 50%.md", "LumenTea\n")
    results = json.loads(_out(repo, "sarif").stdout)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "notice/%EA%B3%B5%EC%A7%80%20%EC%82%AC%ED%95%AD%2C%2050%25.md" in uris
    assert all(" " not in uri and "," not in uri for uri in uris)


def test_sarif_fingerprints_are_stable_across_runs_and_line_moves(repo):
    before = json.loads(_out(repo, "sarif").stdout)["runs"][0]["results"]
    repo.write("web/home.md", "\n\n# LumenTea\n\nWe're SO excited!!! 100%, guaranteed.\n")
    after = json.loads(_out(repo, "sarif").stdout)["runs"][0]["results"]
    prints = lambda results: sorted(r["partialFingerprints"]["primaryLocationLineHash"] for r in results)
    assert prints(before) == prints(after)
    assert len(set(prints(before))) == len(before)


def test_github_annotations_escape_properties_and_messages(repo):
    lines = _out(repo, "github").stdout.splitlines()
    assert ("::error file=notes.md,line=1,col=1,endLine=1,endColumn=9,title=terms.use::"
            "Use 'Lumen Tea' instead of 'LumenTea'.") in lines
    avoid = next(line for line in lines if "terms.avoid" in line)
    # the message's % and newline are escaped; the match "100%, guaranteed" lives in the message
    assert "100%25, guaranteed" in avoid and "%0Asee legal" in avoid and "\n" not in avoid
    assert avoid.startswith("::warning file=web/home.md,line=3,col=21,")
    from brandlint.report.github import escape_property

    assert escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"


def test_junit_has_one_case_per_file_and_parses_with_a_real_consumer(repo):
    repo.write("web/bin.md", b"\x00\x01")
    result = _out(repo, "junit")
    path = repo.write("report.xml", result.stdout)
    xml = JUnitXml.fromfile(str(path))
    suite = next(iter(xml))
    cases = {case.name: case for case in suite}
    assert set(cases) == {"notes.md", "web/bin.md", "web/clean.md", "web/home.md"}
    assert cases["web/clean.md"].is_passed
    home = cases["web/home.md"].result[0]
    assert home.type == "terms.use" and "web/home.md:1:3 error terms.use" in home.text
    # below the fail level (error): listed in <system-out>, not in the failure
    assert "warning" not in home.text and "web/home.md:3:21 warning terms.avoid" in cases["web/home.md"].system_out
    assert cases["web/bin.md"].result[0].message.startswith("binary file")
    assert (suite.tests, suite.failures, suite.errors) == (4, 2, 1)


def test_scores_in_the_json_summary(repo):
    repo.guide(GUIDE + "scoring: {error: 10, warning: 5, suggestion: 1}\n")
    summary = repo.check(".")["summary"]
    # notes.md: one error (90); web/clean.md: 100; web/home.md: one error + warnings
    assert summary["channels"]["base"] == {"files": 1, "score": 90.0}
    assert summary["channels"]["website"]["files"] == 2
    assert 0 < summary["score"] < 100


def test_html_report_is_self_contained_with_counts_highlights_and_chart(repo):
    result = repo.run("check", "--no-cache", "--format", "html", "--output", "report.html", ".")
    assert result.exit_code == 1
    page = (repo.root / "report.html").read_text()
    assert "http://" not in page and "https://" not in page and "<script" not in page.lower()
    assert '<div class="card error" id="count-error"><b>2</b>errors</div>' in page
    assert "<mark>LumenTea</mark>, 최고의 차" in page
    assert 'id="channel-scores"' in page and 'data-channel="website"' in page
    again = repo.run("check", "--no-cache", "--format", "html", "--output", "report2.html", ".")
    assert again.exit_code == 1 and (repo.root / "report2.html").read_text() == page


def test_output_over_a_directory_is_a_clear_error(repo):
    (repo.root / "out.json").mkdir()
    result = repo.run("check", "--format", "json", "--output", "out.json", ".")
    assert result.exit_code == 2 and "cannot write the report to out.json" in result.stderr


def test_history_appends_one_line_per_run_and_the_report_plots_it(repo):
    repo.run("check", "--no-cache", "--history", "history.jsonl", ".")
    repo.write("web/home.md", "# Lumen Tea\n\nWe are pleased to introduce it.\n")
    result = repo.run("check", "--no-cache", "--history", "history.jsonl", "--format", "html",
                      "--output", "report.html", ".")
    lines = (repo.root / "history.jsonl").read_text().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["errors"] == 2 and second["errors"] == 1 and second["score"] > first["score"]
    assert {"time", "files", "errors", "warnings", "suggestions", "score", "channels", "campaigns"} <= set(second)
    page = (repo.root / "report.html").read_text()
    assert 'id="score-trend"' in page and "2 runs:" in page
    assert result.exit_code == 1


def test_a_guideline_message_over_several_lines_stays_on_one_text_line(project):
    project.guide('terms:\n  - avoid: [cheap]\n    message: "Not us.\\n We never say it."\n')
    project.write("a.md", "So cheap.\n")
    lines = project.run("check", "--no-cache", "a.md").stdout.splitlines()
    assert lines == ["a.md:1:4 warning terms.avoid Avoid 'cheap': Not us. We never say it."]

"""JUnit cases fail at the run's --fail-on level; every file's score in JSON (and JUnit)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

GUIDE = """\
channels:
  website: {}
files:
  "web/**": website
scoring: {error: 10, warning: 4, suggestion: 1}
terms:
  - use: Lumen Tea
    instead_of: [LumenTea]
  - avoid: [steep]
    message: Say brew.
    level: warning
  - avoid: [cheap]
    message: Say affordable.
    level: suggestion
"""
FILES = {
    "a-error.md": "LumenTea is here.\n",
    "b-warning.md": "We steep it.\n",
    "c-suggestion.md": "It is cheap.\n",
    "d-clean.md": "Lumen Tea is here.\n",
    "web/mixed.md": "LumenTea: we steep it, and it is cheap.\n",
}


@pytest.fixture
def repo(project):
    project.guide(GUIDE)
    for path, text in FILES.items():
        project.write(path, text)
    return project


def _junit(project, *args):
    result = project.run("check", "--no-cache", "--format", "junit", *args, ".")
    root = ET.fromstring(result.stdout)
    suite = root.find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    return result, root, suite, cases


def _counts(element):
    return {key: int(element.get(key)) for key in ("tests", "failures", "errors")}


@pytest.mark.parametrize(("fail_on", "failing"), [
    (None, {"a-error.md", "web/mixed.md"}),
    ("error", {"a-error.md", "web/mixed.md"}),
    ("warning", {"a-error.md", "b-warning.md", "web/mixed.md"}),
    ("suggestion", {"a-error.md", "b-warning.md", "c-suggestion.md", "web/mixed.md"}),
])
def test_junit_cases_fail_only_at_or_above_the_fail_level(repo, fail_on, failing):
    result, root, suite, cases = _junit(repo, *(["--fail-on", fail_on] if fail_on else []))
    assert result.exit_code == 1
    assert set(cases) == set(FILES)
    failed = {name for name, case in cases.items() if case.find("failure") is not None}
    assert failed == failing
    expected = {"tests": len(FILES), "failures": len(failing), "errors": 0}
    assert _counts(root) == _counts(suite) == expected
    level = fail_on or "error"
    for name in failing:
        failure = cases[name].find("failure")
        # the failure lists only the findings at or above the level
        assert f"at or above {level}" in failure.get("message")
        severities = [line.split(" ")[1] for line in failure.text.splitlines()]
        rank = {"suggestion": 1, "warning": 2, "error": 3}
        assert severities and all(rank[s] >= rank[level] for s in severities)
        # and whatever is below the level is output, not failure
        out = cases[name].find("system-out")
        below = [] if out is None else [line.split(" ")[1] for line in out.text.splitlines()]
        assert all(rank[s] < rank[level] for s in below)
    for name in set(FILES) - failing - {"d-clean.md"}:
        assert cases[name].find("system-out") is not None


def test_junit_findings_below_the_level_are_in_system_out_not_failures(repo):
    result, _, _, cases = _junit(repo)
    assert result.exit_code == 1
    # only a warning: a passing case whose warning is still in the XML
    warning = cases["b-warning.md"]
    assert warning.find("failure") is None and warning.find("error") is None
    assert warning.find("system-out").text == "b-warning.md:1:4 warning terms.avoid Avoid 'steep': Say brew."
    assert cases["c-suggestion.md"].find("system-out").text == (
        "c-suggestion.md:1:7 suggestion terms.avoid Avoid 'cheap': Say affordable.")
    # mixed: the error fails the case, the warning and the suggestion are output, one per line
    mixed = cases["web/mixed.md"]
    assert mixed.find("failure").text == "web/mixed.md:1:1 error terms.use Use 'Lumen Tea' instead of 'LumenTea'."
    assert mixed.find("system-out").text.splitlines() == [
        "web/mixed.md:1:14 warning terms.avoid Avoid 'steep': Say brew.",
        "web/mixed.md:1:34 suggestion terms.avoid Avoid 'cheap': Say affordable.",
    ]
    assert cases["d-clean.md"].find("system-out") is None and cases["d-clean.md"].find("failure") is None


def test_junit_is_green_when_only_warnings_and_brandlint_exits_0(project):
    project.guide(GUIDE)
    project.write("b-warning.md", "We steep it.\n")
    project.write("web/c.md", "It is cheap.\n")
    result, root, suite, cases = _junit(project)
    assert result.exit_code == 0
    assert _counts(root) == _counts(suite) == {"tests": 2, "failures": 0, "errors": 0}
    assert all(case.find("failure") is None for case in cases.values())
    assert "warning terms.avoid" in cases["b-warning.md"].find("system-out").text
    strict, root, suite, cases = _junit(project, "--fail-on", "warning")
    assert strict.exit_code == 1 and _counts(suite)["failures"] == 1
    assert cases["b-warning.md"].find("failure") is not None and cases["web/c.md"].find("failure") is None


def test_junit_counts_input_errors_apart_and_carries_each_files_score(repo):
    repo.write("e-binary.md", b"\x00\x01")
    result, root, suite, cases = _junit(repo, "--fail-on", "warning")
    assert result.exit_code == 2
    assert _counts(root) == _counts(suite) == {"tests": 6, "failures": 3, "errors": 1}
    binary = cases["e-binary.md"]
    assert binary.find("error") is not None and binary.find("failure") is None
    scores = {name: case.find("properties/property[@name='score']") for name, case in cases.items()}
    assert {name: p.get("value") for name, p in scores.items() if p is not None} == {
        "a-error.md": "90", "b-warning.md": "96", "c-suggestion.md": "99", "d-clean.md": "100", "web/mixed.md": "85"}


def test_json_lists_every_file_with_its_score_in_path_order(repo):
    repo.write("e-binary.md", b"\x00\x01")
    result = repo.run("check", "--no-cache", "--format", "json", ".")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    # SPEC §3's keys are untouched
    assert list(data)[:2] == ["findings", "summary"]
    summary = data["summary"]
    assert {key: summary[key] for key in ("files", "errors", "warnings", "suggestions")} == {
        "files": 6, "errors": 2, "warnings": 2, "suggestions": 2}
    assert set(summary["channels"]) == {"base", "website"}
    files = data["files"]
    assert [f["path"] for f in files] == sorted([*FILES, "e-binary.md"])
    by_path = {f["path"]: f for f in files}
    assert by_path["a-error.md"] == {"path": "a-error.md", "channel": None, "campaign": None, "score": 90.0,
                                     "errors": 1, "warnings": 0, "suggestions": 0}
    assert by_path["web/mixed.md"] == {"path": "web/mixed.md", "channel": "website", "campaign": None,
                                       "score": 85.0, "errors": 1, "warnings": 1, "suggestions": 1}
    assert by_path["d-clean.md"]["score"] == 100.0 and by_path["b-warning.md"]["score"] == 96.0
    assert by_path["e-binary.md"]["score"] is None
    # per-file counts add up to the summary's; the channel means are the summary's
    for key in ("errors", "warnings", "suggestions"):
        assert sum(f[key] for f in files) == summary[key]
    base = [f["score"] for f in files if f["channel"] is None and f["score"] is not None]
    assert summary["channels"]["base"] == {"files": len(base), "score": round(sum(base) / len(base), 1)}
    assert summary["channels"]["website"] == {"files": 1, "score": 85.0}


def test_json_file_channel_uses_the_findings_convention(repo):
    data = repo.check(".")
    channels = {f["path"]: f["channel"] for f in data["files"]}
    for finding in data["findings"]:
        # null for a file that maps to no channel (the summary calls it `base`), in both places
        assert finding["channel"] == channels[finding["path"]]
    assert channels["a-error.md"] is None and channels["web/mixed.md"] == "website"
    assert "base" not in channels.values()


def test_json_file_names_its_campaign(project):
    project.guide("channels:\n  social: {}\n")
    project.write("campaign.yaml", "campaign: spring-launch\nchannels: [social]\nfacts:\n  code: SPRING20\n")
    project.write("posts/a.txt", "---\nchannel: social\ncampaign: spring-launch\n---\nUse code SPRING20.\n")
    project.write("posts/b.txt", "Nothing to see.\n")
    data = project.check("posts")
    assert [(f["path"], f["channel"], f["campaign"], f["score"]) for f in data["files"]] == [
        ("posts/a.txt", "social", "spring-launch", 100.0), ("posts/b.txt", None, None, 100.0)]
    assert data["summary"]["campaigns"] == {"spring-launch": {"files": 1, "score": 100.0}}


def test_json_with_no_files_has_an_empty_files_list(project):
    project.guide(GUIDE)
    project.write("empty/readme.bin", b"")
    data = project.check("empty")
    assert data["files"] == [] and data["findings"] == [] and data["summary"]["files"] == 0
    assert data["campaigns"] == []  # always there, so that every run (and shard) has one shape


def test_the_text_summary_gives_the_score_per_channel(repo):
    """SPEC §6: the summary gives the score per channel (and per campaign)."""
    result = repo.run("check", "--no-cache", ".")
    # base: a-error 90, b-warning 96, c-suggestion 99, d-clean 100; website: web/mixed 100-10-4-1
    assert result.stderr.strip().splitlines()[-1] == "score 94; by channel: base 96.2, website 85"
    assert "score" not in repo.run("check", "--no-cache", "--quiet", ".").stderr

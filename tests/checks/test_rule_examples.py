"""Each rule's documentation is executable: its failing example is flagged by that rule,
its passing example is not. `brandlint explain` prints exactly these examples."""

from __future__ import annotations

import pytest

from brandlint.checks.registry import all_rules

RULES = [rule for rule in all_rules(None)]


def test_every_rule_documents_itself():
    for rule in RULES:
        assert rule.summary and rule.fail and rule.passing, rule.id
        assert rule.id.count(".") == 1, rule.id


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_failing_example_is_flagged_and_passing_example_is_not(project, rule, request):
    if rule.family == "grammar":
        request.getfixturevalue("languagetool")
    for name, content in rule.files:
        project.write(name, content() if callable(content) else content)
    project.guide("brand: Lumen Tea\n" + rule.guide)
    draw = rule.draw or (lambda text: text)
    project.write(f"fail{rule.suffix}", draw(rule.fail))
    project.write(f"pass{rule.suffix}", draw(rule.passing))
    channel = ["--channel", rule.channel] if rule.channel else []
    flagged = {f["rule"] for f in project.findings(*channel, f"fail{rule.suffix}")}
    assert rule.id in flagged, f"{rule.id} did not flag: {rule.fail!r} (got {flagged})"
    passed = {f["rule"] for f in project.findings(*channel, f"pass{rule.suffix}")}
    assert rule.id not in passed, f"{rule.id} flagged its passing example {rule.passing!r}"


def test_explain_prints_the_examples_the_tests_run(project):
    result = project.run("explain", "terms.use")
    assert result.exit_code == 0
    rule = next(r for r in RULES if r.id == "terms.use")
    assert rule.fail.strip() in result.stdout and rule.passing.strip() in result.stdout
    assert "Why:" in result.stdout and "fixable" in result.stdout

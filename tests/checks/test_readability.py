"""readability.grade: Flesch-Kincaid per paragraph against max_grade."""

from __future__ import annotations

HARD = ("Notwithstanding considerable organisational complexities, our multidisciplinary procurement "
        "methodology systematically prioritises environmentally responsible agricultural partnerships, "
        "guaranteeing unparalleled organoleptic characteristics throughout subsequent operations.")
EASY = ("We buy our tea from farms that care for the land. Each leaf is picked by hand. We dry it in "
        "the sun and pack it the same week. You can taste the care in every cup.")


def test_hard_paragraph_is_flagged_with_its_grade_and_span(project):
    project.guide("voice:\n  readability:\n    max_grade: 9\n")
    project.write("a.md", f"# Title\n\n{EASY}\n\n{HARD}\n")
    [finding] = project.findings("a.md", rule="readability")
    assert finding["rule"] == "readability.grade"
    assert (finding["line"], finding["column"]) == (5, 1)
    assert finding["match"] == HARD
    grade = float(finding["message"].split("grade ")[1].split(" ")[0])
    assert grade > 9


def test_no_max_grade_means_no_check(project):
    project.guide("brand: X\n")
    project.write("a.md", HARD + "\n")
    assert project.findings("a.md", rule="readability") == []


def test_punchy_fragments_are_not_scored_as_one_endless_sentence(project):
    project.guide("voice:\n  readability: {max_grade: 8}\n")
    punchy = ("Fresh tea. Bright mornings. Hand picked. Sun dried. Packed fast. Taste it. Love it. Share it. "
              "Buy now. Great gift. Pure joy. Warm cups. Calm days. Fresh tea. Bright mornings.")
    dense = ("Notwithstanding considerable organisational complexities, our multidisciplinary procurement "
             "methodology systematically prioritises environmentally responsible agricultural partnerships "
             "throughout subsequent manufacturing operations and distribution channels. Truly. Thanks.")
    project.write("a.md", punchy + "\n\n" + dense + "\n")
    [finding] = project.findings("a.md", rule="readability")
    assert finding["line"] == 3

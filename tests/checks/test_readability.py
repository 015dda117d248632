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


def test_fragments_are_found_the_same_with_or_without_splitting_sentences():
    """The shortcut (no textstat sentence is a fragment, so none of ours is) must agree with
    splitting the block into sentences, on copy built to trip it: abbreviations, initials,
    decimals, ellipses, closing quotes, inline code and one-word exclamations."""
    import random

    from brandlint.checks.readability import _without_fragments
    from brandlint.documents.base import SEPARATOR, Block
    from brandlint.lang.syllables import _at_most_two_words

    def by_sentences(block: Block) -> str | None:
        sentences = block.english_sentences
        if not any(_at_most_two_words(sentence.text) for sentence in sentences):
            return None
        return " ".join(sentence.text.replace(SEPARATOR, " ") for sentence in sentences
                        if not _at_most_two_words(sentence.text))

    pieces = ["Fresh tea", "picked by hand", "e.g.", "J.", "Smith", "costs 3.5", "50 g.", "Wow!", "Really?",
              "wait…", "\"Yes.\"", "(see below.)", SEPARATOR, "Dr.", "No.", "etc.", "and more", "ok", ".", "!?",
              "the U.S. team", "one", "two words", "Hand-picked.", "\n"]
    rng = random.Random(8)
    fragments = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        block = Block("paragraph")
        block.add(text, 0)
        expected = by_sentences(block)
        fragments += expected is not None
        assert _without_fragments(block) == expected, text
    assert fragments > 500  # both outcomes were tried

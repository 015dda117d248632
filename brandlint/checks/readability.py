"""readability: is each paragraph easy enough to read for the channel?"""

from __future__ import annotations

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import SEPARATOR
from brandlint.findings import Severity
from brandlint.lang import en

# Below this many words a grade formula measures noise, not difficulty.
MIN_WORDS = 20

GRADE = Rule(
    id="readability.grade",
    severity=Severity.WARNING,
    summary="A paragraph reads above the guideline's `max_grade` (English: Flesch-Kincaid grade).",
    why="Copy that needs a university degree loses most readers before the offer.",
    guide="voice:\n  readability:\n    max_grade: 8\n",
    fail=("Notwithstanding considerable organisational complexities, our multidisciplinary "
          "procurement methodology systematically prioritises environmentally responsible "
          "agricultural partnerships, guaranteeing unparalleled organoleptic characteristics "
          "throughout subsequent manufacturing operations.\n"),
    passing=("We buy our tea from farms that care for the land. Each leaf is picked by hand. "
             "We dry it in the sun and pack it the same week. You can taste the care in every cup.\n"),
    details=(f"English paragraphs (and list items) of at least {MIN_WORDS} words are scored "
             "with the Flesch-Kincaid grade (textstat): 0.39 × words per sentence + 11.8 × "
             "syllables per word − 15.59. Headings and short blocks are not scored."),
)


def check(ctx: Context) -> None:
    limit = ctx.policy.max_grade
    if limit is None or not ctx.active(GRADE):
        return
    for block in ctx.doc.blocks:
        if block.language != "en" or block.kind not in ("paragraph", "list", "blockquote"):
            continue
        prose = block.prose.replace(SEPARATOR, " ")
        if len(en.words(prose)) < MIN_WORDS:
            continue
        grade = flesch_kincaid(prose)
        if grade > limit:
            start = len(prose) - len(prose.lstrip())
            end = len(prose.rstrip())
            ctx.report_in(GRADE, block, start, end,
                          f"This paragraph reads at grade {grade:.1f} (Flesch-Kincaid); the "
                          f"{ctx.policy.channel or 'base'} channel aims for {limit:g} or below. "
                          "Shorter sentences and plainer words help.")


def flesch_kincaid(text: str) -> float:
    import textstat  # loaded only when a paragraph is long enough to score

    return float(textstat.flesch_kincaid_grade(text))


CHECK = Check(rules=(GRADE,), run=check)

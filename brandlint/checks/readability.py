"""readability: is each paragraph easy enough to read for the channel?"""

from __future__ import annotations

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import SEPARATOR, Block
from brandlint.findings import Severity
from brandlint.lang import en

# Below this many words a grade formula measures noise, not difficulty.
MIN_WORDS = 20

GRADE = Rule(
    id="readability.grade",
    severity=Severity.WARNING,
    summary="A paragraph reads above the guideline's `max_grade` (English: Flesch-Kincaid grade; "
            "Korean: eojeol per sentence and long words, on the same scale).",
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
             "syllables per word − 15.59. Headings and short blocks are not scored, nor are "
             "fragments of one or two words (`Fresh tea. Hand picked.`) within a paragraph.\n"
             "Korean paragraphs of at least 10 eojeol (words between spaces) are scored as "
             "0.6 × eojeol per sentence + 10 × share of long eojeol (6 or more syllables), "
             "sentences split by kiwipiepy. Plain copy (3–8 eojeol a sentence) scores 2–6; "
             "dense official prose (15+ eojeol, long Sino-Korean compounds) 10 and above, so "
             "one `max_grade` means the same target in both languages."),
)


def check(ctx: Context) -> None:
    limit = ctx.policy.max_grade
    if limit is None or not ctx.active(GRADE):
        return
    from brandlint.lang.syllables import textstat_sentences

    for block in ctx.doc.blocks:
        if block.kind not in ("paragraph", "list", "blockquote"):
            continue
        if block.language == "ko":
            _check_korean(ctx, block, limit)
            continue
        if len(block.words) < MIN_WORDS:
            continue
        raw = block.prose
        prose = raw.replace(SEPARATOR, " ") if SEPARATOR in raw else raw
        counted = textstat_sentences(raw)
        if _surely_no_fragments(raw, counted):  # most paragraphs: score it whole
            grade = flesch_kincaid(prose, len(counted) if prose is raw else None)
        else:
            scored = _fragments_removed(block)  # the shortcut above already said it might hold some
            if scored is None:
                grade = flesch_kincaid(prose)
            elif len(en.words(scored)) < MIN_WORDS:
                continue
            else:
                grade = flesch_kincaid(scored)
        if grade > limit:
            start = len(prose) - len(prose.lstrip())
            end = len(prose.rstrip())
            ctx.report_in(GRADE, block, start, end,
                          f"This paragraph reads at grade {grade:.1f} (Flesch-Kincaid); the "
                          f"{ctx.policy.channel or 'base'} channel aims for {limit:g} or below. "
                          "Shorter sentences and plainer words help.")


def _check_korean(ctx: Context, block: Block, limit: float) -> None:
    from brandlint.lang import ko

    prose = block.prose.replace(SEPARATOR, " ")
    try:
        measured = ko.readability_grade(prose)
    except ko.KoreanUnavailable as exc:
        ctx.notes.add(ko.UNAVAILABLE_NOTE.format(reason=exc))
        return
    if measured is None:
        return
    grade, per_sentence, long_share, _ = measured
    if grade > limit:
        start = len(prose) - len(prose.lstrip())
        ctx.report_in(GRADE, block, start, len(prose.rstrip()),
                      f"This paragraph reads at grade {grade:.1f} ({per_sentence:.1f} eojeol per sentence, "
                      f"{long_share:.0%} long words); the {ctx.policy.channel or 'base'} channel aims for "
                      f"{limit:g} or below. 문장을 짧게 나누고 쉬운 말로 바꿔 보세요.")


def _without_fragments(block: Block) -> str | None:
    """The block's sentences without one- and two-word fragments (`Fresh tea. Hand picked.`),
    or None when it has none. textstat counts a fragment's words but not the fragment, so
    punchy copy would score as one endless sentence; fragments are left out of the score."""
    from brandlint.lang.syllables import textstat_sentences

    if _surely_no_fragments(block.prose, textstat_sentences(block.prose)):
        return None
    return _fragments_removed(block)


def _fragments_removed(block: Block) -> str | None:
    """`_without_fragments`, by splitting the block into sentences (no shortcut)."""
    from brandlint.lang.syllables import _at_most_two_words

    sentences = block.english_sentences
    if not any(_at_most_two_words(sentence.text) for sentence in sentences):
        return None
    return " ".join(sentence.text.replace(SEPARATOR, " ") for sentence in sentences
                    if not _at_most_two_words(sentence.text))


def _surely_no_fragments(prose: str, counted: list[str]) -> bool:
    """Our sentences end only where textstat's do (`counted`: its sentences of `prose`), and
    at `…`: without `…`, when none of textstat's is a fragment, none of ours is. The common
    case, decided without splitting the block into sentences."""
    from brandlint.lang.syllables import _at_most_two_words

    return "…" not in prose and not any(map(_at_most_two_words, counted))


def flesch_kincaid(text: str, sentences: int | None = None) -> float:
    """`sentences`: textstat's count of the text's sentences, none a fragment, if known."""
    from brandlint.lang.syllables import flesch_kincaid_grade

    return flesch_kincaid_grade(text, sentences)


CHECK = Check(rules=(GRADE,), run=check)

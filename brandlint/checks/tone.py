"""tone: is the copy's register what the channel asks for (formal, neutral, casual)?"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import Block
from brandlint.findings import Severity
from brandlint.lang import en
from brandlint.lang.detect import hangul_share
from brandlint.lang.en import Span

if TYPE_CHECKING:
    from brandlint.guide.policy import Policy

# How much casual weight one sentence may carry on a channel of each tone.
ALLOWANCE = {"formal": 1, "neutral": 4, "casual": None}

CASUAL = Rule(
    id="tone.casual",
    severity=Severity.WARNING,
    summary="A sentence is more casual than the channel's tone allows.",
    why="The website speaks formally and social channels casually; copy moved between them "
        "without a rewrite sounds off-brand.",
    guide="channels:\n  website:\n    tone: formal\n",
    channel="website",
    fail="We're SO excited!!! 🎉\n",
    passing="We are pleased to introduce our spring collection.\n",
    details=(
        "Each English sentence is scored by measurable signals, each with a weight:\n"
        "  contraction (we're, don't, it's; not possessives) 2 · exclamation run (!!, ?!) 2 · "
        "single ! 1 · emoji 2 · slang (gonna, awesome, omg…) 2 · intensifier (super, totally, "
        "literally…) 1 · stretched word (sooo) 2 · ALL-CAPS word of 4+ letters that is not an "
        "acronym or brand term 2 · second person (you, your) 1 per sentence · fragment of 1–3 "
        "words ending in ! or ? 1.\n"
        "A sentence may carry at most 1 on a formal channel and 4 on a neutral one; casual "
        "channels allow any. The finding names the signals that made it casual. Quotes "
        "(blockquotes: a customer's review in their own words), alt text and titles are not judged."),
)


# Speech levels a channel of each tone accepts, unless it sets `speech_level:` itself.
LEVELS_FOR_TONE = {"formal": ("hapsyo",), "neutral": ("haeyo", "hapsyo"), "casual": ("haeyo", "banmal")}

SPEECH_LEVEL = Rule(
    id="tone.speech_level",
    severity=Severity.WARNING,
    summary="A Korean sentence is in a speech level the channel does not use "
            "(합쇼체 / 해요체 / 반말).",
    why="Korean marks formality in every sentence ending: 반말 on the website sounds rude, "
        "합쇼체 in a KakaoTalk chat sounds stiff.",
    guide="channels:\n  website:\n    tone: formal\n",
    channel="website",
    fail="봄 블렌드가 나왔어. 지금 바로 마셔 봐.\n",
    passing="봄 블렌드가 나왔습니다. 지금 만나 보십시오.\n",
    details=(
        "Each sentence's level is read from its final ending with kiwipiepy: -습니다/-ㅂ니다/"
        "-십시오 are 합쇼체 (hapsyo); -요/-죠, and a connective ending plus 요, are 해요체 "
        "(haeyo); other endings, and a sentence that stops on a connective ending (확인해), "
        "are 반말 (banmal). Noun endings (구매하기) and headline -다 have no level.\n"
        "A channel's tone allows: formal → 합쇼체; neutral → 해요체 or 합쇼체; casual → 해요체 "
        "or 반말. `speech_level: [hapsyo, haeyo, banmal]` on the channel (or under `voice:`) "
        "sets the list directly."),
)
MIXED = Rule(
    id="tone.mixed_speech_level",
    severity=Severity.WARNING,
    summary="A Korean document mixes speech levels the channel allows (e.g. 합쇼체 and 해요체).",
    why="Switching between 합니다 and 해요 mid-message reads as careless.",
    guide="channels:\n  blog:\n    tone: neutral\n",
    channel="blog",
    fail="봄 블렌드가 나왔습니다. 향이 정말 좋습니다. 지금 만나 보세요.\n",
    passing="봄 블렌드가 나왔습니다. 향이 정말 좋습니다. 지금 만나 보십시오.\n",
    details="The level most sentences use is the document's; each sentence in another level "
            "is flagged.",
)


_LATIN_RE = re.compile("[A-Za-z]")
# Alt text and titles describe; a blockquote quotes someone (a customer's review in their own
# words): none of them is the brand speaking, so none is held to the channel's tone.
UNJUDGED = ("alt", "title", "blockquote")


def _has_hangul(text: str) -> bool:
    return not text.isascii() and hangul_share(text) > 0


def check(ctx: Context) -> None:
    # A paragraph may mix languages (봄 신제품이 나왔습니다. Don't miss it!): each sentence is
    # judged in its own language, whatever the paragraph's majority.
    if any(block.language == "ko" or _has_hangul(block.prose) for block in ctx.doc.blocks):
        _check_korean(ctx)
    allowance = ALLOWANCE[ctx.policy.tone]
    if allowance is None or not ctx.active(CASUAL):
        return
    allowed_caps = ctx.policy.memo("tone.allowed_caps", lambda: _allowed_caps(ctx.policy))
    for block in ctx.doc.blocks:
        if block.kind in UNJUDGED or block.language not in ("en", "ko"):
            continue
        if block.language == "ko" and not _LATIN_RE.search(block.prose):
            continue
        if en.quiet(block.prose, block.words):
            continue
        heading = block.kind == "heading"
        for sentence in block.english_sentences:
            if block.language == "ko" and (_has_hangul(sentence.text) or not _LATIN_RE.search(sentence.text)):
                continue  # a Korean sentence: its speech level is what counts
            signals = en.casual_signals(sentence, allowed_caps, heading)
            weight = sum(signal.weight for signal in signals)
            if weight <= allowance:
                continue
            named = "; ".join(f"{signal.name} \"{signal.text}\"" for signal in signals)
            channel = ctx.policy.channel or "base"
            ctx.report_in(CASUAL, block, sentence.start, sentence.end,
                          f"Too casual for the {channel} channel ({ctx.policy.tone} tone): "
                          f"{named} (weight {weight}, at most {allowance}).")


def _allowed_caps(policy: Policy) -> frozenset[str]:
    """Capitalised words that are not shouting: the guideline's terms, vocabulary and brand."""
    words = {word for term in policy.terms if term.use for word in term.use.split()}
    words |= set(policy.vocabulary)
    words |= set(policy.brand.split())
    return frozenset(words)


def _check_korean(ctx: Context) -> None:
    if not (ctx.active(SPEECH_LEVEL) or ctx.active(MIXED)):
        return
    from brandlint.lang import ko

    try:
        ko.kiwi()
    except ko.KoreanUnavailable as exc:
        ctx.notes.add(ko.UNAVAILABLE_NOTE.format(reason=exc))
        return
    allowed = ctx.policy.speech_levels or LEVELS_FOR_TONE[ctx.policy.tone]
    wanted = " or ".join(ko.LEVEL_NAMES[level] for level in allowed)
    why = "its speech_level" if ctx.policy.speech_levels else f"{ctx.policy.tone} tone"
    channel = ctx.policy.channel or "base"
    read: list[tuple[Block, Span, str, str]] = []
    for block in ctx.doc.blocks:
        if block.kind in UNJUDGED or not (block.language == "ko" or _has_hangul(block.prose)):
            continue
        for sentence in ko.sentences(block.prose):
            if block.language != "ko" and hangul_share(sentence.text) < 0.5:
                continue  # an English sentence in a paragraph that is mostly English
            level = ko.speech_level(sentence.text)
            if level is not None:
                read.append((block, sentence, *level))
    for block, sentence, level, ending in read:
        if level not in allowed:
            ctx.report_in(SPEECH_LEVEL, block, sentence.start, sentence.end,
                          f"{ko.LEVEL_NAMES[level]} ('{ending}') on the {channel} channel, which wants "
                          f"{wanted} ({why}).")
    counts = Counter(level for _, _, level, _ in read if level in allowed)
    if len(counts) < 2:
        return
    # Most sentences set the document's level; ties go to the more formal one.
    order = {"hapsyo": 0, "haeyo": 1, "banmal": 2}
    main = min(counts, key=lambda level: (-counts[level], order[level]))
    for block, sentence, level, ending in read:
        if level in allowed and level != main:
            ctx.report_in(MIXED, block, sentence.start, sentence.end,
                          f"This sentence is {ko.LEVEL_NAMES[level]} ('{ending}'); the rest of the document "
                          f"is {ko.LEVEL_NAMES[main]} ({counts[main]} of {sum(counts.values())} sentences).")


CHECK = Check(rules=(CASUAL, SPEECH_LEVEL, MIXED), run=check)

"""tone: is the copy's register what the channel asks for (formal, neutral, casual)?"""

from __future__ import annotations

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity
from brandlint.lang import en

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
        "channels allow any. The finding names the signals that made it casual."),
)


def check(ctx: Context) -> None:
    allowance = ALLOWANCE[ctx.policy.tone]
    if allowance is None or not ctx.active(CASUAL):
        return
    allowed_caps = {word for term in ctx.policy.terms if term.use for word in term.use.split()}
    allowed_caps |= {word for word in ctx.policy.vocabulary}
    allowed_caps |= set(ctx.policy.brand.split())
    for block in ctx.doc.blocks:
        if block.language != "en" or block.kind in ("alt", "title"):
            continue
        heading = block.kind == "heading"
        for sentence in en.sentences(block.prose):
            signals = en.casual_signals(sentence, allowed_caps, heading)
            weight = sum(signal.weight for signal in signals)
            if weight <= allowance:
                continue
            named = "; ".join(f"{signal.name} \"{signal.text}\"" for signal in signals)
            channel = ctx.policy.channel or "base"
            ctx.report_in(CASUAL, block, sentence.start, sentence.end,
                          f"Too casual for the {channel} channel ({ctx.policy.tone} tone): "
                          f"{named} (weight {weight}, at most {allowance}).")


CHECK = Check(rules=(CASUAL,), run=check)

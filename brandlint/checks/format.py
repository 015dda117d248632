"""format: hashtags, emoji and links per channel."""

from __future__ import annotations

import re

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity
from brandlint.lang.en import EMOJI_RE, HASHTAG_RE

HASHTAGS = Rule(
    id="format.hashtags",
    severity=Severity.WARNING,
    summary="More hashtags than the channel's `max_hashtags`.",
    why="A wall of hashtags reads as spam and buries the message.",
    guide="channels:\n  instagram:\n    max_hashtags: 2\n",
    channel="instagram",
    fail="Spring is here. #tea #spring #organic #morning\n",
    passing="Spring is here. #tea #spring\n",
    details="Hashtags in URLs and code do not count. The finding points at the first one over the limit.",
)
EMOJI = Rule(
    id="format.emoji",
    severity=Severity.WARNING,
    summary="More emoji than the channel's `max_emoji`.",
    why="Emoji set a tone; too many undercut it (and some channels cannot show them).",
    guide="channels:\n  email:\n    max_emoji: 1\n",
    channel="email",
    fail="Spring is here 🌸🍵\n",
    passing="Spring is here 🌸\n",
    details="Emoji are counted as readers see them: a flag, a skin tone, a keycap (1️⃣) or a "
            "family joined into one (👨‍👩‍👧) is one emoji.",
)
LINKS = Rule(
    id="format.links",
    severity=Severity.WARNING,
    summary="More links than the channel's `max_links`.",
    why="One clear call to action converts better than many.",
    guide="channels:\n  sms:\n    max_links: 1\n",
    channel="sms",
    suffix=".txt",
    fail="Shop https://lumentea.example/a or https://lumentea.example/b\n",
    passing="Shop https://lumentea.example/a\n",
)


def _limit(ctx: Context, rule: Rule, spans: list[tuple[int, int, str]], limit: int | None, what: str) -> None:
    if limit is None or len(spans) <= limit:
        return
    start, end, _ = sorted(spans)[limit]
    ctx.report(rule, start, end, f"{len(spans)} {what}; the {ctx.policy.channel or 'base'} channel "
                                 f"allows at most {limit}. This is the first one over the limit.")


def _find(ctx: Context, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    spans = []
    for block in ctx.doc.blocks:
        for match in pattern.finditer(block.prose):
            start, end = block.span(match.start(), match.end())
            spans.append((start, end, match.group()))
    return spans


def check(ctx: Context) -> None:
    policy = ctx.policy
    if policy.max_hashtags is not None:
        _limit(ctx, HASHTAGS, _find(ctx, HASHTAG_RE), policy.max_hashtags, "hashtags")
    if policy.max_emoji is not None:
        _limit(ctx, EMOJI, _find(ctx, EMOJI_RE), policy.max_emoji, "emoji")
    if policy.max_links is not None:
        links = [(link.start, link.end, link.url) for link in ctx.doc.links]
        _limit(ctx, LINKS, links, policy.max_links, "links")


CHECK = Check(rules=(HASHTAGS, EMOJI, LINKS), run=check)

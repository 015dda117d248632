"""message: the fixed core message (tagline, key messages) where a channel requires it."""

from __future__ import annotations

import re

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import SEPARATOR
from brandlint.findings import Severity

TAGLINE = Rule(
    id="message.tagline",
    severity=Severity.ERROR,
    summary="A channel that requires the tagline does not state it.",
    why="The tagline is the one line every touchpoint repeats; a channel that drops it "
        "weakens the campaign's recall.",
    guide='message:\n  tagline: "Steeped in light."\nchannels:\n  website:\n    require: [tagline]\n',
    channel="website",
    fail="# Welcome\n\nOur teas are grown on sunny slopes.\n",
    passing="# Welcome\n\nSteeped in light. Our teas are grown on sunny slopes.\n",
    details="Compared ignoring case, spacing and the final punctuation. Required through "
            "`require: [tagline]` on a channel.",
)
KEY_MESSAGE = Rule(
    id="message.key_message",
    severity=Severity.ERROR,
    summary="A channel requires a key message and none of its phrasings (`any_of`, or `ko` "
            "for Korean copy) appears.",
    why="Key messages are the facts a campaign must land on every channel.",
    guide=('message:\n  key_messages:\n    - id: organic\n      any_of: ["certified organic", '
           '"100% organic"]\nchannels:\n  website:\n    require: [organic]\n'),
    channel="website",
    fail="Our new tea is delicious.\n",
    passing="Our new tea is certified organic.\n",
    details="Any one phrasing is enough; matching ignores case and spacing.",
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: how required wording is compared."""
    text = text.replace(SEPARATOR, " ").lower()
    text = re.sub(r"[\u2018\u2019]", "'", text)
    text = re.sub(r"[\u201c\u201d]", '"', text)
    return " ".join(text.split())


def _phrase(text: str) -> str:
    return normalise(text).rstrip(".!?。 ")


def _joins(ch: str) -> bool:
    """A character that continues a Latin word (a Korean particle may follow a phrase)."""
    return ch.isalnum() and not "\uac00" <= ch <= "\ud7a3"


def states(prose: str, phrase: str) -> bool:
    """Does the normalised prose state the phrase as words (not `steeped in light` inside
    `steeped in lightness`)?"""
    if not phrase:
        return False
    start = prose.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if not (start and _joins(phrase[0]) and _joins(prose[start - 1])) and \
                not (end < len(prose) and _joins(phrase[-1]) and _joins(prose[end])):
            return True
        start = prose.find(phrase, start + 1)
    return False


def check(ctx: Context) -> None:
    required = set(ctx.policy.require)
    if not required or not ctx.doc.is_copy:
        return
    prose = normalise(" \n ".join(block.text for block in ctx.doc.blocks))
    if "tagline" in required and ctx.policy.tagline and not states(prose, _phrase(ctx.policy.tagline)):
        ctx.report_document(TAGLINE, f"The {ctx.policy.channel or 'base'} channel requires the "
                            f"tagline \"{ctx.policy.tagline}\", and this file does not state it.")
    korean = any(block.language == "ko" for block in ctx.doc.blocks)
    for message in ctx.policy.key_messages:
        if message.id not in required:
            continue
        phrasings = list(message.any_of) + (list(message.ko) if korean else [])
        if not any(states(prose, _phrase(p)) for p in phrasings):
            shown = ", ".join(f'"{p}"' for p in phrasings)
            ctx.report_document(KEY_MESSAGE, f"Key message '{message.id}' is missing: say one of {shown}.")


CHECK = Check(rules=(TAGLINE, KEY_MESSAGE), run=check)

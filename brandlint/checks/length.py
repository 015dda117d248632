"""length: characters, words and encoded bytes of the message, per channel."""

from __future__ import annotations

import re

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import SEPARATOR
from brandlint.documents.text import COMMENT_LINE_RE
from brandlint.findings import Severity

MAX_CHARS = Rule(
    id="length.max_chars",
    severity=Severity.ERROR,
    summary="The message is longer than the channel's `max_chars` (user-perceived characters).",
    why="Posts over a platform's limit are cut or refused; the call to action is usually last.",
    guide="channels:\n  x:\n    max_chars: 40\n",
    channel="x",
    suffix=".txt",
    fail="Spring Blend is here: bright, floral and smooth. Try it today!\n",
    passing="Spring Blend is here. Try it today!\n",
    details="Counts grapheme clusters (an emoji with modifiers is one character) of the text "
            "a reader sees: for .txt the body without comment lines, for Markdown and HTML the "
            "prose. The finding spans the text past the limit.",
)
MAX_WORDS = Rule(
    id="length.max_words",
    severity=Severity.WARNING,
    summary="The message has more words than the channel's `max_words`.",
    why="Push notifications and subject lines are read in a glance.",
    guide="channels:\n  push:\n    max_words: 6\n",
    channel="push",
    suffix=".txt",
    fail="Our new Spring Blend has arrived in every store today\n",
    passing="Spring Blend has arrived\n",
    details="A word is what stands between spaces if it holds a letter or a digit: a link, "
            "`e-mail` and `don't` count once, an emoji or a dash alone not at all.",
)
MAX_BYTES = Rule(
    id="length.max_bytes",
    severity=Severity.ERROR,
    summary="The message takes more bytes than the channel's `max_bytes` in its `encoding`.",
    why="SMS gateways count bytes (90 bytes in CP949 for a Korean SMS); longer messages are "
        "split or billed as LMS.",
    guide="channels:\n  sms:\n    max_bytes: 20\n    encoding: cp949\n",
    channel="sms",
    suffix=".txt",
    fail="Spring Blend 20% off today only\n",
    passing="Spring Blend 20% off\n",
    details="Without an `encoding`, Korean copy (a channel in `ko`, or a message with Korean in it) is "
            "counted in CP949, as Korean carriers count SMS; other copy in UTF-8.",
)
ENCODING = Rule(
    id="length.encoding",
    severity=Severity.ERROR,
    summary="A character cannot be sent in the channel's `encoding`.",
    why="A gateway that sends CP949 turns an emoji into '?' or rejects the message.",
    guide="channels:\n  sms:\n    encoding: cp949\n",
    channel="sms",
    suffix=".txt",
    fail="Spring Blend is here 🌸\n",
    passing="Spring Blend is here\n",
)


def message_chars(ctx: Context) -> list[tuple[str, int]]:
    """The message a reader gets, character by character, with each one's text offset."""
    doc = ctx.doc
    chars: list[tuple[str, int]] = []
    if doc.kind == "text":
        position = doc.body_start
        for line in doc.text[doc.body_start:].split("\n"):
            start = position
            position += len(line) + 1
            if COMMENT_LINE_RE.match(line):
                continue
            chars.extend((ch, start + i) for i, ch in enumerate(line))
            chars.append(("\n", start + len(line)))
        while chars and chars[-1][0].isspace():
            chars.pop()
        while chars and chars[0][0].isspace():
            chars.pop(0)
        return chars
    for block in doc.prose_blocks():
        text = block.text
        if chars:
            chars.append(("\n", block.source_start(0)))
        previous_space = True
        for index, ch in enumerate(text):
            if ch == SEPARATOR:
                continue
            if ch.isspace():
                if previous_space:
                    continue  # a browser or a Markdown renderer collapses white space
                ch, previous_space = " ", True
            else:
                previous_space = False
            chars.append((ch, block.source_start(index)))
        while chars and chars[-1][0] == " ":
            chars.pop()
    return chars


# A word as a reader counts it: what stands between spaces, if it holds a letter or digit
# (a URL, `e-mail` and `don't` are one word each; an emoji or a dash alone is none).
_COUNTED_WORD_RE = re.compile(r"\S*[^\W_]\S*")


def check(ctx: Context) -> None:
    policy = ctx.policy
    if not ctx.doc.is_copy or not (policy.max_chars or policy.max_words or policy.max_bytes or policy.encoding):
        return
    chars = message_chars(ctx)
    if not chars:
        return
    text = "".join(ch for ch, _ in chars)
    last = chars[-1][1] + 1
    channel = policy.channel or "base"
    if policy.max_chars:
        import regex  # grapheme clusters (\X); loaded only for channels with a limit

        clusters = [m.start() for m in regex.finditer(r"\X", text)]
        if len(clusters) > policy.max_chars:
            start = chars[clusters[policy.max_chars]][1]
            ctx.report(MAX_CHARS, start, last,
                       f"The message is {len(clusters)} characters; the {channel} channel allows "
                       f"{policy.max_chars}. The text from here on is over the limit.")
    if policy.max_words:
        found = list(_COUNTED_WORD_RE.finditer(text))
        if len(found) > policy.max_words:
            start = chars[found[policy.max_words].start()][1]
            ctx.report(MAX_WORDS, start, last,
                       f"The message is {len(found)} words; the {channel} channel allows {policy.max_words}.")
    encoding = policy.encoding or (
        "cp949" if policy.language == "ko" or any(block.language == "ko" for block in ctx.doc.blocks) else "utf-8")
    total = 0
    over_at: int | None = None
    for ch, offset in chars:
        try:
            size = len(ch.encode(encoding))
        except UnicodeEncodeError:
            size = 1
            if policy.encoding:
                ctx.report(ENCODING, offset, offset + len(ch),
                           f"'{ch}' (U+{ord(ch):04X}) cannot be sent in {encoding} on the {channel} "
                           "channel; remove it or use a plain character.")
        total += size
        if policy.max_bytes and over_at is None and total > policy.max_bytes:
            over_at = offset
    if policy.max_bytes and over_at is not None:
        ctx.report(MAX_BYTES, over_at, last,
                   f"The message is {total} bytes in {encoding}; the {channel} channel allows "
                   f"{policy.max_bytes}.")


CHECK = Check(rules=(MAX_CHARS, MAX_WORDS, MAX_BYTES, ENCODING), run=check)

"""require: elements a channel must contain, such as a link or an unsubscribe link."""

from __future__ import annotations

import re

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity

LINK = Rule(
    id="require.link",
    severity=Severity.ERROR,
    summary="A channel that requires a link (`require: [link]`) has none.",
    why="A campaign message without a link leaves the reader nowhere to go.",
    guide="channels:\n  email:\n    require: [link]\n",
    channel="email",
    fail="Spring Blend is here.\n",
    passing="Spring Blend is here. [Shop now](https://lumentea.example/spring)\n",
    details="Markdown links, HTML <a href>, autolinks and bare URLs all count.",
)
UNSUBSCRIBE = Rule(
    id="require.unsubscribe",
    severity=Severity.ERROR,
    summary="An email that requires an unsubscribe link (`require: [unsubscribe]`) has none.",
    why="Marketing email without a working opt-out breaks CAN-SPAM, GDPR and Korea's "
        "information-network act, and lands in spam folders.",
    guide="channels:\n  email:\n    require: [unsubscribe]\n",
    channel="email",
    suffix=".html",
    fail="<p>Spring Blend is here.</p>\n",
    passing='<p>Spring Blend is here.</p>\n<p><a href="https://lumentea.example/u">Unsubscribe</a></p>\n',
    details="A link whose address or text says unsubscribe, opt out or 수신거부, or an ESP "
            "merge tag such as *|UNSUB|* or {{unsubscribe_url}}.",
)
UNSUBSCRIBE_RE = re.compile(r"unsub|opt[\s_-]?out|수신\s*거부|구독\s*취소|수신\s*동의\s*철회", re.IGNORECASE)
MERGE_TAG_RE = re.compile(r"\*\|UNSUB\|\*|\{\{\s*unsubscribe|%unsubscribe%|\[unsubscribe\]", re.IGNORECASE)


def check(ctx: Context) -> None:
    required = set(ctx.policy.require)
    if not ctx.doc.is_copy:
        return
    channel = ctx.policy.channel or "base"
    if "link" in required and not ctx.doc.links:
        ctx.report_document(LINK, f"The {channel} channel requires a link, and this file has none.")
    if "unsubscribe" in required:
        has_link = any(UNSUBSCRIBE_RE.search(link.url) or UNSUBSCRIBE_RE.search(link.text)
                       for link in ctx.doc.links)
        if not has_link and not MERGE_TAG_RE.search(ctx.doc.text):
            ctx.report_document(UNSUBSCRIBE, f"The {channel} channel requires an unsubscribe link, "
                                             "and this file has none.")


CHECK = Check(rules=(LINK, UNSUBSCRIBE), run=check)

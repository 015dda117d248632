"""consistency: every variant of a campaign states its facts and none contradicts them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity

if TYPE_CHECKING:
    from brandlint.campaign import facts as F

STATED, OMITTED, CONTRADICTED = "stated", "omitted", "contradicted"
EXAMPLE_CAMPAIGN = (("campaign.yaml", "campaign: spring-launch\nchannels: [x]\nfacts:\n  discount: 20%\n"
                                      "  ends: 2026-04-30\n  code: SPRING20\n"),)

CONTRADICTION = Rule(
    id="consistency.contradiction",
    severity=Severity.ERROR,
    summary="A campaign variant states a different value for one of the campaign's facts "
            "(another discount, date, price, code or URL).",
    why="The same campaign must promise the same thing on every channel; a wrong date or "
        "code on one channel costs refunds and trust.",
    guide="channels:\n  x: {}\n",
    channel="x",
    suffix=".txt",
    fail="---\ncampaign: spring-launch\n---\nSpring Blend is 30% off until April 30!\n",
    passing="---\ncampaign: spring-launch\n---\nSpring Blend is 20% off until April 30!\n",
    files=EXAMPLE_CAMPAIGN,
    details=("Facts are compared after normalisation: 20% = 20 percent = 20퍼센트; $12.50 = "
             "USD 12.50; 12,500원 = 1만 2천5백원; 2026-04-30 = April 30 = Apr 30th = 4월 30일 "
             "= 4/30 (in the campaign's year); URLs without www., trailing slash or utm_ "
             "parameters. A value counts as contradicting when it is of the fact's kind, "
             "matches none of the campaign's facts of that kind, and the variant does not "
             "state the fact itself. Codes must look alike (a shared prefix, or written after "
             "'code'); URLs must be on the same site and not a service link (unsubscribe, "
             "privacy). The example's campaign has `discount: 20%` and `ends: 2026-04-30`."),
)
MISSING = Rule(
    id="consistency.missing",
    severity=Severity.ERROR,
    summary="A campaign variant omits a fact its channel requires (`require:` lists fact names).",
    why="A coupon post without the code or an SMS without the end date is a campaign that cannot "
        "be redeemed.",
    guide="channels:\n  x:\n    require: [code]\n",
    channel="x",
    suffix=".txt",
    fail="---\ncampaign: spring-launch\n---\nSpring Blend is 20% off!\n",
    passing="---\ncampaign: spring-launch\n---\nSpring Blend is 20% off with SPRING20!\n",
    files=EXAMPLE_CAMPAIGN,
)


@dataclass
class Binding:
    """A document's place in a campaign: which campaign, in which language, with which facts."""

    campaign: str
    locale: str
    facts: dict[str, F.Fact]
    year: int | None
    variant: str  # how findings name this variant: "sms (ko)", or the file's path
    states: dict[str, str] = field(default_factory=dict)
    line_map: list[str | None] = field(default_factory=list)  # output line -> "template:line"


def _mentions(ctx: Context, kind: str, year: int | None, facts: list[F.Fact]) -> list[tuple[F.Mention, int, int]]:
    """Values of a kind in the document, with their text spans (start, end). For this kind's
    `facts`, also their addresses without a scheme and their codes in another case."""
    from brandlint.campaign import facts as F

    found = []
    if kind == F.URL:
        for link in ctx.doc.links:
            if link.url.lower().startswith(("http://", "https://", "www.")):
                value = F.normalise_url(link.url)
                # Point at the address itself where it is written in the link, not the whole link.
                at = ctx.doc.text.find(link.url, link.start, link.end)
                start, end = (at, at + len(link.url)) if at >= 0 else (link.start, link.end)
                found.append((F.Mention(F.URL, value, 0, 0, link.url), start, end))
        hosts = {fact.value.split("/")[0].split("?")[0] for fact in facts}
        read = [(link.start, link.end) for link in ctx.doc.links]
        for block in ctx.doc.blocks:
            for mention in F.schemeless_url_mentions(block.prose, hosts):
                start, end = block.span(mention.start, mention.end)
                if not any(s <= start < e for s, e in read):  # part of a link or URL already read
                    found.append((mention, start, end))
        return found
    codes = {fact.value for fact in facts} if kind == F.CODE else set()

    def values(text: str) -> list[F.Mention]:
        return [*F.mentions(kind, text, year), *F.code_case_variants(text, codes), *F.code_lookalikes(text, codes)]

    for block in ctx.doc.blocks:
        for mention in values(block.prose):
            start, end = block.span(mention.start, mention.end)
            found.append((mention, start, end))
    if kind == F.CODE:  # a promo code is often written as code: `SPRING20`, <code>SPRING20</code>
        for start, end in ctx.doc.code:
            found.extend((mention, start + mention.start, start + mention.end)
                         for mention in values(ctx.doc.text[start:end]))
    return found


def _prose(ctx: Context) -> str:
    return " ".join(" ".join(block.text.lower().split()) for block in ctx.doc.blocks)


def check(ctx: Context) -> None:
    binding: Binding | None = ctx.campaign
    if binding is None or not ctx.doc.is_copy:
        return
    from brandlint.campaign import facts as F  # its patterns compile on import: only for campaign files

    by_kind: dict[str, list[F.Fact]] = {}
    for fact in binding.facts.values():
        by_kind.setdefault(fact.kind, []).append(fact)
    cache: dict[str, list[tuple[F.Mention, int, int]]] = {}
    prose = None
    required = set(ctx.policy.require)
    for name, fact in sorted(binding.facts.items()):
        if fact.kind in (F.TEXT, F.NUMBER):
            prose = prose if prose is not None else _prose(ctx)
            needle = fact.value if fact.kind == F.TEXT else str(fact.value)
            binding.states[name] = STATED if needle in prose or fact.shown.lower() in prose else OMITTED
        else:
            if fact.kind not in cache:
                cache[fact.kind] = _mentions(ctx, fact.kind, binding.year, by_kind[fact.kind])
            found = cache[fact.kind]
            others = [(m, s, e) for m, s, e in found if not any(F.same(other, m) for other in by_kind[fact.kind])]
            stated = any(F.same(fact, mention) for mention, _, _ in found)
            # Stated once, a fact can still be contradicted elsewhere in the copy (SPEC §4: none
            # contradicts them): then only by a mention that is clearly another value for it.
            rivals = [(m, s, e) for m, s, e in others
                      if F.rival(fact, m, ctx.doc.text[max(0, s - 25):s], ctx.doc.text[e:e + 25], stated)]
            binding.states[name] = CONTRADICTED if rivals else STATED if stated else OMITTED
            for mention, start, end in rivals:
                ctx.report(CONTRADICTION, start, end,
                           f"{binding.variant} says '{mention.text}' where the {binding.campaign} campaign's "
                           f"fact `{name}` is {fact.shown}.")
        if binding.states[name] == OMITTED and name in required:
            ctx.report_document(MISSING, f"{binding.variant} does not state the {binding.campaign} campaign's "
                                         f"fact `{name}` ({fact.shown}), which the {ctx.policy.channel} channel "
                                         "requires.")


CHECK = Check(rules=(CONTRADICTION, MISSING), run=check)

"""spelling: unknown English words, with a dictionary that ships with pyspellchecker."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import in_bare_domain
from brandlint.findings import Severity
from brandlint.lang import en
from brandlint.lang.lexicon import in_dictionary, prefetch

UNKNOWN = Rule(
    id="spelling.unknown",
    severity=Severity.WARNING,
    summary="An English word is not in the dictionary, the guideline's `vocabulary` or its terms.",
    why="A typo in a headline is the mistake every reader notices.",
    fail="Our new blend is delicous.\n",
    passing="Our new blend is delicious.\n",
    details=("English copy only. Not checked: capitalised words inside a sentence (names), "
             "ALL-CAPS and mixed-case words (acronyms, brand names), words with digits, "
             "hashtags, handles, code and URLs. British spellings (colour, organise, centre, "
             "catalogue) are accepted. Add brand names and jargon to `vocabulary:`."),
)
# British spellings, checked against the US dictionary pyspellchecker ships.
BRITISH = [(r"our$", "or"), (r"ours$", "ors"), (r"our(?=[a-z])", "or"),
           (r"ise$", "ize"), (r"ised$", "ized"), (r"ising$", "izing"), (r"ises$", "izes"),
           (r"iser$", "izer"), (r"isers$", "izers"), (r"isation$", "ization"), (r"isations$", "izations"),
           (r"isational$", "izational"), (r"yse$", "yze"), (r"tre$", "ter"), (r"tres$", "ters"),
           (r"ogue$", "og"), (r"ogues$", "ogs"), (r"ence$", "ense"), (r"lled$", "led"), (r"lling$", "ling")]


# At most this many words are remembered as fine per channel (bounded memory on huge runs).
_REMEMBERED = 200_000


@cache
def _dictionary() -> Any:
    """pyspellchecker itself: only needed to suggest a correction for an unknown word."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> tuple[str, bool] | None:
    """(lower-case form, capitalised) of a word worth looking up, or None for words never
    checked: short ones, with digits, non-ASCII, ALL-CAPS or mixed case (names, acronyms)."""
    if (len(word) < 3 or not word.isascii() or any(ch.isdigit() for ch in word) or word.isupper()
            or word[1:] != word[1:].lower()):
        return None
    return word.lower(), word[0].isupper()


@lru_cache(maxsize=1 << 16)
def _known(lower: str) -> bool:
    if in_dictionary(lower):
        return True
    base = re.sub(r"['’](s|re|ve|ll|d|m|t)$", "", lower)
    if base != lower and (in_dictionary(base) or (base.endswith("n") and in_dictionary(base[:-1]))):
        return True
    return any(re.search(pattern, lower) and in_dictionary(re.sub(pattern, replacement, lower))
               for pattern, replacement in BRITISH)


# Everyday words of marketing and the web that pyspellchecker's dictionary lacks ("Link in
# bio" must not be a typo); a brand's own jargon goes in `vocabulary:`.
MARKETING_WORDS = frozenset("""
    app apps bio bios emoji emojis hashtag hashtags selfie selfies influencer influencers signup signups
    webinar webinars ecommerce unboxing inbox inboxes vlog vlogs vlogger vloggers livestream livestreams
    playlist playlists podcast podcasts preorder preorders login logins wifi smartphone smartphones
    wishlist wishlists favorited upcycled barista baristas chai matcha kombucha oolong
""".split())


def _accepted(policy: Any) -> frozenset[str]:
    """Words the guideline vouches for: vocabulary, the brand name and every term's forms."""
    accepted = set(MARKETING_WORDS)
    accepted |= {word.lower() for entry in policy.vocabulary for word in entry.split()}
    accepted |= {word.lower() for word in policy.brand.split()}
    forms = [form for term in policy.terms for form in [term.use or "", *term.instead_of, *term.avoid]]
    # Words the packs flag are theirs to report, and what their substitutions write (allowlist
    # for whitelist) must not be a typo after `fix`.
    for entry in policy.packs:
        for rule in entry.pack.rules.values():
            if rule.type == "substitution":
                forms += list(rule.swap.values()) + ([] if rule.regex else list(rule.swap))
            elif not rule.regex:
                forms += list(rule.tokens) + ([rule.token] if rule.token else [])
    for form in forms:
        accepted.update(part.lower() for part in re.split(r"[\s|/-]+", form) if part)
    return frozenset(accepted)


def check(ctx: Context) -> None:
    if not ctx.active(UNKNOWN):
        return
    blocks = [b for b in ctx.doc.blocks if b.language == "en"]
    if not blocks:
        return
    accepted = ctx.policy.memo("spelling.accepted", lambda: _accepted(ctx.policy))
    # Words as written that need no look (never checked, or known): most of a document's
    # words are, so a block is tested with one set difference before any word-by-word loop.
    fine: set[str] = ctx.policy.memo("spelling.fine", set)
    for block in blocks:
        prose = block.prose
        unknown: dict[str, bool] = {}  # word as written -> capitalised
        if fine.issuperset(block.words):
            continue  # every word known or never checked (most blocks)
        shapes = {word: _shape(word) for word in set(block.words).difference(fine)}
        prefetch(shape[0] for shape in shapes.values() if shape is not None)  # one query, not one a word
        for word, shape in shapes.items():
            if shape is None or shape[0] in accepted or _known(shape[0]):
                if len(fine) < _REMEMBERED:
                    fine.add(word)
            else:
                unknown[word] = shape[1]
        if not unknown:
            continue
        sentence_starts: set[int] | None = None
        for match in en.WORD_RE.finditer(prose):
            word = match.group()
            if word not in unknown:
                continue
            start = match.start()
            if start and prose[start - 1] in "#@/_.":
                continue  # hashtags, handles, paths, file names
            end = match.end()
            if in_bare_domain(prose, start, end):
                continue  # a web address without its scheme (lumentea.example), a file name
            if unknown[word]:  # capitalised
                if sentence_starts is None:
                    sentence_starts = {span.start for span in block.english_sentences}
                if start not in sentence_starts:
                    continue  # a name inside a sentence
            guess = _dictionary().correction(word.lower())
            hint = f"; did you mean '{guess}'?" if guess and guess != word.lower() else "."
            ctx.report_in(UNKNOWN, block, start, match.end(),
                          f"Unknown word '{word}'{hint} If it is right, add it to `vocabulary:`.")


CHECK = Check(rules=(UNKNOWN,), run=check)

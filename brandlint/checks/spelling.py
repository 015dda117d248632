"""spelling: unknown English words, with a dictionary that ships with pyspellchecker."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity
from brandlint.lang import en

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
BRITISH = [(r"our$", "or"), (r"ours$", "ors"), (r"ise$", "ize"), (r"ised$", "ized"), (r"ising$", "izing"),
           (r"isation$", "ization"), (r"yse$", "yze"), (r"tre$", "ter"), (r"tres$", "ters"),
           (r"ogue$", "og"), (r"ogues$", "ogs"), (r"ence$", "ense"), (r"lled$", "led"), (r"lling$", "ling")]


@cache
def _dictionary() -> Any:
    """pyspellchecker itself: only needed to suggest a correction for an unknown word."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


@cache
def _words() -> frozenset[str]:
    """The same dictionary's words, from the user cache (parsing its JSON costs ~120 ms)."""
    from importlib.metadata import version

    from brandlint.usercache import table

    return frozenset(table(f"spelling-en-{version('pyspellchecker')}",
                           lambda: sorted(_dictionary().word_frequency.keys())))


def _known(word: str, dictionary: Any) -> bool:
    lower = word.lower()
    if lower in dictionary:
        return True
    base = re.sub(r"['’](s|re|ve|ll|d|m|t)$", "", lower)
    if base != lower and (base in dictionary or (base.endswith("n") and base[:-1] in dictionary)):
        return True
    return any(re.search(pattern, lower) and re.sub(pattern, replacement, lower) in dictionary
               for pattern, replacement in BRITISH)


def check(ctx: Context) -> None:
    if not ctx.active(UNKNOWN):
        return
    blocks = [b for b in ctx.doc.blocks if b.language == "en"]
    if not blocks:
        return
    accepted = {word.lower() for entry in ctx.policy.vocabulary for word in entry.split()}
    accepted |= {word.lower() for word in ctx.policy.brand.split()}
    for term in ctx.policy.terms:
        for form in [term.use or "", *term.instead_of, *term.avoid]:
            accepted.update(part.lower() for part in re.split(r"[\s-]+", form) if part)
    dictionary = None
    for block in blocks:
        prose = block.prose
        sentence_starts = {span.start for span in en.sentences(prose)}
        for match in en.WORD_RE.finditer(prose):
            word = match.group()
            start = match.start()
            if start and prose[start - 1] in "#@/_.":
                continue  # hashtags, handles, paths, file names
            if (len(word) < 3 or any(ch.isdigit() for ch in word) or not word.isascii()
                    or (word[0].isupper() and start not in sentence_starts) or word.isupper()
                    or (word[1:] != word[1:].lower()) or word.lower() in accepted):
                continue
            dictionary = dictionary or _words()
            if _known(word, dictionary):
                continue
            guess = _dictionary().correction(word.lower())
            hint = f"; did you mean '{guess}'?" if guess and guess != word.lower() else "."
            ctx.report_in(UNKNOWN, block, start, match.end(),
                          f"Unknown word '{word}'{hint} If it is right, add it to `vocabulary:`.")


CHECK = Check(rules=(UNKNOWN,), run=check)

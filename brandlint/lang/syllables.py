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

from brandlint.lang import hyphenation, lexicon

# textstat 0.7's word and sentence splitting (backend/counts, backend/transformations).
_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_RE = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")


def _without_punctuation(text: str) -> str:
    if "'" in text:
        text = _NONCONTRACTION_APOSTROPHE_RE.sub("", text)
    return _PUNCTUATION_RE.sub("", text)


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
    head = sentence.split(None, 3)
    if len(head) == 4 and all(map(_is_word_token, head[:3])):
        return False  # the common case, without splitting a long sentence whole
    count = 0
    for token in sentence.split():
        if _is_word_token(token):
            count += 1
            if count > 2:
                return False
    return True


_COUNTED: dict[str, int] = {}  # `syllables` of every word seen, for a lookup at C speed
_COUNTED_AT_MOST = 200_000  # words remembered (bounded memory on huge runs)


def _total_syllables(words: list[str]) -> int:
    try:
        return sum(map(_COUNTED.__getitem__, words))
    except KeyError:  # a word not seen before: ask the dictionaries for all new ones at once
        if len(_COUNTED) > _COUNTED_AT_MOST:
            _COUNTED.clear()
        new = set(words).difference(_COUNTED)
        lexicon.prefetch(new)
        for word in new:
            _COUNTED[word] = syllables(word)
        return sum(map(_COUNTED.__getitem__, words))


def textstat_sentences(text: str) -> list[str]:
    """The sentences textstat counts: from a word to the next run of `.`, `!` or `?`."""
    return _TEXTSTAT_SENTENCE_RE.findall(text)


def _is_word_token(token: str) -> bool:
    return token[0].isalnum() or any(ch.isalnum() or ch == "_" for ch in token)


def flesch_kincaid_grade(text: str, sentences: int | None = None) -> float:
    """textstat.flesch_kincaid_grade(text) (rounding off, textstat's default). `sentences`:
    the number of textstat sentences of `text` when the caller knows none is a fragment."""
    try:
        lexicon.cmu_syllables("the")
    except lexicon.LexiconUnavailable:
        import textstat

        return float(textstat.flesch_kincaid_grade(text))
    lowered = _without_punctuation(text).lower().split()  # lower() keeps the word count
    if not lowered:
        return 0.0
    if sentences is None:
        counted = textstat_sentences(text)
        sentences = len(counted) - sum(map(_at_most_two_words, counted))
    per_sentence = len(lowered) / max(1, sentences)
    per_word = _total_syllables(lowered) / len(lowered)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59

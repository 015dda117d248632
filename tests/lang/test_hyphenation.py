"""Our Liang hyphenation over pyphen's patterns answers exactly as pyphen does."""

from __future__ import annotations

import random
import string

import pyphen
from spellchecker import SpellChecker

from brandlint.lang import hyphenation


def test_points_equal_pyphens_on_a_large_word_list():
    reference = pyphen.Pyphen(lang="en_US")
    words = sorted(SpellChecker(language="en").word_frequency.keys())
    rng = random.Random(3)
    sample = rng.sample(words, 20000)
    sample += ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    sample += ["lumentea", "brandlint", "a", "", "x" * 60, "café", "naïve", "co-op", "don't"]
    differ = [word for word in sample if list(hyphenation.points(word)) != list(reference.positions(word))]
    assert differ == []
    assert sum(1 for word in sample if hyphenation.points(word)) > 10000  # most words do break

"""English sentence splitting: abbreviations and initials do not end a sentence; a unit does."""

from __future__ import annotations

import pytest

from brandlint.lang.en import sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Net weight: 50 g.\nStore in a cool, dry place.", ["Net weight: 50 g.", "Store in a cool, dry place."]),
    ("Take 2 g. Then wait.", ["Take 2 g.", "Then wait."]),
    ("Ask J. Smith today. He knows.", ["Ask J. Smith today.", "He knows."]),
    ("Teas, e.g. oolong, are here. Try one!", ["Teas, e.g. oolong, are here.", "Try one!"]),
    ("Plan B.\nIt works.", ["Plan B.", "It works."]),
])
def test_sentences(text, expected):
    assert [span.text for span in sentences(text)] == expected

"""Which language a block of copy is in: English or Korean, by Hangul share."""

from __future__ import annotations

from brandlint.lazyre import LazyPattern

_HANGUL_RE = LazyPattern("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def hangul_share(text: str) -> float:
    if text.isascii() or not _HANGUL_RE.search(text):
        return 0.0  # the common case, without a loop over every character
    letters = hangul = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
                hangul += 1
    return hangul / letters if letters else 0.0


def block_language(text: str, declared: str) -> str:
    """A block's language: detected for `auto`; a declared language yields only to clear evidence."""
    share = hangul_share(text)
    if declared == "auto":
        return "ko" if share >= 0.3 else "en"
    if declared == "en" and share >= 0.5:
        return "ko"
    if declared == "ko" and share == 0 and any(ch.isalpha() for ch in text):
        return "en"
    return declared

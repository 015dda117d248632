"""Korean: morphemes (kiwipiepy, loaded lazily once per process), sentences, speech
level, particles (josa) and a readability grade.

kiwipiepy costs about a second and 300 MB to load, so it is imported only when a block
of Korean copy is actually analysed; an English-only run never pays for it. If it cannot
load, Korean checks fall back to rules that need no morphemes and say so once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from brandlint.lang.en import Span, sentence_start

_kiwi: Any = None
_kiwi_error: str | None = None

UNAVAILABLE_NOTE = ("brandlint: Korean morpheme analysis is unavailable ({reason}); Korean speech "
                    "level and readability are not checked, and terms use the particle list only.")


class KoreanUnavailable(Exception):
    """kiwipiepy could not be imported or could not load its model."""


def kiwi() -> Any:
    """The process's one Kiwi instance (forked workers inherit a loaded one)."""
    global _kiwi, _kiwi_error
    if _kiwi is not None:
        return _kiwi
    if _kiwi_error is not None:
        raise KoreanUnavailable(_kiwi_error)
    try:
        from kiwipiepy import Kiwi

        # The multi-word dictionary (WikiData names) costs ~1 s and 200 MB more at load
        # and adds nothing to speech level or particles.
        instance = Kiwi(load_multi_dict=False)
        instance.tokenize("준비")  # the model loads on first use: pay for it here
    except Exception as exc:
        _kiwi_error = f"kiwipiepy failed to load: {type(exc).__name__}: {exc}"
        raise KoreanUnavailable(_kiwi_error) from None
    _kiwi = instance
    return _kiwi


@dataclass(frozen=True, slots=True)
class Morpheme:
    form: str
    tag: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def morphemes(text: str) -> tuple[Morpheme, ...]:
    return tuple(Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in kiwi().tokenize(text))


# A sentence end inside what kiwipiepy kept as one sentence: an English sentence before a
# Korean one on the same line (`Welcome to Lumen Tea. 지금 주문하십시오.`).
_INNER_END_RE = re.compile(r"[.!?][\"')\]]*\s+(?=\S)")


def sentences(text: str) -> list[Span]:
    """Sentence spans (kiwipiepy's splitter, which knows Korean endings without punctuation;
    also split after a full stop, ! or ? followed by a space)."""
    spans = []
    for sentence in kiwi().split_into_sents(text):
        cuts = [sentence.start] + [m.end() for m in _INNER_END_RE.finditer(text, sentence.start, sentence.end)]
        for begin, stop in zip(cuts, [*cuts[1:], sentence.end], strict=True):
            start = sentence_start(text, begin, stop)
            end = stop
            while end > start and text[end - 1] in " \t\n\ufffc":
                end -= 1
            if end > start:
                spans.append(Span(start, end, text[start:end]))
    return spans


# Greetings and thanks used at every level of formality: no speech level of their own.
SET_PHRASES = {"안녕하세요", "안녕하십니까", "감사합니다", "고맙습니다", "반갑습니다", "수고하세요", "안녕히계세요",
               "안녕히가세요"}

# Speech levels, named as the guideline names them.
HAPSYO, HAEYO, BANMAL = "hapsyo", "haeyo", "banmal"
LEVEL_NAMES = {HAPSYO: "합쇼체", HAEYO: "해요체", BANMAL: "반말"}


def speech_level(sentence: str) -> tuple[str, str] | None:
    """The speech level of a sentence and the ending it was read from.

    From the final ending (tag EF): -습니다/-ㅂ니다/-ㅂ시오 are 합쇼체; -요/-죠 are 해요체,
    as is a connective ending followed by 요 (준비했는데요); other final endings, and a
    sentence that stops on a connective ending (확인해), are 반말. Noun endings (구매하기)
    and headline -다 (새 블렌드가 나왔다) have no speech level.
    """
    found = [m for m in morphemes(sentence) if not m.tag.startswith(("S", "W"))]
    if not found:
        return None
    if "".join(sentence.split()).rstrip(".!?~,") in SET_PHRASES:
        return None  # 안녕하세요 greets in any register, the most formal page included
    last = found[-1]
    # Shown to the user: the last word of the sentence, where the ending is.
    words = sentence[:last.end].split()
    ending = words[-1] if words else last.form
    if last.tag == "JX" and last.form == "요":
        return HAEYO, ending
    if last.tag == "EC":
        return BANMAL, ending
    if last.tag != "EF":
        return None
    form = unicodedata.normalize("NFC", last.form.replace("\u11b8", "ㅂ"))
    if form.endswith(("니다", "니까", "시오", "ㅂ시다", "읍시다")):
        return HAPSYO, ending
    if form.endswith(("요", "죠")):
        return HAEYO, ending
    if form == "다" and _plain_declarative(found):
        return None  # 해라체 -다: headline style, not an address to the reader
    return BANMAL, ending


def _plain_declarative(found: list[Morpheme]) -> bool:
    return len(found) >= 2 and found[-2].tag in ("EP", "VA", "VV", "VX", "VCP", "XSV", "XSA", "VA-I", "VV-R")


# ---------------------------------------------------------------------------
# Particles (josa)

# Each particle and its form after a consonant / after a vowel.
PARTICLE_PAIRS: dict[str, tuple[str, str]] = {}
for _consonant, _vowel in (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("으로", "로"),
                           ("이랑", "랑"), ("이나", "나"), ("이에요", "예요"), ("이라고", "라고"),
                           ("으로서", "로서"), ("으로써", "로써"), ("이며", "며"), ("이야", "야")):
    PARTICLE_PAIRS[_consonant] = PARTICLE_PAIRS[_vowel] = (_consonant, _vowel)

# The final sound of a digit as read in Sino-Korean: 일 칠 팔 end in ㄹ, 이 사 오 구 in a
# vowel, 영 삼 육 (and 십 백 천 만) in another consonant.
_DIGIT_FINAL = {"0": "C", "1": "L", "2": "V", "3": "C", "4": "V", "5": "V", "6": "C", "7": "L",
                "8": "L", "9": "V"}
# Latin letters read by their Korean names: 엘 알 end in ㄹ, 엠 엔 in a consonant.
_LETTER_FINAL = {"L": "L", "R": "L", "M": "C", "N": "C"}
_SYMBOL_FINAL = {"%": "V"}  # 퍼센트


def final_sound(word: str) -> str | None:
    """'V' (vowel), 'L' (ㄹ) or 'C' (another consonant) for the last sound of a word as
    spoken, or None when it cannot be known (a Latin word such as "Google")."""
    word = unicodedata.normalize("NFC", word).strip()
    word = re.sub(r"\s*[(\[][^)\]]*[)\]]$", "", word).rstrip(" '\"’”")
    if not word:
        return None
    last = word[-1]
    if "가" <= last <= "힣":
        jong = (ord(last) - 0xAC00) % 28
        return "V" if jong == 0 else "L" if jong == 8 else "C"
    if last.isdigit():
        return _DIGIT_FINAL.get(last)
    if last in _SYMBOL_FINAL:
        return _SYMBOL_FINAL[last]
    if last.isascii() and last.isalpha():
        tail = re.search(r"[A-Za-z]+$", word).group()  # type: ignore[union-attr]
        if tail.isupper():  # an acronym or a letter: read letter by letter
            return _LETTER_FINAL.get(last, "V")
    return None


def josa(word: str, particle: str, reading: str | None = None) -> str:
    """`word` followed by the right form of `particle` (을/를, 이/가, 은/는, 과/와, (으)로…).

    Digits are read in Sino-Korean (3을, 2를, 1로), % as 퍼센트 (20%를), capital letters by
    their names (KT가, LG를, URL로). A Latin word has no known reading: pass `reading`
    (`josa("Google", "을", reading="구글")`), else both forms are written, `Google을(를)`.
    """
    pair = PARTICLE_PAIRS.get(particle)
    if pair is None:
        return word + particle
    sound = final_sound(reading if reading else word)
    consonant, vowel = pair
    if sound is None:
        return f"{word}{consonant}({vowel})"
    if consonant == "으로" or consonant.startswith("으로"):
        return word + (vowel if sound in ("V", "L") else consonant)
    return word + (vowel if sound == "V" else consonant)


# ---------------------------------------------------------------------------
# Readability

def readability_grade(text: str) -> tuple[float, float, float, int] | None:
    """A Korean reading grade on the scale of English grades (what `max_grade` means).

    grade = 0.6 × eojeol per sentence + 10 × share of long eojeol (6+ syllables).
    Korean readability research ties difficulty to sentence length in eojeol and to
    long Sino-Korean compounds; plain copy (3–8 eojeol a sentence) lands at grade 2–6,
    official prose (15+ eojeol, many compounds) at 10 and above. Returns the grade, the
    two measures, and the number of sentences; None for text too short to judge.
    """
    spans = sentences(text)
    eojeol = [word for span in spans for word in span.text.split() if re.search("[가-힣]", word)]
    if len(eojeol) < 10 or not spans:
        return None
    per_sentence = len(eojeol) / len(spans)
    long_share = sum(1 for word in eojeol if len(re.findall("[가-힣]", word)) >= 6) / len(eojeol)
    return 0.6 * per_sentence + 10 * long_share, per_sentence, long_share, len(spans)

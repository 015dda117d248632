"""Campaign facts: what kind each is, its normal form, and where copy states one.

20% = 20 percent = 20퍼센트; $12.50 = USD 12.50; 12,500원 = 1만 2천5백원 = ₩12,500;
2026-04-30 = April 30 = Apr 30th = 30 April = 4월 30일 = 4/30 (resolved against the
campaign year); URLs compare without scheme case, www., trailing slash, tracking
parameters or fragment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

PERCENT, MONEY, DATE, CODE, URL, NUMBER, TEXT = "percent", "money", "date", "code", "url", "number", "text"

MONTHS = {name: index for index, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

PERCENT_RE = re.compile(r"(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)\s*(?:%|％|percent\b|per cent\b|퍼센트|프로(?![가-힣]))",
                        re.IGNORECASE)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 12,500 or 12500 or 12.50, never a trailing comma
SYMBOL_MONEY_RE = re.compile(rf"(?:(USD|KRW|EUR|GBP|JPY)\s?|([$€£¥₩￦]))\s?({_NUM})")
SUFFIX_MONEY_RE = re.compile(
    rf"(?<![A-Za-z0-9_.,])((?:{_NUM}\s*만\s*)?(?:{_NUM}\s*천\s*)?(?:{_NUM}\s*백\s*)?(?:{_NUM})?)"
    r"\s*(원|won\b|달러|dollars?\b|USD\b|KRW\b|EUR\b|euros?\b)", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
KO_DATE_RE = re.compile(r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일")
# 2026. 4. 30. (the Korean standard way of writing a date with numbers; the year is needed,
# since 4.30 alone is as likely a price)
DOTTED_DATE_RE = re.compile(r"(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d|\.\d)\.?")
EN_DATE_RE = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![0-9A-Za-z])(?:,?\s+(\d{{4}}))?",
                        re.IGNORECASE)  # April 30까지: a Korean particle may follow
EN_DAY_FIRST_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+(\d{{4}}))?",
                             re.IGNORECASE)
# 26.04.30 (a two-digit year, every part two digits, as Korean notices write it), and 5.31
# only as an end (~5.31, 5.31까지): alone it is as likely a price or a rating.
SHORT_YEAR_DOTTED_RE = re.compile(r"(?<![\d.])([23]\d)\.(\d{2})\.(\d{2})(?![\d]|\.\d)\.?")
ENDING_DOTTED_RE = re.compile(r"(?:(?<=[~～])\s?|(?<=[~～]\s))(\d{1,2})\.(\d{1,2})(?![\d.%])"
                              r"|(?<![\d.])(\d{1,2})\.(\d{1,2})(?=\s?(?:까지|마감))")
# The end of a range whose month is written once: 4월 1일~30일, April 1–30.
KO_DAY_RANGE_RE = re.compile(r"(\d{1,2})\s*월\s*\d{1,2}\s*일?\s*[~～\-–—]\s*(\d{1,2})\s*일")
EN_DAY_RANGE_RE = re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*[–—-]\s*(\d{{1,2}})(?:st|nd|rd|th)?"
                             r"(?![0-9A-Za-z])", re.IGNORECASE)
YMD_SLASH_DATE_RE = re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
SLASH_DATE_RE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/]|[.,]\d)")
# Boundaries look at ASCII only: a Korean particle may follow a code or a number (SPRING20을).
CODE_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9_/.-])[A-Z][A-Z0-9]*\d[A-Z0-9]*(?:-[A-Z0-9]+)*(?![A-Za-z0-9_-])")
CODE_CONTEXT_RE = re.compile(r"(?:code|coupon|promo|코드|쿠폰)\W{0,3}$", re.IGNORECASE)
URL_TOKEN_RE = re.compile(r"https?://[^\s<>\"'`)\]]+[^\s<>\"'`.,;:!?)\]]|www\.[^\s<>\"'`)\]]+[^\s<>\"'`.,;:!?)\]]")
# A web address written without its scheme (`lumentea.example/spring`, common in SMS copy).
SCHEMELESS_URL_RE = re.compile(r"(?<![\w@/.:-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"
                               r"(?:/[^\s<>\"'`)\]]*[^\s<>\"'`.,;:!?)\]])?")
CURRENCY_BY_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "￦": "KRW"}
CURRENCY_BY_WORD = {"원": "KRW", "won": "KRW", "krw": "KRW", "달러": "USD", "dollar": "USD", "dollars": "USD",
                    "usd": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR"}
# Links that live beside any campaign and never restate its URL.
SERVICE_PATHS = ("unsub", "privacy", "terms", "prefer", "help", "account", "contact", "optout", "opt-out")


class FactError(ValueError):
    """A fact's value cannot be read as the kind it claims to be."""


@dataclass(frozen=True)
class Fact:
    name: str
    kind: str
    value: Any  # normal form: Decimal, (currency, Decimal), (year|None, month, day), str
    shown: str  # as written in the campaign


@dataclass(frozen=True)
class Mention:
    """A fact-like value in copy: its kind, normal form, and text span (block offsets)."""

    kind: str
    value: Any
    start: int
    end: int
    text: str


def parse_fact(name: str, raw: Any, year: int | None) -> Fact:
    """Infer a fact's kind from its value and normalise it; FactError if it cannot be read."""
    if isinstance(raw, dict) and "value" in raw:
        kind = raw.get("type")
        raw = raw["value"]
    else:
        kind = None
    if isinstance(raw, bool) or raw is None:
        raise FactError(f"fact `{name}` has no usable value ({raw!r})")
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return Fact(name, DATE, (raw.year, raw.month, raw.day), raw.isoformat())
    if isinstance(raw, (int, float)):
        return Fact(name, NUMBER, Decimal(str(raw)), str(raw))
    text = str(raw).strip()
    if not text:
        raise FactError(f"fact `{name}` is empty")
    kinds = [kind] if kind else [PERCENT, MONEY, DATE, URL, CODE, TEXT]
    for candidate in kinds:
        value = _read_as(candidate, text, year)
        if value is not None:
            return Fact(name, candidate, value, text)
        if candidate == DATE and _looks_like_a_date(text):
            raise FactError(f"fact `{name}`: {text!r} looks like a date but is not a valid one")
    raise FactError(f"fact `{name}`: {text!r} cannot be read as a {kind}")


def _looks_like_a_date(text: str) -> bool:
    loose = (rf"^(\d{{4}}-\d{{1,2}}-\d{{1,2}}|{_MONTH}\.?\s+\d{{1,2}}\w*(,?\s+\d{{4}})?|"
             r"(\d{4}\s*년\s*)?\d{1,2}\s*월\s*\d{1,2}\s*일|\d{1,2}/\d{1,2}(/\d{2,4})?)$")
    return bool(re.match(loose, text.strip(" ."), re.IGNORECASE))


def _whole(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    match = pattern.search(text)
    return match if match and match.start() == 0 and match.end() == len(text.rstrip(" .")) else None


def _read_as(kind: str, text: str, year: int | None) -> Any:
    if kind == PERCENT:
        match = _whole(PERCENT_RE, text) or _whole(PERCENT_RE, re.sub(r"\s+off$", "", text, flags=re.I))
        return Decimal(match.group(1)) if match else None
    if kind == MONEY:
        found = money_mentions(text)
        return found[0].value if len(found) == 1 and found[0].text.strip() == text.strip() else None
    if kind == DATE:
        found = date_mentions(text, year)
        return found[0].value if len(found) == 1 and found[0].text.strip() == text.strip(" .") else None
    if kind == URL:
        return normalise_url(text) if re.match(r"(https?://|www\.)\S+$", text, re.I) else None
    if kind == CODE:
        return text if re.fullmatch(r"[A-Z0-9][A-Z0-9_-]*\d[A-Z0-9_-]*|[A-Z0-9]*[A-Z][A-Z0-9-]{3,}", text) \
            and any(ch.isdigit() for ch in text) else None
    if kind == NUMBER:
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    return " ".join(text.lower().split())


# Query parameters that track where a click came from, not where it goes.
_TRACKING = re.compile(r"utm|fbclid$|gclid$|mc_cid$|mc_eid$|ref$", re.IGNORECASE)


def normalise_url(url: str) -> str:
    if url.lower().startswith("www."):
        url = "https://" + url
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def _decimal(number: str) -> Decimal | None:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def _korean_amount(text: str) -> Decimal | None:
    """1만 2천5백 → 12500; 12,500 → 12500."""
    total = Decimal(0)
    rest = text.replace(" ", "")
    for unit, factor in (("만", 10000), ("천", 1000), ("백", 100)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            number = _decimal(head) if head else Decimal(1)
            if number is None:
                return None
            total += number * factor
    if rest:
        number = _decimal(rest)
        if number is None:
            return None
        total += number
    return total


def money_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    for match in SYMBOL_MONEY_RE.finditer(text):
        currency = match.group(1).upper() if match.group(1) else CURRENCY_BY_SYMBOL[match.group(2)]
        amount = _decimal(match.group(3))
        if amount is not None:
            found.append(Mention(MONEY, (currency, amount), match.start(), match.end(), match.group()))
    taken = [(m.start, m.end) for m in found]
    for match in SUFFIX_MONEY_RE.finditer(text):
        number = match.group(1).strip()
        if not number or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        amount = _korean_amount(number)
        if amount is not None:
            start = match.start() + (len(match.group(1)) - len(match.group(1).lstrip()))
            currency = CURRENCY_BY_WORD[match.group(2).lower()]
            found.append(Mention(MONEY, (currency, amount), start, match.end(), text[start:match.end()]))
    return sorted(found, key=lambda m: m.start)


def date_mentions(text: str, year: int | None, impossible: bool = False) -> list[Mention]:
    """Dates in the text, normalised. `impossible`: also a day the calendar lacks when it is
    written unmistakably as a date (4월 31일, April 31: a wrong date, not no date); never for
    slashes (24/7 is no date)."""
    found: list[Mention] = []

    def add(match: re.Match[str], y: str | None, month: int, day: int, unmistakable: bool = True,
            start: int | None = None, end: int | None = None) -> None:
        start = match.start() if start is None else start
        end = match.end() if end is None else end
        if any(m.start < end and start < m.end for m in found):
            return
        full_year = int(y) + (2000 if y and len(y) == 2 else 0) if y else year
        try:
            dt.date(full_year or 2024, month, day)  # a leap year when the year is unknown
        except ValueError:
            if not (impossible and unmistakable and 1 <= month <= 12 and 1 <= day <= 31):
                return
        found.append(Mention(DATE, (full_year, month, day), start, end, text[start:end]))

    for match in ISO_DATE_RE.finditer(text):
        add(match, match.group(1), int(match.group(2)), int(match.group(3)))
    for match in DOTTED_DATE_RE.finditer(text):
        add(match, match.group(1), int(match.group(2)), int(match.group(3)))
    for match in KO_DATE_RE.finditer(text):
        add(match, match.group(1), int(match.group(2)), int(match.group(3)))
    for match in EN_DATE_RE.finditer(text):
        add(match, match.group(3), _month(match.group(1)), int(match.group(2)))
    for match in EN_DAY_FIRST_RE.finditer(text):
        # 30 Jul. 2026 (an abbreviation's full stop) but not `Thursday, 30 July.` (the sentence's)
        full_stop = match.group().endswith(".") and match.group(2).lower() not in _ABBREVIATED_MONTHS
        add(match, match.group(3), _month(match.group(2)), int(match.group(1)),
            end=match.end() - 1 if full_stop else None)
    for match in YMD_SLASH_DATE_RE.finditer(text):
        add(match, match.group(1), int(match.group(2)), int(match.group(3)))
    for match in SHORT_YEAR_DOTTED_RE.finditer(text):
        add(match, match.group(1), int(match.group(2)), int(match.group(3)))
    for match in ENDING_DOTTED_RE.finditer(text):
        month, day = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        add(match, None, int(month), int(day), unmistakable=False)
    # The end of a range written with its month once (4월 1일~30일): the day, in that month.
    for match in KO_DAY_RANGE_RE.finditer(text):
        add(match, None, int(match.group(1)), int(match.group(2)), unmistakable=False, start=match.start(2))
    for match in EN_DAY_RANGE_RE.finditer(text):
        add(match, None, _month(match.group(1)), int(match.group(2)), unmistakable=False, start=match.start(2))
    for match in SLASH_DATE_RE.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second and match.group(3):  # 30/04/2026 can only be day first (24/7 is no date)
            first, second = second, first
        add(match, match.group(3), first, second, unmistakable=False)
    return sorted(found, key=lambda m: m.start)


_ABBREVIATED_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]


def mentions(kind: str, text: str, year: int | None) -> list[Mention]:
    """Every value of this kind in the text, normalised."""
    if kind == PERCENT:
        return [Mention(PERCENT, Decimal(m.group(1)), m.start(), m.end(), m.group()) for m in PERCENT_RE.finditer(text)]
    if kind == MONEY:
        return money_mentions(text)
    if kind == DATE:
        return date_mentions(text, year, impossible=True)
    if kind == URL:
        return [Mention(URL, normalise_url(m.group()), m.start(), m.end(), m.group())
                for m in URL_TOKEN_RE.finditer(text)]
    if kind == CODE:
        return [Mention(CODE, m.group(), m.start(), m.end(), m.group()) for m in CODE_TOKEN_RE.finditer(text)]
    return []


def schemeless_url_mentions(text: str, hosts: set[str]) -> list[Mention]:
    """Addresses on one of these hosts written without `https://` (`lumentea.example/spring`)."""
    found = []
    for match in SCHEMELESS_URL_RE.finditer(text):
        value = normalise_url("https://" + match.group())
        if value.split("/")[0].split("?")[0] in hosts:
            found.append(Mention(URL, value, match.start(), match.end(), match.group()))
    return found


def code_case_variants(text: str, codes: set[str]) -> list[Mention]:
    """A campaign code written in another case (`spring20` for SPRING20): the same code, as
    checkouts take it, so the copy states it; the token pattern alone finds capitals only."""
    if not codes:
        return []
    pattern = re.compile(r"(?<![A-Za-z0-9_/.-])(?:" + "|".join(re.escape(code) for code in sorted(codes)) +
                         r")(?![A-Za-z0-9_-])", re.IGNORECASE)
    return [Mention(CODE, m.group(), m.start(), m.end(), m.group()) for m in pattern.finditer(text)
            if m.group() not in codes]


LOOKALIKE_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9_/.-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9_-])")


def code_lookalikes(text: str, codes: set[str]) -> list[Mention]:
    """Tokens a character or two off a campaign code that the code pattern misses: a
    lower-case letter for a capital or a digit (SPRlNG20), a hyphen (SPRING-20), letters for
    digits (SPRINGZO). A word is none: it must hold a digit or be all capitals."""
    if not codes:
        return []
    found = []
    for match in LOOKALIKE_TOKEN_RE.finditer(text):
        token = match.group()
        if CODE_TOKEN_RE.fullmatch(token) or token.upper() in codes:
            continue  # read by the code pattern, or the code itself in another case
        if not (any(ch.isdigit() for ch in token) or (token.isupper() and len(token) >= 4)):
            continue
        if any(abs(len(token) - len(code)) <= 1 and 1 <= code_distance(code, token) <= _allowed(code)
               for code in codes):
            found.append(Mention(CODE, token, match.start(), match.end(), token))
    return found


def _allowed(code: str) -> int:
    return 2 if len(code) >= 6 else 1


def code_distance(code: str, other: str) -> int:
    """Edits (a character changed, added or dropped) between two codes, ignoring case."""
    a, b = code.upper(), other.upper()
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same(fact: Fact, mention: Mention) -> bool:
    if fact.kind != mention.kind:
        return False
    if fact.kind == CODE:
        return str(fact.value).upper() == str(mention.value).upper()  # codes are typed in any case
    if fact.kind == DATE:
        fy, fm, fd = fact.value
        my, mm, md = mention.value
        return (fm, fd) == (mm, md) and (fy is None or my is None or fy == my)
    return fact.value == mention.value


# Words that make a date the end of the offer (ends May 1, until May 1, 5월 1일까지).
END_CUE_BEFORE_RE = re.compile(r"(?:\b(?:until|till|through|thru|ends?|ending|expires?|valid|by|before)\b\W{0,3}"
                               r"(?:on\s+)?|[~～]\s*)$", re.IGNORECASE)
END_CUE_AFTER_RE = re.compile(r"^\s*(?:까지|마감|종료)")
# Words that make a date the start of the offer (from April 1, April 1 to April 30, 4월 1일~, 4월 1일부터).
START_CUE_BEFORE_RE = re.compile(r"\b(?:from|starting|starts?|begins?|beginning|since)\b\W{0,3}(?:on\s+)?$",
                                 re.IGNORECASE)
START_CUE_AFTER_RE = re.compile(r"^\s*(?:부터|[~～–—-]\s*\d|(?:to|through|thru|until|till|-)\s+\w)", re.IGNORECASE)


def _starts_a_range(before: str, after: str) -> bool:
    return bool(START_CUE_BEFORE_RE.search(before) or START_CUE_AFTER_RE.search(after))


def rival(fact: Fact, mention: Mention, before: str, after: str, stated: bool) -> bool:
    """Does this mention contradict the fact? Where the copy does not state the fact, any
    plausible competing value does; where it does, only one that is clearly another value for
    the same thing: the same day in another year, the code a character off (SPRING30), an
    offer's other percentage or price, another end date (`the offer ends May 1`)."""
    if not stated:
        return plausible_rival(fact, mention, before, after)
    if fact.kind == DATE:
        fy, fm, fd = fact.value
        my, mm, md = mention.value
        if (fm, fd) == (mm, md):
            return fy is not None and my is not None and fy != my
        return not _starts_a_range(before, after) and bool(
            END_CUE_BEFORE_RE.search(before) or END_CUE_AFTER_RE.search(after))
    if fact.kind == CODE:  # a typo of the code (SPRING21, SPRlNG20, SPRING-20), not another promotion
        return 1 <= code_distance(fact.value, mention.value) <= _allowed(fact.value)
    if fact.kind in (PERCENT, MONEY):
        return plausible_rival(fact, mention, before, after)
    return False  # another page on the same site is not another campaign URL


# Words around a percentage that make it an offer (20% off, 할인), not a share (100% organic).
OFFER_CUE_RE = re.compile(r"\b(?:off|discount(?:ed)?|save|saving|savings|sale|deal|promo|coupon|code)\b"
                          r"|할인|세일|적립|쿠폰", re.IGNORECASE)
# Words that make an amount a threshold (orders over $50, 5만원 이상), not a price.
THRESHOLD_BEFORE_RE = re.compile(r"\b(?:over|under|above|below|more than|less than|at least|minimum|min\.?|"
                                 r"orders?(?: of)?|spend|from)\s*$", re.IGNORECASE)
THRESHOLD_AFTER_RE = re.compile(r"^\s*(?:이상|이하|넘게|미만|초과|부터|or more|and up|\+)", re.IGNORECASE)


def plausible_rival(fact: Fact, mention: Mention, before: str, after: str = "") -> bool:
    """Is this mention a competing value for the fact (not some other number or link)?
    `before` and `after` are the text around the mention."""
    if fact.kind == CODE:
        common = 0
        for a, b in zip(fact.value, mention.value, strict=False):
            if a != b:
                break
            common += 1
        return common >= 3 or bool(CODE_CONTEXT_RE.search(before))
    if fact.kind == URL:
        host = fact.value.split("/")[0]
        other_host, _, path = mention.value.partition("/")
        return other_host == host and not any(word in path.lower() for word in SERVICE_PATHS)
    if fact.kind == PERCENT:
        return bool(OFFER_CUE_RE.search(before[-25:]) or OFFER_CUE_RE.search(after[:25]))
    if fact.kind == MONEY:
        return (fact.value[0] == mention.value[0] and not THRESHOLD_BEFORE_RE.search(before)
                and not THRESHOLD_AFTER_RE.search(after))
    if fact.kind == DATE and _starts_a_range(before, after):
        return False  # valid April 1 to April 30: April 1 opens the offer, it is no other end
    if fact.kind == DATE and _bare_slash_date(mention.text):
        # 1/2 lb, 3/4 cup, 9/10 customers, sizes 10/12: as often a fraction as a date, so one
        # only where the copy makes it an end (until 5/31, ~5/31, 5/31까지).
        return bool(END_CUE_BEFORE_RE.search(before) or END_CUE_AFTER_RE.search(after))
    return True


def _bare_slash_date(text: str) -> bool:
    """`5/31`, without a year: the date form that is not unmistakably a date."""
    return text.count("/") == 1 and "-" not in text

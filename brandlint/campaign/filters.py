"""Jinja filters for campaign templates: dates, money and percentages per locale, josa."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from brandlint.campaign import facts as F
from brandlint.lang.ko import josa as attach_josa

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def _locale(context: Context, locale: str | None) -> str:
    return locale or context.get("locale") or "en"


def _as_date(value: Any, year: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    found = F.date_mentions(str(value), year)
    if not found or found[0].value[0] is None:
        raise ValueError(f"date filter: {value!r} is not a date with a year")
    y, m, d = found[0].value
    return dt.date(y, m, d)


@pass_context
def date_filter(context: Context, value: Any, style: str = "long", locale: str | None = None) -> str:
    """`{{ facts.ends | date }}`: April 30 / 4월 30일; style `full` adds the year, `iso` is 2026-04-30."""
    if style not in DATE_STYLES:
        raise ValueError(f"date filter: style `{style}` is not one of {', '.join(DATE_STYLES)}")
    day = _as_date(value, context.get("year"))
    if style == "iso":
        return day.isoformat()
    if _locale(context, locale) == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일" if style == "full" else f"{day.month}월 {day.day}일"
    month = EN_MONTHS[day.month - 1]
    if style == "short":
        month = month[:3]
    return f"{month} {day.day}, {day.year}" if style == "full" else f"{month} {day.day}"


DATE_STYLES = ("long", "short", "full", "iso")


@pass_context
def money_filter(context: Context, value: Any, currency: str | None = None, locale: str | None = None) -> str:
    """`{{ 12500 | money("KRW") }}`: 12,500원; `{{ 12.5 | money("USD") }}`: $12.50."""
    if isinstance(value, (int, float, Decimal)):
        amount = Decimal(str(value))
        code = (currency or ("KRW" if _locale(context, locale) == "ko" else "USD")).upper()
    else:
        found = F.money_mentions(str(value))
        if not found:
            raise ValueError(f"money filter: {value!r} is not an amount")
        code, amount = found[0].value
        code = (currency or code).upper()
    if code == "KRW":
        return f"{amount:,.0f}원" if _locale(context, locale) == "ko" else f"₩{amount:,.0f}"
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(code)
    text = f"{amount:,.2f}" if code != "JPY" else f"{amount:,.0f}"
    return f"{symbol}{text}" if symbol else f"{text} {code}"


@pass_context
def percent_filter(context: Context, value: Any, locale: str | None = None) -> str:
    """`{{ facts.discount | percent }}`: 20%."""
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        found = F.mentions(F.PERCENT, str(value), None)
        if not found:
            raise ValueError(f"percent filter: {value!r} is not a percentage")
        number = found[0].value
    return f"{number.normalize():f}%"


def josa_filter(value: Any, particle: str, reading: str | None = None) -> str:
    """`{{ product | josa("을") }}`: 스프링 블렌드를 (see brandlint.lang.ko.josa)."""
    from brandlint.lang.ko import PARTICLE_PAIRS

    if particle not in PARTICLE_PAIRS:  # a typo would be written into the copy as it is
        known = "/".join(sorted({pair[0] for pair in PARTICLE_PAIRS.values()}))
        raise ValueError(f"josa filter: `{particle}` is not a particle it knows ({known}, or their other forms)")
    return attach_josa(str(value), particle, reading)


FILTERS = {"date": date_filter, "money": money_filter, "percent": percent_filter, "josa": josa_filter}

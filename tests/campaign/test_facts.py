"""Facts: kinds, normal forms, and finding them in copy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from brandlint.campaign import facts as F


@pytest.mark.parametrize("raw, kind, value", [
    ("20%", F.PERCENT, Decimal(20)),
    ("20% off", F.PERCENT, Decimal(20)),
    ("20 percent", F.PERCENT, Decimal(20)),
    ("20퍼센트", F.PERCENT, Decimal(20)),
    ("$12.50", F.MONEY, ("USD", Decimal("12.50"))),
    ("12,500원", F.MONEY, ("KRW", Decimal(12500))),
    ("1만 2천5백원", F.MONEY, ("KRW", Decimal(12500))),
    ("₩12,500", F.MONEY, ("KRW", Decimal(12500))),
    (dt.date(2026, 4, 30), F.DATE, (2026, 4, 30)),
    ("2026-04-30", F.DATE, (2026, 4, 30)),
    ("April 30", F.DATE, (2026, 4, 30)),
    ("4월 30일", F.DATE, (2026, 4, 30)),
    ("SPRING20", F.CODE, "SPRING20"),
    ("https://www.LumenTea.example/spring/?utm_source=x", F.URL, "lumentea.example/spring"),
    ("Spring Blend", F.TEXT, "spring blend"),
    (100, F.NUMBER, Decimal(100)),
])
def test_fact_kinds_and_normal_forms(raw, kind, value):
    fact = F.parse_fact("f", raw, 2026)
    assert (fact.kind, fact.value) == (kind, value)


@pytest.mark.parametrize("raw, message", [
    ("April 31", "not a valid one"),
    ("2026-02-30", "not a valid one"),
    ({"value": "soon", "type": "date"}, "cannot be read as a date"),
    ("", "empty"),
    (None, "no usable value"),
])
def test_unreadable_facts(raw, message):
    with pytest.raises(F.FactError, match=message):
        F.parse_fact("ends", raw, 2026)


def test_all_the_ways_copy_writes_the_same_date():
    text = "Until Apr 30th. 4월 30일까지. 30 April 2026. 4/30. 2026-04-30. April 30, 2026. 24/7 support."
    found = F.mentions(F.DATE, text, 2026)
    assert [m.text for m in found] == ["Apr 30th", "4월 30일", "30 April 2026", "4/30", "2026-04-30",
                                       "April 30, 2026"]
    assert {m.value for m in found} == {(2026, 4, 30)}


def test_money_and_percent_next_to_korean_particles():
    assert [m.text for m in F.mentions(F.PERCENT, "최대20%를 할인", None)] == ["20%"]
    assert [m.value for m in F.mentions(F.MONEY, "정가12,500원에서", None)] == [("KRW", Decimal(12500))]
    assert [m.text for m in F.mentions(F.CODE, "쿠폰 SPRING20을 입력", None)] == ["SPRING20"]


def test_rival_codes_and_urls():
    code = F.parse_fact("code", "SPRING20", None)
    assert F.plausible_rival(code, F.Mention(F.CODE, "SPRING25", 0, 0, "SPRING25"), "use ")
    assert not F.plausible_rival(code, F.Mention(F.CODE, "ISO9001", 0, 0, "ISO9001"), "certified ")
    assert F.plausible_rival(code, F.Mention(F.CODE, "SAVE30", 0, 0, "SAVE30"), "promo code: ")
    url = F.parse_fact("url", "https://lumentea.example/spring", None)
    assert F.plausible_rival(url, F.Mention(F.URL, "lumentea.example/summer", 0, 0, ""), "")
    assert not F.plausible_rival(url, F.Mention(F.URL, "lumentea.example/unsubscribe", 0, 0, ""), "")
    assert not F.plausible_rival(url, F.Mention(F.URL, "instagram.com/lumentea", 0, 0, ""), "")


HAND_WRITTEN_GUIDE = "brand: Lumen Tea\nchannels:\n  sms: {require: [code, url]}\nfiles:\n  \"sms/**\": sms\n"
HAND_WRITTEN_CAMPAIGN = ("campaign: spring\nchannels: [sms]\nfacts:\n  discount: 20%\n  code: SPRING20\n"
                         "  url: https://lumentea.example/spring\n")


def test_an_address_without_its_scheme_states_the_url(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN)
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n20% off: SPRING20 at lumentea.example/spring today.\n")
    data = project.check("sms")
    assert data["findings"] == []  # stated, and 'lumentea' in the address is not a spelling mistake
    assert data["campaigns"][0]["variants"][0]["facts"]["url"] == "stated"
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n20% off: SPRING20 at lumentea.example/autumn.\n")
    (found,) = project.findings("sms")
    assert (found["rule"], found["line"], found["column"], found["match"]) == (
        "consistency.contradiction", 4, 22, "lumentea.example/autumn")


def test_a_code_in_another_case_is_the_same_code(project):
    """Checkouts take a code in any case: `spring20` states SPRING20 (neither omitted nor contradicted)."""
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN)
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n20% off with spring20 at https://lumentea.example/spring\n")
    data = project.check("sms")
    assert data["findings"] == [] and data["campaigns"][0]["variants"][0]["facts"]["code"] == "stated"


def test_a_stated_fact_is_still_contradicted_by_another_value_for_it(project):
    """SPEC §4: every variant states the facts, none contradicts them."""
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN + "  ends: 2026-04-30\n")
    project.write("sms/b.txt", "---\ncampaign: spring\n---\nSave 20% today. Members save 30%. Sale ends April 30; "
                               "the offer ends May 1. Our shops open on May 2. SPRING20 at "
                               "https://lumentea.example/spring?utm_source=sms or https://lumentea.example/about\n")
    found = [f["match"] for f in project.findings("sms/b.txt", rule="consistency")]
    assert found == ["30%", "May 1"]


def test_a_stated_fact_is_still_contradicted_by_another_year_or_a_code_off_by_one(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN + "  ends: 2026-04-30\n")
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n20% off until Apr 30 with SPRING20 (or SPRING30) at "
                               "lumentea.example/spring. Valid April 30, 2025.\n")
    found = [(f["column"], f["match"]) for f in project.findings("sms", rule="consistency")]
    assert found == [(40, "SPRING30"), (84, "April 30, 2025")]


def test_a_day_first_date_is_read_when_only_day_first_makes_sense():
    assert [m.value for m in F.date_mentions("until 30/04/2026", None)] == [(2026, 4, 30)]
    assert [m.value for m in F.date_mentions("until 04/05/2026", None)] == [(2026, 4, 5)]  # month first


def test_campaigns_globs_replace_the_default_places(project):
    """SPEC §4: campaign.yaml and campaigns/*.yaml beside the guideline, or the `campaigns:` globs."""
    project.guide(HAND_WRITTEN_GUIDE + "campaigns: [promo/*.yml]\n")
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN.replace("20%", "30%"))  # not read: the globs decide
    project.write("promo/spring.yml", HAND_WRITTEN_CAMPAIGN)
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n20% off: SPRING20 at lumentea.example/spring\n")
    assert project.findings("sms") == []


def test_shares_and_thresholds_are_not_rival_offers(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", "campaign: spring\nchannels: [sms]\nfacts:\n  discount: 20%\n  price: $12.50\n")
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n100% organic leaves, steeped at 80% strength. Free "
                               "shipping on orders over $50.\n")
    assert project.findings("sms", rule="consistency") == []  # the facts are omitted, not contradicted
    project.write("sms/a.txt", "---\ncampaign: spring\n---\nSave 30% today, now only $14.\n")
    assert [f["match"] for f in project.findings("sms", rule="consistency")] == ["30%", "$14"]


def test_korean_and_mixed_date_notations_state_the_date():
    for text in ("2026. 4. 30.까지", "2026.4.30", "April 30까지 20% 할인", "Ends 2026/04/30."):
        assert [m.value for m in F.date_mentions(text, 2026)] == [(2026, 4, 30)], text
    assert F.date_mentions("version 2026.4.30.1 and price 4.30", 2026) == []


def test_a_day_the_calendar_lacks_is_a_wrong_date_not_a_missing_one(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", "campaign: spring\nchannels: [sms]\nfacts:\n  ends: 2026-04-30\n")
    project.write("sms/a.txt", "---\ncampaign: spring\n---\n4월 31일까지 할인합니다. 24/7 상담.\n")
    assert [(f["rule"], f["match"]) for f in project.findings("sms", rule="consistency")] == [
        ("consistency.contradiction", "4월 31일")]


def test_tracking_parameters_do_not_make_another_url():
    assert F.normalise_url("https://lumentea.example/spring?utm=x&fbclid=1") == "lumentea.example/spring"
    assert F.normalise_url("https://lumentea.example/spring?id=7&utm_source=sms") == "lumentea.example/spring?id=7"


def test_fractions_sizes_and_ratings_are_not_dates(project):
    """1/2 lb, 3/4 cup, 9/10 customers, 4.8/5: a bare slash date is one only as an offer's end."""
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", "campaign: spring\nchannels: [sms]\nfacts:\n  ends: 2026-04-30\n")
    project.write("sms/a.txt", "---\ncampaign: spring\n---\nShips in 1/2 lb tins. Add 3/4 cup of milk. "
                               "9/10 customers agree. Rated 4.8/5 overall. Sizes 10/12. 두 번째 상품은 1/2 가격!\n")
    assert project.findings("sms", rule="consistency") == []
    project.write("sms/a.txt", "---\ncampaign: spring\n---\nSale until 5/31. Also ~5/30 and 5/29까지.\n")
    assert [f["match"] for f in project.findings("sms", rule="consistency")] == ["5/31", "5/30", "5/29"]


def test_a_code_written_as_code_states_or_contradicts_the_fact(project):
    project.guide(HAND_WRITTEN_GUIDE + '  "web/**": sms\n')
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN)
    project.write("web/a.md", "---\ncampaign: spring\n---\n20% off with code `SPRING20` at https://lumentea.example/spring\n")
    project.write("web/b.html", "---\ncampaign: spring\n---\n<p>20% off with <code>SPRING20</code> at "
                                "https://lumentea.example/spring</p>\n")
    project.write("web/c.md", "---\ncampaign: spring\n---\n20% off with code `SPRING21` at https://lumentea.example/spring\n")
    data = project.check("web")
    found = [(f["path"], f["rule"], f["line"], f["column"], f["match"]) for f in data["findings"]]
    assert found == [("web/c.md", "consistency.contradiction", 4, 20, "SPRING21")]
    states = {v["path"]: v["facts"]["code"] for v in data["campaigns"][0]["variants"]}
    assert states == {"web/a.md": "stated", "web/b.html": "stated", "web/c.md": "contradicted"}


def test_a_wrong_link_is_pointed_at_its_address(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN)
    project.write("sms/a.md", "---\ncampaign: spring\n---\n20% off, SPRING20: [Shop now](https://lumentea.example/summer)\n")
    (found,) = project.findings("sms", rule="consistency")
    assert (found["line"], found["column"], found["match"]) == (4, 31, "https://lumentea.example/summer")


@pytest.mark.parametrize("text, dates", [
    ("스프링 블렌드 20% 할인, ~5.31! 코드", [(2026, 5, 31)]),
    ("26.04.30까지", [(2026, 4, 30)]),
    ("5.31까지 할인", [(2026, 5, 31)]),
    ("price 4.30, rated 4.8, version 10.12.14", []),
    ("4월 1일~30일 할인", [(2026, 4, 1), (2026, 4, 30)]),
    ("April 1–30 only", [(2026, 4, 1), (2026, 4, 30)]),
])
def test_korean_short_dates_and_ranges_with_the_month_once(text, dates):
    assert [m.value for m in F.date_mentions(text, 2026)] == dates


def test_the_start_of_a_range_is_not_another_end(project):
    project.guide(HAND_WRITTEN_GUIDE)
    project.write("campaign.yaml", "campaign: spring\nchannels: [sms]\nfacts:\n  ends: 2026-04-30\n")
    for copy in ("20% off until April 30. Offer valid April 1 to April 30.", "4월 1일~30일 20% 할인",
                 "April 1–30: 20% off", "봄 할인 ~4.30!", "26.04.30까지 할인"):
        project.write("sms/a.txt", f"---\ncampaign: spring\n---\n{copy}\n")
        data = project.check("sms")
        assert data["findings"] == [] and data["campaigns"][0]["variants"][0]["facts"]["ends"] == "stated", copy
    for copy, wrong in (("4월 1일~29일 20% 할인", "29일"), ("April 1-29: 20% off", "29"), ("봄 할인 ~5.31!", "5.31")):
        project.write("sms/a.txt", f"---\ncampaign: spring\n---\n{copy}\n")
        assert [f["match"] for f in project.findings("sms", rule="consistency")] == [wrong], copy


def test_a_code_a_character_or_two_off_is_another_code(project):
    """SPRlNG20 (a lower-case L), SPRING-20 and SPRINGZO are typos of SPRING20 the code pattern
    alone misses: contradictions whether or not the code is also stated; words are not codes."""
    project.guide(HAND_WRITTEN_GUIDE.replace("require: [code, url]", "require: [url]"))
    project.write("campaign.yaml", HAND_WRITTEN_CAMPAIGN)
    url = "https://lumentea.example/spring"
    for typo in ("SPRlNG20", "SPRING-20", "SPRINGZO", "SPRING21"):
        project.write("sms/a.txt", f"---\ncampaign: spring\n---\n20% off: use code {typo} at {url}\n")
        assert [f["match"] for f in project.findings("sms", rule="consistency")] == [typo], typo
    project.write("sms/a.txt", f"---\ncampaign: spring\n---\nSpring Blend, 20% off with SPRING20: {url}. "
                               "Springs, SPRINGTIME, ISO9001 and spring20 are fine.\n")
    assert project.findings("sms", rule="consistency") == []


def test_a_sentence_full_stop_after_a_month_is_not_part_of_the_date():
    assert [m.text for m in F.date_mentions("Ends Thursday, 30 July. Or 30 Jul. 2026.", 2026)] == [
        "30 July", "30 Jul. 2026"]

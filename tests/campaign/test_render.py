"""brandlint render: real templates to a tmp dir; files, findings, matrix, and bad input."""

from __future__ import annotations

import json
import re

import pytest

GUIDE = """\
brand: Lumen Tea
channels:
  website: {tone: formal}
  email: {require: [unsubscribe, link]}
  sms: {language: ko, max_bytes: 90, encoding: cp949, require: [discount, ends]}
  social: {tone: casual, require: [code]}
"""
CAMPAIGN = """\
campaign: spring-launch
channels:
  website: {locales: [en, ko]}
  email: {}
  sms: {}
  social: {}
facts:
  discount: 20%
  ends: 2026-04-30
  code: SPRING20
  url: https://lumentea.example/spring
data:
  product: Spring Blend
  headline: Brighter mornings start here
  unsubscribe_url: https://lumentea.example/unsubscribe
translations:
  ko: {product: 스프링 블렌드, headline: 더 밝은 아침}
"""
SOCIAL = ("{{ headline }}\n{{ product }}: {{ facts.discount | percent }} off until {{ facts.ends | date }}. "
          "Code {{ facts.code }}\n")


@pytest.fixture
def campaign(project):
    project.guide(GUIDE)
    project.write("campaign.yaml", CAMPAIGN)
    project.write("templates/social.txt.j2", SOCIAL)
    return project


def _render(project, *args):
    return project.run("render", "campaign.yaml", "--out", "out", "--format", "json", *args)


def test_renders_every_variant_with_a_manifest(campaign):
    result = _render(campaign)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = campaign.root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["email.en.html", "manifest.json", "sms.ko.txt",
                                                     "social.en.txt", "website.en.html", "website.ko.html"]
    assert (out / "social.en.txt").read_text() == ("Brighter mornings start here\n"
                                                   "Spring Blend: 20% off until April 30. Code SPRING20\n")
    assert "스프링 블렌드를 소개합니다" in (out / "website.ko.html").read_text()
    assert "(광고)" in (out / "sms.ko.txt").read_text()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["campaign"] == "spring-launch"
    assert {v["file"]: v["template"] for v in manifest["variants"]}["social.en.txt"] == "templates/social.txt.j2"
    data = json.loads(result.stdout)
    assert all(set(v["facts"].values()) <= {"stated", "omitted"} for v in data["campaigns"][0]["variants"])


def test_a_contradicting_variant_is_caught_with_rendered_and_template_positions(campaign):
    campaign.write("templates/social.txt.j2", "{{ headline }}\n{{ product }}: 30% off until May 31. "
                                              "Code {{ facts.code }}\n")
    data = json.loads(_render(campaign).stdout)
    found = [(f["rule"], f["line"], f["column"], f["match"], f["template"]) for f in data["findings"]]
    assert found == [
        ("consistency.contradiction", 2, 15, "30%", "templates/social.txt.j2:2"),
        ("consistency.contradiction", 2, 29, "May 31", "templates/social.txt.j2:2"),
    ]
    assert "fact `discount` is 20%" in data["findings"][0]["message"]
    assert "social (en)" in data["findings"][0]["message"]
    social = next(v for v in data["campaigns"][0]["variants"] if v["channel"] == "social")
    assert social["facts"] == {"code": "stated", "discount": "contradicted", "ends": "contradicted",
                               "url": "omitted"}


def test_a_required_fact_left_out_is_an_error(campaign):
    campaign.write("templates/social.txt.j2", "{{ product }} is here!\n")
    data = json.loads(_render(campaign).stdout)
    [finding] = data["findings"]
    assert finding["rule"] == "consistency.missing" and "`code` (SPRING20)" in finding["message"]


def test_text_output_prints_the_matrix(campaign):
    result = campaign.run("render", "campaign.yaml", "--out", "out")
    assert "campaign spring-launch: channels × facts" in result.stdout
    assert "website (ko)" in result.stdout


def test_josa_and_locale_filters(campaign):
    campaign.write("templates/social.txt.j2",
                   '{{ product | josa("을") }} {{ facts.ends | date }} {{ facts.ends | date("full") }} '
                   '{{ 12500 | money("KRW") }} {{ 12.5 | money }} {{ facts.discount | percent }}\n')
    campaign.write("campaign.yaml", CAMPAIGN.replace("  social: {}", "  social: {locales: [ko, en]}"))
    assert _render(campaign).exit_code in (0, 1)
    out = campaign.root / "out"
    # Korean: particle by the final consonant, Korean dates, won without decimals.
    assert (out / "social.ko.txt").read_text() == "스프링 블렌드를 4월 30일 2026년 4월 30일 12,500원 12원 20%\n"
    # A Latin name has no known reading, so both particle forms are written.
    assert (out / "social.en.txt").read_text() == "Spring Blend을(를) April 30 April 30, 2026 ₩12,500 $12.50 20%\n"


def test_audience_records_render_one_output_each_with_their_own_facts(campaign):
    campaign.write("campaign.yaml", CAMPAIGN + "audience:\n  channels: [social]\n  records:\n"
                   "    - {id: jiyoung, name: 지영}\n    - {id: sam, name: Sam, facts: {code: SAM20}}\n")
    campaign.write("templates/social.txt.j2", "Hi {{ recipient.name }}, use {{ facts.code }} for "
                                              "{{ facts.discount | percent }} off until {{ facts.ends | date }}.\n")
    result = _render(campaign)
    assert result.exit_code == 0, result.stdout
    out = campaign.root / "out"
    assert (out / "social.en.jiyoung.txt").read_text() == "Hi 지영, use SPRING20 for 20% off until April 30.\n"
    assert (out / "social.en.sam.txt").read_text() == "Hi Sam, use SAM20 for 20% off until April 30.\n"


def test_per_channel_data_overrides(campaign):
    campaign.write("campaign.yaml", CAMPAIGN.replace("  social: {}", "  social: {data: {product: Spring Tin}}"))
    _render(campaign)
    assert "Spring Tin: 20% off" in (campaign.root / "out" / "social.en.txt").read_text()


def test_rerender_into_the_same_out_is_allowed(campaign):
    assert _render(campaign).exit_code == 0
    assert _render(campaign).exit_code == 0


BAD = [
    ("templates/social.txt.j2", "{{ product }\n", "templates/social.txt.j2:1: template syntax error"),
    ("templates/social.txt.j2", "line one\n{{ pruduct }}\n",
     "templates/social.txt.j2:2:4: undefined variable in the social (en) variant: 'pruduct' is undefined"),
    ("templates/social.txt.j2", "Off: {{ facts.discont }}\n", "templates/social.txt.j2:1:15: undefined variable"),
    ("templates/social.txt.j2", "{{ product.__class__.__mro__ }}\n",
     "templates/social.txt.j2:1: template refused by the sandbox"),
    ("templates/social.txt.j2", "{{ cycler.__init__.__globals__ }}\n", "templates/social.txt.j2:1:"),
    ("templates/social.txt.j2", "{% include 'nope.j2' %}\n", "template not found: nope.j2"),
    ("templates/social.txt.j2", "x\n{{ product | josa('xyz') }}\n",
     "templates/social.txt.j2:2: template error in the social (en) variant: josa filter: `xyz` is not a particle"),
    ("templates/social.txt.j2", "{{ facts.ends | date('weird') }}\n",
     "templates/social.txt.j2:1: template error in the social (en) variant: date filter: style `weird`"),
    ("templates/social.txt.j2", "{% for i in range(10**7) %}x{% endfor %}\n", "Range too big"),
    ("templates/social.txt.j2", "{% for i in range(90000) %}{% for j in range(90000) %}xxxxxxxx{% endfor %}"
     "{% endfor %}\n", "more than 2,000,000 characters"),
    ("campaign.yaml", CAMPAIGN.replace("ends: 2026-04-30", "ends: April 31"), "campaign.yaml:9:9: fact `ends`"),
    ("campaign.yaml", CAMPAIGN.replace("  sms: {}", "  smss: {}"), "campaign.yaml:5:3: campaign channel `smss`"),
    ("campaign.yaml", CAMPAIGN.replace("campaign: spring-launch", "campaing: spring-launch"),
     "campaign.yaml:1:1: unknown key `campaing`"),
    ("campaign.yaml", CAMPAIGN.replace("campaign: spring-launch", "campaign: spring-launch\nguide: nope.yaml"),
     "campaign.yaml:2:8: guide: the guideline nope.yaml does not exist"),
    ("campaign.yaml", re.sub(r"channels:\n(  .*\n)+", "channels: []\n", CAMPAIGN), "campaign.yaml:2:11: channels"),
]


@pytest.mark.parametrize("name, content, message", BAD, ids=[b[2][:40] for b in BAD])
def test_bad_input_is_located_and_leaves_no_output(campaign, name, content, message):
    campaign.write(name, content)
    result = campaign.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (campaign.root / "out").exists()


def test_missing_template_for_a_channel(campaign):
    campaign.guide(GUIDE + "  blog: {}\n")
    campaign.write("campaign.yaml", CAMPAIGN.replace("  social: {}", "  social: {}\n  blog: {}"))
    result = campaign.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2 and "no template for channel `blog`" in result.stderr
    assert not (campaign.root / "out").exists()


@pytest.mark.parametrize("out", [".", "templates"])
def test_out_inside_the_sources_is_refused(campaign, out):
    before = (campaign.root / "templates" / "social.txt.j2").read_bytes()
    result = campaign.run("render", "campaign.yaml", "--out", out)
    assert result.exit_code == 2 and "render into a folder of its own" in result.stderr
    assert (campaign.root / "templates" / "social.txt.j2").read_bytes() == before


def test_out_with_foreign_files_is_refused(campaign):
    campaign.write("out/notes.txt", "mine")
    result = campaign.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2 and "did not write" in result.stderr
    assert (campaign.root / "out" / "notes.txt").read_text() == "mine"


def test_a_manifest_json_brandlint_did_not_write_is_not_trusted(campaign):
    """A web app's public/ folder has its own manifest.json: rendering there must not replace
    it, nor delete the files it lists as if they were stale variants."""
    web_manifest = '{"name": "PWA", "start_url": "/", "variants": [{"file": "index.html"}]}\n'
    campaign.write("public/manifest.json", web_manifest)
    campaign.write("public/index.html", "<html>\n")
    result = campaign.run("render", "campaign.yaml", "--out", "public")
    assert result.exit_code == 2 and "a manifest.json brandlint did not write" in result.stderr
    assert (campaign.root / "public" / "manifest.json").read_text() == web_manifest
    assert (campaign.root / "public" / "index.html").read_text() == "<html>\n"


def test_hand_written_files_naming_the_campaign_are_held_to_its_facts(campaign):
    campaign.write("posts/a.txt", "---\nchannel: social\ncampaign: spring-launch\n---\n"
                                  "Spring Blend, 25% off until 4월 30일, code SPRING20!\n")
    campaign.write("posts/b.txt", "---\ncampaign: autumn\n---\nHi\n")
    result = campaign.run("check", "--no-cache", "--format", "json", "posts/a.txt")
    data = json.loads(result.stdout)
    assert [(f["rule"], f["match"]) for f in data["findings"]] == [("consistency.contradiction", "25%")]
    assert data["campaigns"][0]["variants"][0]["facts"]["ends"] == "stated"
    bad = campaign.run("check", "--no-cache", "posts/b.txt")
    assert bad.exit_code == 2 and "posts/b.txt:2:11: front matter names unknown campaign `autumn`" in bad.stderr


BUILTIN_GUIDE = """\
brand: Lumen Tea
channels:
  website: {}
  email: {require: [unsubscribe, link]}
  instagram: {}
  x: {}
  kakao: {extends: [kr-ad-law]}
  sms: {}
  push: {}
"""


def test_every_built_in_template_renders_in_english_and_korean(project):
    project.guide(BUILTIN_GUIDE)
    project.write("campaign.yaml", CAMPAIGN.replace(
        "channels:\n  website: {locales: [en, ko]}\n  email: {}\n  sms: {}\n  social: {}\n",
        "locales: [en, ko]\nchannels: [website, email, instagram, x, kakao, sms, push]\n").replace(
        "  headline: Brighter mornings start here\n",
        "  headline: Brighter mornings start here\n  opt_out_number: 080-123-4567\n"))
    result = project.run("render", "campaign.yaml", "--out", "out", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    variants = {(v["channel"], v["locale"]): v["facts"] for v in data["campaigns"][0]["variants"]}
    assert len(variants) == 14
    for (channel, locale), facts in variants.items():
        assert facts["discount"] == "stated", (channel, locale)
        assert "contradicted" not in facts.values(), (channel, locale)
    email = (project.root / "out" / "email.en.html").read_text()
    assert "<title>Brighter mornings start here</title>" in email and "Unsubscribe" in email
    assert not [f for f in data["findings"] if f["rule"].startswith(("require", "consistency", "kr-ad-law"))]


def test_html_variants_escape_data(campaign):
    campaign.write("campaign.yaml", CAMPAIGN.replace("product: Spring Blend", 'product: "<script>x</script> Tea"'))
    _render(campaign)
    assert "&lt;script&gt;x&lt;/script&gt; Tea" in (campaign.root / "out" / "website.en.html").read_text()
    assert "<script>x</script> Tea" in (campaign.root / "out" / "social.en.txt").read_text()


def test_product_name_facts_are_stated_or_omitted(campaign):
    campaign.write("campaign.yaml", CAMPAIGN.replace("  code: SPRING20\n", "  code: SPRING20\n"
                                                     "  product: {en: Spring Blend, ko: 스프링 블렌드}\n"))
    data = json.loads(_render(campaign).stdout)
    states = {v["variant"]: v["facts"]["product"] for v in data["campaigns"][0]["variants"]}
    assert states["website (ko)"] == "stated" and states["social (en)"] == "stated"


def test_a_nul_character_in_a_template_is_refused_before_writing(campaign):
    campaign.write("templates/social.txt.j2", "{{ headline }}\nbad \x00 byte\n")
    result = campaign.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2
    assert "templates/social.txt.j2:2: the social (en) variant contains a NUL" in result.stderr
    assert not (campaign.root / "out").exists()


def test_without_out_variants_go_to_out_slash_the_campaign_name(campaign):
    result = campaign.run("render", "campaign.yaml")
    assert result.exit_code == 0 and "rendered 5 variants into out/spring-launch" in result.stderr
    assert (campaign.root / "out" / "spring-launch" / "manifest.json").is_file()

"""brandlint render with the built-in templates: SPEC's own examples work together, templates
see the guideline's brand and tagline, and no template invents contact data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brandlint.resources import builtin_dir

# SPEC §1's brand.yaml and SPEC §4's campaign, verbatim.
SPEC_GUIDE = """\
brand: Lumen Tea
language: en                  # en | ko | auto (detected per document)
extends: [inclusive, claims]  # rule packs: names from rules/ or paths to YAML packs

voice:                        # defaults for every channel
  tone: neutral               # formal | neutral | casual
  readability:
    max_grade: 9              # English: Flesch-Kincaid grade; Korean: the ko metric

message:                      # the fixed core message
  tagline: "Steeped in light."
  key_messages:
    - id: organic
      any_of: ["certified organic", "100% organic"]   # one of these must appear
      ko: ["유기농 인증"]                                # variants for Korean copy

terms:
  - use: Lumen Tea                          # exact form, case-sensitive
    instead_of: [Lumen tea, LumenTea, LUMEN TEA]
  - use: email
    instead_of: [e-mail]
  - avoid: [cheap, guaranteed]
    message: We never promise what a cup can't keep.
    level: error                            # error | warning | suggestion

colors:
  tolerance: 2.3              # CIEDE2000 distance under which a colour is the brand colour
  palette:
    gold: "#E0A526"
    ink: "#1C1C1C"
    paper: "#FFFDF7"
  min_contrast: 4.5           # WCAG 2.x ratio for text on background

fonts: [Inter, Noto Sans KR]

logos:
  primary:
    file: assets/logo.png     # the approved master; paths relative to brand.yaml
    min_width: 120            # px, as placed in a creative
    clear_space: 0.25         # fraction of the logo's height kept free around it
    on: [paper]               # palette colours it may sit on

channels:                     # each inherits everything above and overrides what it names
  website:
    tone: formal
    require: [tagline]
  x:
    tone: casual
    max_chars: 280
  instagram:
    tone: casual
    require: [logo]           # require: message ids (tagline, key_messages ids), campaign fact
                              # names, `logo` (a creative must show an approved logo),
                              # `unsubscribe` and `link` (an email must have them)
  sms:
    language: ko
    max_bytes: 90
    encoding: cp949
    extends: [kr-ad-law]

files:                        # which channel a file belongs to (glob -> channel)
  "web/**": website
  "social/x/**": x

vocabulary: [Lumen, oolong]   # words the spell checker accepts (brand names, jargon)
grammar:
  server: http://localhost:8081   # a LanguageTool server (or env BRANDLINT_LANGUAGETOOL_URL);
  disabled_rules: [WHITESPACE_RULE]  # without one, grammar checks are skipped with a notice
"""
SPEC_CAMPAIGN = """\
campaign: spring-launch
guide: brand.yaml
channels: [website, email, instagram, sms]
facts:                        # the core message's facts: every variant states them, none contradicts them
  discount: 20%
  ends: 2026-04-30
  code: SPRING20
  url: https://lumentea.example/spring
data:                         # anything the templates use
  product: Spring Blend
  headline: Brighter mornings start here
"""
DATA_LINE = "  headline: Brighter mornings start here\n"


@pytest.fixture
def spec(project):
    from PIL import Image

    project.guide(SPEC_GUIDE)
    project.write("campaign.yaml", SPEC_CAMPAIGN)
    (project.root / "assets").mkdir()
    Image.new("RGB", (480, 160), "#1C1C1C").save(project.root / "assets" / "logo.png")
    return project


def _render(project, *args):
    result = project.run("render", "campaign.yaml", "--out", "out", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)


def _with_data(extra: str) -> str:
    return SPEC_CAMPAIGN.replace(DATA_LINE, DATA_LINE + extra)


def _rules(data, path):
    return [f["rule"] for f in data["findings"] if f["path"] == path]


# 1. A campaign channel the guideline does not define, but a template does.

def test_spec_campaign_renders_against_spec_guideline(spec):
    data = _render(spec)
    out = spec.root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["email.en.html", "instagram.en.txt", "manifest.json",
                                                     "sms.ko.txt", "website.en.html"]
    # email is no channel of brand.yaml: the built-in email template renders it, under its own name.
    email = (out / "email.en.html").read_text()
    assert "Spring Blend is here. Enjoy 20% off until April 30." in email
    variants = {v["variant"]: v for v in data["campaigns"][0]["variants"]}
    assert variants["email (en)"]["channel"] == "email"
    assert set(variants["email (en)"]["facts"].values()) == {"stated"}
    assert data["summary"]["channels"]["email"]["files"] == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert {v["channel"] for v in manifest["variants"]} == {"website", "email", "instagram", "sms"}
    assert not [f for f in data["findings"] if f["rule"].startswith(("message", "require", "consistency"))]


def test_an_undefined_channel_is_linted_against_the_base_guideline_under_its_own_name(spec):
    # The brand's own template for a channel brand.yaml does not define.
    spec.write("templates/blog.md.j2", "# {{ headline }}\n\nLumenTea: {{ facts.discount | percent }} off, "
                                       "code {{ facts.code }}, until {{ facts.ends | date }}. Visit {{ facts.url }}\n")
    spec.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", "[website, blog]"))
    data = _render(spec)
    blog = [f for f in data["findings"] if f["path"] == "out/blog.en.md"]
    assert [(f["rule"], f["match"], f["channel"]) for f in blog] == [("terms.use", "LumenTea", "blog")]
    assert blog[0]["template"] == "templates/blog.md.j2:3"
    # The base guideline: website's `require: [tagline]` does not apply to it.
    assert "message.tagline" not in _rules(data, "out/blog.en.md")
    assert data["summary"]["channels"]["blog"]["files"] == 1
    [variant] = [v for v in data["campaigns"][0]["variants"] if v["path"] == "out/blog.en.md"]
    assert variant["channel"] == "blog" and variant["variant"] == "blog (en)"


def test_a_channel_with_neither_a_guideline_entry_nor_a_template_is_located(spec):
    spec.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]",
                                                      "[website, emial, instagram, sms]"))
    result = spec.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert ("campaign.yaml:3:21: campaign channel `emial` is not a channel of brand.yaml and has no template; "
            "did you mean `email`? (channels: instagram, sms, website, x; "
            "templates: email, instagram, kakao, push, sms, website, x)") in result.stderr
    assert "add templates/emial.txt.j2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (spec.root / "out").exists()


def test_a_channel_name_is_never_a_path_to_a_template(spec):
    spec.write("secret.txt.j2", "{{ headline }}\n")
    spec.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", "[website, ../secret]"))
    result = spec.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2
    assert "campaign channel `../secret` is not a channel of brand.yaml and has no template" in result.stderr
    assert not (spec.root / "out").exists()


def test_a_brand_template_for_a_new_channel_is_listed_and_accepted_in_mapping_form(spec):
    spec.write("templates/poster.ko.txt.j2", "{{ headline }}\n")
    spec.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]",
                                                      "\n  blog: {}\n  website: {}"))
    result = spec.run("render", "campaign.yaml", "--out", "out")
    assert result.exit_code == 2
    assert "campaign.yaml:4:3: campaign channel `blog` is not a channel of brand.yaml and has no template" \
        in result.stderr
    assert "templates: email, instagram, kakao, poster, push, sms, website, x" in result.stderr
    # A channel whose only template is the campaign's own `template:` is accepted.
    spec.write("blog.txt.j2", "{{ headline }}: {{ facts.discount | percent }} off until {{ facts.ends | date }}, "
                              "code {{ facts.code }}, {{ facts.url }}\n")
    spec.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]",
                                                      "\n  blog: {template: blog.txt.j2}"))
    data = _render(spec)
    assert (spec.root / "out" / "blog.en.txt").read_text().startswith("Brighter mornings start here: 20% off")
    assert data["campaigns"][0]["variants"][0]["channel"] == "blog"


def test_check_accepts_a_campaign_whose_channel_only_a_template_defines(spec):
    spec.write("web/spring.md", "---\ncampaign: spring-launch\n---\n"
                                "Steeped in light. Spring Blend: 20% off until April 30 with code SPRING20.\n")
    result = spec.run("check", "--no-cache", "--format", "json", "web/spring.md")
    assert result.exit_code == 0, result.stdout + result.stderr


# 2. The guideline's brand name and tagline reach the templates.

def test_the_built_in_website_template_states_the_guidelines_tagline(spec):
    data = _render(spec)
    website = (spec.root / "out" / "website.en.html").read_text()
    assert "<p>Steeped in light.</p>" in website
    assert "message.tagline" not in _rules(data, "out/website.en.html")
    assert "<p>Steeped in light.</p>" in (spec.root / "out" / "email.en.html").read_text()
    assert "Steeped in light." in (spec.root / "out" / "instagram.en.txt").read_text()
    # SMS stays short: no tagline there.
    assert "Steeped" not in (spec.root / "out" / "sms.ko.txt").read_text()


def test_templates_see_brand_and_tagline_and_campaign_data_overrides_them(spec):
    spec.write("templates/website.html.j2", "<p>{{ brand }} | {{ tagline }} | {{ facts.discount }}</p>\n")
    _render(spec)
    assert (spec.root / "out" / "website.en.html").read_text() == "<p>Lumen Tea | Steeped in light. | 20%</p>\n"
    spec.write("campaign.yaml", _with_data("  brand: Lumen Tea Co.\n  tagline: Steeped in spring.\n"))
    data = _render(spec)
    assert (spec.root / "out" / "website.en.html").read_text() == "<p>Lumen Tea Co. | Steeped in spring. | 20%</p>\n"
    # The copy no longer states the guideline's tagline, and the website channel requires it.
    assert "message.tagline" in _rules(data, "out/website.en.html")


def test_a_guideline_without_a_tagline_renders_without_one(spec):
    spec.guide(SPEC_GUIDE.replace('  tagline: "Steeped in light."\n', "").replace("    require: [tagline]\n", ""))
    data = _render(spec)
    website = (spec.root / "out" / "website.en.html").read_text()
    assert "Steeped" not in website and "<p>Introducing Spring Blend." in website
    assert not [f for f in data["findings"] if f["rule"].startswith(("message", "require"))]


# 3. No invented contact data.

def test_korean_sms_without_an_opt_out_number_is_flagged_not_faked(spec):
    data = _render(spec)
    sms = (spec.root / "out" / "sms.ko.txt").read_text()
    assert "080" not in sms and "거부" not in sms
    [finding] = [f for f in data["findings"] if f["path"] == "out/sms.ko.txt"]
    assert finding["rule"] == "kr-ad-law.opt-out" and finding["channel"] == "sms"


def test_korean_sms_with_an_opt_out_number_prints_it_within_the_byte_limit(spec):
    spec.write("campaign.yaml", _with_data("  opt_out_number: 080-123-4567\ntranslations:\n"
                                           "  ko: {product: 스프링 블렌드}\n"))
    data = _render(spec)
    sms = (spec.root / "out" / "sms.ko.txt").read_text()
    assert sms == "(광고) Lumen Tea 스프링 블렌드 20% 할인 ~4월 30일 코드 SPRING20\n무료거부 080-123-4567\n"
    assert len(sms.encode("cp949")) <= 90
    assert _rules(data, "out/sms.ko.txt") == []


def test_kakao_without_an_opt_out_number_is_flagged_not_faked(project):
    project.guide("brand: Lumen Tea\nmessage: {tagline: Steeped in light.}\n"
                  "channels:\n  kakao: {language: ko, extends: [kr-ad-law], require: [tagline]}\n")
    project.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", "[kakao]"))
    data = _render(project)
    kakao = (project.root / "out" / "kakao.ko.txt").read_text()
    assert "080" not in kakao and "거부" not in kakao and "Steeped in light." in kakao
    assert _rules(data, "out/kakao.ko.txt") == ["kr-ad-law.opt-out"]
    project.write("campaign.yaml", _with_data("  opt_out_number: 080-123-4567\n").replace(
        "[website, email, instagram, sms]", "[kakao]"))
    data = _render(project)
    assert (project.root / "out" / "kakao.ko.txt").read_text().endswith("\n무료수신거부 080-123-4567\n")
    assert _rules(data, "out/kakao.ko.txt") == []


@pytest.mark.parametrize("locale", ["en", "ko"])
def test_email_without_an_unsubscribe_link_is_flagged_not_faked(project, locale):
    project.guide("brand: Lumen Tea\nchannels:\n  email: {require: [unsubscribe, link]}\n")
    campaign = SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", f"\n  email: {{locales: [{locale}]}}")
    project.write("campaign.yaml", campaign)
    data = _render(project)
    email = (project.root / "out" / f"email.{locale}.html").read_text()
    assert "UNSUB" not in email and "Unsubscribe" not in email and "수신거부" not in email
    assert _rules(data, f"out/email.{locale}.html") == ["require.unsubscribe"]
    project.write("campaign.yaml", campaign.replace(DATA_LINE, DATA_LINE + "  unsubscribe_url: "
                                                                          "https://lumentea.example/u?id=7\n"))
    data = _render(project)
    email = (project.root / "out" / f"email.{locale}.html").read_text()
    assert '<a href="https://lumentea.example/u?id=7">' in email
    assert _rules(data, f"out/email.{locale}.html") == []


def test_no_built_in_template_holds_a_made_up_number_link_or_merge_tag():
    invented = re.compile(r"\d{2,4}-\d{3,4}-\d{4}|https?://|www\.|\*\|\w+\|\*|default\(\s*['\"]")
    templates = sorted(Path(builtin_dir("templates")).glob("*.j2"))
    assert len(templates) == 7
    for path in templates:
        found = invented.findall(path.read_text(encoding="utf-8"))
        assert not found, (path.name, found)


@pytest.mark.parametrize("channel", ["website", "email", "instagram", "x", "kakao", "sms", "push"])
def test_every_built_in_template_writes_english_for_the_english_locale(project, channel):
    project.guide("brand: Lumen Tea\n")
    project.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]",
                                                          f"\n  {channel}: {{locales: [en]}}"))
    _render(project)
    [variant] = [p for p in (project.root / "out").iterdir() if p.name.startswith(f"{channel}.en.")]
    assert not re.search("[\uac00-\ud7a3]", variant.read_text()), variant.read_text()


def test_re_rendering_removes_variants_of_dropped_channels_and_the_manifest_is_portable(project):
    project.guide("brand: Lumen Tea\n")
    project.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", "[website, push]"))
    _render(project)
    out = project.root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "push.en.txt", "website.en.html"]
    (out / "notes.txt").write_text("mine")  # not brandlint's: left alone
    project.write("campaign.yaml", SPEC_CAMPAIGN.replace("[website, email, instagram, sms]", "[website]"))
    _render(project)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "notes.txt", "website.en.html"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [v["template"] for v in manifest["variants"]] == ["built-in/website.html.j2"]

"""Channel resolution: base ⊕ channel ⊕ rule packs."""

from __future__ import annotations

from brandlint.findings import Severity
from brandlint.guide.loader import load_guide
from brandlint.guide.policy import resolve

GUIDE = """\
brand: Lumen Tea
extends: [claims]
voice:
  tone: neutral
  readability: {max_grade: 9}
terms:
  - avoid: [cheap]
rules:
  claims.free: off
channels:
  website:
    tone: formal
    readability: {max_grade: 12}
    require: [tagline]
  sms:
    language: ko
    extends: [kr-ad-law]
    terms:
      - avoid: [urgent]
    rules:
      terms: suggestion
"""


def test_channel_overrides_what_it_names_and_inherits_the_rest(project, tmp_path):
    project.guide(GUIDE)
    loaded = load_guide(tmp_path / "brand.yaml")
    base, website, sms = resolve(loaded, None), resolve(loaded, "website"), resolve(loaded, "sms")
    assert (base.tone, website.tone, sms.tone) == ("neutral", "formal", "neutral")
    assert (base.max_grade, website.max_grade, sms.max_grade) == (9, 12, 9)
    assert website.require == ("tagline",) and base.require == ()
    assert [t.avoid for t in sms.terms] == [["cheap"], ["urgent"]]
    assert [p.name for p in base.packs] == ["claims"]
    assert sorted(p.name for p in sms.packs) == ["claims", "kr-ad-law"]
    assert sms.language == "ko" and base.language == "auto"


def test_rule_settings_turn_rules_off_or_change_their_level(project, tmp_path):
    project.guide(GUIDE)
    loaded = load_guide(tmp_path / "brand.yaml")
    base, sms = resolve(loaded, None), resolve(loaded, "sms")
    assert base.severity("claims.free", Severity.SUGGESTION) is None
    assert base.severity("terms.avoid", Severity.WARNING) == Severity.WARNING
    assert sms.severity("terms.avoid", Severity.WARNING) == Severity.SUGGESTION
    project.write("sms/a.md", "---\nchannel: sms\n---\nCheap tea, free cups, free pots, free tins.\n")
    findings = project.findings("sms/a.md")
    assert [(f["rule"], f["severity"]) for f in findings] == [("terms.avoid", "suggestion")]


def test_a_user_pack_is_used_only_where_named_even_if_its_file_shares_a_built_in_name(project, tmp_path):
    project.write("packs/claims.yaml", "pack: house\nrules:\n  tea:\n    type: existence\n    tokens: [beverage]\n")
    project.write("packs/base.yaml", "pack: included\nrules:\n  cup:\n    type: existence\n    tokens: [mug]\n")
    project.write("packs/outer.yaml", "pack: outer\nextends: [base.yaml]\nrules: {}\n")
    project.guide("brand: X\nextends: [claims]\nchannels:\n  sms:\n    extends: [packs/claims.yaml]\n"
                  "  web:\n    extends: [packs/outer.yaml]\n")
    loaded = load_guide(tmp_path / "brand.yaml")
    assert [p.name for p in resolve(loaded, None).packs] == ["claims"]
    assert sorted(p.name for p in resolve(loaded, "sms").packs) == ["claims", "house"]
    assert sorted(p.name for p in resolve(loaded, "web").packs) == ["claims", "included", "outer"]


def test_a_channel_may_ask_for_more_contrast_or_its_own_palette(project):
    """SPEC §1: each channel inherits everything above and overrides what it names."""
    project.guide('brand: X\ncolors:\n  palette: {white: "#FFFFFF", grey: "#6B6B6B"}\n'
                  "  min_contrast: 4.5\nchannels:\n  email:\n    colors: {min_contrast: 7}\n"
                  '  print:\n    colors: {palette: {black: "#000000"}}\n'
                  'files:\n  "email/**": email\n  "print/**": print\n')
    css = "body { background: #FFFFFF; color: #6B6B6B; }\n"  # 5.3:1
    for folder in ("web", "email", "print"):
        project.write(f"{folder}/a.css", css)
    found = {(f["path"], f["rule"]) for f in project.findings(".") if f["rule"].startswith(("contrast", "color"))}
    assert found == {("email/a.css", "contrast.text"), ("print/a.css", "color.off_palette")}

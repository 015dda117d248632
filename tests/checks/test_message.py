"""message.*: the tagline and key messages, where the channel requires them."""

from __future__ import annotations

GUIDE = """\
message:
  tagline: "Steeped in light."
  key_messages:
    - id: organic
      any_of: ["certified organic", "100% organic"]
      ko: ["유기농 인증"]
channels:
  website:
    require: [tagline, organic]
  x: {}
files:
  "web/**": website
  "x/**": x
"""


def test_missing_tagline_and_key_message_on_a_channel_that_requires_them(project):
    project.guide(GUIDE)
    project.write("web/a.md", "---\ntitle: A\n---\n# Hello\n\nNice tea.\n")
    found = project.findings("web/a.md")
    assert [(f["rule"], f["line"], f["column"], f["channel"]) for f in found] == [
        ("message.key_message", 4, 1, "website"), ("message.tagline", 4, 1, "website")]
    assert "Steeped in light." in found[1]["message"]
    assert '"certified organic"' in found[0]["message"]


def test_present_in_any_case_or_spacing_passes(project):
    project.guide(GUIDE)
    project.write("web/a.md", "steeped IN\nlight! Our tea is 100% Organic.\n")
    assert project.findings("web/a.md") == []


def test_not_required_on_other_channels(project):
    project.guide(GUIDE)
    project.write("x/a.txt", "Nice tea.\n")
    assert project.findings("x/a.txt") == []


def test_korean_copy_may_use_the_korean_variant(project):
    project.guide(GUIDE)
    project.write("web/a.md", "Steeped in light.\n\n유기농 인증을 받은 찻잎입니다.\n")
    assert project.findings("web/a.md") == []


def test_a_required_phrase_counts_only_as_whole_words(project):
    project.guide('message:\n  tagline: "Steeped in light."\n  key_messages:\n    - id: organic\n'
                  '      any_of: ["certified organic"]\n      ko: ["유기농 인증"]\n'
                  'channels:\n  website:\n    require: [tagline, organic]\n')
    project.write("a.md", "Not steeped in lightness. Uncertified organically grown.\n")
    assert sorted(f["rule"] for f in project.findings("--channel", "website", "a.md")) == [
        "message.key_message", "message.tagline"]
    project.write("a.md", "Steeped in light! Certified organic, 유기농 인증을 받았습니다.\n")
    assert project.findings("--channel", "website", "a.md") == []

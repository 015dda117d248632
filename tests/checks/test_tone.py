"""tone.casual: measurable casual signals against the channel's tone."""

from __future__ import annotations

GUIDE = """\
channels:
  website: {tone: formal}
  blog: {tone: neutral}
  x: {tone: casual}
files:
  "web/**": website
  "blog/**": blog
  "x/**": x
"""
CASUAL = "We're SO excited to finally share this!!! 🎉 You're gonna love it.\n"


def test_casual_copy_on_a_formal_channel_names_what_made_it_casual(project):
    project.guide(GUIDE)
    project.write("web/a.md", CASUAL)
    found = project.findings("web/a.md")
    assert [f["rule"] for f in found] == ["tone.casual", "tone.casual"]
    first = found[0]
    assert (first["line"], first["column"]) == (1, 1)
    assert first["match"].startswith("We're SO excited")
    for signal in ['contraction "We\'re"', 'exclamation run "!!!"', "website channel", "formal"]:
        assert signal in first["message"]
    assert 'slang "gonna"' in found[1]["message"]


def test_the_same_copy_on_a_casual_channel_is_fine(project):
    project.guide(GUIDE)
    project.write("x/a.txt", CASUAL)
    assert project.findings("x/a.txt") == []


def test_formal_copy_on_a_formal_channel_is_fine(project):
    project.guide(GUIDE)
    project.write("web/a.md", "# Our spring collection\n\nLumen Tea's spring collection is available "
                              "from 1 April. It was grown on the slopes of Jeju. Order today.\n")
    assert project.findings("web/a.md") == []


def test_neutral_allows_a_little(project):
    project.guide(GUIDE)
    project.write("blog/a.md", "You'll like this one!\n\nOMG this is SOOO good!!! 😍😍\n")
    found = project.findings("blog/a.md")
    assert [f["line"] for f in found] == [3]


def test_storage_instructions_are_not_slang(project):
    project.guide("channels:\n  website: {tone: formal}\n")
    project.write("a.md", "Store in a cool, dry place away from sunlight.\n")
    assert project.findings("--channel", "website", "a.md", rule="tone") == []


def test_a_quoted_customer_review_is_not_held_to_the_brands_tone(project):
    project.guide("channels:\n  website: {tone: formal}\n")
    project.write("a.md", "> \"We're obsessed!! You guys nailed it.\" (Sarah, Busan)\n\n"
                          "> \"향이 정말 좋아. 매일 아침 마셔.\" — 서울, 김○○ 님\n\nWe're so excited!!!\n")
    assert [f["line"] for f in project.findings("--channel", "website", "a.md", rule="tone")] == [5]

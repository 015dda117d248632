"""Routing: --channel > front matter > files: globs (the most specific match) > base."""

from __future__ import annotations

from brandlint.routing import channel_for

FILES = {"web/**": "website", "social/x/**": "x", "*.email.md": "email", "docs/*.md": "docs"}


def test_globs():
    assert channel_for("web/home.md", FILES) == "website"
    assert channel_for("web/a/b/c.md", FILES) == "website"
    assert channel_for("social/x/post.txt", FILES) == "x"
    assert channel_for("social/xy/post.txt", FILES) is None
    assert channel_for("any/depth/spring.email.md", FILES) == "email"
    assert channel_for("docs/a.md", FILES) == "docs"
    assert channel_for("docs/a/b.md", FILES) is None
    assert channel_for("webx/a.md", FILES) is None


def test_the_most_specific_glob_wins_whatever_the_order():
    files = {"web/**": "website", "web/ko/**": "kakao", "**/*.sms.txt": "sms", "web/[a-z]*.md": "blog",
             "web/*.md": "docs"}
    assert channel_for("web/ko/b.md", files) == "kakao"
    assert channel_for("web/en/b.md", files) == "website"
    assert channel_for("web/ko/promo.sms.txt", files) == "sms"  # 9 literal characters beat 7
    assert channel_for("web/a.md", files) == "blog"  # as specific as web/*.md, and listed first
    assert channel_for("web/ko/b.md", dict(reversed(files.items()))) == "kakao"


GUIDE = """\
channels:
  website: {tone: formal}
  x: {tone: casual}
files:
  "web/**": website
"""


def test_precedence(project):
    project.guide(GUIDE + "terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n")
    project.write("web/a.md", "LumenTea\n")                         # files: glob
    project.write("web/b.md", "---\nchannel: x\n---\nLumenTea\n")   # front matter wins
    project.write("c.md", "LumenTea\n")                             # no channel: base
    channels = {f["path"]: f["channel"] for f in project.findings(".")}
    assert channels == {"web/a.md": "website", "web/b.md": "x", "c.md": None}
    forced = project.findings("--channel", "x", ".")                # --channel beats all
    assert {f["channel"] for f in forced} == {"x"} and len(forced) == 3


def test_unknown_channel_in_front_matter_is_located(project):
    project.guide(GUIDE)
    project.write("a.md", "---\ntitle: T\nchannel: webiste\n---\nHi.\n")
    project.write("b.md", "LumenTea\n")
    result = project.run("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert "a.md:3:10: front matter names unknown channel `webiste`" in result.stderr


def test_unknown_forced_channel_is_a_usage_error(project):
    project.guide(GUIDE)
    result = project.run("check", "--channel", "tiktok", ".")
    assert result.exit_code == 2 and "--channel tiktok" in result.stderr and "website" in result.stderr


def test_a_folder_named_in_decomposed_hangul_matches_its_glob(project):
    import unicodedata

    project.guide('channels:\n  website: {}\nfiles:\n  "공지/**": website\n')
    project.write(unicodedata.normalize("NFD", "공지") + "/a.md", "Hello.\n")
    assert [f["channel"] for f in project.check(".")["files"]] == ["website"]

"""format.* counts and require.* elements."""

from __future__ import annotations

GUIDE = """\
channels:
  instagram: {max_hashtags: 2, max_emoji: 1}
  email: {require: [unsubscribe, link], max_links: 2}
"""


def test_hashtags_and_emoji_over_the_limit(project):
    project.guide(GUIDE)
    project.write("a.md", "Hi 🌸🍵 #one #two #three https://x.example/#four\n")
    found = {f["rule"]: f for f in project.findings("--channel", "instagram", "a.md")}
    assert found["format.hashtags"]["match"] == "#three"
    assert "3 hashtags" in found["format.hashtags"]["message"]
    assert found["format.emoji"]["match"] == "🍵"


def test_emoji_are_counted_as_readers_see_them(project):
    """A flag, a skin tone, a keycap or a family joined by ZWJ is one emoji each."""
    project.guide(GUIDE)
    for text in ("Hi 🇰🇷", "Hi 👍🏽", "Hi 👨\u200d👩\u200d👧", "Hi 1️⃣", "Hi ❤️"):
        project.write("a.md", text + "\n")
        assert project.findings("--channel", "instagram", "a.md", rule="format") == [], text
    project.write("a.md", "Hi 👍🏽 1️⃣ 🇰🇷\n")
    (found,) = project.findings("--channel", "instagram", "a.md", rule="format")
    assert (found["column"], found["match"], found["message"][:8]) == (7, "1️⃣", "3 emoji;")


def test_email_without_unsubscribe_or_link(project):
    project.guide(GUIDE)
    project.write("a.html", "<p>Spring is here.</p>\n")
    rules = [f["rule"] for f in project.findings("--channel", "email", "a.html")]
    assert rules == ["require.link", "require.unsubscribe"]


def test_email_with_unsubscribe_link_passes_and_too_many_links(project):
    project.guide(GUIDE)
    project.write("a.html", '<p><a href="https://x.example/a">Shop</a> <a href="https://x.example/b">More</a></p>'
                            '<p><a href="https://x.example/u?id=1">Unsubscribe</a></p>\n')
    found = project.findings("--channel", "email", "a.html")
    assert [f["rule"] for f in found] == ["format.links"]
    assert found[0]["match"].startswith('<a href="https://x.example/u')


def test_merge_tag_counts_as_unsubscribe(project):
    project.guide(GUIDE)
    project.write("a.md", "Hi. [Shop](https://x.example) Unsubscribe: *|UNSUB|*\n")
    assert project.findings("--channel", "email", "a.md") == []

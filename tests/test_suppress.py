"""Inline suppression comments in Markdown/HTML (<!-- -->) and text (#)."""

from __future__ import annotations


def test_disable_enable_and_next_line_in_markdown(project):
    project.guide()
    project.write("a.md", "LumenTea one.\n\n<!-- brandlint-disable terms.use -->\n\nLumenTea two, cheap.\n\n"
                          "<!-- brandlint-enable terms.use -->\n\nLumenTea three.\n\n"
                          "<!-- brandlint-disable-next-line terms -->\nLumenTea four, cheap.\nLumenTea five.\n")
    found = [(f["line"], f["rule"]) for f in project.findings("a.md")]
    assert found == [(1, "terms.use"), (5, "terms.avoid"), (9, "terms.use"), (13, "terms.use")]


def test_disable_everything_and_family_in_text_files(project):
    project.guide()
    project.write("a.txt", "# brandlint-disable\nLumenTea, cheap.\n# brandlint-enable terms\nLumenTea.\n")
    assert [(f["line"], f["rule"]) for f in project.findings("a.txt")] == [(4, "terms.use")]


def test_document_level_findings_are_suppressed_by_a_disable_anywhere(project):
    project.guide('message:\n  tagline: "Steeped in light."\nchannels:\n  website:\n    require: [tagline]\n')
    project.write("a.md", "Hello.\n\n<!-- brandlint-disable message.tagline -->\n")
    assert project.findings("--channel", "website", "a.md") == []


def test_a_directive_inside_a_code_block_does_nothing(project):
    project.guide()
    project.write("a.md", "```\n<!-- brandlint-disable -->\n```\n\nLumenTea.\n")
    assert len(project.findings("a.md")) == 1


def test_html_comments(project):
    project.guide()
    project.write("a.html", "<p>LumenTea</p>\n<!-- brandlint-disable-next-line terms.use -->\n<p>LumenTea</p>\n")
    assert [f["line"] for f in project.findings("a.html")] == [1]

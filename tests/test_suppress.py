"""Inline suppression comments in Markdown/HTML (<!-- -->), CSS and <style> (/* */) and text (#)."""

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


def test_a_directive_naming_an_unknown_rule_is_pointed_out_and_a_reason_may_follow(project):
    project.guide("extends: [inclusive]\nterms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n")
    project.write("a.md", "# Hi\n\n<!-- brandlint-disable-next-line terms.uze -->\nLumenTea one.\n\n"
                          "<!-- brandlint-disable-next-line terms.use -- approved by legal -->\nLumenTea two.\n\n"
                          "<!-- brandlint-disable inclusive, all -->\n")
    project.write("b.css", "/* brandlint-disable colour */\n.a { color: red; }\n")
    result = project.run("check", "--no-cache", "a.md", "b.css")
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == ["a.md:4:1"]
    assert "brandlint: a.md:3:1: brandlint-disable-next-line names unknown rule `terms.uze`; " \
           "did you mean `terms.use`?" in result.stderr
    assert "brandlint: b.css:1:1: brandlint-disable names unknown rule `colour`; did you mean `color`?" \
        in result.stderr
    assert "approved" not in result.stderr and "`inclusive`" not in result.stderr and "`all`" not in result.stderr


def test_a_misspelled_directive_is_said_and_suppresses_nothing(project):
    """`brandlint-disable-line` is not `brandlint-disable` followed by something: a prefix
    match would turn a rule off for the rest of the file."""
    project.guide()
    project.write("a.md", "LumenTea <!-- brandlint-disable-line terms.use -->\nLumenTea\n\n"
                          "LumenTea <!-- brandlint-disable-next-lines terms.use -->\nLumenTea\n\n"
                          "LumenTea <!--brandlint-disable-->\nLumenTea\n")
    result = project.run("check", "--no-cache", "a.md")
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == ["a.md:1:1", "a.md:2:1", "a.md:4:1",
                                                                            "a.md:5:1", "a.md:7:1"]
    assert "brandlint: a.md:1:10: unknown directive `brandlint-disable-line` ignored" in result.stderr
    assert "unknown directive `brandlint-disable-next-lines` ignored" in result.stderr


def test_css_comments_inside_html_and_svg_style_blocks(project):
    project.guide('colors:\n  palette: {gold: "#E0A526", ink: "#1C1C1C"}\n')
    project.write("a.html", "<html><head><style>\n/* brandlint-disable-next-line color */\na { color: #00FF00; }\n"
                            "b { color: #00FF00; }\n</style>\n<!-- brandlint-disable color -->\n"
                            "<style>i { color: #00FF00; }</style>\n<!-- brandlint-enable color -->\n"
                            "<style>u { color: #00FF00; }</style></head><body><p>Hi.</p></body></html>\n")
    project.write("a.svg", '<svg xmlns="http://www.w3.org/2000/svg"><style>\n/* brandlint-disable-next-line color */\n'
                           ".a { fill: #00FF00; }\n.b { fill: #00FF00; }\n</style></svg>\n")
    found = [(f["path"], f["line"]) for f in project.findings("a.html", "a.svg") if f["rule"].startswith("color")]
    assert found == [("a.html", 4), ("a.html", 9), ("a.svg", 4)]

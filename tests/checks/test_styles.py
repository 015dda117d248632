"""Styles: colours (every CSS syntax), contrast, fonts in CSS, HTML and SVG."""

from __future__ import annotations

GUIDE = """\
colors:
  tolerance: 2.3
  min_contrast: 4.5
  palette:
    gold: "#E0A526"
    ink: "#1C1C1C"
    paper: "#FFFDF7"
fonts: [Inter, Noto Sans KR]
channels:
  print: {fonts: [Georgia]}
"""


def _found(project, *args):
    return [(f["rule"], f["line"], f["column"], f["match"]) for f in project.findings(*args)]


def test_every_css_colour_syntax_is_compared_with_the_palette(project):
    project.guide(GUIDE)
    project.write("a.css", ".a { color: #e0a526; border: 1px solid #1c1c1cff; }\n"
                           ".b { color: rgb(224 165 38); background: hsl(40 74% 51%); }\n"
                           ".c { color: rebeccapurple; fill: color(srgb 0.11 0.11 0.11); }\n"
                           ".d { color: #FFF; outline-color: rgba(230, 168, 58, 0.5); }\n"
                           ".e { color: transparent; background: currentColor; }\n")
    # hsl(40 74% 51%) is gold within tolerance (ΔE00 1.4); #1c1c1cff and color(srgb .11 .11 .11) are ink.
    assert _found(project, "a.css") == [
        ("contrast.text", 2, 13, "rgb(224 165 38)"),   # gold text on a gold background
        ("color.off_palette", 3, 13, "rebeccapurple"),
        ("color.near_miss", 4, 13, "#FFF"),            # white is 3.0 from paper
        ("color.near_miss", 4, 34, "rgba(230, 168, 58, 0.5)"),
    ]


def test_near_miss_fix_writes_the_exact_brand_hex(project):
    project.guide(GUIDE)
    path = project.write("a.css", ".b { background: #E6A83A; }\n")
    [finding] = project.findings("a.css")
    assert finding["fix"] == {"replacement": "#E0A526"}
    project.run("fix", "a.css")
    assert path.read_text() == ".b { background: #E0A526; }\n"


def test_a_near_miss_fix_keeps_the_colours_transparency(project):
    project.guide(GUIDE)
    path = project.write("a.css", ".a{color:#E6A83A80}\n.b{color:rgba(230,168,58,0.5)}\n"
                                  ".c{color:rgb(230 168 58 / 40%)}\n.d{color:#EA38}\n")
    fixes = [f["fix"]["replacement"] for f in project.findings("a.css", rule="color")]
    assert fixes == ["#E0A52680", "rgba(224, 165, 38, 0.5)", "rgba(224, 165, 38, 0.4)", "#E0A52688"]
    project.run("fix", "a.css")
    assert path.read_text() == (".a{color:#E0A52680}\n.b{color:rgba(224, 165, 38, 0.5)}\n"
                                ".c{color:rgba(224, 165, 38, 0.4)}\n.d{color:#E0A52688}\n")


def test_contrast_with_custom_properties_and_the_nearest_passing_pair(project):
    project.guide(GUIDE)
    project.write("a.css", ":root { --gold: #E0A526; --paper: #FFFDF7; }\n"
                           ".note { color: var(--gold); background-color: var(--paper); }\n"
                           ".ok { color: #1C1C1C; background: #FFFDF7 url(x.png); }\n")
    [finding] = project.findings("a.css")
    assert (finding["rule"], finding["line"], finding["match"]) == ("contrast.text", 2, "var(--gold)")
    assert "2.16:1" in finding["message"] and "ink #1C1C1C on paper #FFFDF7" in finding["message"]


def test_fonts_shorthand_quotes_case_generics_and_channels(project):
    project.guide(GUIDE)
    project.write("a.css", 'h1 { font-family: "inter", \'Noto Sans KR\', system-ui, sans-serif; }\n'
                           "p { font: italic 700 16px/1.5 Helvetica Neue, Arial, sans-serif; }\n"
                           "small { font: caption; }\n"
                           "@font-face { font-family: Bespoke; src: url(b.woff2); }\n")
    found = [(f["rule"], f["severity"], f["match"]) for f in project.findings("a.css")]
    assert found == [("font.family", "error", "Helvetica Neue")]  # the fallback Arial is not judged
    print_found = [f["match"] for f in project.findings("--channel", "print", "a.css")]
    assert print_found == ['"inter"', "Helvetica Neue"]  # each stack's first family


def test_html_style_blocks_attributes_and_legacy_attributes(project):
    project.guide(GUIDE)
    project.write("a.html", "<html><head><style>\nh1 { color: #2AA198; }\n</style></head>\n"
                            '<body bgcolor="#FFFDF7" text="#E0A526"><p style="color: #1C1C1C; '
                            'font-family: Comic Sans MS">Hi</p></body></html>\n')
    assert _found(project, "a.html") == [
        ("color.off_palette", 2, 13, "#2AA198"),
        ("contrast.text", 2, 13, "#2AA198"),  # teal h1 on the body's paper background
        ("contrast.text", 4, 31, "#E0A526"),
        ("font.family", 4, 79, "Comic Sans MS"),
    ]


def test_svg_attributes_styles_and_text(project):
    project.guide(GUIDE + "terms:\n  - avoid: [cheap]\n")
    project.write("a.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
                           '  <style>.t { fill: #E0A526; font-family: Papyrus; }</style>\n'
                           '  <rect fill="#FF0000" stroke="#1C1C1C" style="stroke: #1D1D1D"/>\n'
                           '  <text class="t">cheap tea</text>\n</svg>\n')
    assert _found(project, "a.svg") == [
        ("font.family", 2, 43, "Papyrus"),
        ("color.off_palette", 3, 15, "#FF0000"),
        ("terms.avoid", 4, 19, "cheap"),
    ]


def test_svg_external_entities_are_never_resolved(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("cheap")
    project.guide(GUIDE + "terms:\n  - avoid: [cheap]\n")
    project.write("a.svg", f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                           '<svg xmlns="http://www.w3.org/2000/svg"><text fill="#1C1C1C">&x;</text></svg>\n')
    result = project.run("check", "--no-cache", "a.svg")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "cheap" not in result.stdout


def test_invalid_css_is_reported_with_its_line_and_the_rest_still_checked(project):
    project.guide(GUIDE)
    project.write("a.css", ".a { color: #1C1C1C; }\n.b { color }\n.c { color: #2AA198; }\n")
    assert [(f["rule"], f["line"]) for f in project.findings("a.css")] == [("format.css", 2),
                                                                          ("color.off_palette", 3)]


def test_css_comments_suppress(project):
    project.guide(GUIDE)
    project.write("a.css", "/* brandlint-disable-next-line color */\n.a { color: #2AA198; }\n.b { color: #2AA198; }\n")
    assert [f["line"] for f in project.findings("a.css")] == [3]


def test_form_feeds_count_as_line_ends_in_css(project):
    project.guide(GUIDE)
    project.write("a.css", ".a {}\f.b { color: #2AA198; }\n")
    [finding] = project.findings("a.css")
    assert finding["match"] == "#2AA198"


def test_text_colour_without_a_background_is_paired_with_the_page_background(project):
    project.guide(GUIDE)
    project.write("a.css", "html, body { background: #FFFDF7; }\n.note { color: #E0A526; }\n"
                           ".ok { color: #1C1C1C; }\n.own { color: #E0A526; background: #1C1C1C; }\n")
    [finding] = project.findings("a.css")
    assert (finding["rule"], finding["line"]) == ("contrast.text", 2)
    assert "the page background set for html, body" in finding["message"]


def test_colours_inside_gradients_shadows_and_var_fallbacks_are_checked_where_they_stand(project):
    project.guide(GUIDE)
    project.write("g.css", ".g { background: linear-gradient(#E0A526, #123456); }\n"
                           ".h {\n  background-image: radial-gradient(circle,\n    rgba(18, 52, 86, 0.5) 0%,\n"
                           "    #1C1C1C 100%), linear-gradient(to right, #FFFDF7, var(--x, #654321));\n"
                           "  box-shadow: 0 0 2px #ABCDEF;\n}\n")
    assert _found(project, "g.css") == [
        ("color.off_palette", 1, 43, "#123456"),
        ("color.off_palette", 4, 5, "rgba(18, 52, 86, 0.5)"),
        ("color.off_palette", 5, 64, "#654321"),
        ("color.off_palette", 6, 23, "#ABCDEF"),
    ]


def test_text_sits_on_the_background_of_the_nearest_enclosing_element(project):
    project.guide(GUIDE)
    project.write("a.html", '<html><body style="background-color: #FFFDF7">\n'
                            '<div style="background-color:#1C1C1C"><p style="color: #E0A526">gold on ink</p>'
                            '<br><span style="color: #1C1C1C">ink on ink</span></div>\n'
                            '<p style="color: #E0A526">gold on paper</p>\n</body></html>\n')
    found = [(f["line"], f["match"], f["message"].split(" has ")[0]) for f in project.findings("a.html")
             if f["rule"] == "contrast.text"]
    assert found == [(2, "#1C1C1C", "Text #1C1C1C on #1C1C1C (the background of <div>)"),
                     (3, "#E0A526", "Text #E0A526 on #FFFDF7 (the background of <body>)")]


def test_styles_in_the_raw_html_of_a_markdown_file_are_checked_but_not_in_code(project):
    project.guide(GUIDE)
    project.write("m.md", '# Hi\n\nSome <span style="color:#E0A526;background:#FFFDF7;font-family:Papyrus">gold</span>'
                          ' text.\n\n<div style="color: #00FF00">\nblock\n</div>\n\n'
                          '```html\n<span style="color:#00FF00">code</span>\n```\n\nPlain `<b style="color:red">`.\n')
    found = [(f["rule"], f["line"], f["column"]) for f in project.findings("m.md")
             if f["rule"].split(".")[0] in ("color", "contrast", "font")]
    assert found == [("contrast.text", 3, 25), ("font.family", 3, 64), ("color.off_palette", 5, 20)]


def test_system_fallbacks_after_a_brand_font_are_fine(project):
    project.guide(GUIDE)
    project.write("a.css", 'body { font-family: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", Arial, '
                           "sans-serif; }\n")
    assert project.findings("a.css") == []


def test_a_value_just_past_its_limit_is_never_shown_as_the_limit():
    from brandlint.checks.color import _above
    from brandlint.checks.contrast import _below

    assert (_below(4.4996, 4.5), _below(2.156, 4.5)) == ("4.49", "2.16")
    assert (_above(2.307, 2.3), _above(5.55, 2.3)) == ("2.31", "5.5")


def test_text_in_a_rule_without_a_background_sits_on_its_enclosing_selectors_background(project):
    """`.card p` on a light `.card` inside a dark page is fine; text on a gradient has no one
    background to be held to; text with no enclosing background still sits on the page's."""
    project.guide(GUIDE)
    project.write("a.css", "body{background:#1C1C1C;color:#FFFDF7}\n.card{background:#FFFDF7}\n"
                           ".card p{color:#1C1C1C}\nmain .card > em{color:#1C1C1C}\n"
                           ".hero{background-image:linear-gradient(#1C1C1C,#1C1C1C);color:#FFFDF7}\n"
                           ".bad p{color:#1C1C1C}\n")
    found = [(f["line"], f["rule"]) for f in project.findings("a.css", rule="contrast")]
    assert found == [(6, "contrast.text")]

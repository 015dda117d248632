"""Every guideline mistake is one message with file:line:column and exit status 2."""

from __future__ import annotations

import pytest

from brandlint.errors import GuideError
from brandlint.guide.loader import find_guide, load_guide
from brandlint.vision.examples import example_logo_png

CASES = [
    # (guideline, expected location, words the message must contain)
    ("brand: X\ncolours: {}\n", "2:1", ["unknown key `colours`", "did you mean `colors`"]),
    ("brand: X\nvoice:\n  tone: formal\n  tagline: hi\n", "4:3", ["unknown key `tagline` under `voice`"]),
    ("brand: X\nchannels:\n  x:\n    max_char: 280\n", "4:5", ["`max_char`", "did you mean `max_chars`"]),
    ('brand: X\ncolors:\n  palette:\n    gold: "E0A526"\n', "4:11", ["colors.palette.gold", "not a hex colour"]),
    ('brand: X\ncolors:\n  palette:\n    gold: "#GG0000"\n', "4:11", ["not a hex colour"]),
    ("brand: X\ncolors:\n  palette:\n    gold: #E0A526\n", "4:5", ["colors.palette.gold", "YAML reads as a comment",
                                                                 'quote it: "#E0A526"']),
    ("brand: X\nchannels:\n  x:\n    max_chars: lots\n", "4:16", ["channels.x.max_chars", "integer"]),
    # A value of the wrong type is a mistake, not something to convert (true is not 1, "280" not 280).
    ("brand: X\nchannels:\n  x:\n    max_chars: true\n", "4:16", ["channels.x.max_chars", "integer"]),
    ('brand: X\nchannels:\n  x:\n    max_chars: "280"\n', "4:16", ["channels.x.max_chars", "integer"]),
    ('brand: X\ncolors:\n  tolerance: "2.3"\n', "3:14", ["colors.tolerance", "number"]),
    ("brand: X\nvoice:\n  tone: loud\n", "3:9", ["voice.tone", "'loud'"]),
    ("brand: X\nterms:\n  - use: A\n    avoid: [b]\n", "3:5", ["either `use`", "`avoid`"]),
    ("brand: X\nextends: [inclusiv]\n", "2:11", ["unknown rule pack `inclusiv`", "did you mean `inclusive`"]),
    ("brand: X\nchannels:\n  sms:\n    extends: [nope]\n", "4:15", ["unknown rule pack `nope`"]),
    ('brand: X\nchannels:\n  website: {}\nfiles:\n  "web/**": webiste\n', "5:13",
     ["unknown channel `webiste`", "did you mean `website`"]),
    ("brand: X\nlogos:\n  primary:\n    file: assets/nope.png\n", "4:11", ["does not exist"]),
    ("brand: X\nterms: [\n", "3:1", ["invalid YAML"]),
    ("brand: X\nbrand: Y\n", "2:1", ["duplicate key"]),
    ("brand: !!python/object:os.system x\n", "1:8", ["custom YAML tags", "!!python/object"]),
    ("!custom\nbrand: X\n", "1:1", ["custom YAML tags", "!custom"]),
    ("", "1:1", ["empty"]),
    ("- a\n- b\n", "1:1", ["must be a mapping", "list"]),
    ("voice:\n  tone: formal\n", "1:1", ["missing required key `brand`"]),
    ("brand: X\nrules:\n  terms.usee: off\n", "3:3", ["unknown rule `terms.usee`", "did you mean `terms.use`"]),
    ("brand: X\nchannels:\n  sms:\n    encoding: cp9499\n", "4:15", ["not a known text encoding"]),
    ("brand: X\nmessage:\n  key_messages:\n    - id: a\n      any_of: []\n", "5:15", ["any_of"]),
    ("brand: X\ncompliance:\n  - id: t\n    when: [off]\n", "3:5",
     ["missing required key `require` under `compliance.0`"]),
    ('brand: X\ncolors:\n  palette: {paper: "#FFF"}\nlogos:\n  p:\n    file: logo.png\n    on: [papr]\n',
     "7:10", ["`papr` is not a palette colour", "did you mean `paper`"]),
    ("brand: X\nchannels:\n  website:\n    require: [link, taglin]\n", "4:21",
     ["channels.website.require: `taglin`", "did you mean `tagline`"]),
    ("brand: X\nchannels:\n  base:\n    tone: casual\n", "3:3", ["`base` is what brandlint calls the files"]),
    ("brand: X\nterms:\n  - use: email\n    instead_of: [e-mail]\n  - use: e-mail\n    instead_of: [email]\n",
     "4:18", ["terms.0.instead_of: `e-mail` is the form terms.1 says to use"]),
    ("brand: X\nterms:\n  - use: Lumen Tea\n  - avoid: [cheap, Lumen Tea]\n", "4:20",
     ["terms.1.avoid: `Lumen Tea` is the form terms.0 says to use"]),
    ("brand: X\nchannels:\n  kakao:\n    tone: 해요체\n", "4:11",
     ["channels.kakao.tone", "Korean speech level", "`speech_level: [haeyo]`"]),
]


@pytest.mark.parametrize("text, where, words", CASES, ids=[c[2][0][:40] for c in CASES])
def test_each_mistake_is_located(project, text, where, words):
    project.write("logo.png", example_logo_png())
    project.write("brand.yaml", text)
    project.write("a.md", "Hello.\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip().splitlines()[0]
    assert message.startswith(f"brandlint: error: brand.yaml:{where}: "), message
    for word in words:
        assert word in message, message
    assert "Traceback" not in result.stderr


def test_several_schema_mistakes_are_all_listed(project):
    project.write("brand.yaml", "brand: X\ncolours: {}\nvoice:\n  tone: loud\n")
    result = project.run("check", ".")
    lines = result.stderr.strip().splitlines()
    assert any("2:1" in line and "colours" in line for line in lines)
    assert any("4:9" in line and "voice.tone" in line for line in lines)


def test_logo_file_outside_the_guideline_folder_needs_allow_outside(project, tmp_path):
    project.write("assets/logo.png", example_logo_png())
    project.write("sub/brand.yaml", "brand: X\nlogos:\n  primary:\n    file: ../assets/logo.png\n")
    with pytest.raises(GuideError, match="outside the guideline's folder"):
        load_guide(tmp_path / "sub" / "brand.yaml")
    project.write("sub/brand.yaml", "brand: X\nlogos:\n  primary:\n    file: ../assets/logo.png\n"
                  "    allow_outside: true\n")
    assert load_guide(tmp_path / "sub" / "brand.yaml").guide.logos["primary"].allow_outside


def test_discovery_prefers_the_nearest_parent(project, tmp_path):
    project.guide(name="brand.yaml")
    project.write("content/deep/.brandlint.yaml", "brand: Deep\n")
    assert find_guide(tmp_path / "content") == (tmp_path / "brand.yaml").resolve()
    assert find_guide(tmp_path / "content" / "deep" / "x.md") == (tmp_path / "content/deep/.brandlint.yaml").resolve()


def test_guide_is_found_from_a_checked_folder_when_none_is_above_the_cwd(project, tmp_path, monkeypatch):
    project.write("site/brand.yaml", "brand: X\nterms:\n  - avoid: [cheap]\n    level: error\n")
    project.write("site/a.md", "Cheap tea.\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    result = project.run("check", "--no-cache", "../site")
    assert result.exit_code == 1
    assert "terms.avoid" in result.stdout


def test_no_guideline_anywhere_is_a_usage_error(project):
    project.write("a.md", "Hello.\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "no brand.yaml" in result.stderr and "brandlint init" in result.stderr


def test_explicit_guide_that_does_not_exist(project):
    result = project.run("check", "--guide", "missing.yaml", ".")
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr


def test_pack_by_path_and_pack_cycle(project, tmp_path):
    project.write("packs/house.yaml", "rules:\n  tea:\n    type: existence\n    tokens: [beverage]\n")
    project.guide("brand: X\nextends: [packs/house.yaml]\n")
    project.write("a.md", "A fine beverage.\n")
    assert [f["rule"] for f in project.findings("a.md")] == ["house.tea"]

    project.write("packs/a.yaml", "extends: [b.yaml]\nrules: {}\n")
    project.write("packs/b.yaml", "extends: [a.yaml]\nrules: {}\n")
    project.guide("brand: X\nextends: [packs/a.yaml]\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "extends itself" in result.stderr and "b.yaml" in result.stderr


def test_invalid_pack_is_located_in_the_pack_file(project):
    project.write("packs/bad.yaml", "rules:\n  tea:\n    type: existance\n    tokens: [x]\n")
    project.guide("brand: X\nextends: [packs/bad.yaml]\n")
    result = project.run("check", ".")
    assert result.exit_code == 2
    assert "packs/bad.yaml:3:11:" in result.stderr and "existance" in result.stderr


def test_oversized_guideline_is_refused(project):
    project.write("brand.yaml", "brand: X\n" + "# padding\n" * 300_000)
    result = project.run("check", ".")
    assert result.exit_code == 2
    assert "MB" in result.stderr and "refused" in result.stderr


def test_fingerprint_follows_brandlints_own_code(project, monkeypatch):
    """Results cached by other brandlint code (same version, a new checkout) are not reused."""
    from brandlint import resources
    from brandlint.guide.loader import load_guide

    path = project.guide()
    before = load_guide(path).fingerprint
    assert load_guide(path).fingerprint == before
    monkeypatch.setattr(resources, "code_stamp", lambda: "other-code")
    assert load_guide(path).fingerprint != before


def test_fingerprint_follows_the_logo_files(project):
    """A new logo image changes logo findings: results cached against the old one are not reused."""
    from PIL import Image

    from brandlint.guide.loader import load_guide

    logo = project.root / "assets" / "logo.png"
    logo.parent.mkdir()
    Image.new("RGB", (40, 20), (10, 120, 60)).save(logo)
    path = project.guide("brand: X\nlogos:\n  primary:\n    file: assets/logo.png\n")
    before = load_guide(path).fingerprint
    Image.new("RGB", (40, 20), (200, 30, 30)).save(logo)
    assert load_guide(path).fingerprint != before


def test_a_key_given_twice_is_named_briefly_at_its_second_line(project):
    project.write("brand.yaml", "brand: X\nterms:\n  - avoid: [cheap, guaranteed, free]\n    message: long\n"
                                "terms:\n  - avoid: [cheap]\n")
    result = project.run("check", ".")
    assert result.exit_code == 2
    assert "brand.yaml:5:1: invalid YAML: duplicate key `terms`: keep one" in result.stderr
    assert "guaranteed" not in result.stderr  # the whole first value is not dumped


def test_a_misspelt_fact_in_require_is_located_with_the_fact_it_resembles(project):
    project.guide("brand: X\nchannels:\n  email:\n    require: [discont]\n")
    project.write("campaigns/spring.yaml", "campaign: spring\nchannels: [email]\nfacts:\n  discount: 20%\n")
    project.write("a.md", "Hello.\n")
    result = project.run("check", "--no-cache", "a.md")
    assert result.exit_code == 2
    assert "brand.yaml:4:15: channels.email.require: `discont`" in result.stderr and "`discount`" in result.stderr


def test_require_may_name_campaign_facts_even_ones_that_look_like_other_requirements(project):
    project.guide("brand: X\nchannels:\n  email:\n    require: [links, discount]\n")
    project.write("campaigns/spring.yaml", "campaign: spring\nchannels: [email]\nfacts:\n  links: 3\n")
    project.write("a.md", "Hello.\n")
    assert project.run("check", "--no-cache", "a.md").exit_code == 0


def test_speech_levels_may_be_named_in_korean(project):
    project.guide("brand: X\nchannels:\n  kakao:\n    language: ko\n    speech_level: [해요체]\n"
                  "files:\n  \"kakao/**\": kakao\n")
    project.write("kakao/a.md", "지금 주문하십시오.\n\n지금 주문하세요.\n")
    found = project.findings("kakao/a.md", rule="tone")
    assert [(f["rule"], f["line"]) for f in found] == [("tone.speech_level", 1)]
    assert "wants 해요체 (its speech_level)" in found[0]["message"]


def test_requiring_a_tagline_the_guideline_lacks_is_said_not_ignored(project):
    project.guide("brand: X\nchannels:\n  web:\n    require: [tagline]\n")
    project.write("a.md", "Hello.\n")
    result = project.run("check", "--no-cache", "a.md")
    assert result.exit_code == 0
    assert "brandlint: brand.yaml:4:15: channels.web.require: `tagline`, but the guideline has no" in result.stderr


def test_requiring_something_nothing_defines_is_said_not_silently_ignored(project):
    project.guide("brand: X\nchannels:\n  website:\n    require: [nosuch]\nfiles:\n  \"web/**\": website\n")
    project.write("web/a.md", "Hello there friend.\n")
    result = project.run("check", "--no-cache", "web/a.md")
    assert result.exit_code == 0
    assert ("brandlint: brand.yaml:4:15: channels.website.require: `nosuch` is not a message id, `tagline`, "
            "`logo`, `unsubscribe`, `link`, or a fact of a campaign beside the guideline") in result.stderr


def test_a_guideline_that_is_not_utf8_is_located_to_the_byte(project):
    project.write("brand.yaml", b"brand: X\nvoice:\n  tone: caf\xe9\n")
    project.write("a.md", "Hello.\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "brandlint: error: brand.yaml:3:12: the guideline is not valid UTF-8 (byte 0xe9)" in result.stderr


def test_a_pack_may_not_take_a_built_in_family_name(project):
    project.guide("brand: X\nextends: [./packs/mine.yaml]\n")
    project.write("packs/mine.yaml", "pack: terms\nrules:\n  use:\n    type: existence\n    tokens: [yummy]\n")
    project.write("a.md", "Hello.\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "brandlint: error: packs/mine.yaml:1:7: a rule pack may not be named `terms`" in result.stderr


@pytest.mark.parametrize("token, words", [("(unclosed", "is not a valid regular expression: missing )"),
                                          ("(a|)*b?", "matches empty text")])
def test_a_pack_regex_that_cannot_work_is_located_when_the_pack_loads(project, token, words):
    project.guide("brand: X\nextends: [./packs/mine.yaml]\n")
    project.write("packs/mine.yaml", f'pack: mine\nrules:\n  nope:\n    type: existence\n    regex: true\n'
                                     f'    tokens: ["{token}"]\n')
    project.write("a.md", "Hello.\n")
    result = project.run("check", "--no-cache", "a.md")
    assert result.exit_code == 2
    assert f"brandlint: error: packs/mine.yaml:4:5: rules.nope: `{token}` {words}" in result.stderr
    assert "internal error" not in result.stderr


def test_requiring_a_logo_the_guideline_lacks_is_said_not_ignored(project):
    project.guide("brand: X\nchannels:\n  instagram:\n    require: [logo]\n")
    project.write("a.md", "Hello.\n")
    result = project.run("check", "--no-cache", "a.md")
    assert result.exit_code == 0
    assert "brandlint: brand.yaml:4:15: channels.instagram.require: `logo`, but the guideline has no `logos:`" \
        in result.stderr

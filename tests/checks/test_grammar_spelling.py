"""grammar (LanguageTool over HTTP) and spelling (pyspellchecker's dictionary)."""

from __future__ import annotations


def test_grammar_positions_past_emoji_and_disabled_rules(project, languagetool):
    project.guide("grammar:\n  disabled_rules: [WHITESPACE_RULE]\n")
    project.write("a.md", "# Spring\n\n🌸🌸 We has tea.  Try the the blend.\n")
    found = [(f["rule"], f["line"], f["column"], f["match"]) for f in project.findings("a.md")]
    assert found == [("grammar.languagetool", 3, 4, "We has"), ("grammar.languagetool", 3, 21, "the the")]
    messages = [f["message"] for f in project.findings("a.md")]
    assert "[HAVE_PART_AGREEMENT]" in messages[0] and "Suggestions: We have." in messages[0]
    assert "WHITESPACE_RULE" in languagetool.requests[-1]["disabled"]


def test_grammar_skips_vocabulary_and_code(project, languagetool):
    project.guide("vocabulary: [the the]\ngrammar: {}\n")
    project.write("a.md", "Try the the blend. `we has` is code.\n")
    assert project.findings("a.md") == []
    assert "we has" not in languagetool.requests[-1]["text"]


def test_no_server_gives_one_notice_and_no_findings(project, monkeypatch):
    monkeypatch.delenv("BRANDLINT_LANGUAGETOOL_URL", raising=False)
    project.guide("grammar:\n  disabled_rules: []\n")
    project.write("a.md", "We has tea.\n")
    project.write("b.md", "They has tea.\n")
    result = project.run("check", "--no-cache", ".")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.count("grammar not checked: no LanguageTool server") == 1


def test_the_notice_comes_without_a_grammar_section_too_but_not_when_grammar_is_off(project, monkeypatch):
    monkeypatch.delenv("BRANDLINT_LANGUAGETOOL_URL", raising=False)
    project.guide("brand: Lumen Tea\n")
    project.write("a.md", "We has tea.\n")
    assert "grammar not checked: no LanguageTool server" in project.run("check", "a.md").stderr
    assert "grammar not checked" not in project.run("check", "--quiet", "a.md").stderr
    project.guide("brand: Lumen Tea\nrules:\n  grammar: off\n")
    assert "grammar not checked" not in project.run("check", "a.md").stderr
    project.guide("brand: Lumen Tea\n")
    project.write("a.css", "a { color: red; }\n")
    assert "grammar not checked" not in project.run("check", "a.css").stderr  # no copy to read


def test_a_server_that_is_down_is_a_notice_not_a_crash(project):
    project.guide("grammar:\n  server: http://127.0.0.1:9/\n")
    project.write("a.md", "We has tea.\n")
    result = project.run("check", "--no-cache", ".")
    assert result.exit_code == 0 and "did not answer" in result.stderr and "Traceback" not in result.stderr


def test_spelling_flags_typos_with_a_suggestion(project):
    project.guide("brand: Lumen Tea\n")
    project.write("a.md", "Our blend is delicous and bright.\n")
    [finding] = project.findings("a.md")
    assert (finding["rule"], finding["match"], finding["column"]) == ("spelling.unknown", "delicous", 14)
    assert "did you mean 'delicious'?" in finding["message"]


def test_spelling_accepts_vocabulary_terms_names_british_and_non_words(project):
    project.guide("vocabulary: [matcha, Sencha blend]\nterms:\n  - avoid: [teaware]\n")
    project.write("a.md", "Matcha and sencha, our colour and flavour. Visit Jeju with SPRINGTEA and iPhone users. "
                          "#teatime @lumentea spring2026 we're organised. `misspeled` https://x.example/misspeled\n"
                          "\nIt prioritises organisational care with neighbouring, flavourful harvests.\n")
    assert project.findings("a.md") == []


def test_spelling_can_be_turned_off(project):
    project.guide("rules:\n  spelling: off\n")
    project.write("a.md", "Our blend is delicous.\n")
    assert project.findings("a.md") == []


def test_spelling_remembers_words_per_channel_and_reports_every_occurrence(project):
    # One run, one process: a word the website's vocabulary accepts is still unknown on the
    # base guideline, and an unknown word is reported wherever it appears, in every file.
    project.guide("vocabulary: [sencha]\nfiles:\n  \"web/**\": website\n"
                  "channels:\n  website:\n    vocabulary: [gyokuro]\n")
    project.write("web/a.md", "Our gyokuro is fine. Our delicous tea.\n")
    project.write("b.md", "Our gyokuro and sencha. So delicous, truly delicous.\n")
    project.write("c.md", "Still delicous.\n")
    found = [(f["path"], f["match"], f["column"]) for f in project.findings("--jobs", "1", rule="spelling")]
    assert found == [("b.md", "gyokuro", 5), ("b.md", "delicous", 28), ("b.md", "delicous", 44),
                     ("c.md", "delicous", 7), ("web/a.md", "delicous", 26)]


def test_spelling_leaves_pack_words_to_the_pack_and_accepts_what_fix_writes(project):
    project.guide("extends: [inclusive]\n")
    project.write("a.md", "Add it to the whitelist today.\n")
    assert [f["rule"] for f in project.findings("a.md")] == ["inclusive.tech-terms"]
    assert project.run("fix", "a.md").exit_code == 0
    assert (project.root / "a.md").read_text() == "Add it to the allowlist today.\n"
    assert project.findings("a.md") == []


def test_the_environment_variable_wins_over_the_guidelines_server(project, languagetool):
    project.guide("grammar:\n  server: http://127.0.0.1:9/\n")  # nothing listens there
    project.write("a.md", "We has tea.\n")
    result = project.run("check", "--no-cache", "a.md")
    assert "did not answer" not in result.stderr and languagetool.requests  # the env's server answered


def test_everyday_marketing_words_are_not_typos(project):
    project.guide("brand: Lumen Tea\n")
    project.write("a.md", "Link in bio. Join the webinar, add it to your wishlist and share a selfie with a hashtag.\n")
    assert project.findings("a.md", rule="spelling") == []

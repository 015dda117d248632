"""terms.use and terms.avoid: whole words, exact case, never in code or URLs, safe fixes."""

from __future__ import annotations


def test_exact_position_match_and_fix(project):
    project.guide()
    project.write("web/home.md", "# Home\n\nWe love\n  our LumenTea blends.\n")
    [finding] = project.findings("web/home.md")
    assert finding == {
        "path": "web/home.md", "line": 4, "column": 7, "end_line": 4, "end_column": 15,
        "rule": "terms.use", "severity": "error", "channel": None,
        "message": "Use 'Lumen Tea' instead of 'LumenTea'.", "match": "LumenTea",
        "fix": {"replacement": "Lumen Tea"},
    }


def test_not_inside_words_code_urls_or_hashtags(project):
    project.guide()
    project.write("a.md", "SuperLumenTeaX and LumenTeas, `LumenTea`, https://x.example/LumenTea "
                          "and #LumenTea and @LumenTea.\n\n```\nLumenTea\n```\n")
    assert project.findings("a.md") == []


def test_case_sensitive_use_and_capitalised_lowercase_variants(project):
    project.guide()
    project.write("a.md", "E-mail us. Send an e-mail. Email is fine. lumen tea and LUMEN TEA and Lumen Tea.\n")
    found = [(f["match"], f.get("fix", {}).get("replacement")) for f in project.findings("a.md")]
    assert found == [("E-mail", "Email"), ("e-mail", "email"), ("lumen tea", "Lumen Tea"),
                     ("LUMEN TEA", "Lumen Tea")]


def test_multi_word_term_across_a_line_break_is_found(project):
    project.guide()
    project.write("a.md", "We sell Lumen\ntea every day.\n")
    [finding] = project.findings("a.md")
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 9, 2, 4)
    assert finding["match"] == "Lumen\ntea"


def test_avoid_is_case_insensitive_with_message_and_level(project):
    project.guide()
    project.write("a.txt", "Cheap and cheerful.\n")
    [finding] = project.findings("a.txt")
    assert finding["rule"] == "terms.avoid" and finding["severity"] == "error"
    assert finding["message"] == "Avoid 'Cheap': We never promise what a cup can't keep."
    assert "fix" not in finding


def test_avoided_word_inside_a_hashtag_is_still_flagged(project):
    project.guide()
    project.write("a.txt", "So good #cheap\n")
    assert [f["rule"] for f in project.findings("a.txt")] == ["terms.avoid"]


def test_no_fix_where_the_source_differs_from_the_text(project):
    project.guide("terms:\n  - use: R&D\n    instead_of: [R and D]\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n")
    project.write("a.html", "<p>Our R and D team. Lumen&#84;ea</p>\n")
    found = {f["match"]: f.get("fix") for f in project.findings("a.html")}
    assert found == {"R and D": {"replacement": "R&D"}, "Lumen&#84;ea": None}


def test_korean_term_matches_before_particles_but_not_inside_longer_nouns(project):
    project.guide("terms:\n  - avoid: [최고]\n    level: error\n")
    project.write("a.txt", "최고의 차. 최고로 맛있는 차. 최고입니다. 최고경영자 인사.\n")
    found = [f["match"] for f in project.findings("a.txt")]
    assert found == ["최고", "최고", "최고"]


def test_terms_after_a_letter_whose_lower_case_is_longer_keep_their_columns(project):
    # "İ".lower() is two characters: the matcher must not shift the columns after it.
    project.guide()
    project.write("a.txt", "İİ İstanbul LumenTea, CHEAP and ΣΑΣ cheap.\n")
    found = [(f["column"], f["end_column"], f["match"]) for f in project.findings("a.txt")]
    assert found == [(13, 21, "LumenTea"), (23, 28, "CHEAP"), (37, 42, "cheap")]
    project.write("b.txt", "Istanbul LumenTea, CHEAP and ΣΑΣ cheap.\n")
    found = [(f["column"], f["match"]) for f in project.findings("b.txt")]
    assert found == [(10, "LumenTea"), (20, "CHEAP"), (34, "cheap")]


def test_korean_term_before_copula_endings_is_found_and_compounds_are_not(project):
    project.guide("terms:\n  - avoid: [최고]\n    level: error\n")
    project.write("a.txt", "최고다. 최고지. 최고네요. 최고라서 좋아요. 최고였다.\n"
                           "최고경영자 인사. 최고가 갱신. 최고가 되겠습니다.\n")
    found = [(f["line"], f["column"]) for f in project.findings("a.txt", rule="terms")]
    assert found == [(1, 1), (1, 6), (1, 11), (1, 17), (1, 27), (2, 19)]


def test_a_korean_term_made_an_adjective_or_adverb_is_found_however_kiwipiepy_reads_it(project):
    """유일한 at the start of a sentence is read as one proper noun, 완벽히 as one adverb: the
    term is still there (the 하 that follows makes it an adjective or adverb)."""
    project.guide("terms:\n  - avoid: [유일, 완벽]\n    level: error\n")
    project.write("a.txt", "유일한 블렌드입니다.\n유일한 블렌드야.\n완벽히 우렸습니다.\n"
                           "유일한 차예요.\n유일무이한 차.\n")
    found = [(f["line"], f["match"]) for f in project.findings("a.txt", rule="terms")]
    assert found == [(1, "유일"), (2, "유일"), (3, "완벽"), (4, "유일")]


def test_english_terms_before_a_korean_particle_are_found_and_fixed(project):
    project.guide("terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n  - use: email\n    instead_of: [e-mail]\n"
                  "  - avoid: [cheap]\n    level: error\n")
    project.write("a.txt", "LumenTea를 사세요. cheap한 느낌. e-mail로 보내요. LumenTeaX는 아니에요.\n")
    found = [(f["column"], f["match"], f.get("fix")) for f in project.findings("a.txt", rule="terms")]
    assert found == [(1, "LumenTea", {"replacement": "Lumen Tea"}), (16, "cheap", None),
                     (27, "e-mail", {"replacement": "email"})]
    assert project.run("fix", "a.txt").exit_code == 1  # cheap has no fix
    assert (project.root / "a.txt").read_text("utf-8") == \
        "Lumen Tea를 사세요. cheap한 느낌. email로 보내요. LumenTeaX는 아니에요.\n"


def test_pack_rules_read_korean_endings_the_same_way(project):
    project.guide("extends: [kr-ad-law]\nlanguage: ko\n")
    project.write("a.txt", "이 차는 최고다. 최고경영자가 골랐어요.\n")
    found = [(f["column"], f["match"]) for f in project.findings("a.txt", rule="kr-ad-law.superlative")]
    assert found == [(6, "최고")]


def test_a_term_ending_in_a_symbol_is_found_whole_before_its_shorter_form(project):
    project.guide("terms:\n  - use: Lumen Tea®\n    instead_of: [Lumen Tea, LumenTea]\n  - avoid: [최고]\n")
    project.write("a.txt", "Lumen Tea® is here. Lumen Tea is not. LumenTea를 사세요. 최고abc 최고예요.\n")
    found = [(f["column"], f["match"], f.get("fix")) for f in project.findings("a.txt", rule="terms")]
    assert found == [(21, "Lumen Tea", {"replacement": "Lumen Tea®"}), (39, "LumenTea", {"replacement": "Lumen Tea®"}),
                     (60, "최고", None)]


def test_a_korean_term_made_an_adjective_with_hada_is_found(project):
    project.guide("language: ko\nterms:\n  - avoid: [저렴, 완벽, 유일, 최고]\n")
    project.write("a.txt", "저렴한 가격. 저렴해요. 완벽해요. 유일한 제품. "
                           "최고경영자. 최고급 녹차. 최고다. 최고가 갱신.\n")
    assert [(f["column"], f["match"]) for f in project.findings("a.txt", rule="terms")] == [
        (1, "저렴"), (9, "저렴"), (15, "완벽"), (21, "유일"), (44, "최고")]


def test_partial_alternations_find_exactly_what_the_whole_one_finds():
    """CaselessPhrases starts with the phrases a text can hold and compiles the whole list
    later: the spans must be the same either way, text after text."""
    import random
    import re

    from brandlint.checks.terms import CaselessPhrases, alternation

    phrases = ["e-mail", "Lumen tea", "lumen", "cheap", "guaranteed", "best in class", "best", "A/B test",
               "Lumen Tea™", "sign-on", "sign on bonus", "최고", "one-stop shop"]
    whole = re.compile(alternation(phrases))
    rng = random.Random(4)
    words = ["lumen", "Tea", "tea™", "e-mail", "email", "cheap", "cheaper", "best", "in", "class", "a/b", "test",
             "sign", "on", "bonus", "-", "one-stop", "shop", "최고의", "최고경영자", "Guaranteed!", "\n", "  "]
    partial = CaselessPhrases(phrases)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        assert list(partial.spans(text)) == [m.span() for m in whole.finditer(text.lower())], text
    assert partial._full is not None  # the budget ran out along the way: the whole pattern took over


def test_a_term_inside_a_bare_domain_name_is_left_alone(project):
    project.guide()
    path = project.write("dom.md", "Shop at LumenTea.com or shop.LumenTea.com today, with LumenTea. Really.\n")
    found = [(f["column"], f["match"]) for f in project.findings("dom.md", rule="terms")]
    assert found == [(55, "LumenTea")]
    project.run("fix", "dom.md")
    assert path.read_text() == "Shop at LumenTea.com or shop.LumenTea.com today, with Lumen Tea. Really.\n"

"""Rule packs written in YAML: the four types, scopes, languages, regex time budget."""

from __future__ import annotations

PACK = """\
pack: house
rules:
  words:
    type: substitution
    ignorecase: true
    swap: {utilize: use, "in order to": to, "leverage": "use|apply"}
  banned:
    type: existence
    tokens: [synergy]
    level: error
  free:
    type: occurrence
    ignorecase: true
    token: free
    max: 1
  headings:
    type: capitalization
    match: $sentence
    exceptions: [Jeju]
"""


def test_substitution_with_fix_and_capital(project):
    project.write("house.yaml", PACK)
    project.guide("extends: [house.yaml]\n")
    project.write("a.md", "Utilize this in order to leverage synergy.\n")
    found = [(f["rule"], f["match"], (f.get("fix") or {}).get("replacement")) for f in project.findings("a.md")]
    assert found == [("house.words", "Utilize", "Use"), ("house.words", "in order to", "to"),
                     ("house.words", "leverage", None), ("house.banned", "synergy", None)]


def test_occurrence_and_capitalization(project):
    project.write("house.yaml", PACK)
    project.guide("extends: [house.yaml]\n")
    project.write("a.md", "# Teas From Jeju\n\nFree cups and free pots.\n")
    found = [(f["rule"], f["match"]) for f in project.findings("a.md")]
    assert found == [("house.headings", "From"), ("house.free", "free")]


def test_catastrophic_regex_is_stopped_with_a_finding(project):
    project.write("slow.yaml", "rules:\n  slow:\n    type: existence\n    regex: true\n"
                               "    tokens: ['(a|aa)+$']\n")
    project.guide("extends: [slow.yaml]\nvoice: {tone: casual}\n")
    project.write("a.txt", "a" * 60 + "!\n")
    [finding] = project.findings("a.txt", rule="slow")
    assert finding["rule"] == "slow.slow" and "was stopped" in finding["message"]


def test_korean_pack_rules_only_apply_to_korean_copy(project):
    project.guide("channels:\n  sms:\n    extends: [kr-ad-law]\n")
    project.write("en.txt", "Spring sale, best in town.\n")
    project.write("ko.txt", "봄 신상품 최고의 할인!\n")
    assert project.findings("--channel", "sms", "en.txt") == []
    rules = [f["rule"] for f in project.findings("--channel", "sms", "ko.txt")]
    assert rules == ["kr-ad-law.ad-prefix", "kr-ad-law.opt-out", "kr-ad-law.superlative"]


def test_case_sensitive_pack_rules_match_only_the_case_written(project):
    project.write("house.yaml", "rules:\n  names:\n    type: existence\n    tokens: [ACME, Foo Bar]\n")
    project.guide("extends: [house.yaml]\n")
    project.write("a.md", "ACME and acme, Foo Bar and foo bar.\n")
    assert [f["match"] for f in project.findings("a.md", rule="house")] == ["ACME", "Foo Bar"]


def test_a_paired_korean_particle_in_a_pack_message_is_chosen_for_the_word(project):
    project.guide("extends: [kr-ad-law]\nlanguage: ko\n")
    project.write("a.txt", "(광고) 국내 최고 녹차. 완치 효과. 무료수신거부 080-123-4567\n")
    messages = [f["message"] for f in project.findings("a.txt", rule="kr-ad-law")]
    assert messages[0].startswith("'최고'는 최상급 표현입니다") and messages[1].startswith("'완치'는 ")
    result = project.run("check", "--no-cache", "a.txt")
    assert "grammar not checked" not in result.stderr  # Korean copy: LanguageTool would not read it anyway


def test_kr_ad_law_wants_the_ad_mark_first_and_a_free_080_opt_out(project):
    project.guide("channels:\n  sms:\n    language: ko\n    extends: [kr-ad-law]\n")
    cases = {
        "(광고) 봄 신상품 20% 할인! 무료수신거부 080-123-4567": [],
        "(광고) 봄 신상품 20% 할인! 무료거부 0801234567": [],
        "봄 신상품 20% 할인! 무료수신거부 080-123-4567 (광고)": ["kr-ad-law.ad-prefix"],
        "(광고) 봄 신상품 20% 할인! 수신거부 080-123-4567": ["kr-ad-law.opt-out"],
        "(광고) 봄 신상품 20% 할인! 무료수신거부 1588-1234": ["kr-ad-law.opt-out"],
    }
    for text, expected in cases.items():
        project.write("a.txt", text + "\n")
        assert [f["rule"] for f in project.findings("--channel", "sms", "a.txt", rule="kr-ad-law")] == expected, text

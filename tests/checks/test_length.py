"""length.*: characters (graphemes), words, bytes in an encoding, unencodable characters."""

from __future__ import annotations

GUIDE = """\
channels:
  x: {max_chars: 20}
  push: {max_words: 3}
  sms: {max_bytes: 10, encoding: cp949}
"""


def test_max_chars_points_at_the_first_character_over_the_limit(project):
    project.guide(GUIDE)
    project.write("a.txt", "# note: not counted\n12345678901234567890OVER\n")
    [finding] = project.findings("--channel", "x", "a.txt")
    assert finding["rule"] == "length.max_chars"
    assert (finding["line"], finding["column"], finding["match"]) == (2, 21, "OVER")
    assert "24 characters" in finding["message"] and "allows 20" in finding["message"]


def test_emoji_sequences_count_as_one_character(project):
    project.guide(GUIDE)
    project.write("a.txt", "👩‍👩‍👧‍👦" * 20 + "\n")
    assert project.findings("--channel", "x", "a.txt") == []


def test_max_words(project):
    project.guide(GUIDE)
    project.write("a.md", "Spring Blend has arrived today\n")
    [finding] = project.findings("--channel", "push", "a.md")
    assert finding["rule"] == "length.max_words" and finding["match"] == "arrived today"


def test_a_link_or_a_hyphenated_word_is_one_word_and_an_emoji_none(project):
    project.guide(GUIDE)
    project.write("a.md", "Tea 🌸 — https://lumentea.example/spring\n")
    assert project.findings("--channel", "push", "a.md") == []
    project.write("a.md", "E-mail us today, don't wait\n")
    [finding] = project.findings("--channel", "push", "a.md")
    assert finding["match"] == "don't wait" and "is 5 words" in finding["message"]


def test_cp949_bytes_and_unencodable_characters(project):
    project.guide(GUIDE)
    project.write("a.txt", "루멘티 봄 🌸\n")  # 3×2 + 1 + 2 + 1 + emoji
    found = {f["rule"]: f for f in project.findings("--channel", "sms", "a.txt")}
    assert found["length.encoding"]["match"] == "🌸"
    assert "U+1F338" in found["length.encoding"]["message"]
    assert found["length.max_bytes"]["match"] == "🌸"
    assert "11 bytes in cp949" in found["length.max_bytes"]["message"]


def test_korean_sms_without_an_encoding_counts_cp949_bytes(project):
    """SPEC §5: SMS limits count CP949 bytes (2 a Hangul syllable), even where the guideline
    does not name the encoding; English copy keeps UTF-8."""
    project.guide("brand: X\nchannels:\n  sms: {language: ko, max_bytes: 90}\n  push: {max_bytes: 12}\n"
                  "files:\n  \"sms/**\": sms\n  \"push/**\": push\n")
    ad = "(광고) 루멘티 봄 블렌드 20% 할인! 4월 30일까지{} 무료수신거부 080-123-4567\n"
    project.write("sms/a.txt", ad.format("."))  # 73 bytes in CP949, 94 in UTF-8
    assert project.findings("sms", rule="length") == []
    project.write("sms/a.txt", ad.format(" 모든 차를 만나 보세요."))
    (found,) = project.findings("sms", rule="length")
    assert "bytes in cp949" in found["message"]
    project.write("push/a.txt", "Café 20% off!\n")  # 14 bytes in UTF-8
    (found,) = project.findings("push", rule="length")
    assert "14 bytes in utf-8" in found["message"]

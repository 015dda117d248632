"""Korean copy end to end: positions in UTF-8, CP949 and NFD files, speech level per
channel, particles, fixes in the file's own encoding and normal form."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

GUIDE = """\
brand: 루멘티
terms:
  - use: 브랜드명
    instead_of: [브랜드]
  - avoid: [최고]
    message: 근거 없는 최상급 표현은 쓰지 않습니다.
    level: error
channels:
  website: {tone: formal}
  kakao: {tone: casual, speech_level: [haeyo]}
  sms: {max_bytes: 90, encoding: cp949, language: ko}
files:
  "web/**": website
  "kakao/**": kakao
  "sms/**": sms
"""
WEB = "# 봄 블렌드\n\n국내 최고의 녹차를 소개합니다. 지금 바로 마셔 봐.\n"


def _positions(findings):
    return [(f["rule"], f["line"], f["column"], f["match"]) for f in findings]


def test_utf8_positions(project):
    project.guide(GUIDE)
    project.write("web/a.md", WEB)
    assert _positions(project.findings("web/a.md")) == [
        ("terms.avoid", 3, 4, "최고"),
        ("tone.speech_level", 3, 19, "지금 바로 마셔 봐."),
    ]


def test_cp949_file_is_detected_and_positions_are_the_same(project):
    project.guide(GUIDE)
    project.write("web/a.md", WEB.encode("cp949"))
    assert _positions(project.findings("web/a.md")) == [
        ("terms.avoid", 3, 4, "최고"),
        ("tone.speech_level", 3, 19, "지금 바로 마셔 봐."),
    ]


def test_euc_kr_file_is_read(project):
    project.guide(GUIDE)
    project.write("web/a.txt", "국내 최고의 녹차를 소개합니다.\n".encode("euc-kr"))
    assert _positions(project.findings("web/a.txt")) == [("terms.avoid", 1, 4, "최고")]


def test_nfd_file_positions_count_the_source_code_points(project):
    project.guide(GUIDE)
    project.write("web/a.md", unicodedata.normalize("NFD", WEB))
    found = project.findings("web/a.md")
    # 국내 is 5 jamo + 1 space... columns count code points as written (decomposed).
    decomposed_line = unicodedata.normalize("NFD", "국내 최고의 녹차를 소개합니다. 지금 바로 마셔 봐.")
    assert [(f["rule"], f["line"]) for f in found] == [("terms.avoid", 3), ("tone.speech_level", 3)]
    avoid = found[0]
    assert avoid["column"] == decomposed_line.index(unicodedata.normalize("NFD", "최고")) + 1
    assert avoid["match"] == unicodedata.normalize("NFD", "최고")
    assert avoid["end_column"] - avoid["column"] == len(avoid["match"])


def test_fix_keeps_nfd_and_rechooses_the_particle(project):
    project.guide(GUIDE)
    path = project.write("kakao/a.txt", unicodedata.normalize("NFD", "브랜드를 소개해요. 브랜드가 좋아요.\n"))
    project.run("fix", "kakao/a.txt")
    written = path.read_text("utf-8")
    assert written == unicodedata.normalize("NFD", "브랜드명을 소개해요. 브랜드명이 좋아요.\n")


def test_speech_level_per_channel(project):
    project.guide(GUIDE)
    text = "봄 블렌드가 나왔습니다. 새 잎을 맛보세요. 놓치지 마!\n"
    project.write("web/a.txt", text)
    project.write("kakao/a.txt", text)
    web = [(f["rule"], f["match"]) for f in project.findings("web/a.txt")]
    assert web == [("tone.speech_level", "새 잎을 맛보세요."), ("tone.speech_level", "놓치지 마!")]
    assert "해요체" in project.findings("web/a.txt")[0]["message"]
    assert "합쇼체" in project.findings("web/a.txt")[0]["message"]
    kakao = [(f["rule"], f["match"]) for f in project.findings("kakao/a.txt")]
    assert kakao == [("tone.speech_level", "봄 블렌드가 나왔습니다."), ("tone.speech_level", "놓치지 마!")]


def test_mixed_levels_on_a_channel_that_allows_both(project):
    project.guide("channels:\n  blog: {tone: neutral}\n")
    project.write("a.txt", "봄 블렌드가 나왔습니다. 향이 좋습니다. 지금 만나 보세요.\n")
    [finding] = project.findings("--channel", "blog", "a.txt")
    assert finding["rule"] == "tone.mixed_speech_level" and finding["match"] == "지금 만나 보세요."
    assert "2 of 3" in finding["message"]


def test_english_and_korean_paragraphs_are_each_checked_in_their_language(project):
    project.guide(GUIDE)
    project.write("web/a.md", "We're SO excited!!!\n\n지금 바로 마셔 봐.\n")
    rules = [(f["rule"], f["line"]) for f in project.findings("web/a.md")]
    assert rules == [("tone.casual", 1), ("tone.speech_level", 3)]


def test_sms_bytes_and_characters_cp949_cannot_send(project):
    project.guide(GUIDE)
    text = ("(광고) 루멘티 봄 블렌드 출시! 유기농 찻잎 20% 할인 ₩9,900 🌸 무료수신거부 080-123-4567 "
            "오늘 주문하시면 내일 받습니다\n")
    project.write("sms/a.txt", text)
    found = project.findings("sms/a.txt")
    encoding = [f["match"] for f in found if f["rule"] == "length.encoding"]
    assert encoding == ["₩", "🌸"]
    [over] = [f for f in found if f["rule"] == "length.max_bytes"]
    assert "90" in over["message"] and over["column"] > 1


def test_korean_readability(project):
    project.guide("voice:\n  readability: {max_grade: 9}\nrules:\n  tone: off\n")
    dense = ("본 제품은 국내외 유기농 인증기관의 엄격한 품질관리 절차를 거쳐 선별된 최상급 찻잎만을 사용하여 "
             "전통적인 제다 방식으로 정성스럽게 가공되었으며 소비자 여러분께서는 안심하고 음용하실 수 있습니다.")
    project.write("a.md", f"봄이 왔어요. 새 차를 마셔 보세요. 향이 좋아요. 오늘 주문하면 내일 받아요.\n\n{dense}\n")
    [finding] = project.findings("a.md")
    assert finding["rule"] == "readability.grade" and finding["line"] == 3
    assert "eojeol per sentence" in finding["message"]


def test_undecodable_file_names_the_byte_offset(project):
    project.guide(GUIDE)
    project.write("web/a.md", b"ok\n\xff\xfe\xfa broken\n")
    result = project.run("check", "--no-cache", "web/a.md")
    assert result.exit_code == 2
    assert "web/a.md:2:1: not valid UTF-8 or CP949: byte 0xff at offset 3" in result.stderr


BROKEN_KIWI = "raise ImportError('the model file is missing')\n"


def test_kiwipiepy_that_fails_to_load_gives_a_clear_note_not_a_traceback(project, tmp_path):
    project.guide(GUIDE)
    project.write("web/a.md", WEB)
    fake = tmp_path / "broken-site" / "kiwipiepy"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(BROKEN_KIWI)
    completed = subprocess.run([sys.executable, "-m", "brandlint", "check", "--no-cache", "web/a.md"],
                               cwd=project.root, check=False, capture_output=True, text=True, timeout=120,
                               env={"PYTHONPATH": str(tmp_path / "broken-site"), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "Korean morpheme analysis is unavailable" in completed.stderr
    assert "the model file is missing" in completed.stderr
    assert "terms.avoid" in completed.stdout  # the particle list still finds 최고의


def test_mixed_encodings_in_one_folder(project):
    project.guide(GUIDE)
    project.write("web/utf8.txt", "국내 최고의 차.\n")
    project.write("web/cp949.txt", "국내 최고의 차.\n".encode("cp949"))
    project.write("web/bom.txt", "\ufeff국내 최고의 차.\n")
    project.write("web/nfd.txt", unicodedata.normalize("NFD", "국내 최고의 차.\n"))
    found = [(f["path"], f["line"], f["column"]) for f in project.findings("web") if f["rule"] == "terms.avoid"]
    assert found == [("web/bom.txt", 1, 4), ("web/cp949.txt", 1, 4), ("web/nfd.txt", 1, 7), ("web/utf8.txt", 1, 4)]


def test_a_korean_sentence_after_an_english_one_on_the_same_line_is_located_at_its_start(project):
    project.guide(GUIDE)
    project.write("kakao/a.md", "Welcome to Lumen Tea. 지금 주문하십시오.\n")
    assert _positions(project.findings("kakao/a.md", rule="tone")) == [
        ("tone.speech_level", 1, 23, "지금 주문하십시오.")]


def test_each_sentence_of_a_mixed_paragraph_is_judged_in_its_own_language(project):
    project.guide(GUIDE)
    project.write("web/a.md", "봄 신제품이 나왔습니다. Don't miss it, you'll love it!!!\n\n"
                              "We are pleased to present our new spring collection to every customer. "
                              "지금 바로 확인해.\n\n봄 신제품이 나왔습니다. 지금 확인하십시오.\n")
    found = [(f["rule"], f["line"], f["column"]) for f in project.findings("web/a.md", rule="tone")]
    assert found == [("tone.casual", 1, 15), ("tone.speech_level", 3, 72)]


def test_greetings_and_thanks_have_no_speech_level_of_their_own(project):
    project.guide(GUIDE)
    project.write("web/a.md", "안녕하세요. 루멘티 고객센터입니다.\n\n감사합니다!\n")
    project.write("kakao/a.txt", "안녕하세요! 봄 블렌드가 나왔어요. 감사합니다.\n")
    assert project.findings("web/a.md", "kakao/a.txt", rule="tone") == []

"""Korean language helpers: josa, speech level, readability."""

from __future__ import annotations

import pytest

from brandlint.lang import ko


@pytest.mark.parametrize("word, particle, expected", [
    ("스프링 블렌드", "을", "스프링 블렌드를"),
    ("녹차", "이", "녹차가"),
    ("유기농 찻잎", "는", "유기농 찻잎은"),
    ("서울", "으로", "서울로"),       # ㄹ-final takes 로
    ("물", "로", "물로"),
    ("집", "로", "집으로"),
    ("루멘티", "과", "루멘티와"),
    ("3", "을", "3을"),              # 삼
    ("2", "을", "2를"),              # 이
    ("1", "으로", "1로"),            # 일: ㄹ
    ("10", "이", "10이"),            # 십
    ("20%", "을", "20%를"),          # 퍼센트
    ("KT", "가", "KT가"),            # 케이티
    ("LG", "을", "LG를"),            # 엘지
    ("URL", "으로", "URL로"),        # 유알엘: ㄹ
    ("SMS", "은", "SMS는"),          # 에스엠에스
    ("M", "이", "M이"),              # 엠
    ("삼성(Samsung)", "은", "삼성(Samsung)은"),
    ("Google", "을", "Google을(를)"),  # no known reading: both forms
])
def test_josa(word, particle, expected):
    assert ko.josa(word, particle) == expected


def test_josa_with_a_reading_for_latin_words():
    assert ko.josa("Google", "을", reading="구글") == "Google을"
    assert ko.josa("Apple", "이", reading="애플") == "Apple이"


@pytest.mark.parametrize("sentence, level", [
    ("지금 구매하시면 30% 할인을 받으실 수 있습니다.", "hapsyo"),
    ("매장에서 확인하십시오.", "hapsyo"),
    ("쿠폰을 꼭 챙겨 주세요!", "haeyo"),
    ("곧 만나요", "haeyo"),
    ("준비했는데요", "haeyo"),
    ("맛있죠?", "haeyo"),
    ("오늘만 특가야, 놓치지 마.", "banmal"),
    ("지금 바로 확인해", "banmal"),
    ("새로운 블렌드가 나왔다.", None),   # headline -다
    ("지금 구매하기", None),             # noun ending
])
def test_speech_level(sentence, level):
    found = ko.speech_level(sentence)
    assert (found[0] if found else None) == level


def test_readability_scale():
    plain = "봄이 왔어요. 새 차를 마셔 보세요. 향이 좋아요. 오늘 주문하면 내일 받아요. 많이 사랑해 주세요."
    dense = ("본 제품은 국내외 유기농 인증기관의 엄격한 품질관리 절차를 거쳐 선별된 최상급 찻잎만을 사용하여 "
             "전통적인 제다 방식으로 정성스럽게 가공되었으며 소비자 여러분께서는 안심하고 음용하실 수 있습니다.")
    assert ko.readability_grade(plain)[0] < 4
    assert ko.readability_grade(dense + " " + dense)[0] > 10
    assert ko.readability_grade("짧은 글.") is None

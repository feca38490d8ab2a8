"""Misspelt and variant place names: answered for the case the question most likely means, with a
one-line note; no correction for a word of its own, a province or a place the sources use."""

from __future__ import annotations

import pytest

from assistant.answer.intent import corpus_case_names
from assistant.answer.place_names import corrected, known_in, near_places, note
from assistant.config import DEFAULT_CORPUS_DIR

from .answer_support import assert_grounded


@pytest.fixture(scope="module")
def names():
    return corpus_case_names(DEFAULT_CORPUS_DIR)


@pytest.fixture(scope="module")
def known():
    return known_in([DEFAULT_CORPUS_DIR])


@pytest.mark.parametrize("question, meant", [
    ("宝庆县和南漳县推进均衡发展的做法有什么不同？", "宝清县和南漳县"),   # one character off
    ("衡南的学校联盟和平远的学校撤并有什么不同？", "和平原的学校撤并"),   # no level, after 和
    ("南樟县是怎么做的？", "南漳县是怎么做的"),
    ("沧原县的专递课堂效果如何？", "沧源县"),   # also one off 平原: the first character decides
    ("What did Baoquing County do?", "Baoqing County"),
    ("How did Hangzou run its school groups?", "Hangzhou"),
    ("How did Pingyan move its pupils to town?", "Pingyuan"),
])
def test_a_near_spelling_of_a_case_is_read_as_that_case(names, known, question, meant):
    places = near_places(question, names, known)
    assert len(places) == 1, places
    assert meant in corrected(question, places)


@pytest.mark.parametrize("question", [
    "江西和江苏的县域优质均衡指标有何不同？",   # a province one character from a case
    "Compare Shanxi and Shaanxi targets",
    "成都的成效如何？",                          # a word the sources use
    "泰安的做法有哪些？",                        # a city jieba knows well, not a slip for 泰山
    "宝清县和南漳县有什么不同？",                # spelt as the sources spell it
    "宝庆和宝清是一个地方吗？",                  # the exact name is there: no guessing
])
def test_no_correction_for_words_provinces_or_exact_names(names, known, question):
    assert near_places(question, names, known) == []


def test_the_note_names_the_place_meant_with_its_province(names, known):
    places = near_places("宝庆县的做法", names, known)
    from assistant.answer.place_names import corpus_regions

    regions = corpus_regions(DEFAULT_CORPUS_DIR)
    assert note(places, names, regions, "zh") == "资料中没有宝庆县；以下按宝清县（黑龙江）回答。"
    places = near_places("What did Baoquing do?", names, known)
    assert "Baoqing County (Heilongjiang)" in note(places, names, regions, "en")


def test_two_equally_near_places_are_asked_about_not_guessed():
    names = {"a": ("江山市", "江山"), "b": ("江州市", "江州")}
    places = near_places("江川和平原有什么不同", names, lambda word: False)
    assert {p.case_id for p in places} == {"a", "b"}
    assert corrected("江川和平原有什么不同", places) == "江川和平原有什么不同"
    line = note(places, names, {}, "zh")
    assert "江山市" in line and "江州市" in line and "请说明" in line


def test_a_misspelt_side_of_a_comparison_is_compared_as_the_case_meant(ask):
    result = ask("宝庆县和南漳县推进均衡发展的做法有什么不同？")
    assert result.notice and "宝清县" in result.notice
    assert "宝清" in result.text and "没有涉及" not in result.text, result.text
    # not padded with national consolidation targets under Nanzhang
    assert "巩固率" not in result.text, result.text
    assert_grounded(result)


def test_a_misspelt_case_is_answered_as_the_case_meant(ask):
    result = ask("What did Hengnang County do with its school alliances?")
    assert result.route == "case" and "Hengnan" in result.notice
    assert "Hengnan" in result.text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "撤点并校为什么会把农村的学生和钱都吸到城里去？",  # "钱都" after 和: two stray characters
    "南漳县在义务教育均衡上有什么经验可以学？",        # "衡上" of 均衡上: no word starts there
])
def test_characters_that_are_no_word_of_the_question_are_not_a_place(names, known, question):
    assert near_places(question, names, known) == []

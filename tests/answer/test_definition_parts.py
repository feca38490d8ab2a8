"""Definition questions are read however the term is put ("what is meant by 'X'", "什么是“X”？…主要看
哪几个方面", "什么是X？它和Y有什么不同？") and a composite concept is defined with its parts."""

from __future__ import annotations

from assistant.answer.intent import asks_for_fact, classify

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


def test_what_is_meant_by_a_quoted_term_is_a_definition_with_its_parts(ask):
    result = ask("What is meant by 'basic balanced development' of compulsory education in a county?")
    assert result.route == "glossary", result.route
    assert_grounded(result)
    assert _opening(result.text).startswith("Basic balance"), result.text
    # the four components of the 2012 measures, not only what the term is called
    assert "85%" in result.text and "17 indicators" in result.text, result.text


def test_a_definition_with_a_second_question_on_its_parts_is_answered_as_a_definition(ask):
    result = ask("什么是县域义务教育“基本均衡”？国家认定时主要看哪几个方面？")
    assert result.route == "glossary", result.route
    assert_grounded(result)
    assert _opening(result.text).startswith("基本均衡"), result.text
    assert "85%" in result.text and "17项" in result.text, result.text


def test_which_aspects_asks_for_parts_not_a_count():
    assert not asks_for_fact("国家认定时主要看哪几个方面？")
    assert asks_for_fact("全国有几个县通过了认定？")


def test_a_definition_followed_by_a_question_of_it_is_not_a_comparison():
    question = "什么是“县管校聘”？它和过去教师归属于某一所学校的管理方式有什么不同？"
    assert classify(question, has_definition=True).kind == "definition"
    # the same second question without a definition first stays a comparison
    assert classify("县管校聘和过去教师归属于某一所学校的管理方式有什么不同？").kind == "compare"


def test_a_definition_followed_by_a_fact_of_it_is_a_look_up(ask):
    result = ask("什么是基本均衡？全国是哪一年全部通过认定的？")
    assert result.route != "glossary", result.text

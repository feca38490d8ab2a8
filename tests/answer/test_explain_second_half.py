"""An explain question with a second half ("…, and what changed?", "…？这对县里意味着什么？",
"…？为什么要消除？"): the second half is answered after the explanation, from the statements that
answer it read with the first half's words."""

from __future__ import annotations

from assistant.answer import parts

from .answer_support import assert_grounded


def _after_the_opening(text: str) -> str:
    return "\n\n".join(text.split("\n\n")[1:])


def test_a_second_half_with_words_of_its_own_asks_something_of_its_own():
    assert parts.asks_of_its_own("what changed in how counties are evaluated?")
    assert parts.asks_of_its_own("这对县里意味着什么？")
    assert parts.asks_of_its_own("国家为什么要求消除大班额？")
    # "为什么？" asks the first half's why: the explanation answers it
    assert not parts.asks_of_its_own("为什么？")
    assert not parts.asks_of_its_own("and why?")


def test_the_funding_half_of_a_why_the_county_question_is_answered(ask):
    result = ask("Why are counties the level mainly responsible for compulsory education, and "
                 "what problems has that caused for school funding?")
    assert_grounded(result)
    rest = _after_the_opening(result.text).lower()
    assert "revenue" in rest or "财权" in rest or "fiscal" in rest, result.text[:1500]


def test_the_why_eliminate_half_of_a_zh_question_on_large_classes_is_answered(ask):
    result = ask("城镇学校的大班额是怎么来的？国家为什么要消除它？")
    assert_grounded(result)
    assert "66人" in result.text or "56人" in result.text, result.text[:1500]


def test_the_what_it_means_for_the_county_half_is_answered(ask):
    result = ask("优质均衡为什么要逐项考核校际差异系数，而不是看综合差异系数？这对一个县来说意味着什么？")
    assert_grounded(result)
    assert "0.45" in result.text and "全县" in result.text, result.text[:1500]


def test_a_half_asking_what_a_system_brought_is_answered_by_the_explanation_of_its_effects(ask):
    # "这样的体制造成了哪些问题" asks for effects: the corpus's explanation of what went wrong with
    # county-led management answers it, not a paragraph on whatever else "造成" matches
    result = ask("农村义务教育为什么以县为主？这种管理体制带来了什么问题？")
    assert_grounded(result)
    rest = _after_the_opening(result.text).split("**")[0]
    assert "中央财政缺位" in rest or "事权" in rest or "财力" in rest, result.text[:2000]
    assert "大班额" not in rest, result.text[:2000]


def test_the_funding_half_does_not_say_one_finding_twice(ask):
    result = ask("Why are counties mainly responsible for compulsory education, and what funding "
                 "problems has that caused?")
    assert_grounded(result)
    half = result.text.split("\n\n")[-2] if "References" in result.text else result.text
    assert half.count("事权") <= 1, result.text[:2500]

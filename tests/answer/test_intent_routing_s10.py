"""Kinds that readers saw misrouted: 'several years' is no question of a count, a question of how two
things are related compares them, and 'which level …' asks who."""

from __future__ import annotations

import pytest

from assistant.answer.intent import asks_for_fact, classify, corpus_case_names
from assistant.config import DEFAULT_CORPUS_DIR

NAMES = corpus_case_names(DEFAULT_CORPUS_DIR)


def _kind(question: str) -> str:
    return classify(question, NAMES).kind


@pytest.mark.parametrize("question", [
    "为什么有的县交流轮岗搞了好几年，学校的师资还是没有改善？",
    "十几年来农村学校为什么越来越少？",
    "为什么这几年县城学校的班额越来越大？",
])
def test_several_years_is_no_count_asked(question):
    assert not asks_for_fact(question)
    assert _kind(question) == "explain"


@pytest.mark.parametrize("question", ["两免一补实施了几年？", "一个县要有几所寄宿制学校？"])
def test_a_count_asked_is_still_a_look_up(question):
    assert asks_for_fact(question)


@pytest.mark.parametrize("question", [
    "县管校聘和教师交流轮岗有什么联系？",
    "基本均衡和优质均衡是什么关系？",
    "How are school groups and education communities related?",
    "What is the relationship between the special-post scheme and the living allowance?",
])
def test_how_two_things_are_related_is_a_comparison(question):
    intent = classify(question, NAMES)
    assert intent.kind == "compare"
    assert intent.sides is not None and intent.sides.a and intent.sides.b


@pytest.mark.parametrize("question", [
    ("Which level mainly decides how teachers are allocated among a county's schools — the county or "
     "the province?"),
    "Which level of government approves a county's school layout plan?",
])
def test_which_level_asks_who(question):
    assert _kind(question) == "responsible"


@pytest.mark.parametrize("question", [
    "Who mainly runs compulsory education — the county, the province or the centre?",
    "谁主要管义务教育：县、省还是中央？",
])
def test_who_among_levels_is_no_comparison_of_two_of_them(question):
    intent = classify(question, NAMES)
    assert intent.kind == "responsible" and intent.sides is None
    assert len(intent.actor_groups) == 3


def test_a_limit_asked_for_is_led_by_the_statement_that_bounds_the_term(ask):
    # the four components of basic balance name the composite CV and a bound on satisfaction
    # (at least 85 %); the CV's own limit (不高于0.65) answers "不能超过多少"
    result = ask("基本均衡评估中，小学和初中的综合差异系数分别不能超过多少？")
    opening = result.text.split("\n\n")[0]
    assert "0.65" in opening and "0.55" in opening, result.text


def test_a_bound_is_found_after_the_term_not_elsewhere_in_the_sentence():
    from assistant.answer.extractive import BOUND, asks_for_bound

    assert asks_for_bound("What is the CV limit for primary schools?")
    assert not asks_for_bound("What is the minimum education a primary teacher must have?")
    assert asks_for_bound("综合差异系数不能超过多少？")
    assert not asks_for_bound("How is the CV computed?")
    assert BOUND.search("be at most 0.50 for primary") and BOUND.search("小学不高于0.65")
    assert not BOUND.search("is within the limit for primary and junior schools")


@pytest.mark.parametrize("question", [
    "What per-pupil funding benchmarks apply in the west and the east, and how do they differ?",
    "Which rotation shares does the 2014 opinion set for principals and key teachers, and how do they compare?",
])
def test_how_do_they_differ_asks_for_no_measures(question):
    # "how do they …" reads like "how do we …" (a request for measures); "… differ / compare"
    # asks how the things named differ
    assert _kind(question) != "suggest"


def test_how_do_we_still_asks_for_measures():
    assert _kind("How do we keep good teachers in our village schools?") == "suggest"


def test_two_places_that_both_do_something_are_the_two_sides():
    # "Jiangsu and Zhejiang both require … . How do they differ?": the sides are the two places,
    # not a side that runs on into the rest of the sentence
    intent = classify("Jiangsu and Zhejiang both cap principals' terms in one school. How do they differ?",
                      NAMES)
    assert intent.kind == "compare"
    assert intent.sides is not None and intent.sides.b.strip() == "Zhejiang", intent.sides

"""Explain answers (second pass): a why-question about a rule's detail the sources state but do not
explain is told so, with the rule (assistant/answer/shapes/explain.py)."""

from __future__ import annotations

import pytest

from assistant.answer.shapes.explain import asked_figures, figures


def test_figures_are_numbers_and_counted_units_not_years():
    assert figures("实现基本均衡3年以上的县") == {"3"}
    assert figures("满三年后才能申请") == {"3"}
    assert figures("must have held for three years") == {"3"}
    assert figures("limits of 0.50 and 0.45 since 2017") == {"0.5", "0.45"}
    assert figures("all 2,895 counties by 2021") == {"2895"}


@pytest.mark.parametrize(("question", "asked"), [
    ("Why can a county only apply for the quality-balance review after three years of basic balance?", {"3"}),
    ("为什么优质均衡只接受实现基本均衡三年以上的县申报？", {"3"}),
    # the figure is in a part that asks something else
    ("Why do the templates weight schools by pupils, and what does a value of 0.5 tell us?", set()),
    ("差异系数为什么要按学生数加权？0.5代表什么？", set()),
    # not a why-question
    ("What is the CV limit of 0.45 for?", set()),
])
def test_the_figures_a_why_question_asks_about(question, asked):
    assert asked_figures(question) == asked


@pytest.mark.parametrize("question", [
    "Why can a county only apply for the quality-balance review after three years of basic balance?",
    "为什么优质均衡只接受实现基本均衡三年以上的县申报？",
])
def test_a_rule_the_sources_do_not_explain_is_said_to_be_unexplained(ask, question):
    result = ask(question)
    assert result.route == "explain"
    first = result.text.strip().splitlines()[0]
    assert "no reason" in first or "没有说明其理由" in first, result.text
    assert "3" in first, result.text     # the rule itself, with its figure
    # not a neighbouring explanation (why quality balance is harder)
    assert "harder" not in result.text and "更难" not in result.text, result.text


@pytest.mark.parametrize("question", [
    "为什么不足100人的学校要按100人拨付公用经费？",
    "Why are schools with fewer than 100 pupils funded as if they had 100?",
])
def test_a_rule_whose_reason_the_sources_give_is_explained(ask, question):
    result = ask(question)
    assert result.route == "explain"
    assert "no reason" not in result.text and "没有说明其理由" not in result.text, result.text


# ---- a concept said once across thesis and causes ----

def test_a_cause_telling_a_named_concept_again_in_other_words_goes():
    from assistant.answer.shapes.explain import _beyond_thesis

    thesis = "Consolidation emptied villages and crowded towns."
    first = ('Li Ming explains closures as a "double pump" (双重抽吸) that drew rural people and money '
             'toward the towns, rooted in duties without matching revenue. [1]')
    again = ('Li Ming\'s "double pump" explanation holds that closures drew rural pupils and money '
             'toward the towns because the level that runs schools lacks matching revenue. [1]')
    other = 'Town schools could not add places as fast as pupils arrived. [2]'
    assert _beyond_thesis(None, thesis, [first, again, other]) == [first, other]


# ---- the subject a why-question asks about outweighs its places ----

@pytest.mark.parametrize(("question", "subject"), [
    ("为什么好老师总是从乡村学校流向县城学校？", "好老师"),
    ("乡村学校为什么留不住好老师", "乡村学校"),
    ("Why do the good teachers keep moving to town schools?", "the good teachers"),
    ("How does the CV work?", ""),
])
def test_the_subject_a_why_question_asks_about(question, subject):
    from assistant.answer.shapes.explanations import why_subject

    assert why_subject(question) == subject


def test_why_good_teachers_move_to_town_is_about_teachers_not_crowded_towns(ask):
    result = ask("优秀老师为什么总是离开乡村学校去县城？")
    assert result.route == "explain"
    first = result.text.strip().splitlines()[0]
    assert "教师" in first and "流" in first, result.text
    assert "城镇挤" not in first and "大班额" not in first, result.text


# ---- how a rule works is told as its workings, not as causes ----

def test_a_why_question_about_how_a_measure_is_computed_gets_its_workings(ask):
    result = ask("Why are schools weighted by enrolment in the coefficient of variation, and what "
                 "does a value of 0.5 say about a county?")
    assert result.route == "explain"
    assert "How it works:" in result.text and "main causes" not in result.text, result.text
    assert "half" in result.text, result.text

"""Session 13 (polish): a comparison that lists the aspects it asks ("who led them, what did they
do") is still a comparison; the aspects asked become rows."""

from __future__ import annotations

import re

import pytest

from assistant.answer.intent import classify, corpus_case_names
from assistant.config import DEFAULT_CORPUS_DIR


@pytest.fixture(scope="module")
def names():
    return corpus_case_names(DEFAULT_CORPUS_DIR)


@pytest.mark.parametrize("question", [
    ("Compare Chengdu's urban–rural school alliances with Hangzhou's school-group model: who led "
     "them, what did they do, and what were the results?"),
    ("Compare Hengnan County's school alliances with Hangzhou's school groups: who ran them and "
     "what changed?"),
    "比较成都的城乡学校联盟和杭州的名校集团化办学：由谁主导、做了什么、效果如何？",
    "衡南县的校联体和杭州的名校集团有何不同？分别由谁牵头？",
])
def test_a_comparison_of_two_cases_asking_who_led_is_a_comparison(names, question):
    intent = classify(question, names)
    assert intent.kind == "compare", intent
    assert intent.sides is not None and len(intent.cases) == 2


def test_a_choice_among_levels_is_still_a_who_question(names):
    intent = classify("Who runs rural teacher rotation — the county or the province?", names)
    assert intent.kind == "responsible"


# -- cases: the how first; "Our reading" only when asked and the sources say little -------------

_OUR_READING = re.compile(r"Our reading|我们的理解")


@pytest.mark.parametrize("question", [
    "云南沧源县是怎样用专递课堂解决乡村教学点开课不足问题的？",
    ("How did Cangyuan County use delivery classrooms to deal with the shortage of subjects in "
     "its village schools?"),
])
def test_a_how_question_about_a_case_opens_with_what_the_case_did(ask, question):
    result = ask(question)
    assert result.route == "case", result.route
    first = result.claims[0].text
    # what the county did (its delivery classroom, taught by two teachers), not the problem it
    # addressed nor a lesson
    assert re.search(r"做法|documented measure", first), first
    assert not re.search(r"启示|\blessons? (?:is|are|for|from)\b", first, re.IGNORECASE), first
    assert not _OUR_READING.search(first), first


@pytest.mark.parametrize("question", ["宝清县的研究发现了什么？",
                                      "What did the Baoqing County study find?"])
def test_our_reading_is_not_added_to_a_case_the_question_asks_no_lesson_of(ask, question):
    result = ask(question)
    assert result.route == "case", result.route
    assert not _OUR_READING.search(result.text), result.text


def test_our_reading_is_given_when_lessons_are_asked_and_the_sources_say_little(ask):
    result = ask("宝清县的案例对其他县有什么启示？")
    assert result.route == "case", result.route
    assert not _OUR_READING.search(result.claims[0].text), result.text


# -- comparisons: a contrast another one says again in full goes ----------------------------------

def test_covers_is_the_evaluations_judgement():
    from assistant.answer.restated import covers, facts
    from assistant.evaluation import readability

    short = facts("Anhui rotates teachers after 6 years; Shaanxi men under 50 and women under 45.")
    full = facts("Shaanxi rotates teachers after 6 years if men are under 50 or women under 45, "
                 "principals after 8 years; Anhui rotates teachers after 6 years.")
    assert covers(full, short) and not covers(short, full)
    # the evaluation counts the fuller sentence after the shorter one as a restatement
    assert readability.restated("Anhui rotates teachers after 6 years; Shaanxi men under 50 and "
                                "women under 45. Shaanxi rotates teachers after 6 years if men are "
                                "under 50 or women under 45, principals after 8 years; Anhui "
                                "rotates teachers after 6 years.")


def test_a_contrast_said_again_in_a_fuller_one_is_not_a_second_bullet(ask):
    from assistant.evaluation.readability import restated

    result = ask("Shaanxi and Anhui each decide which teachers have to rotate. What is the "
                 "difference between their rules?")
    assert result.route == "compare", result.route
    assert not restated(result.text), result.text
    assert "8 years" in result.text and "two terms" in result.text, result.text


def test_the_aspects_a_comparison_of_two_cases_asks_are_answered(ask):
    result = ask("Compare Chengdu's urban-rural alliance with Hangzhou's school groups: who led "
                 "them, when did they start, and what did they do?")
    assert result.route == "compare", result.route
    # who led each and when, each side from its own record: the 2009 pilot zone co-built by the
    # ministry, the province and the city; Qiushi Primary School in 1999, a city strategy in 2004
    assert re.search(r"2009[^|\n]*pilot zone", result.text), result.text
    assert re.search(r"1999[^|\n]*2004", result.text), result.text
    # the alliance the question names is in its own side's cell
    assert re.search(r"10 one-to-one alliances", result.text), result.text

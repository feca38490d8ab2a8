"""How a question's words are read: requests for measures in Chinese phrasings (整改, 怎样避免,
应该注意), classes that "average over 60", families "moving in", a comparison's aspects after
"in …, … and …", and everyday names of the PE and arts subjects."""

from __future__ import annotations

import pytest

from assistant.answer import compare
from assistant.answer.intent import classify


@pytest.mark.parametrize("question", [
    "我县小学生均教学仪器设备值的校际差异系数超过了优质均衡的标准，应该怎样整改？",
    "县里准备撤并几所生源很少的村小，应该注意哪些程序和问题？怎样避免学生因上学远而辍学？",
])
def test_chinese_requests_for_measures_are_suggest_questions(question):
    assert classify(question).kind == "suggest", question


def test_classes_that_average_over_sixty_are_large_classes():
    intent = classify("In our county town, junior-secondary classes average over 60 pupils "
                      "because families keep moving in from the villages. What measures should "
                      "we take, and in what order?")
    assert intent.kind == "suggest"
    assert "large_classes" in intent.problems and "urban_crowding" in intent.problems


def test_the_aspects_after_the_second_side_are_the_focus_not_the_side():
    sides = compare.parse("What are the main differences between the 2012 basic-balance "
                          "evaluation and the 2017 quality-balance evaluation in indicators, "
                          "thresholds and the role of public satisfaction?")
    assert sides.b == "2017 quality-balance evaluation", sides
    assert sides.focus.startswith("indicators"), sides


def test_a_comparison_with_aspects_named_after_it_is_answered(ask):
    result = ask("What are the main differences between the 2012 basic-balance evaluation and "
                 "the 2017 quality-balance evaluation in indicators, thresholds and the role of "
                 "public satisfaction?")
    assert result.route == "compare"
    assert "say nothing" not in result.text and "| |" in result.text, result.text


def test_subjects_named_one_by_one_are_the_pe_and_arts_teachers(ask):
    result = ask("我县农村学校音乐、美术、体育老师严重不足，很多课程开不齐，县里可以采取哪些措施？")
    assert result.route == "suggest", result.text
    assert "走教" in result.text, result.text


def test_a_housing_estate_is_a_residential_area(ask):
    result = ask("A big housing estate is going up in our county town and the nearest primary "
                 "school is already full. What can the county do?")
    opening = result.text.split("\n\n")[0]
    assert "Art. 15" in opening and "teachers" not in opening, result.text


def test_how_a_reform_changed_who_pays_is_explained():
    assert classify("How did the 2005 reform of the rural compulsory-education funding mechanism "
                    "change who pays for rural schools?").kind == "explain"
    # a figure that changed between two years is still looked up
    assert classify("How did the per-pupil public funding benchmark change between 2016 and "
                    "2023?").kind == "lookup"


def test_in_full_says_how_not_what(ask):
    # "paid on time and in full": "full" must not pick the full-curriculum duty for the county
    result = ask("Who is responsible for making sure rural teachers are actually paid on time "
                 "and in full — the county government or the province?")
    county = result.text.split("**County governments**")[1].split("\n\n")[0]
    assert "curriculum" not in county, result.text

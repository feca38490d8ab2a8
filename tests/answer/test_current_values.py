""""Now" asks for the latest dated value; "by what year" asks for a year."""

from __future__ import annotations

from assistant.answer.intent import classify

from .answer_support import assert_grounded


def test_the_value_now_is_the_latest_one_with_the_earlier_after_it(ask):
    result = ask("What is the national benchmark for per-pupil public funding of rural junior "
                 "middle schools now?")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "¥850" in first and "¥800" not in first, result.text
    result = ask("现在农村中小学生均公用经费基准定额是多少？小学和初中分别多少？")
    first = result.text.split("\n\n")[0]
    assert "850" in first and "800元" not in first, result.text


def test_by_what_year_is_a_look_up_for_the_year():
    question = ("By what year do the 2023 opinions on high-quality balanced basic public education "
                "expect most counties to reach quality balance?")
    assert classify(question).kind == "lookup"


def test_by_what_year_opens_with_the_year(ask):
    result = ask("By what year do the 2023 opinions on high-quality balanced basic public "
                 "education expect most counties to reach quality balance?")
    assert "2035" in result.text.split("\n\n")[0], result.text


def test_a_sum_asked_for_without_a_year_is_the_latest_with_the_earlier_as_history(ask):
    # no "now": a benchmark the corpus gives for several years is asked for as it stands
    result = ask("How much public money per pupil do junior middle schools get under the national "
                 "benchmark?")
    first = result.text.split("\n\n")[0]
    assert "¥850" in first.split(". ")[0], result.text
    result = ask("国家规定的初中生均公用经费基准定额是每生每年多少钱？")
    first = result.text.split("\n\n")[0].split("。")[0]
    assert "850" in first and "800" in first, result.text  # the current rate and the earlier one

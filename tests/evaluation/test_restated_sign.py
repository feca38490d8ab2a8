"""The "restated" readability sign: a sentence, list item or table cell whose facts the answer
stated already is counted, as readers counted it (the same figures and most of the words, however
worded), and reported per language and kind beside the near-identical "repeated"."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.evaluation.readability import assess, repeated, restated
from assistant.evaluation.results import ReadabilityCounts

FIGURES_TWICE = (
    "Per 100 pupils (primary / junior), the 2017 quality-balance measures require 4.2 / 5.3 "
    "teachers with above-required qualifications and 1 / 1 county-level or higher key teachers. "
    "[1]\n\nFor quality balance, each school needs at least 1 county-level-or-above key teacher "
    "(县级及以上骨干教师) per 100 pupils in primary and junior schools. [1]")

CELL_SAYS_THE_KEY = (
    "**关键区别：**“县管校聘”把教师由学校人变为系统人：编办核定编制总量，人社部门核定岗位总量，"
    "教育部门在总量内统筹调配教师。 [1]\n\n| | 交流轮岗 | 县管校聘 |\n|---|---|---|\n"
    "| 是什么 | 城镇学校每年交流轮岗教师不低于符合条件教师总数的10%。 [2] | “县管校聘”使教师由学校人变为"
    "系统人：编办核定编制总量，人社部门核定岗位总量，教育部门在总量内统筹调配教师。 [1] |")

ALL_FIGURES_AGAIN = (
    "Under the 2017 measures the coefficient of variation of each of the 7 indicators must be at "
    "most 0.50 for primary and 0.45 for junior schools. [1]\n\nThe 2012 composite was the mean of "
    "8 coefficients; the 2017 evaluation uses none, and each of its 7 coefficients must be at most "
    "0.5 (primary) or 0.45 (junior). [2]")


def test_restated_facts_are_counted_where_the_near_identical_check_sees_nothing():
    for text in (FIGURES_TWICE, CELL_SAYS_THE_KEY, ALL_FIGURES_AGAIN):
        assert not repeated(text)
        assert restated(text), text


def test_sentences_that_add_figures_or_claims_are_not_counted():
    text = ("The 2017 measures cap the coefficient of variation at 0.50 for primary and 0.45 for "
            "junior schools. [1] The 2012 measures capped a composite of 8 indicators at 0.65 and "
            "0.55. [2]\n\n| | 2012 | 2017 |\n|---|---|---|\n| Satisfaction | At least 85% of the "
            "public must be satisfied. [3] | Social recognition must reach 85% in a survey of "
            "parents and teachers. [4] |")
    assert restated(text) == []


def test_restated_is_a_readability_problem_counted_per_group():
    signs = assess(FIGURES_TWICE, "en", [])
    assert signs.restated and not signs.clean
    rows = [SimpleNamespace(readability=signs, abstained=False),
            SimpleNamespace(readability=assess("Teachers rotate every six years. [1]", "en", []),
                            abstained=False)]
    counts = ReadabilityCounts.of(rows)
    assert counts.restated == 1 and counts.repeated == 0

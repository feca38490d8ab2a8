"""Look-ups for where a thing began, and for a funding benchmark."""

from __future__ import annotations

import pytest

from assistant.answer.extractive import wanted_patterns
from assistant.answer.shapes.lookup import _ASKS_ORIGIN

from .answer_support import assert_grounded


@pytest.mark.parametrize("question, asks", [
    ("Which document introduced the rural teacher living allowance, and when?", True),
    ("乡村教师生活补助是什么时候出台的？", True),
    ("哪个文件首次提出县管校聘？", True),
    ("When was the county-led management system first set up?", True),
    ("What is the rural teacher living allowance?", False),
    ("How much central money went to rural teacher living allowances in 2017?", False),
])
def test_a_question_for_an_origin_is_read(question, asks):
    assert bool(_ASKS_ORIGIN.search(question)) is asks


def test_which_document_introduced_a_thing_is_answered_with_its_origin_or_that_none_is_given(ask):
    result = ask("Which document introduced the rural teacher living allowance, and when?")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "do not name the document" in first and "2013" in first, result.text


def test_a_funding_benchmark_asked_for_is_a_sum_of_money():
    money = wanted_patterns("What is the national per-student public-funding benchmark for junior "
                            "secondary schools?")
    assert any(p.search("¥800") for p in money)
    assert any(p.search("800元") for p in wanted_patterns("初中生均公用经费基准定额是多少？"))


def test_a_benchmark_look_up_opens_with_the_benchmark_not_one_provinces_rule(ask):
    result = ask("What is the national per-student public-funding benchmark for junior secondary "
                 "schools, and which document set it?")
    first = result.text.split("\n\n")[0]
    assert "¥800" in first and not first.startswith("In Yunnan"), result.text
    result = ask("What was the per-pupil public funding benchmark for primary and junior secondary "
                 "pupils in 2016?")
    assert not result.text.startswith("Yunnan"), result.text

"""A who-question whose subject is a procedure (an assessment, an evaluation, a recognition) is
answered by the procedure's steps and the actors that take them, of the balance stage asked."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify
from assistant.answer.shapes.responsible import asked_procedure

from .answer_support import assert_grounded


@pytest.mark.parametrize("question, asks", [
    ("Who carries out the assessment that confirms a county has reached basic balance?", True),
    ("县域义务教育优质均衡发展的督导评估和认定由哪一级负责？", True),
    ("Who decides whether a county has reached quality balance?", True),
    ("Who pays rural teachers' salaries?", False),
])
def test_a_procedure_asked_about_is_read(question, asks):
    assert (asked_procedure(question) is not None) is asks


def test_who_carries_out_is_a_who_question():
    assert classify("Who carries out the assessment that confirms a county has reached basic "
                    "balance?").kind == "responsible"


def test_the_steps_of_basic_balance_and_their_actors_answer(ask):
    result = ask("Who carries out the assessment that confirms a county has reached basic balance "
                 "in compulsory education?")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "city review" in first and "provincial evaluation" in first \
        and "national recognition" in first, result.text
    # each step's actor follows, in the order of the steps
    rest = result.text.split("\n\n", 1)[1]
    assert rest.index("County governments") < rest.index("Provincial governments") \
        < rest.index("National Education Supervision Group"), result.text


def test_quality_balance_is_not_answered_with_the_basic_balance_procedure(ask):
    result = ask("县域义务教育优质均衡发展的督导评估和认定由哪一级负责？")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "国家认定" in first, result.text
    assert "教督〔2012〕3号" not in result.text and "申报优质均衡" not in first, result.text

"""A named case asked how it works *and* what it achieved gets the case record (what was done,
then results); a county asking whether it should take a course of action asks for advice."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify, corpus_case_names
from assistant.config import DEFAULT_CORPUS_DIR


def case_names():
    return corpus_case_names(DEFAULT_CORPUS_DIR)


@pytest.mark.parametrize("question", [
    "浙江的教共体是怎么运作的？取得了什么成效？",
    "How does Hengnan's school alliance work, and what results has it had?",
])
def test_how_a_case_works_and_its_results_ask_for_the_case(question):
    assert classify(question, case_names()).kind == "case", question


def test_how_a_case_works_alone_is_still_explained():
    assert classify("浙江的教共体为什么要把城乡学校结对？", case_names()).kind == "explain"


@pytest.mark.parametrize("question", [
    "县里是否应该撤并生源很少的村小？",
    "县政府要不要把乡镇初中并到县城？",
])
def test_whether_a_county_should_act_asks_for_advice(question):
    assert classify(question).kind == "suggest", question

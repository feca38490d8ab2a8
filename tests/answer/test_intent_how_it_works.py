"""Questions about how a thing does what it is for ask for an explanation."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify


@pytest.mark.parametrize("question", [
    "How does the living allowance keep teachers in remote village schools?",
    "How does the benchmark per-pupil amount reach each school?",
    "教师周转宿舍是怎么分配的？",
    "特岗教师是怎么招聘的？",
    "How does the money follow the pupil to a new school?",
    "县申报优质均衡认定要经过什么流程？",
])
def test_how_a_thing_works_is_explained(question):
    assert classify(question).kind == "explain", question


@pytest.mark.parametrize("question", [
    "How do we keep teachers in remote village schools?",
    "成都是怎么推进城乡教育一体化的？",
])
def test_how_we_act_is_not_an_explanation(question):
    assert classify(question).kind != "explain", question

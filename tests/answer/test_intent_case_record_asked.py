"""A question that names a case's place and asks what happened there — what problems it met,
what it did, what it achieved, what can be learnt from it — asks for the case record, however it
is worded; "why did X …" stays an explanation and "X and Y" a comparison."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify, corpus_case_names
from assistant.config import DEFAULT_CORPUS_DIR

NAMES = corpus_case_names(DEFAULT_CORPUS_DIR)


@pytest.mark.parametrize("question", [
    "宝清县在义务教育均衡发展中遇到了什么问题？",
    "宝清县推进城乡教育均衡时碰到过哪些困难？",
    "南漳县在均衡发展方面有什么经验？",
    "L区在城乡义务教育均衡上面临哪些问题？",
    "衡南县在城乡学校结对中取得了哪些成效？",
    "嘉善县的教师交流轮岗有什么教训？",
    "What problems did Baoqing County run into with balanced compulsory education?",
    "What difficulties has Nanzhang County faced in balancing its schools?",
    "What has Hengnan County achieved in balancing its town and village schools?",
    "What lessons does District L hold for an urban district?",
    "What challenges did Pingyuan County encounter in compulsory education?",
])
def test_what_a_named_place_met_did_or_achieved_is_a_case(question):
    assert classify(question, NAMES).kind == "case", question


@pytest.mark.parametrize("question,kind", [
    ("Why did Pingyuan County run into problems after closing schools?", "explain"),
    ("为什么宝清县会遇到这些问题？", "explain"),
    ("宝清县和南漳县遇到的问题有什么不同？", "compare"),
    ("What problems did Baoqing and Nanzhang face, and how do they compare?", "compare"),
])
def test_why_and_compare_questions_on_cases_stay_theirs(question, kind):
    assert classify(question, NAMES).kind == kind, question


def test_a_problem_asked_without_a_named_place_is_no_case():
    # the cue asks about a named place's record: without one, a problem is no case
    assert classify("农村学校在均衡发展中遇到了什么问题？", NAMES).kind != "case"

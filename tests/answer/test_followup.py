"""Follow-up questions resolved from the conversation (offline)."""

from __future__ import annotations

import pytest

from assistant.answer.followup import is_follow_up, resolve
from assistant.answer.terms import term_stats

from .answer_support import assert_grounded

FUNDING = "How is compulsory education funding shared between central and local government?"


@pytest.mark.parametrize("question", ["And for rural teachers?", "What about Chengdu?",
                                      "Does it apply to junior schools?", "那农村教师呢？",
                                      "还有寄宿制学校呢？", "其标准是多少？"])
def test_follow_ups_are_detected(question):
    assert is_follow_up(question)


@pytest.mark.parametrize("question", [FUNDING, "What are the three classrooms?",
                                      "义务教育经费如何在中央和地方之间分担？",
                                      "How did Hangzhou use school groups?"])
def test_standalone_questions_are_left_alone(question):
    assert not is_follow_up(question)
    assert resolve(question, [("user", "What is quality balance?")]) == question


def test_follow_up_carries_over_the_previous_key_terms(corpus_engine):
    history = [("user", FUNDING), ("assistant", "Central and local governments share …")]
    resolved = resolve("And for rural teachers?", history, term_stats(corpus_engine))
    assert resolved.startswith("for rural teachers (")
    for word in ("funding", "central", "local"):
        assert word in resolved
    # question words and words too common in the index to narrow the search stay behind
    for word in ("How", "between", "education"):
        assert word not in resolved


def test_chinese_follow_up():
    resolved = resolve("那农村教师呢？", [("user", "义务教育经费如何在中央和地方之间分担？")])
    assert resolved.startswith("农村教师") and "经费" in resolved and "分担" in resolved


def test_follow_up_of_a_follow_up_keeps_the_thread():
    history = [("user", FUNDING), ("assistant", "…"), ("user", "And for rural teachers?"),
               ("assistant", "…")]
    resolved = resolve("What about boarding schools?", history)
    assert "boarding schools" in resolved and "funding" in resolved


def test_without_history_nothing_is_carried():
    assert resolve("And for rural teachers?", None) == "And for rural teachers?"


def test_answer_to_a_follow_up_is_about_both(ask):
    history = [("user", FUNDING), ("assistant", "…")]
    result = ask("And for rural teachers?", history=history)
    assert result.resolved_question != "And for rural teachers?"
    assert not result.abstained
    assert_grounded(result)
    text = result.text.lower()
    assert "teacher" in text and any(w in text for w in ("fund", "pay", "wage", "central"))

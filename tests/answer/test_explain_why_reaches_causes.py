"""A why-question reaches the explain shape and is answered with causes: a duty or a remedy that
holds the question's words ("so that towns are not overcrowded", "专递课堂 for schools that cannot
offer the full curriculum") says what the question is about, not why; it does not turn the
question away from the explanation that gives the causes."""

from __future__ import annotations

import pytest

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "How come schools in the county seat are so overcrowded?",
    "Why are the schools in our county town overcrowded?",
    "县城的学校为什么这么拥挤？",
])
def test_a_why_question_on_crowded_town_schools_gets_the_causes(ask, question):
    result = ask(question)
    assert_grounded(result)
    assert result.route == "explain", (result.route, result.text[:600])
    text = result.text.lower()
    # the causes: pupils arriving faster than places are built, school choice, migrant children
    assert ("places" in text or "学位" in text), result.text[:1500]
    assert ("choice" in text or "择校" in text or "migrant" in text or "随迁" in text), \
        result.text[:1500]


@pytest.mark.parametrize("question", [
    "Why is it hard for small rural schools to teach every subject?",
    "小规模学校为什么很难把课程开齐？",
])
def test_a_why_question_on_an_incomplete_curriculum_names_the_teacher_shortage(ask, question):
    result = ask(question)
    assert_grounded(result)
    assert result.route == "explain", (result.route, result.text[:600])
    opening = _opening(result.text).lower()
    # the cause is the staffing of small schools: structural understaffing, not a county's
    # measures read backwards (Hengnan) nor how small schools are funded
    assert "structural" in opening or "结构性缺编" in opening, result.text[:1500]
    assert "hengnan" not in opening and "衡南" not in opening, result.text[:1500]
    causes = result.text.split("\n\n")[1].lower()
    assert "music" in causes or "音乐" in causes or "编制" in causes or "staffing" in causes, \
        result.text[:1500]

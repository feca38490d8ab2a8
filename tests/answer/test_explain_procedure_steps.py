"""A question about a procedure is told its steps in order, not the criteria it checks."""

from __future__ import annotations

import re

import pytest

from assistant.answer.shapes.explanations import asks_for_steps
from assistant.knowledge.explanations import load_explanations


def _numbered(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if re.match(r"\d\. ", line)]


@pytest.mark.parametrize("question, first, absent", [
    ("What steps does a county go through to be recognised at quality balance?",
     "A county may apply", "Veto items"),
    ("县申报优质均衡认定要经过什么流程？", "县申请优质均衡督导评估", "一票否决"),
])
def test_a_procedure_question_gets_the_steps_in_order(ask, question, first, absent):
    result = ask(question)
    assert result.route == "explain"
    steps = _numbered(result.text)
    assert len(steps) >= 4, result.text
    assert steps[0].startswith(first), result.text   # the county's application comes first
    assert not any(absent in step for step in steps), result.text
    assert ("The steps, in order:" in result.text) or ("按先后顺序" in result.text)


def test_a_why_question_about_the_same_procedure_gets_causes_not_steps(ask):
    result = ask("Why are some faults a veto in quality-balance evaluation?")
    assert "The steps, in order:" not in result.text


@pytest.mark.parametrize("question", [
    "县域义务教育优质均衡的申报流程是怎样的？",
    "How does the recognition process go, from self-assessment to national recognition?",
    "What are the steps of national recognition?",
])
def test_procedure_questions_ask_for_steps(question):
    assert asks_for_steps(question)


def test_a_why_question_does_not_ask_for_steps():
    assert not asks_for_steps("Why does the recognition procedure take so long?")


def test_steps_are_read_and_checked(tmp_path):
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "explanations.yaml").write_text(
        "explanations:\n"
        "  - id: good\n    asks: {en: [a], zh: [甲]}\n    thesis: t\n    causes: [a, b]\n"
        "    steps: [a, c, d]\n"
        "  - id: thesis-as-step\n    asks: {en: [a], zh: [甲]}\n    thesis: t\n    causes: [a, b]\n"
        "    steps: [t, c]\n", encoding="utf-8")
    loaded, problems = load_explanations(tmp_path)
    assert [e.id for e in loaded] == ["good"]
    assert loaded[0].steps == ("a", "c", "d")
    assert set(loaded[0].statement_ids) == {"t", "a", "b", "c", "d"}
    assert [p[0] for p in problems] == ["2"]  # the thesis given again as a step

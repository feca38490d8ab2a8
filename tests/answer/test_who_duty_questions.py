"""Who-questions that readers saw answered as something else: what a named actor must do is a
duty (not a request for measures), "who sets / 由谁制定" and "who sanctions / 由谁追究" ask for an
actor, and the duty that states what the actor must do leads."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify


@pytest.mark.parametrize("question", [
    ("Which level of government must coordinate compulsory-education funding, and what must the "
     "county budget do for rural and weak schools?"),
    "What must the provincial government do when a county cannot fund its schools?",
    "What shall the county education bureau do about children who drop out?",
    "县级财政预算对农村学校和薄弱学校须做什么？",
    "省级人民政府在义务教育经费统筹上应当做什么？",
    "县级教育行政部门对辍学学生必须怎么做？",
])
def test_what_a_named_actor_must_do_is_a_duty_question(question):
    assert classify(question).kind == "responsible"


@pytest.mark.parametrize("question", [
    "Our county has classes of 70 pupils. What must we do?",
    "What should the county do about large classes in the county town?",
    "我县大班额问题严重，应当怎么做？",
    "我们县农村教师留不住，县里应该怎么办？",
])
def test_what_we_should_do_still_asks_for_measures(question):
    assert classify(question).kind == "suggest"


@pytest.mark.parametrize("question", [
    "Who sets the national benchmark for per-pupil public funds?",
    "Who determines the salary standard of rural teachers?",
    "Who sanctions a county that falsifies its evaluation data?",
    "生均公用经费基准定额由谁制定？",
    "县里评估弄虚作假，由谁追究？",
])
def test_who_sets_and_who_sanctions_are_who_questions(question):
    intent = classify(question)
    assert intent.kind == "responsible" and intent.asks_who, intent

"""A why-question is answered by the explanation of the effect it asks about, not by one that
only shares its topic (corpus/knowledge/explanations.yaml; assistant/answer/shapes/explanations.py)."""

from __future__ import annotations

import pytest

from assistant.answer.shapes.explanations import asked_effect


@pytest.mark.parametrize(("question", "effect"), [
    ("Why did closing village schools lead to overcrowded classes in town schools?",
     "overcrowded classes in town schools"),
    # the year of the cause is not what is asked; with no effect named, the year asked is
    ("Why did consolidation after 2001 result in long journeys, and who paid?", "long journeys"),
    ("Why did the centre change course on school closures in 2012?", "2012"),
    ("Why do teachers leave even after we pay them an allowance?",
     "teachers leave we pay them an allowance"),
    ("为什么撤并村小之后，县城学校出现了大班额？", "县城学校出现了大班额"),
    # what a Chinese question asks of its subject
    ("以县为主的管理体制为什么会拉开各县之间的教育经费差距？", "拉开各县之间的教育经费差距"),
    ("撤点并校带来了哪些问题？为什么？", ""),   # effects in general: another rule's concern
    ("How does the county-led system work?", ""),  # not a why-question
])
def test_the_effect_a_why_question_asks_about(question, effect):
    assert asked_effect(question) == effect


@pytest.mark.parametrize(("question", "explanation"), [
    # the best fit by topic is why consolidation led to long journeys; the effect asked is large
    # classes
    ("Why did closing village schools lead to overcrowded classes in county-town schools?",
     "why-large-classes"),
    # the best fit by topic is why consolidation happened (2001); the year asked is the brake's
    ("Why did the central government pull back from closing and merging rural schools around 2012?",
     "why-2012-brake-on-school-closures"),
    # nothing fits quite well enough by its words; the brake holds the year asked
    (("Why did the central government in 2012 tell counties to stop closing village schools "
      "without hearings?"), "why-2012-brake-on-school-closures"),
])
def test_the_explanation_of_the_effect_asked_is_chosen_over_one_of_its_topic(chosen, question,
                                                                             explanation):
    assert chosen(question) == explanation


@pytest.mark.parametrize(("question", "explanation"), [
    ("为什么说优质均衡比基本均衡更难？", "why-quality-balance-harder-than-basic"),
    ("Why is quality balance harder to reach than basic balance?",
     "why-quality-balance-harder-than-basic"),
    ("Why was the county-led system (以县为主) introduced in 2001?", "why-county-led-system-introduced"),
    # why the county manages is answered by its legal basis (CEL Art. 7), then the 2001 reform
    ("为什么由县来管义务教育？", "why-county-is-main-level"),
    ("交流轮岗为什么效果不好？", "why-teacher-rotation-is-resisted"),
    ("Why do teachers still leave village schools even though we give them a hardship allowance?",
     "why-teachers-leave-despite-pay-rises"),
])
def test_explanations_the_corpus_supports_are_there(chosen, question, explanation):
    assert chosen(question) == explanation


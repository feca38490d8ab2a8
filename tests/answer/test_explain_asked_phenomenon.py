"""An explain question gets the explanation of what it asks, not of a topic it shares: the clause
asked why of with its qualifier, the two ends of a change, what a cause caused, why something is
hard (assistant/answer/shapes/explanations.py)."""

from __future__ import annotations

import pytest

from assistant.answer.context import Context
from assistant.answer.shapes import draft_for
from assistant.answer.shapes.explanations import _asking_why_hard, asked_effect


@pytest.mark.parametrize(("question", "effect"), [
    # what persists in spite of something is asked with it, not the qualifier alone
    ("Why do experienced teachers keep quitting village schools even after the rotation scheme began?",
     "experienced teachers keep quitting village schools the rotation scheme began"),
    # a change is asked by its two ends, not by its verb (shared with other changes)
    ("Why did the national policy shift from basic balance to quality balance?",
     "basic balance quality balance"),
    ("为什么国家要从基本均衡走到优质均衡这一步？", "基本均衡 优质均衡这一步"),
    # "cause X" names its effect as "cause X to/in" does; "caused by" does not
    ("Why did county-led management cause money shortages for schools in poor counties?",
     "money shortages for schools in poor counties"),
    ("Why are rural schools short of money, and is it caused by the county-led system?", ""),
])
def test_what_a_why_question_asks_to_be_explained(question, effect):
    assert asked_effect(question) == effect


@pytest.mark.parametrize(("question", "explanation"), [
    # the qualifier (rotation) alone pulled in the definition of 县管校聘
    (("Why do the best teachers keep leaving rural schools for county-town schools even after "
      "rotation was introduced?"),
     {"why-rural-schools-cannot-keep-teachers", "why-teachers-leave-despite-pay-rises"}),
    # the change's verb (shift) pulled in why policy moved from buildings to teachers
    ("Why did the national policy shift from basic balance to quality balance?",
     {"why-quality-balance-replaced-basic-balance"}),
    # both ends are also named by why quality balance is harder: the change asked is not
    ("为什么国家要从基本均衡走到优质均衡这一步？", {"why-quality-balance-replaced-basic-balance"}),
    # the topic (以县为主) fits why the system was introduced best; the effect asked is money
    ("Why did the county-led system (以县为主) cause money shortages for schools in poor counties?",
     {"why-county-led-system-strained-rural-schools", "why-county-led-system-produces-funding-gaps"}),
    # a why-question fits a how-phrase on rotation best ("怎么搞"): why rotation is resisted answers
    ("为什么教师交流轮岗在有些县推不动？", {"why-teacher-rotation-is-resisted"}),
    ("以县为主为什么会加重县级财政负担？",
     {"why-county-led-system-strained-rural-schools", "why-county-led-system-produces-funding-gaps"}),
])
def test_the_explanation_of_what_is_asked_is_chosen(chosen, question, explanation):
    assert chosen(question) in explanation


def test_of_close_explanations_a_question_about_why_it_is_hard_gets_one_asking_that(
        corpus_engine, corpus_settings):
    # two explanations that fit about as well: why gaps remained after basic balance, and why
    # quality balance is harder; the question asks why counties struggle
    draft = draft_for(Context.build(corpus_engine, corpus_settings, (
        "Why do counties that passed basic balance struggle to get each indicator's coefficient "
        "of variation under 0.50?"), None))
    by_id = {e.id: e for e in draft.index.explanations}
    persist = by_id["why-quality-gaps-persist-after-input-gaps-narrowed"]
    harder = by_id["why-quality-balance-harder-than-basic"]
    assert _asking_why_hard(draft, persist, [persist, harder]) is harder
    assert _asking_why_hard(draft, harder, [harder, persist]) is harder

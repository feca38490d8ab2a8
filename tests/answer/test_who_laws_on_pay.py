"""Who-questions whose duty sits in several laws or under a subject the law words differently:
the other laws' duties on what the lead says are found by the lead's own words (a Chinese
compound read by its parts: "教师工资" is held by "教师的平均工资"); Art. 12 says in English what its
Chinese says ("提供…条件": provide equal conditions), so "who provides places" finds it."""

from __future__ import annotations

import pytest

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question, lead_law, other_law", [
    ("What is a county government responsible for regarding teachers' salaries?",
     "Compulsory Education Law Art. 31", "Teachers Law"),
    ("县级人民政府在教师工资保障方面要承担哪些责任？", "第三十一条", "《教师法》"),
    ("县级政府对教师工资负有什么责任？", "第三十一条", "《教师法》"),
])
def test_a_duty_on_pay_names_each_law_that_puts_it(ask, question, lead_law, other_law):
    result = ask(question)
    assert_grounded(result)
    opening = _opening(result.text)
    assert lead_law in opening, result.text
    # the Teachers Law's own pay duty follows the CEL's, not only the CEL sentence
    assert other_law in opening, result.text


@pytest.mark.parametrize("question", [
    "Who is responsible for providing school places to migrant workers' children in a city district?",
    "Who has to provide places in school for the children of migrant workers?",
])
def test_who_provides_places_for_migrant_children_is_led_by_art_12(ask, question):
    result = ask(question)
    assert_grounded(result)
    opening = _opening(result.text)
    assert "Art. 12" in opening, result.text
    # free textbooks for poor families (Art. 44) share only "provide" and "children"
    assert "Art. 44" not in opening, result.text

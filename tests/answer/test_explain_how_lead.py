"""A how-question's first sentence states the mechanism asked, not why it was adopted."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, mechanism", [
    ("How does the money follow the pupil under the 2015 unified mechanism?",
     "public funds follow the pupil"),
    ("2015年统一机制下钱随人走是怎么运作的？", "经费随学生走"),
])
def test_a_how_question_opens_with_how_it_works(ask, question, mechanism):
    result = ask(question)
    assert result.route == "explain"
    first = result.text.split("\n\n")[0]
    assert mechanism in first, result.text


def test_a_why_question_keeps_the_reason_first(ask):
    result = ask("Why were urban and rural school funding unified in 2015?")
    assert "because" in result.text.split("\n\n")[0]

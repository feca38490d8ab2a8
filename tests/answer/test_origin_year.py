""""When did X begin?" is answered by the statement that gives the year X began, not by one that
says "at first" about how X works, nor by later figures about X."""

from __future__ import annotations

import pytest

from .answer_support import assert_grounded


@pytest.mark.parametrize("question, began", [
    ("When did the special-post teacher scheme start?", "2006"),
    ("When was the special-post teacher scheme first launched?", "2006"),
    ("特岗教师计划是哪一年开始的？", "2006"),
    ("特岗计划从哪年开始实施？", "2006"),
])
def test_when_a_scheme_began_is_led_by_the_year_it_began(ask, question, began):
    result = ask(question)
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert began in opening, result.text

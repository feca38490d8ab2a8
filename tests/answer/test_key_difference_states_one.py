"""A comparison's key difference sets one side against the other; a sentence true of both
("China evaluates … under two measures") is no difference."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("question", [
    ("Under the 2017 measures what CV limits apply to a county, and how are they different from "
    "the 2012 basic-balance limits?"),
    "教督〔2012〕3号和教督〔2017〕6号有什么不同？",
])
def test_a_key_difference_states_a_difference_not_what_both_are(ask, question):
    """"How do they differ" is answered by a line that sets one side's rule against the
    other's (both sides' values), not by one that says what each of them is."""
    text = ask(question).text
    key = next(line for line in text.split("\n") if "Key difference" in line or "关键区别" in line)
    key = re.split(r"Key difference:\*\*|关键区别：\*\*", key)[-1]
    assert "0.65" in key and "0.50" in key, key

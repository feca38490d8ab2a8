"""A why-question about a case whose sources give no causes: the answer says so first, and
presents no non-cause (our mapping, a lesson, the setting) as a cause."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("question, plain", [
    ("Why has Baoqing County found balanced urban-rural schooling so difficult?", "does not list"),
    ("宝清县推进城乡义务教育均衡为什么困难？", "没有列出"),
])
def test_the_first_sentence_says_the_sources_hold_no_cause(ask, question, plain):
    result = ask(question)
    assert result.route == "explain"
    first = re.split(r"(?<=[.。])\s*", result.text)[0]
    assert plain in first, result.text
    numbered = [line for line in result.text.splitlines() if re.match(r"\d\. ", line)]
    assert not any(re.search(r"Our reading|按我们的|Baoqing|宝清", line) for line in numbered), \
        result.text

"""A place its sources barely document, asked what problems it met: the answer says first that
the sources do not record its difficulties, then what they do record (what the thesis examines)
— not a lesson restating national evaluation rules in place of the problems asked about."""

from __future__ import annotations

import re

from .answer_support import assert_grounded


def test_problems_of_a_thin_case_open_with_what_is_not_recorded_of_them(ask):
    for question in ("宝清县推进城乡义务教育均衡时碰到过哪些困难？",
                     "What difficulties did Baoqing County face in balancing its schools?"):
        result = ask(question)
        assert result.route == "case", result.route
        first = result.claims[0].text
        # the difficulties are what the sources do not record: said of the difficulties
        assert re.search(r"困难|difficult", first), first
        assert re.search(r"没有列出|无资料|does not list|not documented", first), first
        # the record there is: what the thesis examines (its difficulties and their causes)
        assert re.search(r"分析其原因|analyses their causes", result.text), result.text
        # no lesson on the evaluation standards in place of the problems asked
        assert not re.search(r"\*\*(Lessons|经验启示)\*\*", result.text), result.text
        assert_grounded(result)

"""A question for when a named document was issued, or its number, opens with the document's own
record of its issue — not a glossary fragment, not a statement that only shares its year."""

from __future__ import annotations

import pytest

from assistant.answer.shapes.lookup import _ASKS_ISSUE

from .answer_support import assert_grounded


@pytest.mark.parametrize("question, asks", [
    ("县域义务教育均衡发展督导评估暂行办法是哪一年印发的？文号是什么？", True),
    ("When were the Regulations on Education Supervision adopted?", True),
    ("What is the document number of the rotation opinions?", True),
    ("What does the 2012 evaluation measure?", False),
])
def test_a_question_for_a_documents_issue_is_read(question, asks):
    assert bool(_ASKS_ISSUE.search(question)) is asks


def test_a_documents_issue_opens_with_its_number_and_date(ask):
    result = ask("县域义务教育均衡发展督导评估暂行办法是哪一年印发的？文号是什么？")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "教督〔2012〕3号" in first and "2012年1月20日" in first, result.text
    assert "术语表" not in result.text, result.text


def test_a_term_that_holds_a_question_mark_is_no_glossary_term(ask):
    # "……办法是哪一年印发的？文号是什么？" asks two things about a document, not what a term means
    result = ask("县域义务教育优质均衡发展督导评估办法是哪一年印发的？文号是什么？")
    assert result.route != "glossary", result.text
    first = result.text.split("\n\n")[0]
    assert "教督〔2017〕6号" in first and "2017年4月" in first, result.text


def test_a_question_for_the_day_is_answered_by_the_date_before_the_number(ask):
    # the statement that gives the day of issue leads, not one that only discusses the number
    result = ask("国办规范农村学校布局调整的意见是哪天印发的？")
    assert result.text.startswith("2012年9月6日印发"), result.text

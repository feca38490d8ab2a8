"""Support in a look-up adds to the fact asked and does not change the topic: a place's lesson
that quotes the article asked about is about the place."""

from __future__ import annotations

from .answer_support import assert_grounded


def test_which_article_is_supported_by_laws_not_by_a_places_lesson(ask):
    result = ask("Which article of the Compulsory Education Law says teachers' pay must be at least "
                 "that of civil servants?")
    assert_grounded(result)
    assert "Art. 31" in result.text.split("\n\n")[0], result.text
    assert all(c.doc_type in ("law", "regulation") for c in result.citations), result.text


def test_a_question_naming_no_place_is_not_answered_from_a_places_record(ask):
    # Baoqing's record infers its recognition year from the national decision: a national
    # question is answered by the decision, not by what it implies for one county
    result = ask("By which year had every county in China passed basic balance, and how many "
                 "counties were there?")
    opening = result.text.split("\n\n")[0]
    assert "2,895" in opening and "Baoqing" not in opening, result.text

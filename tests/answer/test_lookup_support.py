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

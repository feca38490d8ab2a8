"""The offline composer: quoted, cited, in the question's language, direct answer first."""

from __future__ import annotations

import re

import pytest

from assistant.answer import QuestionError, answer
from assistant.answer.messages import TYPE_ORDER
from assistant.language import cjk_count, detect_language
from assistant.retrieval import SearchFilters

from .answer_support import MARKER, assert_grounded

ENGLISH = [
    "What does the Compulsory Education Law require county governments to do about weak schools?",
    "How is the between-school coefficient of variation calculated?",
    "Which measures have counties used to keep good teachers in rural schools?",
    "How did Hangzhou use school groups?",
    "What did the 2015 unified funding mechanism change?",
]
CHINESE = [
    "乡村小规模学校的公用经费如何核定？",
    "县级政府在义务教育均衡发展中承担什么责任？",
    "义务教育经费如何在中央和地方之间分担？",
    "随迁子女怎样入学？",
]


@pytest.mark.parametrize("question", ENGLISH + CHINESE)
def test_answers_are_quoted_and_cited(ask, question):
    result = ask(question)
    assert not result.abstained
    assert result.route not in {"llm", "abstain"}
    assert_grounded(result)
    assert result.language == detect_language(question)


@pytest.mark.parametrize("question", CHINESE)
def test_chinese_questions_are_answered_in_chinese_with_chinese_citations(ask, question):
    result = ask(question)
    said = [c for c in result.claims if c.kind in ("quote", "statement")]
    assert said and all(cjk_count(c.text) > len(c.text) / 3 for c in said), result.text
    assert all(cjk_count(c.title) for c in result.citations), [c.title for c in result.citations]


def test_chinese_filter_on_an_english_question_quotes_chinese(ask):
    result = ask("How are small rural schools funded?", filters=SearchFilters(languages=["zh"]))
    assert_grounded(result)
    assert all(cjk_count(c.text) for c in result.claims)


def test_a_figure_question_leads_with_a_figure(ask):
    result = ask("How many counties were recognised at quality balance in 2024?")
    lead = result.text.split("\n\n")[0]
    assert re.search(r"\d", MARKER.sub("", lead)), lead
    assert "188" in result.text


def test_an_article_question_quotes_that_article(ask):
    result = ask("What does Article 32 of the Compulsory Education Law say?")
    assert_grounded(result)
    assert {c.article for c in result.citations} == {"Article 32"}
    assert {c.doc_id for c in result.citations} == {"law-compulsory-education"}


def test_sentences_after_the_lead_go_from_law_to_analysis(ask):
    kinds_seen = 0
    for question in ENGLISH + CHINESE:
        result = ask(question)
        if result.route not in ("extractive", "lookup", "responsible"):
            continue
        body = result.text.split("\n\n", 1)[1] if "\n\n" in result.text else ""
        order = [TYPE_ORDER.get(result.citations[int(n) - 1].doc_type or "", 9)
                 for n in MARKER.findall(body)]
        assert order == sorted(order), (question, order)
        kinds_seen = max(kinds_seen, len(set(order)))
    assert kinds_seen >= 2, "some answers should draw on several kinds of document"


def test_json_shape(ask):
    data = ask("What are the three classrooms?").to_json()
    assert {"answer", "citations", "abstained", "route", "language", "notice",
            "resolved_question", "nearest", "flagged_sentences", "claims"} <= set(data)
    assert data["answer"] and data["abstained"] is False
    for number, citation in enumerate(data["citations"], start=1):
        assert {"doc_id", "title", "text", "marker", "reference", "locator"} <= set(citation)
        assert citation["marker"] == number


def test_markdown_export_has_the_references(ask):
    result = ask("What does Article 32 of the Compulsory Education Law say?")
    markdown = result.to_markdown()
    assert markdown.startswith(result.text)
    references = markdown.split("**References**", 1)[1]
    assert len(MARKER.findall(references)) == len(result.citations)
    assert "Article 32" in references


def test_bad_questions_are_refused_with_a_reason(corpus_engine, corpus_settings):
    with pytest.raises(QuestionError, match="empty"):
        answer("   ", engine=corpus_engine, settings=corpus_settings, use_llm=False)
    with pytest.raises(QuestionError, match="(?i)max_question_chars"):
        answer("x" * (corpus_settings.max_question_chars + 1), engine=corpus_engine,
               settings=corpus_settings, use_llm=False)

"""Abstention: out-of-scope questions are refused with the nearest sources, in-scope ones are not.
The calibration questions are in calibration.yaml (benchmarks/abstention_calibration.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.answer.context import Context
from assistant.answer.pipeline import retrieve

CALIBRATION = yaml.safe_load((Path(__file__).parent / "calibration.yaml").read_text("utf-8"))


def _questions(scope: str) -> list[str]:
    return [q for questions in CALIBRATION[scope].values() for q in questions]


def test_calibration_set_is_big_enough():
    for scope in ("in_scope", "out_of_scope"):
        assert len(_questions(scope)) >= 20
        assert len(CALIBRATION[scope]["en"]) >= 10 and len(CALIBRATION[scope]["zh"]) >= 10


def test_abstention_rates_on_the_calibration_set(corpus_engine, corpus_settings):
    def refused(question: str) -> bool:
        ctx = Context.build(corpus_engine, corpus_settings, question, None)
        return not retrieve(ctx).evidence.sufficient

    outside = [refused(q) for q in _questions("out_of_scope")]
    inside = [refused(q) for q in _questions("in_scope")]
    assert sum(outside) / len(outside) >= 0.90
    assert sum(inside) / len(inside) <= 0.05


@pytest.mark.parametrize("question", [
    "What will the weather be in Beijing tomorrow?",
    "How do I file for divorce in China?",
    "What is Tencent's stock price today?",
    "红烧肉怎么做？",
    "闯红灯罚款多少钱？",
    # what-to-do questions naming a problem cue outside schooling stay refused
    "How can we improve our online shop's sales?",
    "公司的网络平台没人用，该怎么办？",
])
def test_out_of_scope_questions_are_refused_with_nearest_sources(ask, question):
    result = ask(question)
    assert result.abstained and result.route == "abstain"
    assert result.citations == [] and "[1]" not in result.text
    assert result.evidence is not None and not result.evidence.sufficient
    expected = "语料库没有涵盖" if result.language == "zh" else "does not cover"
    assert expected in result.text
    for citation in result.nearest:
        assert citation.title in result.text


@pytest.mark.parametrize("question", [
    "Which indicators must every school meet for quality balance?",
    "Compare Chengdu and Hangzhou.",
    "城乡学校差距有多大？",
    "教育督导条例规定了什么？",
    # a school problem the measures address, in words the corpus rarely uses
    "学校装了网络平台，可老师们基本不用，该怎么办？",
])
def test_in_scope_questions_are_answered(ask, question):
    result = ask(question)
    assert not result.abstained and result.citations


def test_an_empty_index_says_so(tmp_settings):
    from assistant.answer import answer
    from assistant.engine import open_engine

    result = answer("What is quality balance?", engine=open_engine(tmp_settings),
                    settings=tmp_settings, use_llm=False)
    assert result.abstained and result.citations == []
    assert "assistant ingest" in (result.notice or "")


@pytest.mark.parametrize("question", [
    "Which gaokao score do I need for Tsinghua?",
    "Who pays for new equipment in county hospitals?",
])
def test_education_like_questions_about_other_things_are_refused(ask, question):
    # the first is mostly words the corpus never uses; the second's only glossary word is
    # "county", which is in most passages and so earns no bonus
    assert ask(question).abstained


def test_a_question_mostly_in_unknown_words_is_decided_by_the_vocabulary_rule():
    from assistant.answer import evidence as ev

    score, limit = ev.decide(0.9, 1.0, 1, "en", known=ev.VOCABULARY_FLOOR - 0.01)
    assert score < limit
    score, limit = ev.decide(0.9, 1.0, 1, "en", known=ev.VOCABULARY_FLOOR + 0.01)
    assert score >= limit


def test_only_distinctive_glossary_terms_earn_the_bonus(corpus_engine):
    from assistant.answer.evidence import is_distinctive
    from assistant.answer.terms import term_stats

    stats = term_stats(corpus_engine)
    assert not is_distinctive("county", stats)
    assert is_distinctive("coefficient of variation", stats)
    assert is_distinctive("县管校聘", stats)

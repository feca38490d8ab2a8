"""An explain answer says each cause once: near-duplicate causes collapse, in either language."""

from __future__ import annotations

import re

import pytest

from assistant.answer.context import Context
from assistant.answer.shapes import draft_for
from assistant.answer.shapes.explain import _distinct, _says_the_same
from assistant.knowledge.index import Found


@pytest.fixture()
def found_in(corpus_engine, corpus_settings):
    def _found(question: str):
        draft = draft_for(Context.build(corpus_engine, corpus_settings, question, None))
        return draft, lambda ident: Found(draft.index.by_id[ident], 1.0, 1.0)
    return _found


def test_a_cause_another_already_holds_is_the_same_cause_in_a_chinese_answer(found_in):
    # "农村教师常常自己负担培训费用" and "……农村教师还常常自费参加培训" share few Chinese tokens;
    # their English texts show the one holds the other
    draft, found = found_in("为什么乡村教师留不住？")
    training = found("fact-tl-rural-training-costs")
    flow = found("finding-causes-one-way-teacher-flow")
    assert _says_the_same(draft, training, flow)
    assert _distinct(draft, [flow, training]) == [flow]


def test_distinct_causes_are_kept(found_in):
    draft, found = found_in("为什么乡村教师留不住？")
    titles = found("finding-why-titles-pull-teachers-to-towns")
    housing = found("finding-why-remote-teacher-housing")
    assert not _says_the_same(draft, titles, housing)
    assert _distinct(draft, [titles, housing]) == [titles, housing]


def test_a_cause_with_figures_the_other_lacks_adds_to_it(found_in):
    draft, found = found_in("乡村教师生活补助是怎么发放的？")
    lead = found("finding-how-living-allowance-paid")
    figures = found("fact-p2015-rural-teachers-2017-allowance")
    assert not _says_the_same(draft, figures, lead)


def _numbered(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if re.match(r"\d\. ", line)]


@pytest.mark.parametrize("question", [
    "为什么乡村教师留不住？",
    "Why didn't the county-centred management system of 2001 end the funding shortage of rural schools?",
])
def test_no_two_numbered_causes_say_the_same(ask, found_in, question):
    result = ask(question)
    assert result.route == "explain"
    draft, found = found_in(question)
    by_text = {f.statement.in_language(draft.language): f for f in
               (found(i) for i in draft.index.by_id)}
    said = [next(f for t, f in by_text.items() if line.startswith(t)) for line in
            _numbered(result.text)]
    assert len(said) >= 2, result.text
    for n, one in enumerate(said):
        for other in said[:n]:
            assert not _says_the_same(draft, one, other), (one.statement.id, other.statement.id)

"""Why-questions answered from the corpus's explanations (corpus/knowledge/explanations.yaml)."""

from __future__ import annotations

import re

import pytest

from assistant.answer.context import Context
from assistant.answer.shapes import draft_for
from assistant.answer.shapes.explanations import MATCH, explanation_for, fit
from assistant.answer.terms import is_modifier

from .answer_support import assert_grounded


@pytest.fixture()
def draft_of(corpus_engine, corpus_settings):
    def _draft(question: str):
        return draft_for(Context.build(corpus_engine, corpus_settings, question, None))
    return _draft


def test_a_phrase_fits_a_question_that_holds_its_words_in_other_wording(draft_of):
    draft = draft_of("为什么农村学校总是留不住年轻教师？")
    terms, stats = draft.question_terms(), draft.ctx.stats
    # 农村 ~ 乡村 (synonym); 年轻, a word the corpus never uses, narrows the question only
    assert fit(draft.ctx.question, terms, "乡村学校留不住教师", stats) >= MATCH
    assert fit(draft.ctx.question, terms, "城镇学校大班额", stats) < MATCH
    assert fit(draft.ctx.question, terms, "rural schools cannot keep teachers", stats) == 0.0


def test_an_unknown_modifier_weighs_like_a_common_word(corpus_engine):
    from assistant.answer.terms import Term, term_stats

    stats = term_stats(corpus_engine)
    assert is_modifier("年轻") and is_modifier("总是") and not is_modifier("天气")
    assert stats.weight(Term("年轻", True)) < stats.weight(Term("天气", True))


def _numbered(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\d\. ", line)]


@pytest.mark.parametrize("question", [
    "How come so many rural schools cannot hold on to their young teachers?",
    # a statement naming "the 2014 opinions" holds more of it, but not what is asked
    "How does teacher rotation work under the 2014 opinions?",
    "进城务工人员的孩子为什么很难在城里读公办学校？",
    "Why did the state put a brake on closing village schools in 2012?",
])
def test_a_why_question_gets_its_explanation_thesis_first_then_its_causes(ask, draft_of,
                                                                          question):
    chosen = explanation_for(draft_of(question))
    assert chosen is not None, question
    result = ask(question)
    assert result.route == "explain"
    assert_grounded(result)
    draft = draft_of(question)
    statement = draft.index.by_id
    language = draft.language
    assert result.text.startswith(statement[chosen.thesis].statement.in_language(language))
    numbered = _numbered(result.text)
    causes = [statement[c].statement.in_language(language) for c in chosen.causes]
    assert len(numbered) >= 2
    for line in numbered:  # every numbered cause is one of the explanation's, in its order
        assert any(line[3:].startswith(cause) for cause in causes), line


@pytest.mark.parametrize("question", [
    "Why do some provinces publish their county balance reports late?",
    "为什么有的学校食堂饭菜不好吃？",
])
def test_a_why_question_the_corpus_explains_nowhere_fits_no_explanation(draft_of, question):
    assert explanation_for(draft_of(question)) is None


def test_a_chinese_question_is_fitted_by_the_chinese_phrases(draft_of):
    # its English terms are only the glossary's names of some of its words: an English phrase
    # holding those would fit it better than the Chinese phrase of the same explanation
    draft = draft_of("“以县为主”的管理体制为什么会拉大城乡义务教育差距？")
    chosen = explanation_for(draft)
    assert chosen is not None
    # the phrase that fits it names what it asks about (the gap), not the province's role
    assert any("以县为主" in phrase and "差距" in phrase for phrase in chosen.asks_zh), chosen


def test_without_an_explanation_the_thesis_holds_most_of_the_question(ask, draft_of):
    question = "为什么要给寄宿生额外的公用经费？"
    assert explanation_for(draft_of(question)) is None  # the findings answer it
    result = ask(question)
    assert result.route == "explain"
    assert "寄宿生" in result.text.split("\n\n")[0], result.text


@pytest.mark.parametrize("question", [
    "How does a county get recognised at basic balance? Walk me through the steps.",
    "What is the procedure for recognising a county?",
    "县通过优质均衡认定要经过哪些环节？",
    "基本均衡认定的步骤有哪些？",
])
def test_a_question_about_steps_or_a_procedure_asks_how_it_works(question):
    from assistant.answer.shapes.explanations import asks_how_it_works

    assert asks_how_it_works(question), question
    assert not asks_how_it_works("Why does the procedure take so long?")


def _best(draft):
    from assistant.answer.shapes.explanations import scores

    return max(scores(draft), key=lambda pair: pair[0])[1]


def test_a_how_question_prefers_a_how_explanation_that_fits_about_as_well(draft_of):
    # "为什么要发" fits its words best, but it asks why the allowance is paid, not how
    draft = draft_of("乡村教师生活补助是怎么发的？")
    chosen = explanation_for(draft)
    assert chosen is not None
    assert _best(draft).id != chosen.id  # the preference, not the score, decided
    assert chosen.id == "how-rural-teacher-living-allowance-is-paid"


def test_a_question_gets_the_explanation_whose_phrases_hold_its_subject(draft_of):
    # why consolidation happened fits best, but only the double siphon names the pupils drawn
    # to the towns
    draft = draft_of("撤点并校为什么把农村学生吸到城里？")
    chosen = explanation_for(draft)
    assert chosen is not None
    assert _best(draft).id != chosen.id
    assert chosen.id == "why-double-siphon"


def test_a_question_the_corpus_explains_is_answered_though_retrieval_finds_it_thin(ask, draft_of):
    from assistant.answer.grounding import retrieve

    question = "均衡政策的重心为什么从盖校舍转到教师队伍？"
    draft = draft_of(question)
    assert not retrieve(draft.ctx).evidence.sufficient  # its wording is rare in the corpus
    chosen = explanation_for(draft)
    assert chosen is not None
    result = ask(question)
    assert result.route == "explain"
    assert_grounded(result)
    thesis = draft.index.by_id[chosen.thesis].statement.in_language("zh")
    assert result.text.startswith(thesis)


@pytest.mark.parametrize("question", ["How does teacher rotation work?", "教师交流轮岗是怎么运作的？"])
def test_the_word_work_of_a_how_question_is_its_frame_not_its_subject(draft_of, question):
    # a statement that happens to say "work" (运作) does not make the question narrower than
    # the explanation of how rotation works
    from assistant.answer.shapes.explanations import covered_by

    draft = draft_of(question)
    chosen = explanation_for(draft)
    assert chosen is not None and chosen.id == "how-teacher-rotation-works"
    texts = [draft.index.by_id[i].search_text for i in chosen.statement_ids]
    assert covered_by(draft, texts) == pytest.approx(1.0)


def test_an_explanation_answers_the_qualifier_and_the_effect_asked(ask):
    # "even after pay rises": why pay is not enough, not why teachers leave in general
    result = ask("Teachers' salaries in our villages went up but the best still leave for the "
                 "county town. Why?")
    assert result.route == "explain"
    assert re.search(r"pay", result.text.split("\n\n")[0], re.IGNORECASE)
    assert "career" in result.text.split("\n\n")[0], result.text
    # the effect of consolidation asked (journeys, crowding), not why consolidation happened
    result = ask("撤点并校以后，为什么很多农村孩子上学变远、县城学校变挤？")
    opening = result.text.split("\n\n")[0]
    assert "路远" in opening and "拥挤" in opening, opening
    # 以县为主 → 投入差距: the thesis names the mechanism of the gap, not the 2005 reform
    result = ask("以县为主的管理体制为什么会拉开各县之间的教育经费差距？")
    opening = result.text.split("\n\n")[0]
    assert "以县为主" in opening and "事权与财权" in opening, opening


def test_a_question_about_what_a_thing_led_to_gets_its_effects_not_why_it_happened(ask):
    # both explanations fit "consolidation after 2001"; the question asks what it caused
    result = ask("Why did the wave of rural school consolidation after 2001 cause problems for rural children?")
    assert result.route == "explain"
    opening = result.text.split("\n\n")[0]
    assert "long journeys" in opening or "dropout" in opening, result.text
    assert "happened because" not in opening


def test_of_two_close_explanations_the_one_about_the_balance_asked_answers(ask):
    # "recognition procedure" fits the basic-balance procedure best by its words; the question
    # names quality balance, and that explanation is close
    result = ask("县域义务教育优质均衡发展的申报和认定流程是怎样的？")
    assert result.route == "explain"
    opening = result.text.split("\n\n")[0]
    assert "优质均衡" in opening and "2012" not in opening, result.text

"""An explain answer's numbered causes explain its thesis: each named concept once, and no event
later than the effect asked about given as its cause (assistant/answer/shapes/explain.py)."""

from __future__ import annotations

import re

import pytest

from assistant.answer.shapes.explain import _Named, concepts, effect_year


@pytest.mark.parametrize(("question", "year"), [
    ("Why did the national evaluation move from basic balance to quality balance in 2017?", 2017),
    ("2017年为什么从基本均衡转向优质均衡？", 2017),
    # a year the effect starts from does not date it
    ("Why did rural school consolidation after 2001 lead to crowded towns?", None),
    ("2001年以后村小为什么越来越少？", None),
    ("Why did the 2012 opinions and the 2015 plan change teacher pay?", 2015),
    ("Why do rural schools lose teachers?", None),
])
def test_the_year_a_question_dates_its_effect_by(question, year):
    assert effect_year(question) == year


def test_a_year_before_a_comma_is_a_year_and_a_count_is_not():
    from assistant.answer.shapes.explain import _YEAR

    assert _YEAR.findall("the opinions, released in 2023, aim for 2035; all 2,895 counties") == \
        ["2023", "2035"]


def test_a_how_question_keeps_later_events(ask):
    # the development of a policy up to 2023 is told by its events, the 2023 opinions among them
    result = ask("For my thesis, how did balance policy develop from the 2006 law revision to the "
                 "2023 opinions?")
    assert any("2023" in line for line in _numbered(result.text)), result.text


def _numbered(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\d+\. ", line)]


@pytest.mark.parametrize("question", [
    "Why did the national evaluation move from basic balance to quality balance in 2017?",
    "2017年国家为什么把基本均衡评估改为优质均衡评估？",
])
def test_no_cause_reports_only_events_after_the_effect(ask, question):
    result = ask(question)
    assert result.route == "explain"
    causes = _numbered(result.text)
    assert causes, result.text
    for cause in causes:
        years = [int(y) for y in re.findall(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])", cause)]
        assert not years or min(years) <= 2017, cause


def test_concepts_are_quoted_or_glossed_terms():
    assert concepts('the "double siphon" of consolidation') == {"doublesiphon"}
    assert concepts("Good teachers flow one way (单向流动), from villages") == {"单向流动"}
    assert concepts('由此形成的"双重抽吸"把农村的学生') == {"双重抽吸"}
    assert concepts("the Compulsory Education Law (Art. 15)") == set()


THESIS_EN = ("Crowded towns and weak countryside (城镇挤、乡村弱) are the core problem because both "
             "halves come from the same movement of pupils, teachers and money from villages to "
             'towns, the "double siphon" of consolidation. [1]')
CAUSE_EN = ("School consolidation drained villages: the number of primary schools fell by 312,400 "
            '(56.43%) between 2000 and 2011, and the resulting "double siphon" pulled rural pupils '
            "and money toward the towns. [2]")
THESIS_ZH = ('"城镇挤、乡村弱"之所以是核心问题，是因为两者源自同一种流动，即撤并带来的"双重抽吸"：学生、教师和资金从'
             "农村流向城镇。[1]")
CAUSE_ZH = ("撤点并校掏空了村庄：2000年至2011年全国小学减少312,400所（下降56.43%），由此形成的"
            '"双重抽吸"把农村的学生和资金引向城镇。[2]')


@pytest.mark.parametrize(("thesis", "cause", "kept"), [
    (THESIS_EN, CAUSE_EN, ("School consolidation drained villages: the number of primary schools "
                           "fell by 312,400 (56.43%) between 2000 and 2011. [2]")),
    (THESIS_ZH, CAUSE_ZH, "撤点并校掏空了村庄：2000年至2011年全国小学减少312,400所（下降56.43%）。[2]"),
])
def test_a_clause_that_names_a_concept_said_before_and_says_it_again_goes(thesis, cause, kept):
    assert _Named(thesis).new_part(None, cause) == kept


def test_a_clause_that_gives_a_new_claim_about_a_concept_said_before_stays():
    cause = ('Planning lagged, and the "double siphon" is traced to the mismatch between spending '
             "duties and fiscal powers of the levels of government. [2]")
    assert _Named(THESIS_EN).new_part(None, cause) == cause


def test_a_relative_clause_is_not_cut_off_its_sentence():
    thesis = "Under county manages, schools hire (县管校聘) the county holds teachers' posts. [1]"
    cause = ("Contract appointment of teachers (教师聘任制), which the Teachers Law asks schools to "
             "introduce, is the ground on which schools hire teachers under (县管校聘). [2]")
    assert _Named(thesis).new_part(None, cause) == cause


def test_a_cause_naming_no_concept_said_before_is_unchanged():
    cause = ("Town school places lag behind the pupils who arrive, and every new place needs "
             '"land and buildings". [2]')
    assert _Named(THESIS_EN).new_part(None, cause) == cause


@pytest.mark.parametrize("question", [
    ('Why did rural school consolidation after 2001 lead to "crowded towns, weak townships, '
     'empty villages"?'),
    "为什么撤点并校之后出现了城挤、乡弱、村空？",
])
def test_the_double_siphon_is_explained_once(ask, question):
    result = ask(question)
    assert result.route == "explain"
    said = len(re.findall(r"double siphon|双重抽吸", result.text, re.IGNORECASE))
    assert 1 <= said <= 2, result.text   # the thesis names it; at most one cause traces its root


@pytest.fixture()
def found_in(corpus_engine, corpus_settings):
    from assistant.answer.context import Context
    from assistant.answer.shapes import draft_for
    from assistant.knowledge.index import Found

    def _found(question: str):
        draft = draft_for(Context.build(corpus_engine, corpus_settings, question, None))
        return draft, lambda ident: Found(draft.index.by_id[ident], 1.0, 1.0)
    return _found


def test_a_cause_of_a_neighbouring_thing_is_not_listed(found_in):
    from assistant.answer.shapes.explain import _bearing

    # one-way teacher flows explain rural schools' structural shortages, not crowded towns
    draft, found = found_in("Why are town schools crowded while village schools are empty?")
    thesis = found("finding-why-crowded-towns-weak-countryside")
    causes = [found(i) for i in ("finding-why-consolidation-drained-villages",
                                 "finding-causes-one-way-teacher-flow",
                                 "finding-why-school-siting-in-step")]
    kept = [f.statement.id for f in _bearing(draft, thesis, causes)]
    assert kept == ["finding-why-consolidation-drained-villages",
                    "finding-why-school-siting-in-step"]


def test_a_cause_holding_the_effect_asked_bears_on_it(found_in):
    from assistant.answer.shapes.explain import _bearing

    draft, found = found_in("Why did closing village schools lead to structural shortages of "
                            "music and art teachers?")
    thesis = found("finding-why-crowded-towns-weak-countryside")
    flow = found("finding-causes-one-way-teacher-flow")
    assert _bearing(draft, thesis, [flow]) == [flow]


@pytest.mark.parametrize("question", [
    "为什么随迁子女在城市公办学校入学难？",
    "Why can't migrant workers' children get public school places in cities?",
])
def test_migrant_enrolment_is_explained_by_its_causes_not_by_remedies(ask, question):
    result = ask(question)
    causes = "\n".join(_numbered(result.text))
    assert causes, result.text
    # one province's enrolment rule is a remedy, not why enrolment is hard
    assert "浙江" not in causes and "Zhejiang" not in causes, result.text

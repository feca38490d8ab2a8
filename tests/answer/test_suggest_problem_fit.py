"""Measures fitted to the problem, not only to its words: a measure counts in full for the
problems it is for (``mainly``) and less for those it only touches; a measure that addresses none
of the problems named comes after those that do; the problem a question stresses leads; a yes/no
"should we …?" is answered first; the opening's duty is the legal basis of the problem asked."""

from __future__ import annotations

import re

from assistant.advisor.measures import ON_THE_SIDE, MeasureSpec, load_measures, rank_by_weights
from assistant.answer.intent import classify, problems_in_order, proposals_in, stressed_problem

from .answer_support import assert_grounded


def _spec(id_: str, addresses=("high_cv",), mainly=()) -> MeasureSpec:
    return MeasureSpec(id=id_, name=id_, name_zh=id_, area="funding", addresses=addresses,
                       description="Something to do.", description_zh="", policy_basis=("x",),
                       mainly=mainly)


def test_a_measure_counts_less_for_a_problem_it_only_touches():
    specs = [_spec("report", addresses=("weak_supervision", "high_cv"),
                   mainly=("weak_supervision",)),
             _spec("rotate", addresses=("low_rotation", "high_cv"))]
    ranked = rank_by_weights({"high_cv": 2.0}, specs)
    assert [s.id for s, _, _ in ranked] == ["rotate", "report"]
    assert ranked[1][1] == 2.0 * ON_THE_SIDE


def test_a_measure_close_in_words_but_for_no_named_problem_comes_after_those_that_are():
    specs = [_spec("fund-more", addresses=("quality_gap",)), _spec("reduce-classes",
                                                                  addresses=("large_classes",))]
    ranked = rank_by_weights({"large_classes": 2.0}, specs, {"fund-more": 1.0,
                                                            "reduce-classes": 0.2})
    assert [s.id for s, _, _ in ranked] == ["reduce-classes", "fund-more"]


def test_the_problem_a_difficulty_is_said_of_leads():
    question = "We run 30 teaching points and new teachers won't stay there. What now?"
    assert problems_in_order(question, classify(question).problems)[0] == \
        "rural_teacher_shortage"
    question = "我县外出务工人员多、留守儿童多，寄宿制学校宿管人员不够，怎么办？"
    assert stressed_problem(question, classify(question).problems) == "boarding_staff"
    assert stressed_problem("Our town schools are crowded. What should we do?",
                            ("urban_crowding",)) is None


def test_keeping_teachers_is_read_as_a_teacher_retention_problem():
    assert "rural_teacher_shortage" in classify(
        "Mountain schools keep losing teachers to the town. How do we stop it?").problems
    assert "rural_teacher_shortage" in classify(
        "How can we keep young teachers in our township schools?").problems


def test_a_yes_no_question_proposes_the_action_it_asks_about():
    assert proposals_in("Our township schools are shrinking. Should we merge them?") \
        == ("close_schools",)
    assert proposals_in("几所村小只剩十几个学生，要不要撤并？") == ("close_schools",)
    # asking what to do about closures proposes nothing
    assert proposals_in("What should the county do about school closures?") == ()


def test_the_catalogue_answers_whether_to_close_schools_and_has_a_staff_measure():
    specs = load_measures()
    assert any("close_schools" in s.verdict_on and s.verdict and s.localized("verdict", "zh")
               for s in specs)
    assert any(s.mainly == ("boarding_staff",) for s in specs)
    for spec in specs:
        assert set(spec.mainly) <= set(spec.addresses), spec.id


def _shown(text: str, language: str) -> list[MeasureSpec]:
    by_title = {s.title(language): s for s in load_measures()}
    return [by_title[name] for name in re.findall(r"^\d\. \*\*(.+?)\*\*", text, re.MULTILINE)]


def test_should_we_close_is_answered_in_the_first_sentence(ask):
    result = ask("Enrolment in our township primary schools has halved. Should we merge them "
                 "into the central school? What should we do?")
    assert result.route == "suggest"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert opening.startswith("Not on size or cost alone"), opening[:200]
    assert "2012" in opening and "Pingyuan" in opening
    assert "keep_schools_open" in _shown(result.text, "en")[0].suits


def test_should_we_close_in_chinese_is_answered_in_chinese(ask):
    result = ask("我们县有二十多个教学点，每个只有十来个学生，要不要撤掉？")
    assert result.route == "suggest"
    opening = result.text.split("\n\n")[0]
    assert opening.startswith("不能只看规模和成本"), opening[:200]
    assert "平原县" in opening and "Pingyuan" not in result.text


def test_a_boarding_staff_shortage_leads_with_a_staff_measure(ask):
    result = ask("Our boarding schools have many left-behind children but far too few "
                 "dormitory staff. What can we do?")
    assert result.route == "suggest"
    assert_grounded(result)
    assert _shown(result.text, "en")[0].mainly == ("boarding_staff",)


def test_a_high_cv_gets_measures_that_lower_it_not_a_report(ask):
    question = "Our primary-school CV on equipment value is 0.61. How do we bring it down?"
    result = ask(question)
    assert result.route == "suggest"
    shown = _shown(result.text, "en")
    # each measure is for the CV or for the indicator named, not one that only reports on it
    problems = classify(question).problems
    assert shown and all(any(s.mainly_addresses(p) for p in problems) for s in shown), \
        [s.id for s in shown]
    assert any(s.mainly_addresses("high_cv") for s in shown)


def test_the_opening_duty_is_about_the_problem_asked(ask):
    result = ask("Classes in our town junior schools have 65 pupils. What should the county do?")
    opening = result.text.split("\n\n")[0]
    assert "Art. 57" not in opening and "key class" not in opening, opening
    shown = _shown(result.text, "en")
    assert all(s.mainly_addresses("large_classes") or "urban_crowding" in s.addresses
               for s in shown), [s.id for s in shown]

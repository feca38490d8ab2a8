"""Measures that pull the lever the situation needs: a county short of money gets measures that
bring money; crowded towns with pupils leaving the township schools get a measure for each side
(lifting the township schools, not closing them); a premise the standards contradict is
corrected first; one measure is not said twice."""

from __future__ import annotations

import re

from assistant.advisor.measures import MeasureSpec, load_measures
from assistant.advisor.standards import load_standards
from assistant.answer.intent import classify, constraints_in, stated_problems
from assistant.answer.premise import corrected_premise
from assistant.answer.suggest import _overlapping, _with_shortfall

from .answer_support import assert_grounded


def _shown(text: str, language: str) -> list[MeasureSpec]:
    by_title = {s.title(language): s for s in load_measures()}
    return [by_title[name] for name in re.findall(r"^\d\. \*\*(.+?)\*\*", text, re.MULTILINE)]


def test_a_tight_budget_asked_about_funding_is_a_shortfall_but_not_when_asked_about_teachers():
    question = "我县财力薄弱，义务教育经费投入跟不上，怎么办？"
    assert "funding_shortfall" in _with_shortfall(classify(question).problems,
                                                  constraints_in(question))
    question = "我县财政困难，村小的音体美老师严重不足，有什么低成本的办法？"
    assert "funding_shortfall" not in _with_shortfall(classify(question).problems,
                                                      constraints_in(question))


def test_a_county_short_of_money_gets_measures_that_bring_money(ask):
    result = ask("Our county is short of money and cannot fund compulsory education as the "
                 "law requires. What can the county do?")
    assert result.route == "suggest"
    assert_grounded(result)
    shown = _shown(result.text, "en")
    ids = [s.id for s in shown]
    assert all(s.mainly_addresses("funding_shortfall") for s in shown[:2]), ids
    assert sum(s.mainly_addresses("funding_shortfall") for s in shown) >= 3, ids
    assert not any("weak_supervision" in s.mainly for s in shown), ids


def test_a_county_short_of_money_in_chinese_is_not_led_by_an_audit(ask):
    result = ask("我县财力薄弱，义务教育经费投入跟不上，县里该怎么办？")
    assert result.route == "suggest"
    shown = _shown(result.text, "zh")
    assert shown and shown[0].mainly_addresses("funding_shortfall"), [s.id for s in shown]
    assert not any("weak_supervision" in s.mainly for s in shown[:2]), [s.id for s in shown]
    assert "《教育法》第五十八条" in result.text or "第四十七条" in result.text


def test_pupils_leaving_for_town_is_an_outflow_not_a_reason_to_close():
    problems = stated_problems("城区学校挤得满满的，农村学校生源不断流失，县里怎么办？")
    assert "rural_outflow" in problems and "rural_decline" not in problems
    assert "rural_decline" in stated_problems("村小生源萎缩，要不要撤并？")
    assert "rural_outflow" in stated_problems(
        "Families keep sending their children to the county town. What can the county do?")
    assert "rural_outflow" in stated_problems(
        "Parents keep moving their children from our township junior schools to the county-town "
        "schools. What now?")
    problems = stated_problems("县城小学一个班七十多人，家长都把孩子往城里送，县里怎么办？")
    assert "rural_outflow" in problems and "large_classes" in problems


def test_crowded_towns_and_emptying_townships_get_a_measure_for_each_side(ask):
    result = ask("城区学校挤得满满的，农村学校生源不断流失，县里怎么办？")
    assert result.route == "suggest"
    shown = _shown(result.text, "zh")
    ids = [s.id for s in shown]
    assert any("urban_crowding" in s.addresses for s in shown), ids
    assert any("rural_outflow" in s.addresses for s in shown[:2]), ids
    assert not any("consolidation" in s.id for s in shown), ids


def test_an_indicator_the_asked_standard_lacks_is_corrected_from_the_standards():
    standards = load_standards()
    premise = corrected_premise("优质均衡评估中我县小学综合差异系数是0.6，怎么办？", "zh", standards)
    assert premise is not None and premise.source == "std-2017-quality-balance-evaluation"
    assert premise.text.startswith("《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）没有“综合差异系数”")
    assert "小学不高于0.50，初中不高于0.45" in premise.text and "教督〔2012〕3号" in premise.text
    english = corrected_premise("Our composite CV in the quality-balance evaluation is 0.6.",
                                "en", standards)
    assert english is not None and "at most 0.45 for junior" in english.text
    # the premise holds: the basic-balance evaluation has a composite CV
    assert corrected_premise("基本均衡评估中综合差异系数0.7怎么整改？", "zh", standards) is None
    assert corrected_premise("优质均衡各项差异系数超标怎么办？", "zh", standards) is None


def test_a_wrong_premise_is_corrected_before_the_measures(ask):
    result = ask("优质均衡评估里我县小学综合差异系数是0.58，超标了，怎么整改？")
    assert result.route == "suggest"
    assert_grounded(result)
    assert result.text.startswith("《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）没有“综合差异系数”"), \
        result.text[:200]
    shown = _shown(result.text, "zh")
    assert shown and shown[0].mainly_addresses("high_cv"), [s.id for s in shown]


def _spec(id_: str, description: str, actors=("a", "b"), basis=("x", "y")) -> MeasureSpec:
    return MeasureSpec(id=id_, name=id_, name_zh=id_, area="funding", addresses=("high_cv",),
                       description=description, description_zh="", policy_basis=basis,
                       actors=actors)


def test_the_same_action_by_the_same_people_on_the_same_basis_is_one_measure():
    staff = _spec("staff", "Fund dormitory supervisors and nurses for boarding schools outside "
                           "teaching posts.")
    again = _spec("again", "Boarding schools get dormitory supervisors and nurses funded outside "
                           "teaching posts, inspected each term.")
    assert _overlapping(again, staff)
    # other people, or another basis, or another action: two measures
    assert not _overlapping(_spec("other", again.description, actors=("c", "d")), staff)
    assert not _overlapping(_spec("other", again.description, basis=("z",)), staff)
    assert not _overlapping(_spec("other", "Publish each school's budget."), staff)
    specs = {s.id: s for s in load_measures()}
    assert not _overlapping(specs["boarding-school-standards"], specs["boarding-life-staff"])


def test_a_rule_named_in_quotes_is_explained_before_the_measures(ask):
    result = ask("社会认可度调查可能被“一票否决”，县里应该采取哪些措施？")
    assert result.route == "suggest"
    assert_grounded(result)
    assert result.text.startswith("“一票否决”：优质均衡评估中只要出现即不予认定的事项"), result.text[:200]


def test_a_rule_in_quotes_our_sources_do_not_hold_is_said_not_to_be_in_them(ask):
    result = ask("县财政困难，义务教育经费做不到“三保三增”，县里应该怎么办？")
    assert result.route == "suggest"
    assert result.text.startswith("我们掌握的资料没有收录“三保三增”的具体规定"), result.text[:200]


def test_a_low_satisfaction_score_is_diagnosed_before_more_supervision(ask):
    assert "weak_supervision" not in stated_problems("我县满意度只有80%，怎么办？")
    assert "satisfaction_pct" in stated_problems(
        "Only 70% were satisfied in our social-recognition survey. What now?")
    assert "weak_supervision" not in stated_problems(
        "我县在优质均衡督导评估中差异系数超标，怎么整改？")
    result = ask("Public satisfaction in our county came out at 80% in the quality-balance "
                 "evaluation. What should the county do?")
    assert result.route == "suggest"
    shown = _shown(result.text, "en")
    assert shown and shown[0].mainly == ("satisfaction_pct",), [s.id for s in shown]

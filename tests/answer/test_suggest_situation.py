"""Suggest answers fitted to the asker's situation: a CV the asker states is checked against
the limit before the measures; the facility or indicator named ranks the measures for it first;
a measure meant for another setting (rural small schools for an urban district) ranks down; a
provincial regulation is basis only for that province's askers; a passed deadline is not given
as a current duty."""

from __future__ import annotations

import re

from assistant.advisor.measures import MeasureSpec, load_measures, rank_by_weights
from assistant.advisor.standards import load_standards
from assistant.answer.intent import stated_problems
from assistant.answer.premise import stated_cv
from assistant.answer.suggest import _deadline_passed, asker_setting

from .answer_support import assert_grounded


def test_a_cv_stated_as_the_situation_gets_its_verdict_against_the_limit():
    standards = load_standards()
    found = stated_cv("Our junior-school CV of lab equipment per pupil stands at 0.49; "
                      "what can the county do?", "en", standards)
    assert found is not None and "fails" in found.text and "0.45" in found.text
    found = stated_cv("我们小学的体育场馆面积差异系数是0.47，要怎么改进？", "zh", standards)
    assert found is not None and "达标" in found.text and "0.50" in found.text
    assert stated_cv("Our classes hold 70 pupils. What should we do?", "en", standards) is None
    # a count of pupils in the indicator's name is not the CV
    found = stated_cv("Our junior CV for multimedia rooms per 100 pupils is 0.47. What now?", "en",
                      standards)
    assert found is not None and "0.47" in found.text and "100" not in found.text


def test_a_suggest_answer_says_first_whether_the_stated_cv_fails(ask):
    result = ask("The provincial inspectors come next spring and our primary schools' CV for "
                 "sports-field area per pupil is 0.58. What should we do before then?")
    assert result.route == "suggest"
    assert_grounded(result)
    first = result.text.split("\n\n")[0].split(". ")[0]
    assert "0.58" in first and "0.50" in first and "fails" in first, first


def _shown(text: str, language: str):
    titles = re.findall(r"^\d+\. \*\*(.+?)\*\*", text, re.MULTILINE)
    specs = {s.title(language): s for s in load_measures()}
    return [specs[t] for t in titles if t in specs]


def test_an_evaluation_the_county_awaits_is_not_weak_supervision():
    assert "weak_supervision" not in stated_problems(
        "The quality-balance inspection comes next autumn and our primary equipment CV is 0.55.")
    assert "weak_supervision" not in stated_problems("我县明年要迎接优质均衡督导评估，怎么准备？")
    assert "weak_supervision" in stated_problems("Our inspectors rarely visit village schools.")


def test_the_facility_and_the_class_size_an_asker_names_are_read_as_problems():
    assert "sports_area_per_pupil" in stated_problems("Our sports-field area per pupil is low.")
    assert "large_classes" in stated_problems("Town schools run classes above 60 pupils.")
    assert "large_classes" in stated_problems("城区小学每班都六十二三个人，怎么办？")


def test_a_measure_for_another_setting_ranks_after_the_rest():
    specs = [MeasureSpec(id=i, name=i, name_zh=i, area="planning", addresses=("rural_decline",),
                         description="x", description_zh="", policy_basis=("x",), setting=s)
             for i, s in (("alliance", ("rural",)), ("layout", ()))]
    assert rank_by_weights({"rural_decline": 2.0}, specs)[0][0].id == "alliance"
    ranked = rank_by_weights({"rural_decline": 2.0}, specs, setting="urban")
    assert [s.id for s, _, _ in ranked] == ["layout", "alliance"]
    assert asker_setting("We are a city district with crowded schools.") == "urban"
    # a county town (县城) is a setting of its own (tests/answer/test_suggest_opening.py)
    assert asker_setting("我们县城学校太挤了") == "town"


def test_an_urban_district_gets_the_class_size_plan_not_village_measures(ask):
    result = ask("We run an urban district: classes in the town primaries are above 60 pupils, "
                 "and the rural schools on our edge have half their seats empty. What should the district do first?")
    assert result.route == "suggest"
    assert_grounded(result)
    shown = _shown(result.text, "en")
    assert shown[0].mainly_addresses("large_classes"), [s.id for s in shown]
    assert not any("rural" in s.setting for s in shown), [s.id for s in shown]


def test_a_deadline_that_has_passed_is_not_given_as_a_duty():
    assert _deadline_passed("Counties should end large classes by 2020.", 2026)
    assert _deadline_passed("到2020年基本消除大班额", 2026)
    assert not _deadline_passed("Most counties reach quality balance by 2035.", 2026)
    assert not _deadline_passed("Counties fund schools in full.", 2026)


def test_another_provinces_regulation_is_no_basis_for_the_asker(ask):
    question = "我们是西部一个财政很紧张的县，农村学校公用经费不够用，县里该怎么办？"
    result = ask(question)
    assert result.route == "suggest"
    assert_grounded(result)
    assert "浙江" not in result.text.split("参考资料")[0]
    # the 100-pupil floor for small schools' public funds is among the measures
    assert any(s.mainly_addresses("small_school_funding_floor_pupils")
               for s in _shown(result.text, "zh"))
    # an asker in that province keeps it
    kept = ask("我们是浙江的一个县，财政紧张，农村学校公用经费不够，县里该怎么办？")
    assert "浙江" in kept.text.split("参考资料")[0]


def test_missing_music_teachers_at_teaching_points_get_the_delivery_classroom(ask):
    result = ask("我县三十多个教学点都招不到音乐美术老师，开不齐课，怎么办？")
    assert result.route == "suggest"
    shown = _shown(result.text, "zh")
    assert any(s.id == "dedicated-delivery-classroom" for s in shown), [s.id for s in shown]

"""A suggest answer opens with one sentence fitted to the asker — the verdict on their figure, the
duty at stake, or (a county below a quota) that it falls short — never with a bare list of the
measures' names; a measure whose whole basis is "see measure 2" is not suggested; the setting of
the schools asked about (county town, rural, mountain) is read from the question; a county
preparing to close schools gets the procedure and the risks of closing."""

from __future__ import annotations

import re

import pytest

from assistant.advisor.measures import load_measures
from assistant.answer.intent import constraints_in, proposals_in, stated_problems
from assistant.answer.suggest import asker_setting, points_back_only, stated_shortfall

from .answer_support import assert_grounded

BARE_LIST = re.compile(r"^(The (one|two|three|four|five) measures? that fits? best|"
                       r"The measure that fits best|最适合的)")


def _shown(text: str, language: str) -> list[str]:
    titles = re.findall(r"^\d+\. \*\*(.+?)\*\*", text, re.MULTILINE)
    specs = {s.title(language): s.id for s in load_measures()}
    return [specs[t] for t in titles if t in specs]


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "Too many young teachers quit our village schools after a year or two. What should the county do?",
    "Our county-town primary schools have classes of 60 because families keep moving in. What should the county do?",
    "我们县乡村学校年轻教师流失很快，县里应该怎么办？",
    "我县县城小学班额普遍超过60人，该采取哪些措施？",
])
def test_the_opening_is_a_sentence_for_the_asker_not_the_measures_names(ask, question):
    result = ask(question)
    assert result.route == "suggest"
    assert_grounded(result)
    opening = _opening(result.text)
    assert not BARE_LIST.match(opening), opening
    titles = re.findall(r"^\d+\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    # the names are the list's: the opening does not name every measure again
    assert len(titles) >= 2 and sum(t in opening for t in titles) <= 1, opening


@pytest.mark.parametrize("question", [
    "Our rural teachers keep leaving for better jobs. What should the county do about it?",
    "我们县农村教师流失严重，年轻教师留不住，县里应该采取哪些措施？",
])
def test_a_duty_in_the_opening_is_a_provision_the_measures_rest_on(ask, question):
    result = ask(question)
    assert_grounded(result)
    opening = _opening(result.text)
    bases = " ".join(line for line in result.text.splitlines() if "Basis:" in line or "依据：" in line)
    for article in re.findall(r"Art(?:icle|\.)\s*\d+|第[一二三四五六七八九十]+条", opening):
        assert article in bases, (article, opening)


def test_a_share_the_county_falls_short_of_is_read():
    assert stated_shortfall("我县城区学校教师交流轮岗比例达不到10%，怎么推进？") == 10
    assert stated_shortfall("Only about 5% of our teachers rotate each year.") == 5
    assert stated_shortfall("不足100人的教学点怎么办？") is None
    assert stated_shortfall("Our rotation rate is 12%.") is None


@pytest.mark.parametrize("question, language", [
    ("我县城区学校教师交流轮岗比例达不到10%，骨干教师不愿意下乡，怎么推进？", "zh"),
    (("Fewer than 10% of our town teachers rotate each year and key teachers refuse to go to "
     "village schools. How do we push rotation?"), "en"),
])
def test_a_county_below_a_quota_gets_the_levers_not_the_quota_again(ask, question, language):
    result = ask(question)
    assert result.route == "suggest"
    assert_grounded(result)
    opening = _opening(result.text)
    # the quota is said once, as what the county falls short of
    assert opening.count("10%") + opening.count("10 %") <= 1, opening
    assert "20%" not in opening, opening
    shown = _shown(result.text, language)
    assert shown and shown[0] != "teacher-rotation-10-20", shown


def test_a_basis_that_only_points_back_is_recognised():
    named = {"国办发〔2015〕43号": 2, "《义务教育法》第三十二条": 1}
    assert points_back_only("国办发〔2015〕43号", named)
    assert points_back_only("国办发〔2015〕43号；《义务教育法》第三十二条", named)
    assert not points_back_only("国办发〔2015〕43号（提高乡村教师待遇）", named)
    assert not points_back_only("宁夏规定；国办发〔2015〕43号", named)


@pytest.mark.parametrize("question", [
    "我县城区学校教师交流轮岗比例达不到10%，骨干教师不愿意下乡，怎么推进？",
    "我们县农村教师流失严重，年轻教师留不住，县里应该采取哪些措施？",
    "Our town schools cannot get key teachers to rotate to the villages. What should we do?",
])
def test_no_measure_rests_only_on_an_earlier_measures_basis(ask, question):
    result = ask(question)
    for line in result.text.splitlines():
        if "Basis:" in line or "依据：" in line:
            body = re.sub(r"\s*(\[\d+\])+.*$", "", line.split("：" if "依据：" in line else ": ", 1)[1])
            assert not re.fullmatch(r"(see also measure \d+'s basis|另见第\d+项的依据)", body.strip()), line


def test_the_setting_of_the_schools_asked_about_is_read():
    assert asker_setting("Our county town has many classes of over 56 pupils.") == "town"
    assert asker_setting("我们县城学校大班额严重，怎么办？") == "town"
    assert asker_setting("In our mountain county many children board at township schools.") == "rural"
    assert asker_setting("我县农村学校音体美教师不足。") == "rural"
    assert asker_setting("Our village teaching points lose teachers to the county town.") == "rural"
    assert asker_setting("We are a city district with crowded schools.") == "urban"
    assert asker_setting("我县城乡学校差距大，怎么办？") is None
    assert asker_setting("What should the county do about its CV?") is None


def test_a_county_town_asker_gets_no_village_school_measure_first(ask):
    result = ask("Our county-town schools are packed and the classes are too large. What should we do?")
    shown = [s for s in load_measures() if s.id in _shown(result.text, "en")]
    assert shown and "rural" not in shown[0].setting, [s.id for s in shown]
    result = ask("In our mountain county the township boarding schools are crowded. What should we do?")
    shown = _shown(result.text, "en")
    assert "schools-with-new-housing" not in shown, shown


def test_two_halves_of_a_stated_problem_each_get_a_measure(ask):
    assert {"boarding_conditions", "boarding_staff"} <= set(stated_problems(
        "Left-behind children board at township schools with poor dormitories and no life-care staff."))
    assert "boarding_conditions" not in stated_problems("乡村教师周转宿舍不够。")
    for question, language in (
            (("In our mountain county many left-behind children board at township schools with "
             "poor dormitories and no life-care staff. What should the county do?"), "en"),
            ("我们山区县寄宿制学校宿舍条件差，又没有生活老师，县里怎么办？", "zh")):
        result = ask(question)
        assert_grounded(result)
        specs = {s.id: s for s in load_measures()}
        shown = [specs[i] for i in _shown(result.text, language)]
        assert any(s.mainly_addresses("boarding_staff") for s in shown), [s.id for s in shown]
        assert any(s.id == "boarding-school-standards" for s in shown), [s.id for s in shown]


def test_a_cv_called_composite_is_corrected_for_quality_balance(ask):
    result = ask("Our county's junior composite coefficient of variation is 0.52 and the "
                 "quality-balance visit is next year. What should we do?")
    first = _opening(result.text).split(". ")[0]
    assert "no composite" in first and "0.45" in first, first


def test_a_planned_closure_is_read_as_a_plan_not_a_question_whether():
    assert "closing_planned" in constraints_in("我们县准备撤并一批农村小学和教学点，需要注意哪些程序和风险？")
    assert "closing_planned" in constraints_in("We plan to merge six village schools next year. What must we watch?")
    assert "closing_planned" not in constraints_in("Should we close our teaching points?")
    assert proposals_in("Should we close our teaching points?") == ("close_schools",)


@pytest.mark.parametrize("question, language", [
    ("我们县准备撤并一批农村小学和教学点，需要注意哪些程序和风险？", "zh"),
    (("Our county is about to merge a dozen village primary schools into township schools. "
     "What should we watch out for?"), "en"),
])
def test_a_county_preparing_to_close_schools_gets_the_procedure_and_the_risks(ask, question, language):
    result = ask(question)
    assert result.route == "suggest"
    assert_grounded(result)
    opening = _opening(result.text)
    # the procedure: the siting plan of Art. 15, near-home schooling or boarding (Art. 17)
    assert ("第十五条" in opening) if language == "zh" else ("15" in opening), opening
    assert ("城挤" in opening) or ("dropout" in opening.lower()) or ("辍学" in opening), opening
    shown = _shown(result.text, language)
    assert shown[0] == "closure-procedure", shown
    # not alternatives to closing
    assert "keep-necessary-rural-schools" not in shown and "small-school-funding-floor" not in shown, shown

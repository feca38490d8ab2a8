"""Who-questions of session 13: a question naming several levels gets each level's share of the
duty with its article; a who-question on pay is led by the law's duty on pay; a situation's topic
(large classes) decides which duty answers; the opening of a who-answer names who acts."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


def _body(text: str) -> str:
    return text.split("**References**")[0].split("**参考资料**")[0]


@pytest.mark.parametrize("question", [
    "义务教育经费由谁承担？中央、省、县各自负什么责任？",
    "农村义务教育的钱由谁出？中央、省、县分别承担什么？",
])
def test_who_bears_with_each_level_named_is_a_who_question(question):
    # "各自 / 分别" of several levels asks each one's duty, not a comparison of two things
    assert classify(question).kind == "responsible"


@pytest.mark.parametrize("question, levels", [
    ("Who pays for rural compulsory education: the centre, the province or the county?",
     (("State Council", "central"), ("Provincial", "provincial"), ("County", "county"))),
    (("Who funds compulsory education, and what must the central government, the province and the "
     "county each do?"),
     (("State Council", "central"), ("Provincial", "provincial"), ("County", "county"))),
    ("义务教育经费由谁承担？中央、省、县各自负什么责任？",
     (("国务院", "中央"), ("省级",), ("县级",))),
    ("农村义务教育的钱由谁出？中央、省、县分别承担什么？",
     (("国务院", "中央"), ("省级",), ("县级",))),
])
def test_each_level_named_gets_its_own_line_with_its_article(ask, question, levels):
    result = ask(question)
    assert result.kind == "responsible", result.kind
    assert_grounded(result)
    lines = [line for line in _body(result.text).splitlines() if line.startswith("- ")]
    for names in levels:
        mine = [line for line in lines if any(name in line[:30] for name in names)]
        assert mine, (names, result.text)
        assert any("Art." in line or "第" in line for line in mine), (names, result.text)
    # the county's own funding duty (Art. 45) and the province's coordination (Art. 44)
    assert ("Art. 45" in result.text) or ("第四十五条" in result.text), result.text
    assert ("Art. 44" in result.text) or ("第四十四条" in result.text), result.text


@pytest.mark.parametrize("question, law", [
    ("县级政府在教师工资保障上有什么责任？", "第三十一条"),
    ("What is the county government responsible for on teachers' salaries?", "Art. 31"),
])
def test_a_duty_on_pay_is_led_by_the_law(ask, question, law):
    result = ask(question)
    assert result.kind == "responsible", result.kind
    assert_grounded(result)
    assert law in _opening(result.text), result.text


@pytest.mark.parametrize("question, who, policy", [
    (("Our county still has several schools with classes of more than 66 pupils. Who is responsible "
     "for eliminating these large classes, and on what legal basis?"), "ounty government", "large class"),
    ("我县一些学校班额超过66人，消除这些大班额由谁负责？依据是什么？", "县级人民政府", "大班额"),
])
def test_who_eliminates_large_classes_names_the_county_not_the_key_class_ban(ask, question, who,
                                                                           policy):
    result = ask(question)
    assert_grounded(result)
    opening = _opening(result.text)
    assert who in opening and policy in opening, result.text
    first = opening.split("[1]")[0]
    assert "重点班" not in first and "key and non-key" not in first, result.text


@pytest.mark.parametrize("question, actor", [
    ("Who must pay rural teachers' salaries?", "overnments"),
    ("Who has to keep teachers' pay at the level of civil servants?", "overnments"),
    ("谁来保障乡村教师的工资？", "人民政府"),
])
def test_the_opening_of_a_who_answer_names_who_acts(ask, question, actor):
    result = ask(question)
    assert result.kind == "responsible", result.kind
    first = _opening(result.text).split(" [1]")[0]
    assert actor in first, result.text


@pytest.mark.parametrize("question", [
    "随迁子女到城里上学，谁负责给他们提供条件？",
    "进城务工人员子女的入学由谁负责？",
])
def test_the_actor_named_before_a_lead_leaves_no_dangling_opening(ask, question):
    # "这项职责由…承担：" opened on a demonstrative with nothing before it for it to point to
    from assistant.evaluation.readability import dangling

    result = ask(question)
    assert_grounded(result)
    assert not dangling(result.text), result.text

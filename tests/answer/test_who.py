"""Who-is-responsible answers: the actor asked about leads, "the county or the province?" is
answered with which, and a named level's own statutory duties come before shared ones."""

from __future__ import annotations

import pytest

from assistant.answer.intent import asked_clauses, classify, either_levels

from .answer_support import assert_grounded

COUNTY = ("county-government", "county-education-bureau", "county-finance-bureau")
PROVINCE = ("provincial-government",)


@pytest.mark.parametrize("question", [
    "如果一个县的生均公用经费低于国家基准，省级政府有什么责任？",
    "If a county cannot pay its teachers, what must the province do?",
])
def test_a_scene_setting_clause_does_not_name_the_actor_asked_about(question):
    intent = classify(question)
    assert intent.actor_groups == (PROVINCE,), intent
    assert intent.actors == PROVINCE


def test_a_question_of_scene_setting_clauses_only_is_read_whole():
    question = "If our county has too few teachers, what are we required to do?"
    assert asked_clauses("If our county has too few teachers") == "If our county has too few teachers"
    assert classify(question).actors[0] == "county-government"


@pytest.mark.parametrize("question, levels", [
    ("Who has to pay rural teachers on time — the county or the province?", (COUNTY, PROVINCE)),
    ("撤并农村学校是县政府负责还是省政府负责？", (COUNTY, PROVINCE)),
    ("Is it the province or the county that sets the funding standard?", (PROVINCE, COUNTY)),
])
def test_a_choice_between_two_levels_is_read(question, levels):
    assert either_levels(question) == levels


@pytest.mark.parametrize("question", [
    "What does the province do and what does the county do for teacher rotation?",
    "Who is responsible for teachers' pay in our county?",
    "省级政府和县级政府在经费保障上各有什么责任？",
])
def test_no_choice_is_read_where_none_is_asked(question):
    assert either_levels(question) == ()


def test_the_province_asked_about_leads_not_the_county_of_the_scene(ask):
    result = ask("如果一个县的生均公用经费低于国家基准，省级政府有什么责任？")
    assert result.route == "responsible"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "省" in opening and "第四十四条" in opening, result.text
    assert not opening.startswith("县级"), result.text


def test_what_a_province_must_do_leads_before_what_it_may_do(ask):
    result = ask("What does the provincial government have to do in funding compulsory education?")
    opening = result.text.split("\n\n")[0]
    assert "Art. 44" in opening and " may " not in opening, result.text


def test_county_or_province_is_answered_with_which_then_each_levels_duty(ask):
    result = ask("Who has to make sure rural teachers' salaries are paid on time and in full — "
                 "the county or the province?")
    assert result.route == "responsible"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0].lower()
    assert "county governments" in opening and "provincial governments" in opening, result.text
    assert "**County governments**" in result.text and "**Provincial governments**" in result.text
    # each level's paragraph is about pay, or its general role: never a duty that shares only
    # "rural teachers" with the question (graduates volunteering in rural schools, Art. 33)
    assert "Art. 33" not in result.text, result.text


def test_a_chinese_choice_between_levels_gets_a_paragraph_for_each(ask):
    result = ask("撤并农村学校是县政府负责还是省政府负责？")
    assert result.route == "responsible"
    assert "**县级人民政府**" in result.text and "**省级人民政府**" in result.text, result.text
    # the county's paragraph is about closing schools, the subject asked
    county = result.text.split("**县级人民政府**")[1].split("\n\n")[0]
    assert "撤并" in county, result.text


def test_a_countys_own_statutory_duties_come_before_those_it_shares(ask):
    result = ask("在推进县域义务教育均衡发展中，县级人民政府主要负有哪些法定责任？")
    assert_grounded(result)
    assert "第七条" in result.text, result.text
    lines = [line for line in result.text.splitlines() if line.startswith(("- ", "县级"))]
    own = [i for i, line in enumerate(lines) if line.lstrip("- ").startswith("县级人民政府")]
    shared = [i for i, line in enumerate(lines) if "县级以上" in line[:12]]
    assert own and (not shared or max(own) < min(shared)), result.text


@pytest.mark.parametrize("question", [
    "Is the county or the province responsible for funding teacher training?",
    "What does a township government have to do to keep children from dropping out?",
])
def test_a_choice_of_levels_or_an_actors_duty_is_a_who_question(question):
    assert classify(question).kind == "responsible"


def test_a_bare_chinese_choice_between_county_and_province_is_read():
    assert either_levels("教师平均工资不低于公务员，是县负责还是省负责？") == (COUNTY, PROVINCE)
    assert either_levels("浙江省的县还是要按时发放工资") == ()


def test_a_level_with_no_duty_on_the_subject_is_said_to_have_none_not_promised_below(ask):
    result = ask("Is the city or the county responsible for school siting plans?")
    opening = result.text.split("\n\n")[0]
    if "**City governments**" not in result.text:
        assert "below" not in opening.split(".")[0] and "no duty" in opening, result.text


def test_how_words_of_a_question_do_not_choose_its_duties(ask):
    # "paid on time": the subject is pay; "time" would match Art. 33's "teaching time counts
    # toward their working years", and "paid" must find the pay and wage duties
    result = ask("Who is responsible for making sure rural teachers get paid on time — "
                 "the county or the province?")
    opening = result.text.split("\n\n")[0]
    assert "Art. 31" in opening and "wage" in opening, result.text
    assert "Art. 33" not in result.text, result.text


def test_a_scene_set_at_the_end_of_a_clause_does_not_name_the_actor():
    question = ("I work in a provincial education department. What is the province legally "
                "responsible for when poorer counties cannot fund their schools adequately?")
    assert classify(question).actors == PROVINCE


def test_the_province_asked_about_gets_its_own_duties_first(ask):
    result = ask("I work in a provincial education department. What is the province legally "
                 "responsible for when poorer counties cannot fund their schools adequately?")
    opening = result.text.split("\n\n")[0]
    assert opening.startswith("Provincial governments"), result.text
    assert "Art. 46" in result.text, result.text

"""Who-questions that readers saw answered as something else: what a named actor must do is a
duty (not a request for measures), "who sets / 由谁制定" and "who sanctions / 由谁追究" ask for an
actor, and the duty that states what the actor must do leads."""

from __future__ import annotations

import pytest

from assistant.answer.intent import classify


@pytest.mark.parametrize("question", [
    ("Which level of government must coordinate compulsory-education funding, and what must the "
     "county budget do for rural and weak schools?"),
    "What must the provincial government do when a county cannot fund its schools?",
    "What shall the county education bureau do about children who drop out?",
    "县级财政预算对农村学校和薄弱学校须做什么？",
    "省级人民政府在义务教育经费统筹上应当做什么？",
    "县级教育行政部门对辍学学生必须怎么做？",
])
def test_what_a_named_actor_must_do_is_a_duty_question(question):
    assert classify(question).kind == "responsible"


@pytest.mark.parametrize("question", [
    "Our county has classes of 70 pupils. What must we do?",
    "What should the county do about large classes in the county town?",
    "我县大班额问题严重，应当怎么做？",
    "我们县农村教师留不住，县里应该怎么办？",
])
def test_what_we_should_do_still_asks_for_measures(question):
    assert classify(question).kind == "suggest"


@pytest.mark.parametrize("question", [
    "Who sets the national benchmark for per-pupil public funds?",
    "Who determines the salary standard of rural teachers?",
    "Who sanctions a county that falsifies its evaluation data?",
    "生均公用经费基准定额由谁制定？",
    "县里评估弄虚作假，由谁追究？",
])
def test_who_sets_and_who_sanctions_are_who_questions(question):
    intent = classify(question)
    assert intent.kind == "responsible" and intent.asks_who, intent


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "Who must pay rural teachers' salaries?",
    "Who is responsible for paying the wages of village teachers?",
])
def test_who_pays_teachers_is_led_by_the_pay_duty_not_remote_area_subsidies(ask, question):
    result = ask(question)
    assert result.route == "responsible"
    opening = _opening(result.text)
    assert "Compulsory Education Law Art. 31" in opening, result.text
    assert "Art. 27" not in opening, result.text


def test_which_laws_gives_each_law_that_puts_the_duty(ask):
    result = ask("Which laws say who must pay rural teachers' salaries?")
    opening = _opening(result.text)
    assert "Compulsory Education Law Art. 31" in opening and "Teachers Law Art. 25" in opening, \
        result.text


@pytest.mark.parametrize("question, duty, delegation", [
    ("随迁子女上学由哪一级政府负责？法律依据是什么？", "平等接受义务教育的条件", "具体办法"),
    ("Which government is responsible for schooling migrant workers' children?", "equal conditions",
     "concrete rules"),
])
def test_the_duty_leads_before_a_clause_that_delegates_the_detail(ask, question, duty, delegation):
    result = ask(question)
    opening = _opening(result.text)
    assert duty in opening and delegation not in opening, result.text


@pytest.mark.parametrize("question, duty, procedure", [
    ("县级教育督导部门在义务教育均衡发展中负有哪些职责？如果县里在评估中弄虚作假，谁要承担责任？",
     "督导", "县级自评、市级复核"),
    (("What are the duties of the county's education supervision office, and who is liable if a "
      "county falsifies its evaluation data?"), "supervision responsibility zones", "four steps"),
])
def test_an_actor_named_in_the_first_part_is_answered_not_a_procedure_of_a_scene(
        ask, question, duty, procedure):
    result = ask(question)
    opening = _opening(result.text)
    assert duty in opening and procedure not in result.text, result.text
    assert "Art. 25" in result.text or "第二十五条" in result.text, result.text

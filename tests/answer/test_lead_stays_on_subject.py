"""Look-up and who answers lead with what is asked and stay on it: a second part's lead holds the
first part's subject, a part that leans on the first ("what was it under …?") gets its own
answer, and the lead of a who-question holds the thing asked about."""

from __future__ import annotations

from assistant.answer import parts

from .answer_support import assert_grounded


def test_a_second_parts_lead_that_leaves_the_first_parts_subject_is_not_merged(ask):
    # "what is the legal basis?" read with the rotation words: a sentence about near-home
    # enrolment that happens to say "legal basis" is not support for a question on rotation
    result = ask("Who has to organise the rotation of teachers and principals among a county's "
                 "schools, and what is the legal basis?")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "Art. 32" in opening, result.text
    assert "Art. 12" not in result.text and "Near-home" not in result.text, result.text


def test_a_part_that_leans_on_the_first_reads_as_the_first_about_its_own_subject():
    asked = parts.leaning("what was it under the 2012 basic-balance evaluation?",
                          "What is the CV limit for junior schools under the 2017 quality-balance "
                          "measures")
    assert asked is not None
    assert "2012" in asked and "basic balance" in asked.lower(), asked
    assert "2017" not in asked and "quality" not in asked.lower(), asked
    assert parts.leaning("what is its document number?", "Which notice set up the plan") is None


def test_each_part_of_a_two_part_limit_question_gets_its_figure(ask):
    result = ask("What is the CV limit for primary schools under the 2017 quality-balance measures, "
                 "and what was it under the 2012 basic-balance evaluation?")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "0.50" in opening and "0.65" in opening, result.text


def test_a_who_question_is_led_by_a_duty_that_holds_what_is_asked(ask):
    # the pay of rural teachers: Art. 31's duty on rural teachers' pay, not a county's
    # funding duty for small schools that only shares 保障
    result = ask("农村教师的工资归哪一级政府保障？依据是什么？")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "工资" in opening and "第三十一条" in opening, result.text

"""Look-ups answer what is asked: the frequency, the outcome, the subject and year named."""

from __future__ import annotations

import re

from assistant.answer.extractive import wanted_patterns


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.。])\s+(?=[A-Z\u4e00-\u9fff])", text.strip(), maxsplit=1)[0]


def _gives(question: str, text: str) -> bool:
    return any(p.search(text) for p in wanted_patterns(question))


def test_a_question_of_how_often_wants_a_frequency_not_a_count():
    question = "How many times a year must the county be visited?"
    assert _gives(question, "inspectors visit each school at least twice a semester")
    assert _gives(question, "督学每学期对责任区内学校督导不少于2次")
    assert not _gives(question, "appointed for three-year terms, renewable for three terms")
    assert _gives("督学多久到学校检查一次？", "每学期不得少于2次")


def test_a_question_for_money_and_a_count_wants_both():
    question = "How much central money went to the programme, and how many teachers did it cover?"
    patterns = wanted_patterns(question)
    assert len(patterns) >= 2
    assert all(any(p.search(t) for p in patterns) for t in ("¥3.8bn", "1.3 million teachers"))


def test_the_year_of_a_document_number_answers_no_which_year():
    question = "Which year did the regulations take effect?"
    assert not _gives(question, "the interim measures (教督〔2012〕3号)")
    assert _gives(question, "took effect on 1 October 2012")


def test_a_document_asked_for_with_a_year_wants_its_number():
    assert _gives("Which 2012 document regulated school closures?", "国办发〔2012〕48号")


def test_a_question_on_one_balance_is_not_answered_with_the_other(ask):
    result = ask("How many counties passed basic balance in the first batch?")
    first = _first_sentence(result.text)
    assert "293" in first and "quality" not in first.lower(), result.text


def test_a_question_for_what_actually_happened_gets_the_outcome_not_the_target(ask):
    result = ask("When did fiscal education spending actually reach 4% of GDP?")
    assert "4.28%" in _first_sentence(result.text), result.text
    result = ask("成都教师的实际交流率是多少？")
    assert "19.7%" in _first_sentence(result.text), result.text


def test_a_figure_for_a_named_year_comes_from_that_years_record(ask):
    result = ask("How much central money went to the rural teacher living allowance in 2017?")
    assert "3.8bn" in _first_sentence(result.text), result.text


def test_a_question_of_how_often_is_answered_with_the_frequency(ask):
    result = ask("How often must a school inspector visit each school in the zone?")
    assert "twice" in _first_sentence(result.text), result.text


def test_whether_a_rule_binds_is_answered_with_each_instrument_that_states_it(ask):
    result = ask("Do supervision reports have to be published?")
    opening = " ".join(result.text.split("\n\n")[:2])
    assert "Art. 8" in opening and "Art. 23" in opening, result.text


def test_a_clause_named_by_its_subject_is_not_another_clause_of_the_law(ask):
    result = ask("Which is the balanced-development clause of the Compulsory Education Law?")
    first = _first_sentence(result.text)
    assert "Art. 6" in first and "resignation" not in result.text, result.text


def test_a_figure_of_another_document_is_not_taken_from_the_evaluation_tables(ask):
    result = ask("生均公用经费基准定额是多少？")
    assert result.route != "standards-table", result.text
    assert "600元" in _first_sentence(result.text), result.text


def test_a_definition_asked_with_a_qualifying_clause_finds_its_term(ask):
    result = ask("What is the coefficient of variation used in a county evaluation?")
    assert result.kind == "definition" and result.route == "glossary", result.route
    assert "standard deviation" in _first_sentence(result.text), result.text


def test_what_an_article_says_is_every_part_of_it_we_hold_once(ask):
    # Art. 32 binds the county education department to three things in its second paragraph;
    # "what does it require" is all of them, not the part that ranks first
    result = ask("What does Article 32 of the Compulsory Education Law require of counties?")
    assert result.route == "lookup"
    text = result.text.split("**References**")[0]
    for part in ("evenly", "rotation", "weak schools"):
        assert part in text, (part, result.text)
    sentences = [s for s in re.split(r"\s*\[\d+\]\s*", text) if s.strip()]
    assert len(sentences) == len(set(sentences))
    # the same in Chinese, where the parts share the citation's words
    zh = ask("义务教育法第三十一条规定了什么？").text.split("**参考资料**")[0]
    assert "不低于当地公务员" in zh and "农村教师工资经费保障机制" in zh, zh

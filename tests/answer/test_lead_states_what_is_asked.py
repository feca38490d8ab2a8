"""Look-up and who answers lead with a statement that states what is asked, early: the asked
figure (a count of the things asked about, a date) in its first clause rather than after a
document's title or a procedure; a "who is held accountable" question read as a who-question;
a part's distinctive terms are content words, not function words."""

from __future__ import annotations

from assistant.answer import parts
from assistant.answer.extractive import wanted_patterns
from assistant.answer.intent import classify
from assistant.answer.terms import TermStats

from .answer_support import assert_grounded


def test_distinctive_terms_leave_function_words_out():
    stats = TermStats({}, 100)  # every term unseen: all equally rare
    english = [t.text for t in parts.distinctive(
        "Who arranges the exchange of staff within a district and among its schools?", stats, 20)]
    assert "within" not in english and "among" not in english, english
    assert any(t.startswith("exchang") for t in english), english
    chinese = [t.text for t in parts.distinctive("区内各校之间的骨干教师交流由哪一级部门安排？", stats, 20)]
    assert "之间" not in chinese and "一级" not in chinese, chinese
    assert "交流" in chinese, chinese


def test_a_count_asked_with_duoshao_is_a_count_of_the_thing_named():
    # "多少个县" asks for a number of counties, not any figure
    wanted = wanted_patterns("到2020年一共有多少个县通过了认定？")
    assert any(p.search("全国2895个县") for p in wanted)
    assert not any(p.search("该县共撤并了8所学校") for p in wanted), "a count of schools is no count of counties"


def test_a_when_and_how_many_lookup_leads_with_the_count_and_its_date(ask):
    # "all counties … how many": the date all had passed and their number, not the first batch
    result = ask("全国所有的县哪一年全部通过了基本均衡国家认定？一共有多少个县？")
    assert_grounded(result)
    first = result.text.split("\n\n")[0]
    assert "2895" in first or "2,895" in first, result.text
    assert "县级自评" not in first and "首批" not in first, result.text


def test_a_figure_lookup_is_led_by_a_statement_giving_the_figure_first(ask):
    # a statement that opens with a document's title and gives the figure late does not lead
    result = ask("小规模学校的公用经费按多少名学生核定？由哪个文件规定？")
    assert_grounded(result)
    first_sentence = result.text.split("\n\n")[0].split("。")[0]
    assert "100" in first_sentence, result.text
    assert not first_sentence.startswith("依据《"), result.text


def test_who_is_held_accountable_is_a_who_question():
    assert classify("If a district keeps fast-track key classes, who is held accountable and "
                    "what penalties apply?").kind == "responsible"
    assert classify("Who is held liable when a county fails to enrol children?").kind == "responsible"


def test_who_supervises_a_county_reads_as_the_accountability_shape(ask):
    result = ask("谁负责对县级人民政府履行义务教育职责进行督导？有什么依据？")
    assert_grounded(result)
    first = result.text.split("\n\n")[0].split("。")[0]
    assert "督导" in first, result.text
    assert "校舍" not in first, result.text


def test_a_who_question_that_asks_the_procedure_says_it_beside_the_actor(ask):
    result = ask("Who is responsible for closing a rural teaching point, and what procedure must "
                 "the county follow?")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "procedure" in opening.lower(), result.text
    assert "rotat" not in result.text.lower(), result.text


def test_the_procedure_asked_is_said_in_the_opening_whatever_duty_leads(ask):
    result = ask("Who must approve merging a small village school into a township school, and what "
                 "procedure must be followed?")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "procedure" in opening.lower(), result.text

"""Each shape says a thing once: a suggest answer's "Basis:" line names the document and article
and says what it says only when that is new; an explanation lists no cause that only says the
thesis again; a list's numbers ("1.") are not figures an answer states."""

from __future__ import annotations

from assistant.answer.restated import facts, prune, sentences
from assistant.answer.shapes.explain import _beyond_thesis
from assistant.answer.suggest import basis_without_restated, split_outside_brackets
from assistant.evaluation.readability import restated


def test_a_basis_gloss_that_restates_the_measure_goes_and_its_document_stays():
    measure = ("Provinces tilt the evaluation of professional titles toward rural schools, for "
               "example by dropping the foreign-language requirement, as Jiangxi did.")
    note = ("国办发〔2015〕43号 (tilt professional-title evaluation toward rural schools; Jiangxi "
            "dropped the foreign-language requirement for titles); Compulsory Education Law Art. 31 "
            "(hardship allowances)")
    said = [facts(s) for s in sentences(measure)]
    assert basis_without_restated(note, said) == \
        "国办发〔2015〕43号; Compulsory Education Law Art. 31 (hardship allowances)"


def test_a_basis_gloss_in_chinese_that_restates_the_measure_goes():
    measure = "省、县人社和教育部门使职称评审向乡村学校倾斜，例如像江西那样取消乡村教师难以达到的职称评审外语要求。"
    note = "国办发〔2015〕43号（职称评审向乡村学校倾斜；江西取消职称评审的外语要求）；宁夏规定须有1年农村任教经历"
    said = [facts(s) for s in sentences(measure)]
    assert basis_without_restated(note, said) == "国办发〔2015〕43号；宁夏规定须有1年农村任教经历"


def test_a_basis_gloss_that_adds_a_figure_or_a_rule_stays():
    measure = "The county pays a monthly living allowance to teachers in remote village schools."
    note = ("国办发〔2015〕43号 (raise rural teachers' pay; Jiangxi up to ¥1,200/month extra for the "
            "most remote posts)")
    said = [facts(s) for s in sentences(measure)]
    assert basis_without_restated(note, said) == note


def test_a_note_is_split_at_semicolons_outside_brackets_only():
    assert split_outside_brackets("A (x; y); B：z；C", ";；") == ["A (x; y)", " B：z", "C"]


def test_a_basis_line_answered_says_no_measure_again(ask):
    for question in ("Which measures have counties used to keep good teachers in rural schools?",
                     "怎样才能留住乡村学校的好老师？有哪些政策可以用？"):
        text = ask(question).text
        bases = [line for line in text.splitlines() if line.strip().startswith(("- Basis", "- 依据"))]
        assert bases, text
        assert not any("Jiangxi dropped" in b or "江西取消" in b for b in bases), bases
        assert restated(text) == [], restated(text)


def test_a_cause_that_says_the_thesis_again_is_not_listed():
    thesis = ("Crowded town schools come from consolidation: village schools closed and their "
              "pupils moved to township and county-town schools.")
    causes = [("After consolidation, village schools closed and their pupils moved to township and "
              "county-town schools. [2]"),
              ("Teachers flow one way, from village to town schools, leaving rural schools short "
              "of English and music teachers. [3]")]
    assert _beyond_thesis(None, thesis, causes) == causes[1:]
    assert _beyond_thesis(None, "", causes) == causes


def test_a_list_number_is_not_a_figure_said():
    # the "1." numbering the list is not the figure 1: "rotate 1 teacher" adds a figure
    body = ("Counties rotate teachers each year between village schools and town schools. [1]\n\n"
            "1. **Build housing** — build teacher housing at village schools. [2]\n\n"
            "Counties rotate 1 teacher each year between village schools and town schools. [3]")
    assert restated(body) == []
    assert "rotate 1 teacher" in prune(body)


def test_a_date_is_one_fact_in_both_languages_and_its_day_no_figure():
    assert facts("raised from 1 Jul 2016").figures == facts("自2016年7月1日起提高").figures \
        == {"date:2016-7-1"}
    body = ("Teachers need rural service before a higher title, a rule in force from 1 Jul 2016. [1]"
            "\n\nIn Ningxia teachers need 1 year of rural service before a higher title. [2]")
    # the day of the date is not the "1 year": the length of service is a new fact
    assert restated(body) == []
    assert "1 year" in prune(body)


def test_a_documents_number_is_not_a_quantity():
    assert facts("the 2020 Central No. 1 Document called for a full rollout").figures == \
        {"2020", "no:1"}
    body = ("Teachers need rural service before a higher title, as the 2020 Central No. 1 Document "
            "asks. [1]\n\nIn Ningxia teachers need 1 year of rural service before a higher title. [2]")
    assert restated(body) == []

"""Each fact said once (assistant.answer.restated): a sentence, list item or table cell whose
figures, articles and words the answer has stated already is left out, whatever shape wrote it;
one that adds a figure or a claim stays, and nothing left dangles."""

from __future__ import annotations

from assistant.answer.markers import by_first_use
from assistant.answer.restated import facts, once, prune, restates
from assistant.answer.types import Claim
from assistant.documents import Citation


def test_figures_are_one_form_in_both_languages():
    assert facts("at most 0.50 for primary").figures == facts("at most 0.5 for primary").figures
    assert facts("大班额指56人及以上的班级").figures == facts("classes of 56 pupils or more").figures
    assert facts("第十五条").figures == facts("Article 15").figures
    assert facts("教师〔2014〕4号").figures == {"doc:2014-4"}


def test_a_second_paragraph_restating_the_figures_goes():
    body = ("Per 100 pupils (primary / junior), the 2017 quality-balance measures require 4.2 / 5.3 "
            "teachers with above-required qualifications and 1 / 1 county-level or higher key "
            "teachers. [1]\n\n"
            "For quality balance, each school needs at least 1 county-level-or-above key teacher "
            "(县级及以上骨干教师) per 100 pupils in primary and junior schools. [1]")
    assert prune(body) == body.split("\n\n")[0]


def test_a_sentence_with_a_new_figure_or_claim_stays():
    body = ("The 2017 measures cap the coefficient of variation at 0.50 for primary and 0.45 for "
            "junior schools. [1] The 2012 measures capped a composite of 8 indicators at 0.65 and "
            "0.55. [2]\n\nEducation supervision bodies must make their reports on the 2017 "
            "coefficient of variation public. [3]")
    assert prune(body) == body


def test_a_gap_is_not_a_restatement_of_what_is_known():
    body = ("Pingyuan moved 18,000 pupils from its villages to the county town. [1]\n\n"
            "The sources do not say how Pingyuan moved the 18,000 pupils to the county town. [2]")
    assert prune(body) == body


def test_a_table_cell_restating_the_key_difference_is_emptied_and_an_empty_row_goes():
    key = ("**关键区别：**“县管校聘”把教师由学校人变为系统人：编办核定编制总量，人社部门核定岗位总量，"
           "教育部门在总量内统筹调配教师。 [1]")
    table = "| | 交流轮岗 | 县管校聘 |\n|---|---|---|\n| 是什么 | 城镇学校每年交流轮岗教师不低于符合条件教师总数的10%。 [2] | “县管校聘”使教师由学校人变为系统人：编办核定编制总量，人社部门核定岗位总量，教育部门在总量内统筹调配教师。 [1] |\n| 数量要求 | 县级教育行政部门须组织城镇学校每年交流轮岗的教师不低于符合条件教师总数的10%。 [3] | 资料未载明 |"
    pruned = prune(f"{key}\n\n{table}")
    rows = pruned.split("\n\n")[1].splitlines()
    assert rows[2].endswith("| — |"), pruned        # the cell said the key again
    assert "10%" in rows[2]                          # the other side's cell stays
    assert rows[3].startswith("| 数量要求 | — |"), pruned  # the 10 % rule said again


def test_a_sentence_the_next_one_leans_on_stays():
    body = ("Cangyuan runs a dual-teacher delivery classroom for small rural schools. [1] "
            "Cangyuan runs a dual-teacher delivery classroom for small rural schools in the county. "
            "[2] This lets a town teacher teach pupils of several village schools at once. [2]")
    assert "[2] This" in prune(body), prune(body)


def test_a_heading_left_with_nothing_goes_and_a_list_stays():
    body = ("Large classes are classes of 56 pupils or more; super-large classes have 66 or more. "
            "[1]\n\nThe main causes:\n1. A class of 56 pupils or more is a large class, and one "
            "of 66 pupils or more a super-large class. [1]\n2. Towns grew faster than their school "
            "places. [2]\n\nMore:\n\nSuper-large classes have 66 or more pupils and large classes "
            "56 or more. [1]")
    pruned = prune(body)
    assert "More:" not in pruned and not pruned.endswith("56 or more. [1]"), pruned
    assert "1. A class of 56" in pruned and "2. Towns grew" in pruned, pruned


def test_claims_and_citations_of_a_left_out_sentence_go_and_markers_are_renumbered():
    first = "The county must cap classes at 45 pupils in primary schools by 2020."
    second = "By 2020 the county must cap primary classes at 45 pupils."
    third = "Teachers rotate between schools every six years."
    body = f"{first} [1]\n\n{second} [2]\n\n{third} [3]"
    claims = [Claim(first, [1]), Claim(second, [2]), Claim(third, [3])]
    citations = [Citation(chunk_id=f"c{n}", doc_id=f"d{n}", title=f"T{n}", doc_type="policy",
                          text="", score=0.0) for n in (1, 2, 3)]
    text, kept = once(body, claims)
    assert second not in text and [c.text for c in kept] == [first, third]
    text, cited, kept = by_first_use(text, citations, kept)
    assert text == f"{first} [1]\n\n{third} [2]"
    assert [c.doc_id for c in cited] == ["d1", "d3"] and kept[1].markers == [2]


def test_restates_needs_enough_words_to_judge():
    assert not restates(facts("Art. 8."), [facts("Article 8 says the county must act.")])


def test_one_of_an_enumeration_stays_so_no_later_one_dangles():
    body = ("县级政府要落实城镇学校每年交流轮岗教师不低于10%的要求。 [1]\n\n"
            "一是县级政府要落实城镇学校每年交流轮岗教师不低于10%的要求。 [1]\n\n"
            "二是建立乡村教师周转宿舍。 [2]")
    assert "一是" in prune(body), prune(body)


def test_a_measure_whose_title_the_opening_listed_keeps_its_item():
    body = ("The measures that fit, in order: fund teaching points with fewer than 100 pupils as if "
            "they had 100 pupils. [1]\n\nThe measures, in order:\n"
            "1. **Fund teaching points with fewer than 100 pupils as if they had 100 pupils** [1]\n"
            "   - Basis: the 2015 State Council notice on unified funding (国发〔2015〕67号). [2]\n"
            "   - Risk: county finance bureaus may keep the money at the central school. [3]")
    assert prune(body) == body


def test_words_scattered_over_a_long_answer_do_not_make_a_restatement():
    body = ("In 2017 every school must meet floors. [1] In 2017 pupils are admitted near home. [2] "
            "In 2017 examination results are published. [3] In 2017 counties that fail are named. "
            "[4]\n\nIn 2017 a school admitting pupils by examination fails the county outright. [5]")
    assert prune(body) == body


def test_chinese_sentences_are_joined_without_spaces():
    body = ("杭州名校集团化办学的启示是：管理输出是核心。第二阶段派出领导团队。 [5]\n\n"
            "浙江建立了城乡教育共同体。杭州名校集团化办学的启示是：管理输出是核心。浙江的共同体派出领导团队。 [6]")
    assert prune(body).endswith("\n\n浙江建立了城乡教育共同体。浙江的共同体派出领导团队。 [6]"), prune(body)


def test_a_cell_that_reuses_a_figure_but_says_something_new_stays():
    body = ("A county passed basic balance under the 2012 Interim Measures only if it met all four "
            "components: every school meets the provincial basic school-running standard, the "
            "composite coefficient of variation of 8 indicators is within the limit, the county "
            "government's effort passes, and public satisfaction is high. [1]\n\n"
            "| | 2012 | 2017 |\n|---|---|---|\n| Standard each school must meet | Under the 2012 "
            "Interim Measures each province set its own basic school-running standard for every "
            "school, so county passes differ widely between provinces and regions. [2] "
            "| Each school must meet 6 of 7 indicators. [3] |")
    assert prune(body) == body


def test_a_title_line_is_a_heading_not_a_restatement():
    body = ("**Interim Measures for basic-balance evaluation (2012)**\n\n| Indicator | Primary |\n"
            "|---|---|\n| Composite CV | 0.65 |\n\n"
            "**Measures for quality-balance evaluation (2017)**\n\n| Indicator | Primary |\n"
            "|---|---|\n| CV of each indicator | 0.50 |")
    assert prune(body) == body


def test_answers_state_each_fact_once_whatever_the_shape(ask):
    # each of these answers repeated a fact of its key difference or of an earlier row in a
    # table cell (the pay benchmarks, the satisfaction rate, the per-school rule)
    from assistant.evaluation.readability import restated

    for question in ("What is the difference between basic balance and quality balance?",
                     "义务教育法和教师法对教师工资的参照标准有什么不同？",
                     ("How does the per-school requirement under basic balance differ from the one "
                     "under quality balance?")):
        result = ask(question)
        assert not restated(result.text), (question, restated(result.text))
        assert result.claims and all(m <= len(result.citations) for c in result.claims
                                     for m in c.markers)


def test_the_source_in_brackets_is_not_what_a_sentence_says():
    body = ("County education departments must allocate teaching staff evenly across the schools in "
            "their area (Compulsory Education Law Art. 32). [1] County education departments must "
            "strengthen weak schools (Compulsory Education Law Art. 32). [1]")
    assert prune(body) == body

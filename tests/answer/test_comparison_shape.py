"""Compare questions answered from the comparisons file (corpus/knowledge/comparisons.yaml): the
matcher the explanations use, the key difference first, a column per side, silent sides marked,
the aspect asked first; the older compare shapes when no comparison fits."""

from __future__ import annotations

import re

import pytest

from assistant.answer.context import Context
from assistant.answer.intent import classify
from assistant.answer.shapes import draft_for
from assistant.answer.shapes.comparison import (
    ONLY_ASKED,
    asked_rows,
    compare_from_file,
    comparison_for,
    names_sides,
)
from assistant.answer.shapes.explanations import scores
from assistant.knowledge.comparisons import Comparison, Label, Row

from .answer_support import assert_grounded


@pytest.fixture()
def draft_of(corpus_engine, corpus_settings):
    def _draft(question: str):
        return draft_for(Context.build(corpus_engine, corpus_settings, question, None))
    return _draft


def _table(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in row.strip("|").split("|")] for row in rows
            if not re.fullmatch(r"\|(---\|)+", row)]


@pytest.mark.parametrize("question, expected", [
    (("In what ways does evaluating a county for basic balance differ from evaluating it for "
     "quality balance?"), "basic-vs-quality-balance"),
    ("基本均衡跟优质均衡到底差在哪里？", "basic-vs-quality-balance"),
    ("What separates the 2005 rural funding reform from the 2015 unified urban-rural mechanism?",
     "funding-2005-vs-2015"),
    ("县管校聘跟交流轮岗有什么区别？", "xgxp-vs-rotation"),
    # three sides
    ("特岗计划、乡村教师生活补助和周转宿舍三者有什么不同？", "rural-teacher-instruments"),
])
def test_a_compare_question_fits_its_comparison(draft_of, question, expected):
    chosen = comparison_for(draft_of(question))
    assert chosen is not None and chosen.id == expected, question


@pytest.mark.parametrize("question", [
    "平原县和嘉善县推进均衡的做法有什么不一样？",
    "What is the weather like in Beijing compared with Shanghai?",
])
def test_a_question_no_comparison_holds_fits_none(draft_of, question):
    assert comparison_for(draft_of(question)) is None


def test_a_comparison_that_does_not_name_a_case_the_question_names_is_not_fitted(draft_of):
    question = "How do Hengnan's school alliances differ from the Zhejiang regulations?"
    intent = classify(question, {"case-hengnan-school-alliances": ("Hengnan", "衡南")})
    assert "case-hengnan-school-alliances" in intent.cases
    draft = draft_of(question)
    assert all(c.id != "zhejiang-regulations-vs-cel"
               for c in [comparison_for(draft, intent.cases)] if c is not None)


def test_the_matcher_scores_explanations_as_before(draft_of):
    draft = draft_of("为什么农村学校留不住教师？")
    assert scores(draft) == scores(draft, draft.index.explanations)
    assert {id(e) for _, e in scores(draft, draft.index.comparisons)} == \
        {id(c) for c in draft.index.comparisons}


def test_the_answer_opens_with_the_key_then_a_column_per_side(ask, draft_of):
    question = "Basic balance versus quality balance: how do the two evaluations differ?"
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    comparison = comparison_for(draft_of(question))
    assert comparison is not None
    key = draft_of(question).index.by_id[comparison.key].statement.text.strip()
    assert result.text.startswith("**Key difference:** " + key)
    table = _table(result.text)
    assert table[0][1:] == [side.en for side in comparison.sides]
    assert all(len(row) == len(comparison.sides) + 1 for row in table)
    assert len(table) - 1 == len(comparison.rows)
    # a side the sources are silent on says so, in the reader's language
    silent = [row for row in comparison.rows if None in row.cells]
    assert silent and any("not stated in the sources" in row for row in map(" ".join, table))


def test_three_sides_make_three_columns_in_chinese(ask, draft_of):
    question = "特岗计划、乡村教师生活补助和周转宿舍三者有什么不同？"
    result = ask(question)
    assert result.route == "compare" and result.text.startswith("**关键区别：**")
    table = _table(result.text)
    assert table[0][1:] == ["特岗计划", "乡村教师生活补助", "教师周转宿舍"]
    assert all(len(row) == 4 for row in table)


def test_a_silent_cell_reads_in_chinese(ask):
    result = ask("2005年农村经费保障新机制和2015年城乡统一机制相比，差别在哪里？")
    assert "资料未载明" in result.text
    assert "not stated" not in result.text


def test_the_aspect_asked_comes_first(draft_of):
    question = ("How do the 2005 rural funding mechanism and the 2015 unified mechanism differ "
                "on central and local shares?")
    draft = draft_of(question)
    comparison = comparison_for(draft)
    assert comparison is not None and comparison.id == "funding-2005-vs-2015"
    rows = asked_rows(draft, comparison)
    assert rows[0].aspect.en == "Central and local shares"
    assert len(rows) == len(comparison.rows)  # one row on the aspect: the others follow
    composed = compare_from_file(draft, comparison=comparison)
    assert composed is not None
    # the key difference is not on the shares: each side's shares open the answer instead
    assert composed[0].startswith("- **2005 rural funding mechanism**: ")
    assert "Central and local shares" not in [row[0] for row in _table(composed[0])]


def test_enough_rows_on_the_aspect_make_the_table_alone(draft_of):
    draft = draft_of("Compare basic balance and quality balance on teachers")
    sides = (Label("Basic balance", "基本均衡"), Label("Quality balance", "优质均衡"))
    teachers = [Row(Label(f"Teachers {n}", f"教师{n}"), ("a", "b")) for n in range(ONLY_ASKED)]
    other = Row(Label("Funding", "经费"), ("c", "d"))
    comparison = Comparison("x", ("basic balance and quality balance",), ("基本均衡和优质均衡",),
                            sides, "k", (other, *teachers))
    assert asked_rows(draft, comparison) == teachers
    fewer = Comparison("y", comparison.asks_en, comparison.asks_zh, sides, "k",
                       (other, *teachers[:1]))
    assert asked_rows(draft, fewer) == [teachers[0], other]


def test_a_compare_question_no_comparison_fits_falls_back_to_the_compare_shapes(ask, draft_of):
    question = "成都和衡南推进城乡教育一体化的做法有什么不同？"
    assert comparison_for(draft_of(question)) is None
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    assert not result.text.startswith("**关键区别：** " + "均衡评估")


@pytest.mark.parametrize("question, a, b", [
    ("2005年农村经费保障新机制和2015年城乡统一机制相比，差别在哪里？", "2005年农村经费保障新机制",
     "2015年城乡统一机制"),
    ("基本均衡跟优质均衡到底差在哪里？", "基本均衡", "优质均衡"),
    ("县管校聘和交流轮岗有什么差别？", "县管校聘", "交流轮岗"),
])
def test_chinese_ways_of_asking_for_the_difference_are_compare_questions(question, a, b):
    intent = classify(question)
    assert intent.kind == "compare"
    assert (intent.sides.a, intent.sides.b) == (a, b)


def test_a_comparison_that_does_not_hold_a_side_the_question_names_is_not_fitted(draft_of):
    question = "特岗计划和公费师范生有什么区别？"
    intent = classify(question)
    draft = draft_of(question)
    sides = (intent.sides.a, intent.sides.b)
    assert sides == ("特岗计划", "公费师范生")
    named = ("特岗计划", "乡村教师生活补助")
    assert comparison_for(draft_of("特岗计划和乡村教师生活补助有什么区别？"), sides=named) is not None
    assert comparison_for(draft, sides=sides) is None


def test_a_comparison_whose_sides_the_question_does_not_name_is_not_fitted(draft_of):
    # "Education Law" and "Compulsory Education Law" are both words of the Zhejiang comparison's
    # labels, but neither names the Zhejiang side
    question = "How does the Education Law differ from the Compulsory Education Law on funding?"
    draft = draft_of(question)
    zhejiang = next(c for c in draft.index.comparisons if c.id == "zhejiang-regulations-vs-cel")
    assert not names_sides(draft, zhejiang)
    assert names_sides(draft_of("How do the Zhejiang regulations differ from the national law?"),
                       zhejiang)
    assert comparison_for(draft) is None or comparison_for(draft).id != zhejiang.id
    # of three sides, two named are enough
    layout = next(c for c in draft.index.comparisons if c.id == "layout-2001-2012-2018")
    assert names_sides(draft_of("2012年规范布局调整的意见和2018年两类学校的意见有什么不同？"), layout)


def test_each_side_on_the_aspect_asked_opens_when_the_key_difference_is_elsewhere(ask):
    # the Zhejiang comparison's key difference is about pay, evaluation and funding: a question
    # on teacher exchange opens with each side's rule on exchange, then the key, then the rest
    result = ask("浙江省义务教育条例与义务教育法在教师交流方面有什么差别？")
    assert result.route == "compare"
    lines = result.text.splitlines()
    assert lines[0].startswith("- **《浙江省义务教育条例》**") and "交流" in lines[0]
    assert lines[1].startswith("- **《义务教育法》**") and "流动" in lines[1]
    assert "**关键区别：**" in result.text
    table = _table(result.text)
    assert "教师交流" not in [row[0] for row in table]  # said once, in the opening
    # a question with no aspect of its own opens with the key difference
    assert ask("浙江省义务教育条例和义务教育法有什么区别？").text.startswith("**关键区别：**")


def test_the_sides_are_in_the_order_the_question_names_them(ask):
    result = ask("How do the Teachers Law and the Compulsory Education Law differ on teachers' pay?")
    assert _table(result.text)[0][1:] == ["Teachers Law", "Compulsory Education Law"]
    # the key difference gives both benchmarks, so the row that only said them again is left out
    # (assistant.answer.restated)
    key = result.text.split("\n\n")[0]
    assert "national civil servants" in key and "local civil servants" in key, key
    assert all(row[0] != "Pay benchmark" for row in _table(result.text))


def test_a_question_asking_how_much_each_gets_opens_with_each_sides_figures(ask):
    result = ask("特岗计划和乡村教师生活补助有什么区别？各补多少钱？")
    assert result.route == "compare"
    opening = result.text.split("\n\n")[0]
    assert opening.startswith("- **特岗计划**") and "34600元" in opening and "2400元" in opening
    # the comparison's key sets three instruments against each other: no key of the two asked
    assert "周转宿舍" not in result.text.split("参考资料")[0]


def test_two_sides_of_a_three_sided_comparison_get_two_columns(ask):
    result = ask("特岗计划和乡村教师生活补助有什么区别？")
    assert result.route == "compare"
    header = [c.strip() for c in next(line for line in result.text.splitlines()
                                       if line.startswith("| |")).strip("|").split("|")][1:]
    assert len(header) == 2 and "周转宿舍" not in " ".join(header), header


def test_two_instruments_get_the_key_difference_between_them(ask):
    # asked about two of the three rural-teacher instruments, the key is what sets those two
    # apart (new recruits vs. teachers already serving), not the case for all three
    for question, new, serving in (
            ("特岗计划和乡村教师生活补助有什么区别？", "补充新教师", "已在"),
            (("What's the difference between the special-post teacher scheme and the rural "
              "teacher living allowance?"), "new teachers", "already serving")):
        opening = ask(question).text.split("\n\n")[0]
        assert new in opening and serving in opening, opening
        assert "周转宿舍" not in opening and "turnover housing" not in opening, opening

"""Comparison answers built from the comparisons file: what the sides share when the question asks
异同 / 联系 / in common, no cell that says again what is said above, no "not stated" for what a
side's own cells state elsewhere, the very cases named, and rows chosen by the aspect asked."""

from __future__ import annotations

import pytest

from assistant.answer.context import Context
from assistant.answer.intent import classify, corpus_case_names
from assistant.answer.shapes import draft_for
from assistant.answer.shapes.comparison import aspect_terms, compare_from_file, comparison_for
from assistant.knowledge.comparisons import Comparison, Label, Row


@pytest.fixture()
def draft_of(corpus_engine, corpus_settings):
    def _draft(question: str):
        return draft_for(Context.build(corpus_engine, corpus_settings, question, None))
    return _draft


def _body(text: str) -> str:
    return text.split("**References**")[0].split("**参考资料**")[0]


def _rows(text: str) -> dict[str, list[str]]:
    rows = [line for line in _body(text).splitlines() if line.startswith("| ") and "---" not in line]
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows[1:]]
    return {row[0]: row[1:] for row in cells}


def test_similarities_are_said_when_the_question_asks_for_them(ask):
    shared = ask("杭州名校集团化办学和浙江教共体有什么异同？")
    assert "**共同点：**" in shared.text, shared.text
    assert shared.text.index("**关键区别：**") < shared.text.index("**共同点：**")
    linked = ask("Teacher rotation versus county manages, schools hire: what are the "
                 "similarities and differences?")
    assert "**What they share:**" in linked.text, linked.text
    # a question about the difference alone gets no similarities line
    differ = ask("杭州名校集团化办学和浙江教共体有什么区别？")
    assert "共同点" not in differ.text, differ.text


def test_a_cell_that_repeats_the_key_points_back_instead(draft_of):
    draft = draft_of("Compare basic balance and quality balance indicators")
    key = "fact-s2017-quality-floors-vs-gaps"
    comparison = Comparison(
        "x", ("basic balance versus quality balance",), ("基本均衡和优质均衡",),
        (Label("Basic balance", "基本均衡"), Label("Quality balance", "优质均衡")), key,
        (Row(Label("Resource indicators", "资源配置指标"),
             ("fact-s2012-basic-eight-indicators", "finding-bq-resource-thresholds")),
         Row(Label("Floors", "底线"), ("fact-s2012-basic-satisfaction", key))))
    composed = compare_from_file(draft, comparison=comparison)
    assert composed is not None
    text = composed[0]
    said = draft.index.by_id[key].statement.text
    assert text.count(said) == 1, text
    assert _rows(text)["Floors"][1] == "see above", text


def test_a_silent_cell_points_to_the_row_of_the_same_side_that_states_it(draft_of):
    draft = draft_of("Compare basic balance and quality balance")
    comparison = Comparison(
        "x", ("basic balance versus quality balance",), ("基本均衡和优质均衡",),
        (Label("Basic balance", "基本均衡"), Label("Quality balance", "优质均衡")),
        "fact-s2017-quality-floors-vs-gaps",
        (Row(Label("Resource indicators", "资源配置指标"),
             ("fact-s2012-basic-eight-indicators", "finding-bq-resource-thresholds")),
         Row(Label("Teacher indicators", "教师指标"), (None, "finding-bq-teacher-thresholds")),
         Row(Label("Schools counted", "纳入计算的学校"), (None, "fact-s2017-quality-scope"))))
    composed = compare_from_file(draft, comparison=comparison)
    assert composed is not None
    rows = _rows(composed[0])
    assert rows["Teacher indicators"][0] == "see “Resource indicators” above", composed[0]
    # a row no other cell of the side speaks to is still said to be silent
    assert rows["Schools counted"][0] == "not stated in the sources", composed[0]


def test_the_comparison_of_the_two_cases_named_is_chosen_however_worded(draft_of,
                                                                       corpus_settings):
    names: dict = {}
    for corpus in corpus_settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    question = "成都的城乡教育一体化和衡南县的城乡校联体相比，在做法和成效上有什么不同？"
    intent = classify(question, names)
    assert len(intent.cases) == 2
    sides = (intent.sides.a, intent.sides.b)
    chosen = comparison_for(draft_of(question), intent.cases, sides)
    assert chosen is not None and chosen.id == "chengdu-alliances-vs-hengnan-alliances"


def test_words_that_ask_for_a_comparison_are_not_the_aspect(draft_of):
    question = "嘉善县的教师交流和陕西省的交流轮岗条件相比，在任职年限上有什么不同？"
    draft = draft_of(question)
    comparison = next(c for c in draft.index.comparisons
                      if c.id == "rotation-jiashan-chengdu-shaanxi")
    terms = {term.text for term in aspect_terms(draft, comparison)}
    assert not terms & {"相比", "不同"}, terms


def test_the_aspect_asked_chooses_the_rows_by_what_their_statements_say(ask):
    # no row is labelled "任职年限": the row whose statements give the years opens
    result = ask("嘉善县的教师交流做法和陕西省规定的交流轮岗条件相比，在适用对象和任职年限上有什么不同？")
    assert result.route == "compare"
    opening = _body(result.text).split("\n\n")[0]
    assert "任职满8年" in opening, result.text
    assert "时间表" not in opening, result.text


def test_a_case_comparison_never_opens_mid_story(without_comparisons, ask):
    # Hangzhou's measures found for this question were its third phase ("第三阶段，…"): a
    # statement that stands on its own opens instead
    result = ask("杭州的名校集团化办学和浙江省推行的城乡教共体有什么异同？")
    assert result.route == "compare"
    assert not _body(result.text).lstrip("- *").startswith("第三阶段"), result.text
    assert "\n第三阶段" not in _body(result.text).split("|")[0], result.text


def test_a_silent_cell_points_to_the_opening_that_states_it(draft_of):
    # the aspect asked ("indicators") opens with each side's resource indicators: the row on
    # teacher indicators then points up to them rather than call the 2012 side silent
    draft = draft_of("Compare basic balance and quality balance indicators")
    comparison = Comparison(
        "x", ("basic balance versus quality balance",), ("基本均衡和优质均衡",),
        (Label("Basic balance", "基本均衡"), Label("Quality balance", "优质均衡")),
        "fact-s2017-quality-floors-vs-gaps",
        (Row(Label("Resource indicators", "资源配置指标"),
             ("fact-s2012-basic-eight-indicators", "finding-bq-resource-thresholds")),
         Row(Label("Teacher indicators", "教师指标"), (None, "finding-bq-teacher-thresholds")),
         Row(Label("Schools counted", "纳入计算的学校"), (None, "fact-s2017-quality-scope"))))
    composed = compare_from_file(draft, comparison=comparison)
    assert composed is not None
    text = composed[0]
    assert text.startswith("- **Basic balance**"), text
    assert _rows(text)["Teacher indicators"][0] == "see above", text
    assert "do not state what the Basic balance" not in text, text

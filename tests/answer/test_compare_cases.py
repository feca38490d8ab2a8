"""Case comparisons no comparison entry answers (shapes/compare_cases.py; the comparisons file
is switched off here): the key difference
first, rows by aspect, each side from its own record, short cells for what is missing."""

from __future__ import annotations

import re

from assistant.answer.shapes.compare_cases import asked_aspect

from .answer_support import assert_grounded


def _table(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows
            if "---" not in row]


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


def test_the_aspect_asked_is_read_in_english_and_chinese():
    assert asked_aspect("approached teacher exchange").name == "teachers"
    assert asked_aspect("在教师交流轮岗上有什么不同做法").name == "teachers"
    assert asked_aspect("differ in funding").name == "funding"
    assert asked_aspect("有什么异同") is None


def test_an_aspect_no_side_documents_is_said_in_a_sentence_with_no_template_table(without_comparisons, ask):
    result = ask("Compare how Baoqing County and Taishan District approached teacher exchange")
    assert result.route == "compare"
    assert_grounded(result)
    assert "|---" not in result.text, result.text  # no table of "not documented" rows
    opening = _opening(result.text)
    assert "Baoqing" in opening and "Taishan" in opening and "teacher exchange" in opening
    # then what each does document, one line each
    lines = [line for line in result.text.splitlines() if line.startswith("- **")]
    assert [line.split("**")[1] for line in lines] == ["Baoqing County", "Taishan District"]
    assert "If Taishan" not in result.text  # a guess is not what the sources document


def test_rows_are_aspects_not_the_case_template(without_comparisons, ask):
    result = ask("Compare Hangzhou and Hengnan")
    assert result.route == "compare"
    assert_grounded(result)
    labels = [row[0] for row in _table(result.text)[1:]]
    assert labels and not {"Context", "Lessons", "What the sources do not say"} & set(labels)
    assert "Documented results" in labels, labels


def test_a_province_fact_does_not_stand_for_the_place_compared(without_comparisons, ask):
    result = ask("Compare Hangzhou and Hengnan")
    hangzhou = " ".join(row[1] for row in _table(result.text)[1:])
    assert "the province in which Hangzhou lies" not in hangzhou, result.text


def test_three_named_cases_get_three_columns(without_comparisons, ask):
    result = ask("Compare Jiashan, Chengdu and Shaanxi on teacher rotation")
    assert result.route == "compare"
    assert_grounded(result)
    header = _table(result.text)[0]
    assert header[1:] == ["Jiashan", "Chengdu", "Shaanxi"], header
    assert _table(result.text)[1][0] == "Teachers"  # the aspect asked first


def test_a_side_without_anything_on_a_row_gets_a_short_cell(without_comparisons, ask):
    result = ask("Compare Jiashan, Chengdu and Shaanxi on teacher rotation")
    cells = [c for row in _table(result.text)[1:] for c in row[1:]]
    short = [c for c in cells if not re.search(r"\[\d+\]", c)]
    assert all(len(c) < 40 for c in short), short


def test_the_opening_is_not_said_again_in_the_rows(without_comparisons, ask):
    # no comparison entry or analysis statement covers this pair: the opening is each side's
    # own answer, and the table holds what it did not say
    result = ask("Compare District L and Hengnan")
    assert result.route == "compare"
    opening = _opening(result.text)
    table = result.text[len(opening):]
    for sentence in re.split(r"\s*\[\d+\]\s*", opening):
        if len(sentence) > 30:
            assert sentence not in table, sentence


def test_each_side_is_ranked_by_its_own_words_not_the_other_sides(without_comparisons, ask):
    # Chengdu's own city-wide record leads its column, not one of its districts (Qingyang's
    # school groups resemble the other side's words)
    result = ask("Compare Hangzhou's school groups with Chengdu's approach")
    chengdu = [row[2] for row in _table(result.text)[1:]]
    assert chengdu and not chengdu[0].startswith("In Chengdu's Qingyang"), result.text
    assert "Qingyang" not in _opening(result.text)


def test_the_aspect_asked_of_one_side_is_the_aspect_compared(without_comparisons, ask):
    result = ask("嘉善县的教师交流和成都相比有什么不同？")
    assert result.route == "compare"
    assert _table(result.text)[1][0] == "师资", result.text


def test_a_key_for_three_cases_is_not_the_key_of_two(without_comparisons, ask):
    result = ask("How does teacher rotation in Jiashan differ from Chengdu's?")
    opening = _opening(result.text)
    assert "Jiashan" in opening and "Chengdu" in opening and "Shaanxi" not in opening, opening


def test_a_results_row_on_an_aspect_says_none_rather_than_borrow_another_result(without_comparisons, ask):
    result = ask("江苏和成都在教师交流上有什么不同？")
    rows = {row[0]: row[1:] for row in _table(result.text)[1:]}
    assert "有据可查的成效" in rows, result.text
    # Jiangsu's record of no results at all, not "not documented" beside a documented target
    assert "成效" in rows["有据可查的成效"][0] or "未见" in rows["有据可查的成效"][0], rows


def test_a_province_fact_does_not_stand_for_the_place_in_chinese_either(without_comparisons, ask):
    result = ask("比较沧源县和平原县的经费")
    assert result.route == "compare"
    assert "所在的云南省" not in result.text and "所在的山东" not in result.text, result.text

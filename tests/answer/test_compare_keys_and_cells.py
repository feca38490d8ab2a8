"""Comparison answers: a key difference about exactly the sides asked, rows every side speaks
to, each figure said once, and a side the sources are silent on said to be so once."""

from __future__ import annotations

import importlib
import re


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


def test_a_key_naming_a_case_not_compared_is_not_the_key(without_comparisons, ask):
    # the only analysis naming Pingyuan and Cangyuan also names Hengnan (a three-way finding)
    result = ask("Compare Pingyuan and Cangyuan")
    assert result.route == "compare"
    assert "Hengnan" not in _opening(result.text), result.text


def test_no_cell_points_back_to_the_opening(without_comparisons, ask, monkeypatch):
    # with no key difference, each side's lead opens; a row must not then say "only what the
    # first paragraph says" for a side
    shape = importlib.import_module("assistant.answer.shapes.compare_cases")
    monkeypatch.setattr(shape, "key_difference", lambda *args, **kwargs: None)
    result = ask("浙江的城乡教育共同体和江苏的县域义务教育标准化建设有什么不同？")
    assert result.route == "compare"
    assert "仅有首段所述" not in result.text, result.text


def test_a_row_that_only_repeats_figures_said_above_is_left_out(ask):
    # the "how it works" row only repeated the wage subsidy of the "what it is" line (a row
    # that adds other figures keeps them: the central-money row still restates it once)
    result = ask("特岗计划和乡村教师生活补助有什么区别？")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", result.text)
    assert text.count("31600") <= 2, result.text
    assert "作用机制" not in text, result.text


def test_a_key_of_three_sides_is_not_the_key_of_two(ask):
    result = ask("特岗计划和乡村教师生活补助有什么区别？")
    assert "周转宿舍" not in result.text.split("参考资料")[0], result.text


def test_the_aspect_asked_chooses_the_rows_and_a_silent_side_is_said_once(ask):
    result = ask("How did the 2006 Compulsory Education Law change county responsibilities "
                 "compared with the 1986 law?")
    assert result.route == "compare"
    body = result.text.split("**References**")[0]
    rows = [line for line in body.splitlines() if line.startswith("| ") and "---" not in line]
    assert sum("County responsibility" in row for row in rows) >= 3, result.text
    assert "Adoption" not in body
    assert "not stated in the sources" not in body
    assert body.count("do not state what the 1986") == 1, result.text

"""A place inside a case is a place's name ("青羊区" in "成都青羊区"), never the start of a common
word that shares a place suffix ("…解决乡村学校…": 乡村 is rural, not a township called 解决乡)."""

from __future__ import annotations


def test_a_rural_word_is_no_place_inside_the_case(ask):
    result = ask("云南沧源县是怎样用“专递课堂”解决乡村学校开课不足问题的？")
    assert result.kind == "case", result.kind
    assert "本身的记载仅此而已" not in result.text, result.text

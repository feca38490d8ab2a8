"""The comparison and glossary routes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.answer import compare
from assistant.config import DEFAULT_CORPUS_DIR

from .answer_support import assert_grounded


@pytest.mark.parametrize("question,a,b,focus", [
    ("Compare Chengdu and Hangzhou.", "Chengdu", "Hangzhou", ""),
    ("Compare Jiashan with Chengdu on teacher rotation", "Jiashan", "Chengdu", "teacher rotation"),
    ("What is the difference between basic balance and quality balance?", "basic balance",
     "quality balance", ""),
    ("基本均衡和优质均衡有什么区别？", "基本均衡", "优质均衡", ""),
    ("比较成都和杭州的教师交流做法", "成都", "杭州", "教师交流做法"),
    # "A比B高在哪里" and "A和B是一回事吗": comparisons without 区别 or 比较 (and 比例 is no 比)
    ("成都的交流比例比国家规定高在哪里？", "成都的交流比例", "国家规定", ""),
    ("县管校聘和县管校用是一回事吗？有什么要求？", "县管校聘", "县管校用", ""),
])
def test_comparison_questions_are_parsed(question, a, b, focus):
    sides = compare.parse(question)
    assert sides is not None and (sides.a, sides.b, sides.focus) == (a, b, focus)


@pytest.mark.parametrize("question", ["What is quality balance?", "Who compares schools?",
                                      "什么是县管校聘？"])
def test_other_questions_are_not_comparisons(question):
    assert compare.parse(question) is None


@pytest.mark.parametrize("question,expected", [
    ("Compare Chengdu and Hangzhou.", {"Chengdu": "case-chengdu-integration",
                                       "Hangzhou": "case-hangzhou-school-groups"}),
    ("成都和杭州有什么不同？", {"成都": "case-chengdu-integration",
                          "杭州": "case-hangzhou-school-groups"}),
])
def test_comparison_answers_each_side_from_its_documents(ask, question, expected):
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    header, rows = _table(result.text)
    # a column per side, in the question's order, headed by its name (the comparisons file's
    # label may say more: "Chengdu urban–rural integration")
    assert len(header) == len(expected) and all(side in h for side, h in zip(expected, header))
    assert len(rows) >= 3, result.text
    for column, (side, doc_id) in enumerate(expected.items()):
        markers = {int(n) for row in rows for n in re.findall(r"\[(\d+)\]", row[column])}
        assert markers, side
        # every cell of a side's column comes from that side's own document
        assert {result.citations[m - 1].doc_id for m in markers} == {doc_id}, (side, rows)


def _table(text: str) -> tuple[list[str], list[list[str]]]:
    """The comparison table: the side names of its header, and each row's cells for the sides."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    header, body = cells[0][1:], [row[1:] for row in cells[2:]]
    return header, body


def _glossary() -> dict[str, dict]:
    entries = yaml.safe_load(Path(DEFAULT_CORPUS_DIR, "glossary.yaml").read_text("utf-8"))
    entries = entries.get("entries", entries) if isinstance(entries, dict) else entries
    return {e["id"]: e for e in entries}


@pytest.mark.parametrize("question,doc_id,term", [
    ("什么是县管校聘？", "pol-2014-teacher-rotation", "县管校聘"),
    ("What is county manages, schools hire?", "pol-2014-teacher-rotation",
     "county manages, schools hire"),
    ("What are the three classrooms?", "pol-2020-three-classrooms", "three classrooms"),
])
def test_a_definition_a_document_states_leads_and_cites_that_document(ask, question, doc_id,
                                                                      term):
    # the glossary is our own list: an official cannot put it in a reference list, so a
    # statement of the document that defines the term leads when there is one
    result = ask(question)
    assert result.route == "glossary"
    assert_grounded(result)
    assert result.citations[0].doc_id == doc_id
    assert term in result.text.split("[1]")[0].lower()
    assert all(c.doc_type != "glossary" for c in result.citations)


def test_definition_questions_fall_back_to_the_glossary(ask):
    # no statement has "a nine-year school" as its subject: the glossary's definition leads
    result = ask("What is a nine-year school?")
    assert result.route == "glossary"
    assert_grounded(result)
    first = result.citations[0]
    assert first.doc_type == "glossary"
    entry = _glossary()[first.chunk_id.split("#", 1)[1]]
    # the glossary's definition, led by the term so that it reads as a sentence of its own
    body = entry["definition"].strip()
    assert first.text.endswith(body[1:]) and first.text.lower().startswith(entry["en"].lower())
    assert result.text.index(body[1:]) < result.text.index("[2]")
    # the definition is followed by passages of corpus documents
    assert any(c.doc_type != "glossary" for c in result.citations[1:])


def test_a_side_is_named_by_the_words_that_tell_it_apart():
    from assistant.answer.shapes.sides import figures, names_side_loosely

    # "benchmark", "要求" say what kind of thing a side is, not which
    assert names_side_loosely("Jiangsu county benchmark", "the jiangsu-style county standard sets")
    assert names_side_loosely("国家要求", "随迁子女比例不低于90%（国家要求高于85%）")
    # a long Chinese side by half its terms and its first; a short one only by all of them
    assert names_side_loosely("江苏那个县的优质均衡高标准", "江苏式县域标准要求优质均衡……")
    assert not names_side_loosely("江苏那个县的优质均衡高标准", "按优质均衡评估办法，培训经费……")
    assert not names_side_loosely("基本均衡", "实现了国务院均衡发展意见提出的目标")
    # a contrast with a figure on each side of its turn, not only on one
    from assistant.answer.shapes.sides import two_sided
    assert two_sided("basic balance capped it at 0.65, whereas quality balance caps each at 0.50")
    assert not two_sided("quality balance caps each at 0.50, whereas basic balance used a mean")
    assert two_sided("差距规则：基本均衡不高于0.65；而优质均衡不高于0.50")  # 则 of 规则 is no turn
    # figures are no years, articles or 文号
    assert figures("at least 99% against the national 95%") == 2
    assert figures("under 教督〔2012〕3号 (2012–2014), Article 15") == 0
    assert figures("capped at 0.65 whereas 0.50") == 2


@pytest.mark.parametrize("question,figures_", [
    ("What is the difference between basic balance and quality balance?", ("0.65", "0.50")),
    (("How does the Jiangsu county benchmark compare with the national quality-balance "
     "requirements?"), ("99%", "95%")),
])
def test_a_comparison_opens_with_the_contrast_that_gives_both_sides_figures(without_comparisons, ask, question,
                                                                           figures_):
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert all(f in opening for f in figures_), result.text


def test_a_comparison_asking_how_much_each_pays_opens_with_each_sides_figure(without_comparisons, ask):
    result = ask("特岗计划和乡村教师生活补助有什么区别？各补多少钱？")
    assert result.route == "compare"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "34600元" in opening and "2400元" in opening, result.text


def test_a_key_difference_is_about_the_two_sides_not_a_third_that_mentions_both(ask):
    # the District L thesis "draws on Taishan District and Nanzhang County", while Baoqing's
    # names no places: a difference between two theses, not between Taishan and Nanzhang
    result = ask("Compare Taishan District and Nanzhang County.")
    assert result.route == "compare"
    assert "Key difference" not in result.text or "Baoqing" not in result.text.split(
        "Key difference")[1].split("\n\n")[0], result.text


@pytest.mark.parametrize("question, unknown", [
    ("Compare the special-post teacher plan with publicly funded normal students.",
     "publicly funded normal students"),
    ("特岗计划和公费师范生有什么区别？", "公费师范生"),
])
def test_a_side_our_sources_never_name_is_said_to_be_missing_not_filled(ask, question, unknown):
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert unknown in opening, result.text
    assert "|---" not in result.text  # no column filled with statements that share a word
    assert "31" in result.text  # what the sources do hold on the other side: its wage subsidy

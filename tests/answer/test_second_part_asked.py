"""A two-part question's second part asks for something a sentence of its own kind states — a
frequency ("how often …"), a calculation ("how is it calculated", 怎么计算), a consequence or
liability ("who is liable if …", 会怎样), an achievement date ("when was it met", 什么时候实现):
the opening states it, from the statement that does, not only the first part's answer."""

from __future__ import annotations

import re

import pytest

from assistant.answer import parts


@pytest.mark.parametrize("part, kind", [
    ("how often must a county be inspected by the province?", "frequency"),
    ("上级政府多久对县级政府督导一次？", "frequency"),
    ("how is it calculated?", "calculation"),
    ("and how do you compute it?", "calculation"),
    ("它是怎么计算的？", "calculation"),
    ("如何计算？", "calculation"),
    ("who is liable if the county falsifies its data?", "consequence"),
    ("what happens if a school refuses inspection?", "consequence"),
    ("如果县里弄虚作假，谁要承担责任？", "consequence"),
    ("弄虚作假会受到什么处理？", "consequence"),
    ("when was that target actually met?", "achievement"),
    ("这个目标是什么时候实现的？", "achievement"),
])
def test_what_a_second_part_asks_is_recognised(part, kind):
    assert parts.asks_for(part) == kind


@pytest.mark.parametrize("part", [
    "what is its document number?", "依据是哪个文件？", "who pays?", "when was it issued?",
])
def test_a_part_of_another_kind_asks_for_none_of_these(part):
    assert parts.asks_for(part) is None


def _opening(answer) -> str:
    return answer.text.split("\n\n")[0]


@pytest.mark.parametrize("question, first, second", [
    (("When were the Regulations on Education Supervision issued, and how often must a county "
     "government be inspected by the government above it?"), r"2012", r"(once every 5|every five) years"),
    ("《教育督导条例》是哪一年颁布的？上级人民政府对县级政府多久督导一次？", r"2012", r"每5年"),
])
def test_a_frequency_asked_second_is_in_the_opening(ask, question, first, second):
    opening = _opening(ask(question))
    assert re.search(first, opening) and re.search(second, opening), opening


@pytest.mark.parametrize("question, step", [
    ("What is the composite coefficient of variation, and how is it calculated?",
     r"divided by|standard deviation|S / X̄"),
    ("什么是综合差异系数？它是如何计算的？", r"除以|标准差"),
])
def test_a_calculation_asked_second_gives_its_steps(ask, question, step):
    answer = ask(question)
    assert re.search(step, answer.text), answer.text


@pytest.mark.parametrize("question, achieved", [
    (("By when were 95% of counties supposed to reach basic balance, and when was that goal "
     "actually achieved?"), r"2,809|end-2020"),
    ("国发〔2012〕48号要求到哪一年95%的县实现基本均衡？这个目标是什么时候实现的？", r"2809|2020年底"),
])
def test_an_achievement_date_asked_second_is_in_the_opening(ask, question, achieved):
    opening = _opening(ask(question))
    assert re.search(achieved, opening), opening


@pytest.mark.parametrize("question, liable", [
    (("How often must inspectors visit each school, and what happens if a school falsifies "
     "its data?"), r"criticis|disciplin|sanction"),
    ("督学每学期要到责任区学校督导几次？如果学校弄虚作假会怎样？", r"通报批评|处分"),
])
def test_a_consequence_asked_second_is_in_the_opening(ask, question, liable):
    opening = _opening(ask(question))
    assert re.search(liable, opening), opening


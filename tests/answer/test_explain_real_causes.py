"""Explain answers give the real causes of what is asked (session 12): the mechanism the sources
name, not a remedy, a rule, an indicator or a classification of the literature
(corpus/knowledge/explanations.yaml, assistant/answer/shapes/explain.py)."""

from __future__ import annotations

import re

import pytest


def _numbered(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\d+\. ", line)]


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "Why can't the children of migrant workers get places in city public schools?",
    "为什么外来务工人员的孩子在城里很难上公办学校？",
])
def test_migrant_children_causes_are_documents_and_places_not_the_indicator(ask, question):
    result = ask(question)
    assert result.route == "explain", result.text
    causes = " ".join(_numbered(result.text))
    # the admission conditions (a residence permit and the province's conditions) and the
    # places a receiving town lacks are causes; the 85 % evaluation indicator is not
    assert re.search(r"residence permit|居住证", causes), result.text
    assert re.search(r"places|学位", causes), result.text
    assert "85" not in causes, result.text


@pytest.mark.parametrize("question", [
    "Why do rural schools keep losing good teachers to county towns even after pay rises?",
    "为什么乡村学校的好老师涨了工资还是往县城走？",
])
def test_teachers_leaving_is_explained_by_the_one_way_flow(ask, question):
    result = ask(question)
    assert result.route == "explain", result.text
    causes = " ".join(_numbered(result.text))
    assert re.search(r"one way|单向流动", result.text), result.text
    assert re.search(r"structural|结构性", result.text), result.text
    # a hardship subsidy the law grants is a remedy, not why teachers leave
    assert not re.search(r"Art\. 27|第二十七条", causes), result.text


@pytest.mark.parametrize("question", [
    "Why do rural schools find it hard to keep good teachers?",
    "农村学校为什么留不住好老师？",
])
def test_a_subsidy_rule_is_not_a_cause_of_teachers_leaving(ask, question):
    result = ask(question)
    causes = " ".join(_numbered(result.text))
    assert causes, result.text
    assert not re.search(r"Art\. 27|第二十七条", causes), result.text


@pytest.mark.parametrize("question", [
    "Why does fiscal decentralisation make compulsory education unequal between town and country?",
    "财政分权为什么会造成城乡义务教育发展不均衡？",
])
def test_fiscal_decentralisation_opens_with_its_mechanism(chosen, ask, question):
    assert chosen(question) == "why-fiscal-decentralisation-causes-imbalance"
    result = ask(question)
    opening = _opening(result.text)
    # the opening states how it works, not how the literature is classified
    assert not re.search(r"categories|families|归为|四类|六类", opening), result.text
    assert re.search(r"revenue|财力", opening), result.text
    # a remedy (the spending-growth rule of CEL Art. 42) is not a cause
    assert not re.search(r"Art\. 42|第四十二条", result.text), result.text


@pytest.mark.parametrize("question", [
    "Why is compulsory education managed mainly by county governments?",
    "义务教育为什么由县级政府为主管理？",
])
def test_why_the_county_leads_opens_with_its_legal_basis(ask, question):
    result = ask(question)
    assert result.route == "explain", result.text
    assert re.search(r"Art\. 7\b|第七条", _opening(result.text)), result.text

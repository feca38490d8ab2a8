"""Threshold questions are answered from corpus/standards/*.yaml, each row cited to a passage of
the indicator's source document that states the same figures."""

from __future__ import annotations

import pytest

from assistant.advisor.standards import load_standards
from assistant.answer import standards_table

from .answer_support import assert_grounded

CASES = [
    ("What CV threshold applies to quality balance?", "quality-balance-2017", "cv_each_indicator"),
    ("What was the composite CV limit in the 2012 basic balance evaluation?",
     "basic-balance-2012", "composite_cv"),
    ("How many square metres of sports ground per pupil does the 2017 standard require?",
     "quality-balance-2017", "sports_area_per_pupil"),
    ("What equipment value per pupil is required for quality balance?",
     "quality-balance-2017", "equipment_value_per_pupil"),
    ("What share of eligible teachers must rotate each year?", "quality-balance-2017",
     "rotation_rate_pct"),
    ("每百名学生拥有骨干教师数的标准是多少？", "quality-balance-2017", "key_teachers_per_100"),
    ("优质均衡要求生均教学及辅助用房面积多少平方米？", "quality-balance-2017", "building_area_per_pupil"),
    ("大班额是指多少人？", "class-size-targets", "large_class_size"),
]


@pytest.fixture(scope="module")
def standards():
    return load_standards()


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and not set(line) <= set("|-") and len(cells) >= 6:
            rows.append(cells)
    return rows[1:] if rows else rows  # without the header of the first table


def _number(cell: str) -> float | None:
    return None if cell == "—" else float(cell.replace(",", ""))


@pytest.mark.parametrize("question,standard,indicator_id", CASES)
def test_table_values_are_the_yaml_values(ask, standards, question, standard, indicator_id):
    indicator = standards.get(standard, indicator_id)
    result = ask(question)
    assert result.route == "standards-table", result.text
    assert_grounded(result)
    label = indicator.label(result.language)
    rows = [r for r in _rows(result.text) if r[0] == label or r[0].startswith(label + " (")]
    assert rows, f"no row for {label!r} in:\n{result.text}"
    row = rows[0]
    assert _number(row[1]) == indicator.primary and _number(row[2]) == indicator.junior
    marker = int(row[-1].strip("[]"))
    cited = result.citations[marker - 1]
    assert cited.doc_id in {indicator.source, standards.standard(standard).source_doc}
    for value in (indicator.primary, indicator.junior):
        if value is not None:
            assert row[1 if value == indicator.primary else 2] in cited.text.replace(",", "")


def test_every_row_of_every_table_is_supported(ask):
    for question, _, _ in CASES:
        result = ask(question)
        rows = [c for c in result.claims if c.kind == "table-row"]
        assert rows
        for claim in rows:
            assert standards_table.numbers(claim.text), claim.text
            assert standards_table.row_supported(claim.text, result.citations[
                claim.markers[0] - 1].text)


@pytest.mark.parametrize("question", [
    "How is the between-school coefficient of variation calculated?",
    "差异系数怎么计算？",
    "What does the Compulsory Education Law say about teacher pay?",
])
def test_explanations_are_not_tables(ask, question):
    assert ask(question).route != "standards-table"


@pytest.mark.parametrize("question,language", [
    ("What was the composite CV limit in the 2012 basic balance evaluation?", "en"),
    ("What CV threshold applies to quality balance?", "en"),
    ("大班额是指多少人？", "zh"),
])
def test_a_table_answer_opens_with_a_sentence_in_the_readers_language(ask, question, language):
    import re

    from assistant.evaluation.readability import language_mismatch, units

    result = ask(question)
    assert result.route == "standards-table"
    assert_grounded(result)
    first = units(result.text)[0]
    assert not first.startswith("|") and not first.startswith("**"), first  # a sentence, first
    assert re.search(r"\d", first), first  # ... that gives the figure asked for
    assert not language_mismatch(first, language), first

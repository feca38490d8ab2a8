"""The suggestion memo: sections, tables, references, charts, Chinese, regeneration, export."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from tests_support import EXAMPLE_PROFILES

from assistant.language import has_cjk
from assistant.memo import (
    SECTION_IDS,
    build_memo,
    load_template,
    memo_to_docx,
    memo_to_markdown,
    regenerate_section,
)

MARKER = re.compile(r"\[(\d+)(?:[,，][^\]]*)?\]")


@pytest.fixture(scope="module")
def advice(example_advice):
    return example_advice[EXAMPLE_PROFILES[0].name]


@pytest.fixture(scope="module")
def memo_en(advice, corpus_engine):
    return build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "en",
                      date="2026-01-15")


@pytest.fixture(scope="module")
def memo_zh(advice, corpus_engine):
    return build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "zh",
                      date="2026-01-15")


def _headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_docx_has_the_sections_tables_charts_and_references(memo_en):
    document = Document(io.BytesIO(memo_to_docx(memo_en)))
    template = load_template("en")["headings"]
    headings = _headings(document)
    for section_id in SECTION_IDS:
        assert template[section_id] in headings
    assert headings[-1] == template["references"]
    assert len(document.tables) >= 2  # the diagnosis table and the measures table
    assert document.tables[0].rows[0].cells[0].text == load_template("en")["table_columns"][
        "resource"][0]
    assert len(document.inline_shapes) == len(memo_en.charts) > 0
    texts = [p.text for p in document.paragraphs]
    start = texts.index(template["references"])
    references = texts[start + 1:]
    assert len(references) == len(memo_en.references.items) > 0
    for line, ref in zip(references, memo_en.references.items):
        assert line.startswith(f"[{ref.number}] ")
        assert ref.title in line
        for part in (ref.issuer, ref.doc_number, ref.date):
            if part:
                assert str(part) in line
    assert document.paragraphs[0].text == memo_en.title


def test_every_marker_points_at_a_reference_and_every_basis_is_listed(memo_en, advice):
    numbers = {ref.number for ref in memo_en.references.items}
    for section in memo_en.sections:
        for found in MARKER.finditer(section.body):
            assert int(found.group(1)) in numbers, (section.id, found.group(0))
    listed = {ref.doc_id for ref in memo_en.references.items}
    for measure in advice.suggestions.measures:
        assert {c.doc_id for c in measure.citations} <= listed


def test_measures_section_groups_by_area_with_priority(memo_en, advice):
    body = memo_en.section("measures").body
    for measure in advice.suggestions.measures:
        assert measure.title("en") in body
    table = memo_en.section("measures").tables[0]
    assert [row[0] for row in table.rows] == [m.title("en") for areas in
                                              advice.suggestions.by_area().values()
                                              for m in areas]
    assert {row[2] for row in table.rows} <= set(load_template("en")["labels"]["priority"]
                                                 .values())


def test_chinese_memo_renders_chinese_headings(memo_zh):
    document = Document(io.BytesIO(memo_to_docx(memo_zh)))
    template = load_template("zh")["headings"]
    headings = _headings(document)
    for section_id in SECTION_IDS:
        assert template[section_id] in headings
        assert has_cjk(template[section_id])
    assert has_cjk(document.paragraphs[0].text)
    for style in ("Normal", "Heading 1", "Title"):
        fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), style
        assert fonts.get(qn("w:eastAsiaTheme")) is None, style  # a theme font would override it


def test_markdown_export(memo_en, memo_zh, tmp_path):
    text = memo_to_markdown(memo_en, tmp_path / "charts")
    assert text.startswith(f"# {memo_en.title}")
    assert "[[" not in text  # placeholders become tables and images
    assert f"## {load_template('en')['headings']['references']}" in text
    assert "| --- |" not in text and "|---|" in text
    for key in memo_en.charts:
        assert (tmp_path / "charts" / f"{key}.png").read_bytes() == memo_en.charts[key]
        assert f"(charts/{key}.png)" in text
    assert "## 参考文献" in memo_to_markdown(memo_zh)


def test_sections_can_be_edited_and_regenerated_one_at_a_time(advice, corpus_engine):
    memo = build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "en",
                      with_charts=False)
    original_summary = memo.section("summary").body
    references = len(memo.references.items)
    memo.edit_section("causes", "Our own analysis of the causes.")
    memo.edit_section("summary", "A shorter summary.")
    regenerated = regenerate_section(memo, "summary")
    assert regenerated.body == original_summary and not regenerated.edited
    assert memo.section("summary") is regenerated
    assert memo.section("causes").body == "Our own analysis of the causes."
    assert memo.section("causes").edited
    assert len(memo.references.items) == references  # numbering is stable
    assert "Our own analysis" in memo_to_markdown(memo)


def test_a_memo_builds_offline_without_measures(advice):
    from assistant.advisor.measures import Suggestions

    memo = build_memo(advice.diagnosis, Suggestions([], []), None, "en", with_charts=False)
    assert memo.section("measures").body == load_template("en")["measures"]["none"]
    assert memo.references.items == []
    Document(io.BytesIO(memo_to_docx(memo)))  # still a valid document


def test_chinese_memo_shows_no_raw_flag_or_gap_key(memo_zh, advice):
    keys = {g for m in advice.suggestions.measures for g in m.gaps}
    keys |= {f.id for f in advice.diagnosis.flags}
    assert any("_" in k for k in keys)
    text = memo_to_markdown(memo_zh)
    raw = sorted(k for k in keys
                 if re.search(rf"(?<![A-Za-z_]){re.escape(k)}(?![A-Za-z_])", text))
    assert raw == []

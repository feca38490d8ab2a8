"""The comparisons file (corpus/README.md, "Comparisons"): valid, and every statement it names
exists."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import validate_corpus
from assistant.knowledge import load_statements
from assistant.knowledge.comparisons import comparison_problems, load_comparisons


def test_the_comparisons_are_valid_and_name_existing_statements():
    comparisons, problems = load_comparisons(CORPUS)
    assert problems == [] and comparison_problems(CORPUS) == []
    for comparison in comparisons:
        assert all(len(row.cells) == len(comparison.sides) for row in comparison.rows)


def _corpus_with(tmp_path: Path, text: str) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "knowledge" / "comparisons.yaml").write_text(text, encoding="utf-8")
    return corpus


def test_broken_comparisons_are_reported_not_loaded(tmp_path):
    a, b, c, d = (s.id for s in load_statements(CORPUS)[0][:4])
    sides = "[{en: A, zh: 甲}, {en: B, zh: 乙}]"
    corpus = _corpus_with(tmp_path, f"""
comparisons:
  - id: one-language-only
    asks: {{en: [a vs b]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{b}, {c}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]
  - id: one-side
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: [{{en: A, zh: 甲}}]
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{b}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{c}]}}]
  - id: cells-short
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{b}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{c}, {d}]}}]
  - id: said-twice
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{a}, {c}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]
  - id: empty-row
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [~, ~]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, {c}]}}]
  - id: unknown-statement
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [no-such-statement, {c}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]
  - id: unknown-statement
    asks: {{en: [a vs c], zh: [甲和丙]}}
    sides: {sides}
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{b}, {c}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]
""")
    comparisons, _ = load_comparisons(corpus)
    assert [c.id for c in comparisons] == ["unknown-statement"]
    assert comparisons[0].rows[1].cells == (d, None)
    messages = " ".join(message for _, message in comparison_problems(corpus))
    for expected in ("English (en) and Chinese (zh)", "2–3 sides", "1 cells for 2 sides",
                     "a statement is named twice", "has no statement", "used twice",
                     "no statement 'no-such-statement'"):
        assert expected in messages, messages
    # the corpus check reports them too, under the file's name
    assert "knowledge/comparisons.yaml" in {p.file for p in validate_corpus(corpus)}


def test_a_label_cut_at_an_unquoted_comma_is_reported(tmp_path):
    a, b, c, d = (s.id for s in load_statements(CORPUS)[0][:4])
    corpus = _corpus_with(tmp_path, f"""
comparisons:
  - id: cut-label
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: [{{en: County manages, schools hire, zh: 县管校聘}}, {{en: B, zh: 乙}}]
    key: {a}
    rows: [{{aspect: {{en: x, zh: 甲}}, cells: [{b}, {c}]}}, {{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]
""")
    comparisons, problems = load_comparisons(corpus)
    assert comparisons == [] and "2–3 sides" in " ".join(m for _, m in problems)


def test_one_unreadable_entry_is_reported_and_the_others_kept(tmp_path):
    """A YAML slip in one entry (an unquoted colon in a label, a row that is not a list) is
    reported with that entry's id and line, and every other comparison still loads."""
    a, b, c, d = (s.id for s in load_statements(CORPUS)[0][:4])
    rows = (f"[{{aspect: {{en: x, zh: 甲}}, cells: [{b}, {c}]}}, "
            f"{{aspect: {{en: y, zh: 乙}}, cells: [{d}, ~]}}]")
    corpus = _corpus_with(tmp_path, f"""
comparisons:
  - id: good-one
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: [{{en: A, zh: 甲}}, {{en: B, zh: 乙}}]
    key: {a}
    rows: {rows}
  - id: broken-yaml
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: [{{en: A: the first, zh: 甲}}, {{en: B, zh: 乙}}]]
    key: {a}
    rows: {rows}
  - id: rows-not-a-list
    asks: {{en: [a vs b], zh: [甲和乙]}}
    sides: [{{en: A, zh: 甲}}, {{en: B, zh: 乙}}]
    key: {a}
    rows: 3
  - id: good-two
    asks: {{en: [c vs d], zh: [丙和丁]}}
    sides: [{{en: C, zh: 丙}}, {{en: D, zh: 丁}}]
    key: {a}
    rows: {rows}
""")
    comparisons, problems = load_comparisons(corpus)
    assert [c.id for c in comparisons] == ["good-one", "good-two"]
    reported = " ".join(f"{where}: {message}" for where, message in problems)
    assert "broken-yaml" in reported and "line 10" in reported, reported
    assert "rows-not-a-list" in reported, reported

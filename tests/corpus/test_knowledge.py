"""The knowledge statements: valid, sourced, checked against their passages, and enough of them."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import corpus_report, load_documents
from assistant.knowledge import load_statements
from assistant.knowledge.checks import numbers_said, validate_statements
from assistant.knowledge.sections import chinese_mirror, document_sections, locate, slug

STATEMENTS, LOAD_PROBLEMS = load_statements(CORPUS)


def test_every_statement_is_valid_and_checked_against_its_source():
    assert LOAD_PROBLEMS == []
    problems = validate_statements(CORPUS)
    assert not problems, "\n".join(map(str, problems[:30]))


def test_counts_the_corpus_issue_asks_for():
    kinds = Counter(s.kind for s in STATEMENTS)
    assert kinds["duty"] >= 150
    assert kinds["finding"] >= 150
    cases = Counter(s.case for s in STATEMENTS if s.kind == "case")
    documents, _ = load_documents(CORPUS)
    case_ids = {d.id for d in documents if d.metadata.get("doc_type") == "case"}
    assert set(cases) == case_ids and min(cases.values()) >= 6, cases
    gaps = {s.case for s in STATEMENTS if s.kind == "case" and s.aspect == "gaps"}
    assert gaps == case_ids, "every case says what its sources do not say"


def test_every_law_article_that_assigns_a_duty_has_a_duty_statement():
    documents, _ = load_documents(CORPUS)
    duties = {(s.source, s.locator) for s in STATEMENTS if s.kind == "duty"}
    laws = [d for d in documents if d.metadata.get("doc_type") in ("law", "regulation")]
    missing = []
    for doc in laws:
        for section in document_sections(doc.body):
            english = section.title.split(" (")[0]
            if section.in_chinese_body or not english.startswith("Article "):
                continue
            if any(word in section.text for word in (" must ", " shall ", " require")) and \
                    (doc.id, english) not in duties:
                missing.append(f"{doc.id} {english}")
    # a few articles state rights or liabilities with "must" wording; they carry facts instead
    assert len(missing) <= 20, missing


def test_statements_by_language_are_counted_in_the_report():
    report = corpus_report(CORPUS)["statements"]
    assert report["total"] == len(STATEMENTS)
    assert report["chinese"] == report["english"] == len(STATEMENTS)


def _corpus_with(tmp_path: Path, statement: str) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy, ignore=shutil.ignore_patterns("knowledge"))
    (copy / "knowledge").mkdir()
    (copy / "knowledge" / "test.yaml").write_text("statements:\n" + statement, encoding="utf-8")
    return copy


GOOD = """  - id: duty-test-housing
    kind: duty
    text: County and township governments must help rural teachers with housing (Teachers Law Art. 28).
    text_zh: 县、乡两级人民政府应当为农村中小学教师解决住房提供方便（《教师法》第二十八条）。
    source: law-teachers
    locator: Article 28
    actor: county-government
    area: teachers
"""


def test_a_good_statement_passes(tmp_path):
    assert validate_statements(_corpus_with(tmp_path, GOOD)) == []


@pytest.mark.parametrize("change,message", [
    (("Art. 28).", "Art. 27)."), "article(s) 27"),
    (("help rural", "pay 99 yuan to help rural"), "number(s) 99"),
    (("locator: Article 28", "locator: Article 99"), "is not a heading of law-teachers"),
    (("source: law-teachers", "source: law-nothing"), "is not a corpus document"),
    (("actor: county-government", "actor: county"), "actor: 'county'"),
    (("with housing", "with housing (see ana-teacher-policy)"), "use the document's title"),
    (("kind: duty", "kind: opinion"), "kind: 'opinion'"),
])
def test_each_rule_names_the_statement_and_the_problem(tmp_path, change, message):
    bad = GOOD.replace(*change)
    problems = validate_statements(_corpus_with(tmp_path, bad))
    assert problems and all(p[1] == "duty-test-housing" for p in problems), problems
    assert any(message in p[2] for p in problems), problems


def test_a_case_statement_is_cited_by_section_never_by_article(tmp_path):
    statement = """  - id: case-test
    kind: case
    case: case-district-l
    aspect: context
    text: District L is studied in a thesis.
    text_zh: 一篇学位论文研究了L区。
    source: case-district-l
    locator: Article 3
"""
    problems = validate_statements(_corpus_with(tmp_path, statement))
    assert any("cited by section, not article" in p[2] for p in problems), problems


def test_sections_and_their_chinese_mirrors_are_found():
    documents, _ = load_documents(CORPUS)
    by_id = {d.id: d for d in documents}
    law = by_id["law-teachers"].body
    article = locate(law, "Article 28")
    assert article is not None and "Article 28" in article.title
    mirror = chinese_mirror(law, article)
    assert mirror is not None and mirror.title == "第二十八条" and "住房" in mirror.text
    case = by_id["case-district-l"].body
    context = locate(case, "Context")
    assert context is not None and slug(context.title) == "context"
    assert chinese_mirror(case, context) is not None


def test_amounts_and_dates_are_read_as_a_chinese_reader_writes_them():
    said = numbers_said("On 12 Oct 2019 the centre spent ¥7.1bn and ¥328m on 1.3 million pupils.")
    assert {"12", "10", "2019", "71", "3.28", "130"} <= said


def test_a_duty_may_name_two_actors_and_each_must_be_known(tmp_path):
    from assistant.knowledge.statements import load_statements

    both = GOOD.replace("actor: county-government",
                        "actor: [county-government, township-government]")
    assert validate_statements(_corpus_with(tmp_path / "a", both)) == []
    statements, _ = load_statements(_corpus_with(tmp_path / "b", both))
    assert statements[0].actors == ("county-government", "township-government")
    assert statements[0].actor == "county-government"
    bad = GOOD.replace("actor: county-government", "actor: [county-government, village]")
    problems = validate_statements(_corpus_with(tmp_path / "c", bad))
    assert any("actor: 'village'" in p[2] for p in problems), problems

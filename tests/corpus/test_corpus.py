"""The corpus is product: every file valid, every reference resolving, data and prose agreeing."""


import pytest

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import (
    CorpusDocument,
    corpus_report,
    load_documents,
    load_yaml,
    markdown_table_rows,
    mentions_number,
    standards_files,
    validate_corpus,
    validate_document,
)

DOCUMENTS, LOAD_PROBLEMS = load_documents(CORPUS)
BY_ID = {doc.id: doc for doc in DOCUMENTS}


def test_every_file_loads():
    assert LOAD_PROBLEMS == []


def test_the_whole_corpus_validates():
    problems = validate_corpus(CORPUS)
    assert not problems, "\n".join(map(str, problems))


def test_size_and_coverage():
    report = corpus_report(CORPUS)
    assert report["documents"] >= 50
    assert report["english_words"] >= 50_000
    per_type = report["documents_per_type"]
    assert per_type.get("law", 0) + per_type.get("regulation", 0) >= 5
    assert per_type["policy"] >= 14 and per_type["standard"] >= 3
    assert per_type["case"] >= 12 and per_type["analysis"] >= 8
    assert report["glossary_entries"] >= 150 and report["measures"] >= 30


@pytest.mark.parametrize("doc_id", ["case-district-l", "case-baoqing-county", "case-taishan-district",
                                    "case-nanzhang-county", "case-chengdu-integration",
                                    "case-hangzhou-school-groups", "case-cangyuan-three-classrooms"])
def test_required_cases_exist(doc_id):
    assert BY_ID[doc_id].metadata["doc_type"] == "case"


def test_compulsory_education_law_covers_the_required_articles():
    body = BY_ID["law-compulsory-education"].body
    for number in (2, 4, 6, 7, 8, 9, 12, 15, 16, 17, 22, 26, 31, 32, 33, 42, 43, 44, 45, 46, 47,
                   49, 50, 51, 52, 53):
        assert f"### Article {number} (" in body, f"Article {number} has no heading"


def test_thesis_cases_are_attributed_to_their_theses():
    for doc_id in ("case-district-l", "case-baoqing-county"):
        assert BY_ID[doc_id].body.lower().count("the thesis") >= 3


def test_standards_yaml_values_appear_in_their_source_documents():
    checked = 0
    for path in standards_files(CORPUS):
        for item in load_yaml(path)["indicators"]:
            for level in ("primary", "junior"):
                if item.get(level) is not None:
                    assert mentions_number(BY_ID[item["source"]].body, item[level]), (path.name, item["id"])
                    checked += 1
    assert checked >= 30


def test_quality_balance_table_matches_the_yaml_row_by_row():
    data = load_yaml(CORPUS / "standards" / "quality-balance-2017.yaml")
    rows = {row["id"]: row for row in markdown_table_rows(
        BY_ID["std-2017-quality-balance-evaluation"].body, ("id", "primary", "junior"))}
    for item in data["indicators"]:
        assert item["id"] in rows
    r4 = next(i for i in data["indicators"] if i["id"] == "building_area_per_pupil")
    assert (r4["primary"], r4["junior"]) == (4.5, 5.8)  # the verified 2017 values (facts §3.2)
    cv = next(i for i in data["indicators"] if i["id"] == "cv_each_indicator")
    assert (cv["primary"], cv["junior"], cv["comparison"]) == (0.5, 0.45, "<=")


def test_worked_cv_example_in_the_method_document_is_right():
    body = BY_ID["std-coefficient-of-variation-method"].body
    pupils, books = [45, 37, 89, 76, 55], [279, 137, 935, 160, 402]
    mean = sum(books) / sum(pupils)
    variance = sum(p / sum(pupils) * (b / p - mean) ** 2 for p, b in zip(pupils, books))
    cv = variance ** 0.5 / mean
    assert round(cv, 3) == 0.515
    assert "0.515" in body and f"{mean:.3f}" in body


def test_unverified_facts_are_flagged_in_certainty():
    # Facts the sheet tags [memory, unverified] must be marked; spot-check well-known ones.
    assert "0.65" in BY_ID["std-2012-basic-balance-evaluation"].metadata["certainty"]
    p6 = BY_ID["pol-2012-rural-school-layout"]
    assert "48" in p6.metadata["certainty"] and "国发〔2012〕48号" in p6.body  # the two 48s kept apart


def test_examples_are_labelled_illustrative():
    examples = sorted((CORPUS / "examples").glob("*.yaml"))
    assert len(examples) >= 3
    for path in examples:
        assert load_yaml(path)["illustrative"] is True
        assert "illustrative" in path.read_text(encoding="utf-8").splitlines()[0].lower()
    csv = (CORPUS / "examples" / "schools-illustrative.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == ("school,level,location,pupils,teachers_above_required_qualification,key_teachers,"
                      "pe_arts_teachers,building_area_m2,sports_area_m2,equipment_value_yuan,"
                      "multimedia_classrooms")
    assert len(csv) - 1 >= 14


def test_validation_errors_name_the_file_and_the_field(tmp_path):
    path = tmp_path / "policies" / "pol-x.md"
    path.parent.mkdir()
    doc = CorpusDocument(path, {"id": "pol-x", "title": "X", "doc_type": "policy", "level": "galactic",
                                "topics": ["weather"], "date": "May 2014"}, "# X\n\nNo summary.")
    problems = {(p.file, p.field) for p in validate_document(doc, tmp_path)}
    expected = {("policies/pol-x.md", field) for field in
                ("level", "topics", "date", "issuer", "sources", "## 中文摘要", "title_zh")}
    assert expected <= problems


def test_corpus_report_command(capsys):
    import json

    from assistant import cli

    assert cli.main(["corpus-report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == len(DOCUMENTS) and report["chunks"] > report["documents"]


def test_commentary_names_sections_of_official_documents_only(tmp_path):
    body = "# X\n\n## Overview\n\nText.\n\n## Why it was needed\n\nOur reading.\n"

    def problems(folder: str, doc_type: str, commentary: object) -> list[str]:
        path = tmp_path / folder / "x.md"
        path.parent.mkdir(exist_ok=True)
        doc = CorpusDocument(path, {"id": "x", "doc_type": doc_type, "commentary": commentary}, body)
        return [p.message for p in validate_document(doc, tmp_path) if p.field == "commentary"]

    assert problems("policies", "policy", ["Why it was needed"]) == []
    assert "not the heading" in problems("policies", "policy", ["Why it was neded"])[0]
    assert problems("policies", "policy", "Why it was needed")
    assert problems("analysis", "analysis", ["Why it was needed"])


def test_official_documents_mark_their_county_advice_as_commentary():
    # the "what it means for county governments" advice is ours in every policy summary
    # (session 10's reader: advice about 县管校聘 was cited to 教督〔2017〕6号)
    policies = [d for d in DOCUMENTS if d.metadata.get("doc_type") == "policy"]
    unmarked = [d.id for d in policies
                if "What it means for county governments" not in (d.metadata.get("commentary") or ())]
    assert not unmarked

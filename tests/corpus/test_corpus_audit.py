"""Regression tests for a corpus audit: each test names a statement that was wrong and checks that
no file says it again."""

import re

import yaml

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import load_documents
from assistant.corpus_articles import corpus_references, yaml_strings
from assistant.knowledge.statements import knowledge_files

DOCUMENTS = {doc.id: doc for doc in load_documents(CORPUS)[0]}


def corpus_files() -> list:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".yaml") and p.is_file())


def corpus_text() -> dict[str, str]:
    return {str(p.relative_to(CORPUS)): p.read_text(encoding="utf-8") for p in corpus_files()}


def chinese_fields() -> dict[str, str]:
    """The Chinese texts of the documents and data files: summaries, Chinese bodies and the *_zh
    fields of measures.yaml and glossary.yaml."""
    fields = {}
    for doc in DOCUMENTS.values():
        fields[f"{doc.id} 中文摘要"] = doc.chinese_summary
        fields[f"{doc.id} 中文"] = doc.chinese_body
    for path in (CORPUS / "measures.yaml", CORPUS / "glossary.yaml"):
        for where, text in yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if re.search(r"_zh\b", where):
                fields[f"{path.name}{where}"] = text
    return fields


# -- Teachers Law: housing is Art. 28, para. 2; Art. 27 is subsidies ---------------------------
HOUSING = re.compile(r"hous|住房|住宅|宿舍", re.IGNORECASE)


def test_no_teachers_law_article_27_is_cited_for_housing():
    wrong = [f"{r.file}: {r.field}: {r.text}: {r.claim}" for r in corpus_references(CORPUS)
             if r.law == "teachers" and 27 in r.articles and 28 not in r.articles
             and HOUSING.search(r.claim)]
    assert not wrong, "\n".join(wrong)


def test_the_housing_measure_cites_article_28():
    measure = next(m for m in yaml.safe_load((CORPUS / "measures.yaml").read_text("utf-8"))
                   if m["id"] == "teacher-turnover-housing")
    assert "Teachers Law Art. 28" in measure["basis_note"]
    assert "《教师法》第二十八条" in measure["basis_note_zh"]


# -- Large classes are 56 or more, super-large 66 or more --------------------------------------
EXCLUSIVE = re.compile(r"(?:more than|above|over|exceeding|larger than)\s+(?:56|66)\b"
                       r"|(?:56|66)\s*人以上|超过\s*(?:56|66)\s*人", re.IGNORECASE)


def test_class_size_lines_are_56_or_more_and_66_or_more():
    wrong = [f"{name}: {m.group(0)}" for name, text in corpus_text().items()
             for m in EXCLUSIVE.finditer(text)]
    assert not wrong, "\n".join(wrong)
    glossary = {e["id"]: e for e in yaml.safe_load((CORPUS / "glossary.yaml").read_text("utf-8"))}
    assert "56 or more" in glossary["large-class"]["definition"]
    assert "56人及以上" in glossary["large-class"]["definition_zh"]
    assert "66 or more" in glossary["super-large-class"]["definition"]
    assert "66人及以上" in glossary["super-large-class"]["definition_zh"]


# -- The 2012 evaluation measures came before the Education Supervision Regulations -------------
REGULATIONS = re.compile(r"Supervision Regulations|Regulations on Education Supervision|Decree No\. 624"
                         r"|教育督导条例|国务院令第624号")


def test_the_2012_measures_predate_the_supervision_regulations():
    measures, regulations = DOCUMENTS["std-2012-basic-balance-evaluation"], DOCUMENTS[
        "reg-education-supervision"]
    assert str(measures.metadata["date"]) < str(regulations.metadata["date"])
    sentences = re.split(r"(?<=[。；])|(?<=\.)\s", measures.body)
    wrong = [s for s in sentences if REGULATIONS.search(s) and re.search(r"same year|同年", s)]
    assert not wrong, wrong
    assert "predate" in measures.body and "1 October 2012" in measures.body
    if measures.chinese_body:
        assert "早于《教育督导条例》" in measures.chinese_body


# -- Unsupported details ----------------------------------------------------------------------
def test_chengdu_alliances_are_not_said_to_pair_stronger_with_weaker_areas():
    body = DOCUMENTS["case-chengdu-integration"].body
    assert not re.search(r"stronger\W+(?:\w+\W+){0,3}weaker", body)
    assert not re.search(r"强弱结对|一强一弱|强区.{0,6}弱区", body)


def measure(measure_id: str) -> dict:
    return next(m for m in yaml.safe_load((CORPUS / "measures.yaml").read_text("utf-8"))
                if m["id"] == measure_id)


def test_rural_service_for_titles_adds_no_reserved_title_quotas():
    item = measure("rural-service-for-titles")
    text = " ".join(str(item[k]) for k in ("name", "name_zh", "description", "description_zh"))
    assert not re.search(r"quota|名额", text, re.IGNORECASE)


def test_precedents_that_do_not_show_the_measure_are_gone():
    # a basic-balance timetable is not a quality-balance roadmap; a city cost-sharing scheme is not
    # a county budget tilt
    assert "case-shaanxi-targets" not in measure("quality-balance-roadmap")["precedents"]
    assert "case-chengdu-integration" not in measure("budget-tilt-rural-weak")["precedents"]


def test_district_l_summary_keeps_our_analysis_apart_from_the_thesis():
    summary = DOCUMENTS["case-district-l"].chinese_summary
    mapping = [s for s in summary.split("。") if "《义务教育法》" in s]
    assert mapping and all("本项目的分析" in s and "并非论文" in s for s in mapping)


# -- Chinese texts ----------------------------------------------------------------------------
PINYIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-zü'’]+(?:[ -][A-Z][a-zü'’]+)*")


def test_no_pinyin_names_inside_chinese_texts():
    # acronyms (GDP, CV, MPA) are fine; "Zhang Yulin认为" is not
    wrong = [f"{where}: {m.group(0)}" for where, text in chinese_fields().items()
             for m in PINYIN_NAME.finditer(text)]
    assert not wrong, "\n".join(wrong)


def knowledge_chinese_texts(corpus=CORPUS) -> dict[str, str]:
    """The text_zh of every statement in knowledge/*.yaml, keyed by file and statement id."""
    return {f"knowledge/{path.name} {item['id']}": item["text_zh"]
            for path in knowledge_files(corpus)
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))["statements"]}


def test_no_pinyin_names_inside_knowledge_statements():
    # District L and acronyms (GDP, MPA) are fine; "Zhai Bo把……分为三个层次" is not
    texts = knowledge_chinese_texts()
    assert len(texts) > 100
    wrong = [f"{where}: {m.group(0)}" for where, text in texts.items()
             for m in PINYIN_NAME.finditer(text)]
    assert not wrong, "\n".join(wrong)


def test_double_siphon_is_rendered_one_way():
    texts = corpus_text()
    assert not [name for name, text in texts.items() if "双重抽水" in text]
    assert any("双重抽吸" in text for text in texts.values())


def test_the_600_800_benchmark_keeps_its_yunnan_qualifier_in_chinese_summaries():
    checked = 0
    for doc in DOCUMENTS.values():
        for sentence in re.split(r"[。；]", doc.chinese_summary):
            if "600元" in sentence and "800元" in sentence:
                checked += 1
                assert "云南" in sentence, (doc.id, sentence)
    assert checked >= 3

"""Integration: the five real Chinese statutes are ingested and searched in Chinese."""

import pytest

from assistant.config import Settings
from assistant.engine import Engine


@pytest.fixture(scope="module")
def statutes_engine(tmp_path_factory, real_docs):
    settings = Settings(data_dir=tmp_path_factory.mktemp("statutes"))
    engine = Engine(settings)
    report = engine.ingest([real_docs], origin="path")
    assert report.ok and report.count("indexed") == 5
    return engine


@pytest.mark.parametrize("query", [
    "县级教育行政部门如何组织校长和教师在学校之间交流轮岗",
    "教师在学校之间流动",
])
def test_article_32_of_the_compulsory_education_law_is_in_the_top_3(statutes_engine, query):
    hits = statutes_engine.search(query, k=3)
    found = [(h.chunk.metadata.get("source_name"), h.chunk.article) for h in hits]
    assert ("compulsory-education-law-2018.zh.md", "第三十二条") in found, found


def test_each_article_keeps_its_chapter(statutes_engine):
    hits = statutes_engine.search("义务教育经费 单列 农村学校 倾斜", k=5)
    art45 = [h for h in hits if h.chunk.article == "第四十五条"]
    assert art45 and art45[0].chunk.section == "第六章 经费保障"

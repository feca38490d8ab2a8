"""A statement that is our commentary on a law, policy or standard is cited as such: the section
and "our commentary (not the document's text)", never as the document's own words (session 10's
readers: advice about 县管校聘 cited to 教督〔2017〕6号, the limits of basic balance to 教督〔2012〕3号)."""

from __future__ import annotations

from assistant.answer.statement_cite import as_commentary, is_commentary
from assistant.documents import Citation
from assistant.knowledge.index import Located
from assistant.knowledge.statements import Statement

POLICY = {"doc_type": "policy", "commentary": ["Why small and boarding schools get extra funds"]}


def _located(kind: str, doc_type: str, section: str, metadata: dict | None = None) -> Located:
    statement = Statement(id="x", kind=kind, text="A sentence.", text_zh="一句话。", source="doc",
                          locator=section)
    return Located(statement, doc_type, "Title", "标题", section, None, "", metadata or {})


def _citation(section: str, article: str | None = None, doc_type: str = "policy") -> Citation:
    return Citation(doc_id="doc", chunk_id="doc-1", title="Title", text="…", doc_type=doc_type,
                    section=section, article=article)


def test_a_statement_in_a_section_marked_commentary_is_commentary_whatever_its_kind():
    for kind in ("finding", "fact", "duty"):
        assert is_commentary(_located(kind, "policy", "Why small and boarding schools get extra funds",
                                      POLICY))


def test_the_document_s_own_sections_are_not_commentary():
    assert not is_commentary(_located("finding", "policy", "What it requires", POLICY))
    assert not is_commentary(_located("fact", "standard", "Veto items (一票否决)"))


def test_a_finding_under_a_law_s_article_stays_commentary():
    assert is_commentary(_located("finding", "law", "Article 31"))
    assert not is_commentary(_located("duty", "law", "Article 31"))


def test_commentary_is_labelled_in_the_reader_s_language():
    located = _located("finding", "policy", "Why small and boarding schools get extra funds", POLICY)
    [english] = as_commentary([_citation("Why small and boarding schools get extra funds")],
                              located, "en")
    assert english.locator == ("Why small and boarding schools get extra funds, our commentary "
                               "(not the document's text)")
    [chinese] = as_commentary([_citation("为什么小规模学校和寄宿制学校多拨经费")], located, "zh")
    assert chinese.locator_in("zh") == "为什么小规模学校和寄宿制学校多拨经费，本库评注（非原文）"


def test_a_law_article_s_commentary_says_it_is_not_the_article():
    located = _located("finding", "law", "Article 31 (第三十一条)")
    [citation] = as_commentary([_citation("Article 31 (第三十一条)", "Article 31", "law")],
                               located, "en")
    assert citation.article is None and "not the article's text" in citation.locator


def test_a_research_finding_is_cited_to_the_analysis_that_reports_it(ask):
    # session 10's readers: the 2012–2014 third-party evaluation was cited to 教督〔2012〕3号
    result = ask("What did the 2012-2014 third-party evaluation find about input and quality gaps?")
    assert "third-party evaluation" in result.text
    assert result.citations and all(c.doc_type == "analysis" for c in result.citations), \
        [(c.doc_id, c.locator) for c in result.citations]


"""The engine end to end on the mini corpus: ingest, incremental updates, bad input, search."""

from pathlib import Path

import pytest

from assistant.engine import Engine, IngestBusy
from assistant.ingest.sentences import chunk_sentences
from assistant.langchain_retriever import HybridRetriever
from assistant.retrieval import SearchFilters


class CountingEncoder:
    """Wraps the embedder to count how many texts are embedded."""

    def __init__(self, engine: Engine) -> None:
        self.inner = engine.stores.embedder
        self.texts = 0
        self.dimension = self.inner.dimension

    def encode(self, texts, show_progress=False):
        self.texts += len(texts)
        return self.inner.encode(texts)

    def encode_query(self, text):
        return self.inner.encode_query(text)


def test_ingest_then_search_finds_the_article(mini_engine):
    report = mini_engine.ingest()
    assert report.ok and report.count("indexed") == 2
    hits = mini_engine.search("which department allocates teaching staff evenly across schools", k=3)
    assert hits[0].chunk.doc_id == "mini-law"
    assert hits[0].chunk.article == "Article 32"
    assert hits[0].chunk.metadata["doc_number"] == "Test No. 1"
    status = mini_engine.status()
    assert (status.documents, status.chunks, status.vectors) == (2, status.chunks, status.chunks)
    assert status.keyword_chunks == status.chunks


def test_unchanged_files_cost_no_embedding_and_changes_replace_chunks(mini_engine, mini_corpus):
    mini_engine.ingest()
    counter = CountingEncoder(mini_engine)
    mini_engine.stores.embedder = counter
    again = mini_engine.ingest()
    assert again.count("unchanged") == 2 and counter.texts == 0

    case = mini_corpus / "cases" / "mini-case.md"
    case.write_text(case.read_text().replace("fifteen percent", "twenty percent"))
    changed = mini_engine.ingest()
    assert changed.count("indexed") == 1 and changed.count("unchanged") == 1
    chunks = mini_engine.document_chunks("mini-case")  # its chunks and their sentences, once each
    sentences = {s for c in chunks for s in chunk_sentences(c.text)}
    assert counter.texts == len(chunks) + len(sentences)
    texts = " ".join(c.text for c in mini_engine.document_chunks("mini-case"))
    assert "twenty percent" in texts and "fifteen percent" not in texts
    assert mini_engine.status().vectors == mini_engine.status().chunks


def test_removed_files_lose_their_chunks(mini_engine, mini_corpus):
    mini_engine.ingest()
    (mini_corpus / "cases" / "mini-case.md").unlink()
    report = mini_engine.ingest()
    assert report.count("removed") == 1
    assert mini_engine.document("mini-case") is None
    assert all(h.chunk.doc_id != "mini-case" for h in mini_engine.search("county pool rural", k=10))
    assert mini_engine.status().vectors == mini_engine.status().chunks


def test_bad_files_are_reported_by_name_and_nothing_indexed_is_lost(mini_engine, tmp_path):
    mini_engine.ingest()
    before = mini_engine.status().chunks
    bad = tmp_path / "incoming"
    bad.mkdir()
    (bad / "empty.md").write_text("")
    (bad / "random.pdf").write_bytes(bytes(range(256)) * 20)
    (bad / "broken.md").write_text("---\ntitle: [oops\n---\nText")
    (bad / "notice-gb.txt").write_bytes("县级人民政府应当保障农村教师工资。".encode("gb18030"))
    report = mini_engine.ingest([bad], origin="upload")
    failures = {Path(r.path).name: r.reason for r in report.failures}
    assert set(failures) == {"empty.md", "random.pdf", "broken.md"}
    assert "empty" in failures["empty.md"]
    assert "PDF" in failures["random.pdf"]
    assert "front matter" in failures["broken.md"]
    assert report.count("indexed") == 1
    assert mini_engine.status().chunks == before + 1
    assert mini_engine.document("mini-law") is not None
    hits = mini_engine.search("农村教师工资", k=3)
    assert any(h.chunk.metadata.get("source_name") == "notice-gb.txt" for h in hits)


def test_duplicate_ids_are_refused(mini_engine, mini_corpus):
    copy = mini_corpus / "laws" / "copy.md"
    copy.write_text((mini_corpus / "laws" / "mini-law.md").read_text())
    report = mini_engine.ingest()
    assert len(report.failures) == 1 and "already used" in report.failures[0].reason


def test_filters_limit_both_rankers(mini_engine):
    mini_engine.ingest()
    hits = mini_engine.search("teachers rotation rural", k=10, filters=SearchFilters(doc_types=["case"]))
    assert hits and {h.chunk.doc_id for h in hits} == {"mini-case"}
    assert mini_engine.search("teachers", k=5, filters=SearchFilters(year_min=2030)) == []
    zh = mini_engine.search("教师交流轮岗", k=5, filters=SearchFilters(languages=["zh"]))
    assert zh and all(h.chunk.language == "zh" for h in zh)


def test_chinese_query_is_expanded_through_the_glossary(mini_engine):
    mini_engine.ingest()
    hits = mini_engine.search("薄弱学校", k=3)  # no Chinese chunk says 薄弱学校; the glossary bridges
    assert hits and hits[0].chunk.article == "Article 45"
    assert hits[0].dense_rank is not None


def test_orphan_vectors_from_a_crash_are_invisible_and_reconciled(mini_engine):
    mini_engine.ingest()
    chunk = mini_engine.document_chunks("mini-law")[0]
    from dataclasses import replace

    import numpy as np

    ghost = replace(chunk, chunk_id="ghost:0001")
    mini_engine.stores.vectors.upsert([ghost], np.stack([mini_engine.stores.embedder.encode_query(chunk.text)]))
    assert mini_engine.stores.vectors.count() == mini_engine.status().chunks + 1
    hits = mini_engine.search(chunk.text, k=10)
    assert all(h.chunk.chunk_id != "ghost:0001" for h in hits)
    repairs = mini_engine.reconcile()
    assert repairs["orphan_vectors_removed"] == 1
    assert mini_engine.stores.vectors.count() == mini_engine.status().chunks


def test_missing_vectors_are_restored_from_the_catalog_without_the_model(mini_engine):
    mini_engine.ingest()
    ids = mini_engine.stores.catalog.chunk_ids()[:2]
    mini_engine.stores.vectors.delete(ids)
    assert mini_engine.reconcile()["missing_vectors_added"] == 2
    assert set(ids) <= set(mini_engine.stores.vectors.ids())


def test_a_second_ingest_waits_or_says_why(mini_engine):
    with mini_engine.indexer.ingest_lock(), pytest.raises(IngestBusy):
        mini_engine.ingest(wait=False)


def test_langchain_retriever_returns_documents_with_citation_metadata(mini_engine):
    mini_engine.ingest()
    docs = HybridRetriever(engine=mini_engine, k=2).invoke("teachers pay civil servants")
    assert docs[0].metadata["doc_id"] == "mini-law"
    assert docs[0].metadata["article"] == "Article 31"
    assert "civil-servant" in docs[0].page_content


def test_remove_document(mini_engine):
    mini_engine.ingest()
    assert mini_engine.remove_document("mini-case")
    assert not mini_engine.remove_document("mini-case")
    assert mini_engine.status().documents == 1

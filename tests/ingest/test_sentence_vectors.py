"""Sentence vectors are computed at ingest with their chunk, reconciled like the rest of the
index, and an answer embeds nothing but its query (issue 12)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.sentence_vectors import STATEMENT_OWNER, sentence_key
from assistant.ingest.sentences import chunk_sentences, statement_texts


class RecordingEmbedder:
    """Wraps the embedder to record what is embedded, and through which door."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.dimension = inner.dimension
        self.model_path = inner.model_path
        self.passages: list[str] = []   # encode(): passages and sentences
        self.queries: list[str] = []    # encode_query(): queries

    def encode(self, texts, show_progress=False):
        self.passages += list(texts)
        return self.inner.encode(texts)

    def encode_query(self, text):
        self.queries.append(text)
        return self.inner.encode_query(text)


def _stored_keys(engine, chunk) -> list[str]:
    return [sentence_key(engine.model_path, text) for text in chunk_sentences(chunk.text)]


def test_ingest_stores_the_vector_of_every_quotable_sentence_with_its_chunk(mini_engine):
    assert mini_engine.ingest().ok
    store = mini_engine.sentence_vectors()
    chunks = [c for d in mini_engine.documents() for c in mini_engine.document_chunks(d.doc_id)]
    keys = [k for c in chunks for k in _stored_keys(mini_engine, c)]
    assert keys, "the mini corpus has English sentences"
    found = store.get(keys)
    assert set(found) == set(keys)
    text = chunk_sentences(chunks[0].text)[0]
    expected = mini_engine.encode([text])[0]
    assert np.allclose(found[sentence_key(mini_engine.model_path, text)], expected, atol=1e-5)


def test_a_changed_file_replaces_its_sentence_vectors_and_a_removed_one_drops_them(
        mini_engine, mini_corpus):
    mini_engine.ingest()
    case = mini_corpus / "cases" / "mini-case.md"
    before = [k for c in mini_engine.document_chunks("mini-case")
              for k in _stored_keys(mini_engine, c)]
    case.write_text(case.read_text().replace("fifteen percent", "twenty percent"))
    mini_engine.ingest()
    after = [k for c in mini_engine.document_chunks("mini-case")
             for k in _stored_keys(mini_engine, c)]
    gone = set(before) - set(after)
    assert gone and not mini_engine.sentence_vectors().get(sorted(gone))
    assert set(mini_engine.sentence_vectors().get(after)) == set(after)
    case.unlink()
    mini_engine.ingest()
    assert not mini_engine.sentence_vectors().get(after)


def test_reconcile_embeds_what_an_older_index_lacks_and_drops_orphans(mini_engine):
    mini_engine.ingest()
    catalog = mini_engine.stores.catalog
    count = mini_engine.sentence_vectors().count()
    chunk = mini_engine.document_chunks("mini-law")[0]
    with catalog.database.begin() as db:  # an index from before sentence vectors were kept
        db.exec_driver_sql("DELETE FROM sentence_vectors WHERE owner = ?", (chunk.chunk_id,))
        db.exec_driver_sql("INSERT INTO sentence_vectors VALUES ('gone:0001', 'k', x'00')")
    assert catalog.chunks_without_sentence_vectors() == [chunk.chunk_id]
    repairs = mini_engine.doctor()["repairs"]
    assert repairs["chunks_sentences_embedded"] == 1
    assert repairs["orphan_sentence_vectors_removed"] == 1
    assert mini_engine.sentence_vectors().count() == count
    assert mini_engine.reconcile()["chunks_sentences_embedded"] == 0


def test_statement_vectors_follow_the_statements(corpus_engine):
    texts = statement_texts(corpus_engine.settings.corpus_dirs)
    assert texts, "the corpus has knowledge statements"
    keys = [sentence_key(corpus_engine.model_path, text) for text in texts]
    store = corpus_engine.sentence_vectors()
    assert set(store.get(keys)) == set(keys)
    catalog = corpus_engine.stores.catalog
    # a statement that is gone from the knowledge files loses its vector at the next reconcile
    catalog.put_sentence_vectors([(STATEMENT_OWNER, "stale-statement", np.zeros(3, np.float32))])
    repairs = corpus_engine.reconcile()
    assert repairs["statement_vectors_removed"] == 1 and repairs["statement_vectors_added"] == 0
    assert "stale-statement" not in catalog.sentence_keys(STATEMENT_OWNER)


@pytest.mark.parametrize("question", [
    "Which measures have counties used to keep good teachers in rural schools?",
    "What does the Compulsory Education Law require county governments to do about weak schools?",
    "How is the between-school coefficient of variation calculated?",
])
def test_an_answer_embeds_nothing_but_its_query(corpus_engine, corpus_settings, question,
                                                monkeypatch):
    from assistant.answer import answer, scoring
    from assistant.knowledge import index as knowledge_index

    # forget what earlier tests left in this process's memory: vectors must come from the index
    monkeypatch.setattr(scoring, "SENTENCE_EMBEDDINGS", scoring.SentenceEmbeddings())
    monkeypatch.setattr(knowledge_index, "_indexes", {})
    recorder = RecordingEmbedder(corpus_engine.stores.embedder)
    monkeypatch.setattr(corpus_engine.stores, "_embedder", recorder)
    result = answer(question, engine=corpus_engine, settings=corpus_settings, use_llm=False)
    assert result.text
    assert recorder.queries, "the query is embedded"
    assert recorder.passages == [], f"embedded at answer time: {recorder.passages[:3]}"

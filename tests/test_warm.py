"""The warm-up loads and computes nothing: the sentence and statement vectors came with the
index, so loading what answers need embeds no text but the two warm-up queries (issue 12)."""

from __future__ import annotations

from assistant.warm import load_for_answers


def test_warming_up_embeds_nothing_but_its_queries(corpus_engine, monkeypatch):
    from assistant.answer import scoring
    from assistant.knowledge import index as knowledge_index

    monkeypatch.setattr(scoring, "SENTENCE_EMBEDDINGS", scoring.SentenceEmbeddings())
    monkeypatch.setattr(knowledge_index, "_indexes", {})  # the statements load again
    embedded: list[str] = []
    inner = corpus_engine.stores.embedder

    class Recording:
        dimension, model_path = inner.dimension, inner.model_path

        def encode(self, texts, show_progress=False):
            embedded.extend(texts)
            return inner.encode(texts)

        def encode_query(self, text):
            return inner.encode_query(text)

    monkeypatch.setattr(corpus_engine.stores, "_embedder", Recording())
    load_for_answers(corpus_engine)
    assert knowledge_index._indexes, "the statements were loaded"
    index = next(iter(knowledge_index._indexes.values()))[1]
    assert index._postings is not None, "their words were indexed for the first answer"
    assert embedded == []

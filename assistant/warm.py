"""Loading what answers need before the first question: the embedding model, the keyword index,
jieba, the answer pipeline's modules and the knowledge statements (with their words indexed for
term look-ups). Nothing is embedded: the sentence and statement vectors come with the index
(``assistant/index/sentence_vectors.py``).
Used by the app's background warm-up and by ``assistant serve --index`` before it serves."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.engine import Engine


def load_for_answers(engine: Engine) -> None:
    """Load (once per process) everything the first answer would otherwise wait for."""
    engine.search("balanced development of compulsory education", k=1)  # model, BM25, Chroma
    engine.search("义务教育均衡发展", k=1)                                   # jieba
    import assistant.answer  # noqa: F401  (the answer pipeline's own imports)
    from assistant.knowledge.index import statement_index

    # the statements' words indexed for term look-ups (tokenizing them is the one piece of
    # work here: a second or so that the first answer would otherwise wait for)
    statement_index(engine.settings.corpus_dirs).postings()

"""Which texts get a vector at ingest besides the chunk itself: the English sentences an answer
may quote from the chunk, and the English texts of the knowledge statements of the corpus
folders. With them in the catalog, an answer embeds nothing but its query.

What a quotable sentence is belongs to the answer layer (``assistant/answer/passages.py``); it is
imported inside the function, because ``assistant.answer`` imports the engine (which imports this
module) and only ``passages`` — a module with no import back into the index — is needed here.
"""

from __future__ import annotations

from pathlib import Path

from assistant.index.sentence_vectors import SENTENCE_CHARS


def chunk_sentences(text: str) -> list[str]:
    """The English sentences of a chunk an answer may quote, cut as they are embedded, once each
    (the model reads English only: Chinese sentences are scored by keywords)."""
    from assistant.answer.passages import passage_sentences

    return list(dict.fromkeys(s.text[:SENTENCE_CHARS] for s in passage_sentences(text)
                              if s.language == "en"))


def statement_texts(corpus_dirs: list[Path]) -> list[str]:
    """The English texts of the knowledge statements under ``<corpus>/knowledge``, cut as they are
    embedded, once each; unreadable entries are corpus-check's to report."""
    from assistant.knowledge.statements import load_statements

    texts: list[str] = []
    for corpus in corpus_dirs:
        if (Path(corpus) / "knowledge").is_dir():
            texts += [s.text[:SENTENCE_CHARS] for s in load_statements(Path(corpus))[0] if s.text]
    return list(dict.fromkeys(texts))

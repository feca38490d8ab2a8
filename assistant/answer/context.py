"""What every route needs to know about a question: its terms, language, filters and the index."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.terms import Term, TermStats, content_terms, term_stats
from assistant.config import Settings
from assistant.documents import Hit
from assistant.glossary import GlossaryEntry
from assistant.language import detect_language
from assistant.retrieval import SearchFilters

if TYPE_CHECKING:
    from assistant.engine import Engine

FOCUS_EMPHASIS = 3.0


@dataclass
class Context:
    engine: Engine
    settings: Settings
    question: str             # after follow-up resolution
    language: str             # the question's language, "en" or "zh"
    filters: SearchFilters
    glossary: list[GlossaryEntry] = field(default_factory=list)
    focus: str | None = None  # a follow-up's own words, weighted over those carried over

    @classmethod
    def build(cls, engine: Engine, settings: Settings, question: str,
              filters: SearchFilters | None, focus: str | None = None) -> Context:
        return cls(engine=engine, settings=settings, question=question,
                   language=detect_language(question), filters=filters or SearchFilters(),
                   glossary=engine.glossary.find_in(question), focus=focus)

    @cached_property
    def stats(self) -> TermStats:
        return term_stats(self.engine)

    @cached_property
    def terms(self) -> list[Term]:
        """The question's content terms, plus the names of its glossary terms in the other
        languages the answer may quote, so that those passages can be scored against it."""
        other = [lang for lang in (*self.answer_languages, "en") if lang != self.language]
        names = [e.en if lang == "en" else e.zh for lang in other for e in self.glossary]
        terms = content_terms(" ".join([self.question, *names]))
        if self.focus:
            own = {t.text for t in content_terms(self.focus)}
            terms = [replace(t, emphasis=FOCUS_EMPHASIS) if t.text in own else t for t in terms]
        return terms

    @cached_property
    def dense_query(self) -> str | None:
        """The text the English-only model can embed: the question, or for a Chinese question
        the English glossary names of its terms; None when there is nothing readable."""
        dense = self.engine.glossary.expand(self.question).dense_query
        return dense if detect_language(dense) == "en" else None

    @cached_property
    def query_vector(self) -> np.ndarray | None:
        return None if self.dense_query is None else self.engine.encode_query(
            self.dense_query)

    @property
    def answer_languages(self) -> list[str]:
        """Passage languages the answer may quote, in order of preference."""
        if self.filters.languages:
            return list(self.filters.languages)
        return ["zh", "en"] if self.language == "zh" else ["en"]

    def search(self, query: str | None = None, k: int = 10, *,
               languages: list[str] | None = None, doc_ids: list[str] | None = None) -> list[Hit]:
        filters = self.filters
        if languages is not None:
            filters = replace(filters, languages=languages)
        if doc_ids is not None:
            filters = replace(filters, doc_ids=doc_ids)
        return self.engine.search(query or self.question, k=k, filters=filters)

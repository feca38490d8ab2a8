"""Statements found for a question: keyword coverage (IDF-weighted, English and Chinese) and,
where the question has an English reading, cosine similarity of the statement's English text.

    score = COVER · coverage + (1 − COVER) · min(1, cosine / DENSE_SCALE)   (with a query vector)
          = coverage                                                       (without)

Statements are short, so a statement that holds the question's rare terms is about the question;
the English text also gives the English-only model a handle on Chinese questions (through the
glossary's English names of their terms).
"""

from __future__ import annotations

import logging
import threading
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.knowledge.checks import document_context, source_text
from assistant.knowledge.comparisons import Comparison, load_comparisons
from assistant.knowledge.explanations import Explanation, load_explanations
from assistant.knowledge.statements import Statement, load_statements

_LOG = logging.getLogger(__name__)

if TYPE_CHECKING:
    from assistant.answer.terms import Term, TermStats

COVER = 0.6
DENSE_SCALE = 0.6
LEGAL_STRENGTH = {"law": 0, "regulation": 1, "policy": 2, "standard": 3, "case": 4, "analysis": 5}


@dataclass(frozen=True)
class Located:
    """A statement with what citing it needs: its document's type and title, and the titles of
    the English section and of its Chinese mirror (the last element of a chunk's section path)."""

    statement: Statement
    doc_type: str
    title: str
    title_zh: str
    section: str
    section_zh: str | None
    search_text: str
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def strength(self) -> int:
        """Law first, then regulation, policy, standard, case, analysis."""
        return LEGAL_STRENGTH.get(self.doc_type, 9)


@dataclass(frozen=True)
class Found:
    located: Located
    score: float
    coverage: float

    @property
    def statement(self) -> Statement:
        return self.located.statement


class StatementIndex:
    """Every statement of the corpus folders, located in its document."""

    def __init__(self, located: list[Located], explanations: list[Explanation] | None = None,
                 comparisons: list[Comparison] | None = None) -> None:
        self.located = located
        self.by_id = {item.statement.id: item for item in located}
        self.position = {item.statement.id: n for n, item in enumerate(located)}
        # only explanations whose every statement can be cited
        self.explanations = [e for e in explanations or []
                             if all(ident in self.by_id for ident in e.statement_ids)]
        self.comparisons = [c for c in comparisons or []
                            if all(ident in self.by_id for ident in c.statement_ids)]
        self.lowered = [item.search_text.lower() for item in located]  # for name look-ups
        self._vectors: np.ndarray | None = None
        self._matches: dict[tuple, np.ndarray] = {}
        self._postings: _Postings | None = None
        self._mentions: dict[tuple[str, ...], int] = {}
        self._filters: dict[tuple, np.ndarray] = {}
        self._strength: np.ndarray | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, corpus_dirs: list[Path]) -> StatementIndex:
        from assistant.corpus_documents import load_documents

        located: list[Located] = []
        explanations: list[Explanation] = []
        comparisons: list[Comparison] = []
        for corpus in corpus_dirs:
            if not (corpus / "knowledge").is_dir():
                continue
            explanations += load_explanations(corpus)[0]
            loaded, problems = load_comparisons(corpus)
            comparisons += loaded
            for where, problem in problems:  # the others still load; corpus-check lists these
                _LOG.warning("comparisons.yaml: entry %s left out: %s", where, problem)
            documents, _ = load_documents(corpus)
            docs = {d.id: d for d in documents}
            statements, _ = load_statements(corpus)
            bodies = {d.id: d.body for d in documents}
            contexts = {d.id: document_context(d.metadata) for d in documents}
            for statement in statements:
                found = source_text(statement, bodies, contexts)
                doc = docs.get(statement.source)
                if found is None or doc is None:
                    continue  # corpus-check reports it; an answer never cites what it can't open
                meta = doc.metadata
                words = " ".join([statement.text, statement.text_zh, *statement.subjects,
                                  *statement.topics, str(meta.get("title", "")),
                                  str(meta.get("title_zh", "")), str(meta.get("region", ""))])
                located.append(Located(
                    statement=statement, doc_type=str(meta.get("doc_type", "")),
                    title=str(meta.get("title", statement.source)),
                    title_zh=str(meta.get("title_zh") or meta.get("title", "")),
                    section=found.english.title,
                    section_zh=found.chinese.title if found.chinese else None,
                    search_text=words, metadata=dict(meta)))
        return cls(located, explanations, comparisons)

    def vectors(self, embedder, store=None) -> np.ndarray:
        """The English texts' vectors (computed once; kept in the sentence store on disk)."""
        from assistant.answer.scoring import SENTENCE_EMBEDDINGS

        with self._lock:
            if self._vectors is None:
                texts = [item.statement.text for item in self.located]
                self._vectors = (SENTENCE_EMBEDDINGS.encode(embedder, texts, store=store)
                                 if texts else np.zeros((0, 1), dtype=np.float32))
            return self._vectors

    def search(self, terms: list[Term], stats: TermStats, *,
               query_vector: np.ndarray | None = None, vectors: np.ndarray | None = None,
               kinds: tuple[str, ...] | None = None, actors: tuple[str, ...] | None = None,
               area: str | None = None, cases: tuple[str, ...] | None = None,
               sources: tuple[str, ...] | None = None, filters=None,
               limit: int = 20) -> list[Found]:
        """Statements that match the filters and share at least one term, best first.
        ``filters`` (a ``SearchFilters``) keeps to the documents a search would keep to."""
        if filters is not None and filters.is_empty():
            filters = None  # admits every document: not asked for each statement
        total = sum(stats.weight(t) for t in terms) or 1.0
        cover = np.zeros(len(self.located))
        for term in terms:
            cover += stats.weight(term) * self._matching(term)
        cover /= total
        cosine = None
        if query_vector is not None and vectors is not None and len(vectors) == len(self.located):
            cosine = vectors @ query_vector
        keep = cover > 0 if not (cases or sources) else np.ones(len(self.located), dtype=bool)
        if kinds:
            keep &= self._where("kind", lambda s: s.kind in kinds, kinds)
        if actors:
            keep &= self._where("actor", lambda s: any(a in actors for a in s.actors), actors)
        if area:
            keep &= self._where("area", lambda s: not (s.area and s.area != area), area)
        if cases:
            keep &= self._where("case", lambda s: s.case in cases, cases)
        if sources:
            keep &= self._where("source", lambda s: s.source in sources, sources)
        positions = np.flatnonzero(keep)
        if filters is not None:
            positions = np.array([p for p in positions if filters.admits(
                self.located[p].statement.source, self.located[p].metadata)], dtype=np.intp)
        scores = cover[positions]
        if cosine is not None:  # the same float operations as one statement at a time
            dense = np.minimum(1.0, np.maximum(0.0, cosine[positions].astype(np.float64))
                               / DENSE_SCALE)
            scores = COVER * scores + (1 - COVER) * dense
        # best first, the stronger source first among equals, then in corpus order (stable)
        order = np.lexsort((self._strengths()[positions], -scores))[:limit]
        return [Found(self.located[positions[i]], float(scores[i]), float(cover[positions[i]]))
                for i in order]

    def _where(self, field: str, keeps, values) -> np.ndarray:
        """Which statements ``keeps`` (a test on one statement) keeps; kept per field and
        values when the values can be a key (the same kinds and areas are asked every time)."""
        try:
            key = (field, values)
            cached = self._filters.get(key)
        except TypeError:  # a list: tested now
            key, cached = None, None
        if cached is None:
            cached = np.fromiter((bool(keeps(item.statement)) for item in self.located),
                                 dtype=bool, count=len(self.located))
            if key is not None:
                with self._lock:
                    if len(self._filters) > 4096:
                        self._filters.clear()
                    self._filters[key] = cached
        return cached

    def _strengths(self) -> np.ndarray:
        if self._strength is None:
            self._strength = np.array([item.strength for item in self.located], dtype=np.int64)
        return self._strength

    def _matching(self, term: Term) -> np.ndarray:
        """1.0 for each statement whose words hold ``term`` (or a synonym), else 0.0, by the
        answer layer's rule (``assistant.answer.terms.matches``: a Chinese form is a substring
        of the words, an English form one of their tokens), read from the postings instead of
        testing every statement; kept per term, since the same words come back in question
        after question."""
        key = (term.text, term.chinese, term.alternatives)
        cached = self._matches.get(key)
        if cached is None:
            postings = self.postings()
            cached = np.zeros(len(self.located))
            for form in term.forms:
                cached[postings.substring(form) if term.chinese else postings.token(form)] = 1.0
            with self._lock:
                if len(self._matches) > 20_000:
                    self._matches.clear()
                self._matches[key] = cached
        return cached

    def mentioning(self, names: tuple[str, ...]) -> int:
        """How many statements' words (lower case) contain one of ``names``; kept per names,
        since the same glossary terms come back in question after question."""
        count = self._mentions.get(names)
        if count is None:
            count = sum(1 for text in self.lowered if any(n in text for n in names))
            with self._lock:
                if len(self._mentions) > 20_000:
                    self._mentions.clear()
                self._mentions[names] = count
        return count

    def postings(self) -> _Postings:
        """Where each token and each substring of the statements' words occurs (built once)."""
        with self._lock:
            if self._postings is None:
                self._postings = _Postings([item.search_text for item in self.located])
            return self._postings


class _Postings:
    """The statements' words indexed for ``matches``: the positions of the statements holding
    each BM25 token, and every statement's words joined into one text (with a separator no
    form contains) in which a substring is found with ``str.find`` rather than tested in each
    statement."""

    SEPARATOR = "\x00"

    def __init__(self, texts: list[str]) -> None:
        from assistant.answer.terms import token_set  # the answer layer's tokens

        by_token: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            for token in token_set(text):
                by_token.setdefault(token, []).append(position)
        self.by_token = {token: np.array(found, dtype=np.intp)
                         for token, found in by_token.items()}
        self.starts: list[int] = []
        offset = 0
        for text in texts:
            self.starts.append(offset)
            offset += len(text) + len(self.SEPARATOR)
        self.joined = self.SEPARATOR.join(texts)

    def token(self, form: str) -> np.ndarray:
        """Positions of the statements whose tokens include ``form``."""
        return self.by_token.get(form, np.zeros(0, dtype=np.intp))

    def substring(self, form: str) -> np.ndarray:
        """Positions of the statements whose words contain ``form``."""
        if not form or self.SEPARATOR in form:  # never the case for a term: kept exact anyway
            return np.array([i for i, start in enumerate(self.starts)
                             if form in self._text(i)], dtype=np.intp)
        found: list[int] = []
        at = self.joined.find(form)
        while at >= 0:
            position = bisect_right(self.starts, at) - 1
            found.append(position)
            # the next statement's words: one statement counts once, however often it says it
            following = position + 1
            at = self.joined.find(form, self.starts[following]) \
                if following < len(self.starts) else -1
        return np.array(found, dtype=np.intp)

    def _text(self, position: int) -> str:
        end = self.starts[position + 1] - len(self.SEPARATOR) \
            if position + 1 < len(self.starts) else len(self.joined)
        return self.joined[self.starts[position]:end]


_indexes: dict[tuple[str, ...], tuple[tuple[float, ...], StatementIndex, float]] = {}
_indexes_lock = threading.Lock()
RECHECK_S = 2.0  # how often the files are looked at again: an answer asks several times


def statement_index(corpus_dirs: list[Path]) -> StatementIndex:
    """The statements of ``corpus_dirs``, reloaded when a knowledge file or document changes."""
    key = tuple(str(p) for p in corpus_dirs)
    with _indexes_lock:
        cached = _indexes.get(key)
        if cached and time.monotonic() - cached[2] < RECHECK_S:
            return cached[1]
        stamp = tuple(p.stat().st_mtime for corpus in corpus_dirs
                      for folder in ("knowledge", "laws", "policies", "standards", "cases",
                                     "analysis")
                      if (corpus / folder).is_dir() for p in sorted((corpus / folder).iterdir()))
        index = cached[1] if cached and cached[0] == stamp else StatementIndex.load(corpus_dirs)
        _indexes[key] = (stamp, index, time.monotonic())
        return index

"""What an evaluation measures, question by question and system by system: the results the runner
(``assistant.evaluation.runner``) produces and the report (``assistant.evaluation.report``)
renders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.evaluation import metrics as m
from assistant.evaluation.dataset import EvalItem
from assistant.evaluation.readability import Readability

FAIL_K = 5  # a question "fails" retrieval when no expected document is in the top 5


@dataclass
class RetrievalResult:
    item: EvalItem
    ranked: list[str]  # distinct documents, best first, at most k

    def hit(self, k: int) -> float:
        return m.hit_at_k(self.ranked, self.item.expected_docs, k)

    def fraction(self, k: int) -> float:
        return m.fraction_found_at_k(self.ranked, self.item.expected_docs, k)

    @property
    def reciprocal_rank(self) -> float:
        return m.reciprocal_rank(self.ranked, self.item.expected_docs)

    def ndcg(self, k: int) -> float:
        return m.ndcg_at_k(self.ranked, self.item.expected_docs, k)


@dataclass
class RetrievalScores:
    """Means over a set of questions (None when the set is empty). The ``*_at_10`` fields hold
    the values at the run's ``k``, which is 10 unless ``--k`` says otherwise."""

    n: int
    recall_at_5: float | None
    recall_at_10: float | None
    fraction_at_5: float | None
    fraction_at_10: float | None
    mrr: float | None
    ndcg_at_10: float | None

    @classmethod
    def of(cls, results: Sequence[RetrievalResult], k: int) -> RetrievalScores:
        return cls(n=len(results),
                   recall_at_5=m.mean(r.hit(5) for r in results),
                   recall_at_10=m.mean(r.hit(k) for r in results),
                   fraction_at_5=m.mean(r.fraction(5) for r in results),
                   fraction_at_10=m.mean(r.fraction(k) for r in results),
                   mrr=m.mean(r.reciprocal_rank for r in results),
                   ndcg_at_10=m.mean(r.ndcg(k) for r in results))


@dataclass
class SystemReport:
    name: str
    overall: RetrievalScores
    by_language: dict[str, RetrievalScores]
    results: list[RetrievalResult]
    seconds: float

    def failures(self, k: int = FAIL_K) -> list[RetrievalResult]:
        return [r for r in self.results if not r.hit(k)]


@dataclass
class AnswerResult:
    item: EvalItem
    abstained: bool
    route: str
    text: str
    cited_docs: list[str]
    fact_recall: float
    missing_facts: list[str]
    citations: m.CitationCheck
    latency_ms: float
    error: str = ""
    readability: Readability | None = None


@dataclass(frozen=True)
class ReadabilityCounts:
    """The automatic readability signs over a group of answered questions."""

    answered: int
    id_leaks: int
    dangling: int
    repeated: int
    language_mismatches: int
    key_fact_early: float | None
    restated: int = 0

    @classmethod
    def of(cls, results: list[AnswerResult]) -> ReadabilityCounts:
        signs = [r.readability for r in results if r.readability is not None and not r.abstained]
        early = [s.key_fact_early for s in signs if s.key_fact_early is not None]
        return cls(answered=len(signs), id_leaks=sum(bool(s.id_leaks) for s in signs),
                   dangling=sum(bool(s.dangling) for s in signs),
                   repeated=sum(bool(s.repeated) for s in signs),
                   language_mismatches=sum(s.language_mismatch for s in signs),
                   key_fact_early=m.mean(1.0 if e else 0.0 for e in early),
                   restated=sum(bool(s.restated) for s in signs))


@dataclass
class AnswerReport:
    results: list[AnswerResult]
    fact_recall: float | None
    fact_recall_by_language: dict[str, float | None]
    citation_validity: float | None
    abstention: m.AbstentionScores
    latency_p50_ms: float | None
    latency_p90_ms: float | None

    def readability_by(self, key: str) -> dict[str, ReadabilityCounts]:
        """Readability signs per ``language`` or per ``kind`` of question (in scope)."""
        groups: dict[str, list[AnswerResult]] = {}
        for result in self.results:
            if result.item.in_scope:
                groups.setdefault(getattr(result.item, key), []).append(result)
        return {name: ReadabilityCounts.of(rows) for name, rows in sorted(groups.items())}

    @property
    def readability(self) -> ReadabilityCounts:
        return ReadabilityCounts.of([r for r in self.results if r.item.in_scope])

    def unreadable(self) -> list[AnswerResult]:
        return [r for r in self.results if r.readability is not None and not r.abstained
                and r.item.in_scope and not r.readability.clean]

    def wrong_refusals(self) -> list[AnswerResult]:
        return [r for r in self.results if r.abstained and r.item.in_scope]

    def missed_abstentions(self) -> list[AnswerResult]:
        return [r for r in self.results if not r.abstained and r.item.out_of_scope]

    def citation_failures(self) -> list[AnswerResult]:
        return [r for r in self.results if not r.citations.valid or r.error]

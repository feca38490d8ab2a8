"""Runs the development set through the retrieval systems and the answer composer and scores them.

Retrieval metrics are computed on in-scope questions only (an out-of-scope question has no
document to find); answer metrics use every question, since abstaining on the out-of-scope ones
is part of answering well.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.citations import check_citations
from assistant.evaluation import metrics as m
from assistant.evaluation.dataset import (
    DEFAULT_DEVSET,
    EvalItem,
    corpus_documents,
    load_devset,
    validate_devset,
)
from assistant.evaluation.readability import assess
from assistant.evaluation.report import EvalReport
from assistant.evaluation.results import (
    AnswerReport,
    AnswerResult,
    RetrievalResult,
    RetrievalScores,
    SystemReport,
)
from assistant.evaluation.systems import (
    BM25System,
    DenseSystem,
    HybridSystem,
    LangChainSystem,
    RetrievalSystem,
)

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.engine import Engine

log = logging.getLogger(__name__)
Progress = Callable[[str], None]
IngestProgress = Callable[[int, int, str], None]


# -- running -----------------------------------------------------------------------------------


def evaluate_retrieval(system: RetrievalSystem, items: Sequence[EvalItem], k: int = 10,
                       progress: Progress | None = None) -> SystemReport:
    """Rank the in-scope ``items`` with ``system`` and score the top ``k`` distinct documents."""
    depth = max(k * 3, 30)  # chunks asked for, so ~k distinct documents survive de-duplication
    start = time.perf_counter()
    results = []
    for item in items:
        if item.out_of_scope:
            continue
        ranked = m.dedupe_docs(system.retrieve(item.question, depth))[:k]
        results.append(RetrievalResult(item, ranked))
    seconds = time.perf_counter() - start
    if progress:
        progress(f"{system.name}: {len(results)} questions in {seconds:.1f} s")
    languages = sorted({r.item.language for r in results})
    return SystemReport(
        name=system.name, overall=RetrievalScores.of(results, k),
        by_language={lang: RetrievalScores.of([r for r in results if r.item.language == lang], k)
                     for lang in languages},
        results=results, seconds=seconds)


def evaluate_answers(items: Sequence[EvalItem], answer_fn: Callable[[str], Any],
                     progress: Progress | None = None) -> AnswerReport:
    """Answer every item with ``answer_fn(question) -> Answer`` (offline) and score the answers.
    The first call is repeated untimed so model loading does not count as latency."""
    results: list[AnswerResult] = []
    if items:
        try:
            answer_fn(items[0].question)  # warm-up: loads models, caches the glossary
        except Exception as exc:  # noqa: BLE001 - the timed call reports it per question
            log.debug("warm-up answer failed: %s", exc)
    for number, item in enumerate(items, start=1):
        start = time.perf_counter()
        try:
            ans = answer_fn(item.question)
            error = ""
        except Exception as exc:  # noqa: BLE001 - one broken answer must not hide the rest
            ans, error = None, f"{type(exc).__name__}: {exc}"
        latency = (time.perf_counter() - start) * 1000
        results.append(_score_answer(item, ans, latency, error))
        if progress and number % 20 == 0:
            progress(f"answers: {number}/{len(items)}")
    in_scope = [r for r in results if r.item.in_scope]
    languages = sorted({r.item.language for r in in_scope})
    latencies = [r.latency_ms for r in results if not r.error]
    return AnswerReport(
        results=results,
        fact_recall=m.mean(r.fact_recall for r in in_scope),
        fact_recall_by_language={lang: m.mean(r.fact_recall for r in in_scope
                                              if r.item.language == lang) for lang in languages},
        citation_validity=m.mean(1.0 if r.citations.valid and not r.error else 0.0
                                 for r in results),
        abstention=m.abstention_scores([r.abstained for r in results],
                                       [r.item.out_of_scope for r in results]),
        latency_p50_ms=m.percentile(latencies, 50),
        latency_p90_ms=m.percentile(latencies, 90))


def _score_answer(item: EvalItem, ans: Any, latency_ms: float, error: str) -> AnswerResult:
    if ans is None:
        return AnswerResult(item, False, "error", "", [], 0.0, list(item.required_facts),
                            m.CitationCheck(), latency_ms, error or "no answer")
    text = str(getattr(ans, "text", "") or "")
    citations = list(getattr(ans, "citations", []) or [])
    abstained = bool(getattr(ans, "abstained", False))
    # Extractive (offline) answers must quote their passages; abstentions only list sources.
    passages = [str(getattr(c, "text", "")) for c in citations]
    claims = list(getattr(ans, "claims", []) or [])
    if claims and not abstained:
        # Composed answers say how each claim was made: check each by its own rule, and that
        # every marker in the text resolves.
        references = [c.reference() if hasattr(c, "reference") else "" for c in citations]
        check = m.check_claims(claims, passages, references)
        resolved = check_citations(text, passages, check_sentences=False)
        check.markers = resolved.markers
        check.problems += resolved.problems
    else:
        check = check_citations(text, passages, check_sentences=not abstained)
    return AnswerResult(
        item=item, abstained=abstained, route=str(getattr(ans, "route", "") or ""), text=text,
        cited_docs=m.dedupe_docs(str(getattr(c, "doc_id", "")) for c in citations),
        fact_recall=m.fact_recall(text, item.required_facts) if item.in_scope else 1.0,
        missing_facts=m.missing_facts(text, item.required_facts) if item.in_scope else [],
        citations=check, latency_ms=latency_ms, error=error,
        readability=assess(text, item.language, list(item.required_facts)))


def build_systems(engine: Engine, settings, *, baselines: bool = True,
                  progress: Progress | None = None) -> tuple[list[RetrievalSystem], list[str]]:
    """The hybrid system first, then the baselines; notes say which baseline could not run."""
    systems: list[RetrievalSystem] = [HybridSystem(engine)]
    notes: list[str] = []
    if not baselines:
        return systems, notes
    systems += [BM25System(engine), DenseSystem(engine)]
    documents = corpus_documents(settings.corpus_dirs)
    try:
        systems.append(LangChainSystem(settings, [d.path for d in documents.values()],
                                       {d.path: d.doc_id for d in documents.values()}, progress))
    except ImportError as exc:  # the recipe's packages are pinned, but say so if one is missing
        notes.append(f"LangChain baseline skipped: {exc}")
    return systems, notes


def run_evaluation(items: Sequence[EvalItem], engine, settings, *, k: int = 10,
                   baselines: bool = True, answers: bool = True,
                   progress: Progress | None = None) -> EvalReport:
    """The whole evaluation in one run: retrieval for every system, then offline answers."""
    systems, notes = build_systems(engine, settings, baselines=baselines, progress=progress)
    reports = [evaluate_retrieval(system, items, k, progress) for system in systems]
    answer_report = None
    if answers:
        answer_fn, note = _offline_answerer(engine, settings)
        if answer_fn is None:
            notes.append(note)
        else:
            answer_report = evaluate_answers(items, answer_fn, progress)
    languages: dict[str, int] = {}
    for item in items:
        languages[item.language] = languages.get(item.language, 0) + 1
    return EvalReport(k=k, questions=len(items), in_scope=sum(i.in_scope for i in items),
                      out_of_scope=sum(i.out_of_scope for i in items), languages=languages,
                      systems=reports, answers=answer_report, notes=notes)


def evaluate_devset(settings: Settings, devset: Path | None = None, *, k: int = 10,
                    baselines: bool = True, answers: bool = True, limit: int | None = None,
                    progress: Progress | None = None, warn: Progress | None = None,
                    ingest_progress: IngestProgress | None = None) -> EvalReport:
    """What ``assistant eval`` runs: load the development set (``DevsetError`` when it cannot be
    read), check it against the corpus (each problem to ``warn``, and a note in the report),
    bring the index up to date with the corpus (files that fail to index to ``warn``), then
    ``run_evaluation`` on the first ``limit`` questions."""
    from assistant.engine import open_engine

    warn = warn or (lambda message: None)
    items = load_devset(devset or DEFAULT_DEVSET)
    problems = validate_devset(items, corpus_documents(settings.corpus_dirs))
    for problem in problems:
        warn(f"development set: {problem}")
    if limit:
        items = items[:limit]
    engine = open_engine(settings)
    indexed = engine.ingest(progress=ingest_progress)  # incremental: the index must match
    for failure in indexed.failures:
        warn(f"could not index {failure.path}: {failure.reason}")
    result = run_evaluation(items, engine, settings, k=k, baselines=baselines, answers=answers,
                            progress=progress)
    if problems:
        result.notes.append(f"the development set has {len(problems)} validation problem(s); "
                            "run `pytest tests/evaluation` to see them")
    return result


def _offline_answerer(engine: Engine, settings) -> tuple[Callable[[str], Any] | None, str]:
    try:
        from assistant.answer import answer
    except ImportError as exc:
        return None, f"answer metrics skipped: the answer composer is not available ({exc})"

    def offline(question: str) -> Any:
        return answer(question, engine=engine, settings=settings, use_llm=False)

    return offline, ""

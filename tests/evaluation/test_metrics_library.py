"""The ranking metrics now come from trec_eval (ir-measures); on a small fixed run they give the
figures of the hand-written definitions they replaced, which are kept here as the reference."""

from __future__ import annotations

import math

import ir_measures
import pytest

from assistant.evaluation import metrics as m
from assistant.evaluation.dataset import EvalItem
from assistant.evaluation.results import RetrievalResult, RetrievalScores

# A fixed run: question -> (ranked distinct documents, expected documents). It covers a hit at
# rank 1, late hits, no hit, more expected documents than k, a single expected document, an
# empty ranking, and a question whose expected documents are not in the corpus.
RUN: dict[str, tuple[list[str], list[str]]] = {
    "q-top": (["law-a", "pol-b", "case-c", "ana-d"], ["law-a"]),
    "q-late": (["ana-d", "pol-x", "law-a", "pol-y", "case-c", "ana-z", "pol-b"],
               ["law-a", "case-c", "pol-b"]),
    "q-none": (["ana-d", "pol-x", "pol-y"], ["law-a"]),
    "q-many": (["pol-b", "ana-d", "law-a", "case-c", "std-e", "reg-f", "pol-g", "pol-h",
                "ana-i", "case-j", "law-k", "pol-l"],
               ["law-a", "pol-b", "case-c", "std-e", "reg-f", "law-k", "pol-z"]),
    "q-second": (["pol-x", "law-a"], ["law-a", "pol-b"]),
    "q-empty": ([], ["law-a"]),
    "q-absent": (["ana-d", "law-a"], ["not-in-corpus"]),
}
CUTOFFS = (1, 3, 5, 10)


# -- the hand-written definitions that were in assistant/evaluation/metrics.py ------------------

def hand_hit(ranked, expected, k):
    return 1.0 if any(doc in set(expected) for doc in ranked[:k]) else 0.0


def hand_fraction(ranked, expected, k):
    relevant = set(expected)
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def hand_rr(ranked, expected):
    for rank, doc in enumerate(ranked, start=1):
        if doc in set(expected):
            return 1.0 / rank
    return 0.0


def hand_ndcg(ranked, expected, k):
    relevant = set(expected)
    if not relevant:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 1) for i, doc in enumerate(ranked[:k], start=1)
              if doc in relevant)
    return dcg / sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))


@pytest.mark.parametrize("k", CUTOFFS)
@pytest.mark.parametrize("question", sorted(RUN))
def test_library_figures_equal_the_hand_written_ones(question, k):
    ranked, expected = RUN[question]
    scores = m.ranking_scores(ranked, expected, k)
    assert scores.hit == pytest.approx(hand_hit(ranked, expected, k), abs=1e-12)
    assert scores.fraction == pytest.approx(hand_fraction(ranked, expected, k), abs=1e-12)
    assert scores.ndcg == pytest.approx(hand_ndcg(ranked, expected, k), abs=1e-12)
    assert m.reciprocal_rank(ranked, expected) == pytest.approx(hand_rr(ranked, expected),
                                                                abs=1e-12)


def test_the_means_of_a_report_are_unchanged_on_the_fixed_run():
    """What a report prints (RetrievalScores) from the library equals the hand-written means,
    worked out here by hand for two of them so the reference itself is checked."""
    results = [RetrievalResult(EvalItem(id=q, question=q, language="en", kind="lookup",
                                        expected_docs=tuple(exp)), ranked)
               for q, (ranked, exp) in RUN.items()]
    scores = RetrievalScores.of(results, k=10)
    n = len(RUN)
    assert scores.recall_at_5 == pytest.approx(sum(hand_hit(r, e, 5) for r, e in RUN.values()) / n)
    assert scores.fraction_at_10 == pytest.approx(
        sum(hand_fraction(r, e, 10) for r, e in RUN.values()) / n)
    assert scores.mrr == pytest.approx(sum(hand_rr(r, e) for r, e in RUN.values()) / n)
    assert scores.ndcg_at_10 == pytest.approx(
        sum(hand_ndcg(r, e, 10) for r, e in RUN.values()) / n)
    # by hand: hits in the top 5 for q-top, q-late, q-many, q-second -> 4 of 7
    assert scores.recall_at_5 == pytest.approx(4 / 7)
    # by hand: 1 + 1/3 + 0 + 1 + 1/2 + 0 + 0
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 1 + 1 / 2) / 7)


def test_the_figures_come_from_trec_eval(monkeypatch):
    """The scores are the library's: trec_eval's own answer for one question, asked directly,
    is what the module reports, and a library that answered differently would show."""
    ranked, expected = RUN["q-late"]
    qrels = {"q": {doc: 1 for doc in expected}}
    run = {"q": {doc: float(len(ranked) - i) for i, doc in enumerate(ranked)}}
    direct = {str(x.measure): x.value for x in ir_measures.pytrec_eval.iter_calc(
        [ir_measures.nDCG @ 5, ir_measures.R @ 5], qrels, run)}
    assert m.ndcg_at_k(ranked, expected, 5) == direct["nDCG@5"]
    assert m.fraction_found_at_k(ranked, expected, 5) == direct["R@5"]

    class Halved:
        def __init__(self, real):
            self.real = real

        def iter_calc(self, run):
            for metric in self.real.iter_calc(run):
                yield metric._replace(value=metric.value / 2)

    real_evaluator = ir_measures.pytrec_eval.evaluator
    monkeypatch.setattr(ir_measures.pytrec_eval, "evaluator",
                        lambda measures, qrels: Halved(real_evaluator(measures, qrels)))
    m._trec_eval_scores.cache_clear()
    try:
        assert m.ndcg_at_k(ranked, expected, 5) == pytest.approx(direct["nDCG@5"] / 2)
    finally:
        monkeypatch.undo()
        m._trec_eval_scores.cache_clear()


def test_duplicate_chunks_of_one_document_count_once():
    # ours, not trec_eval's: the ranking is of documents, so a repeated document is dropped
    assert m.ranking_scores(["law-a", "law-a", "pol-b"], ["pol-b"], 2).hit == 1.0

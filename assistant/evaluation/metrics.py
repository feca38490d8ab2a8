"""Evaluation metrics: ranking quality by document, facts and citations in answers, abstention.

Ranking metrics are computed by trec_eval (through ``ir-measures`` and ``pytrec-eval-terrier``),
the reference implementation reviewers know; what is ours is only what no library has: a
system's ranked chunks are first collapsed to the ordered list of distinct documents
(``dedupe_docs``), so two chunks of one law do not count twice, and a question with no expected
document or an empty ranking scores 0 (trec_eval leaves such a question out). With ``R`` the set
of expected documents and ``d_1..d_k`` the ranked documents:

    hit@k        = 1 if any d_i (i ≤ k) is in R else 0   ("recall@k" in the reports; Success@k)
    fraction@k   = |{d_1..d_k} ∩ R| / |R|                                           (R@k)
    RR           = 1 / (rank of the first d_i in R), 0 when none is retrieved          (RR)
    nDCG@k       = DCG@k / IDCG@k,  DCG@k = Σ_{i≤k} rel_i / log2(i + 1),  rel_i ∈ {0, 1},
                   IDCG@k = Σ_{i ≤ min(|R|, k)} 1 / log2(i + 1)  (Järvelin & Kekäläinen; nDCG@k)

Answer metrics (fact recall, citation validity, abstention) are our own: no library checks a
cited sentence against the passage it cites.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ir_measures
from ir_measures import RR, R, Success, nDCG

from assistant.citations import (
    MARKER,
    CitationCheck,
    CitationProblem,
    row_supported,
    sentence_in_passage,
)

# -- ranking -----------------------------------------------------------------------------------


def dedupe_docs(doc_ids: Iterable[str]) -> list[str]:
    """Distinct document ids in order of first appearance."""
    seen: set[str] = set()
    ordered: list[str] = []
    for doc_id in doc_ids:
        if doc_id not in seen:
            seen.add(doc_id)
            ordered.append(doc_id)
    return ordered


@dataclass(frozen=True)
class RankingScores:
    """One question's ranking measures at cutoff ``k`` (see the module docstring)."""

    hit: float
    fraction: float
    reciprocal_rank: float
    ndcg: float


NO_SCORES = RankingScores(0.0, 0.0, 0.0, 0.0)


def ranking_scores(ranked: Sequence[str], expected: Iterable[str], k: int) -> RankingScores:
    """hit@k, fraction@k, RR and nDCG@k of one ranked list of documents (duplicates after the
    first occurrence are dropped) against the expected documents, by trec_eval."""
    return _trec_eval_scores(tuple(dedupe_docs(ranked)), frozenset(expected), k)


@functools.lru_cache(maxsize=8192)  # a report asks for several measures of one ranking
def _trec_eval_scores(ranked: tuple[str, ...], relevant: frozenset[str], k: int
                      ) -> RankingScores:
    if not relevant or not ranked:
        return NO_SCORES
    measures = {"hit": Success @ k, "fraction": R @ k, "reciprocal_rank": RR, "ndcg": nDCG @ k}
    qrels = {"q": {doc: 1 for doc in relevant}}
    # trec_eval orders a run by score: give strictly falling scores so it keeps our order.
    run = {"q": {doc: float(len(ranked) - rank) for rank, doc in enumerate(ranked)}}
    evaluator = ir_measures.pytrec_eval.evaluator(list(measures.values()), qrels)
    values = {metric.measure: metric.value for metric in evaluator.iter_calc(run)}
    return RankingScores(**{name: float(values[measure]) for name, measure in measures.items()})


def hit_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """1.0 when any expected document is among the first ``k`` ranked documents."""
    return ranking_scores(ranked, expected, k).hit


def fraction_found_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Share of the expected documents found among the first ``k``."""
    return ranking_scores(ranked, expected, k).fraction


def reciprocal_rank(ranked: Sequence[str], expected: Iterable[str]) -> float:
    """1 / rank of the first expected document in the whole ranking; 0 when none is there."""
    return ranking_scores(ranked, expected, max(len(ranked), 1)).reciprocal_rank


def ndcg_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Binary-relevance nDCG@k over distinct documents (see the module docstring)."""
    return ranking_scores(ranked, expected, k).ndcg


# -- text normalisation ------------------------------------------------------------------------

_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "“": '"', "”": '"',
                           "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-"})
# A comma between digits that is followed by exactly three digits is a thousands separator.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACE = re.compile(r"\s+")
# Chinese has no spaces between words: a line break or space next to a Chinese character is
# layout (the corpus wraps lines), not content.
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+|"
                        r"\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


_ARTICLE_ABBREVIATION = re.compile(r"\barts?\.\s*(?=\d)")


def normalise(text: str) -> str:
    """Text for fact matching: NFKC (full-width → half-width), case-folded, uniform brackets,
    quotes and dashes, no thousands separators, single spaces and none next to Chinese."""
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS).casefold()
    text = _THOUSANDS.sub("", text)
    text = _ARTICLE_ABBREVIATION.sub("article ", text)  # "Art. 32" and "Article 32" are one fact
    return _SPACE.sub(" ", _CJK_SPACE.sub("", text)).strip()


def contains_fact(text: str, fact: str) -> bool:
    return normalise(fact) in normalise(text)


def fact_recall(answer_text: str, facts: Sequence[str]) -> float:
    """Share of ``facts`` found in the answer (case-insensitive, normalised); 1.0 with no facts."""
    if not facts:
        return 1.0
    return sum(contains_fact(answer_text, fact) for fact in facts) / len(facts)


def missing_facts(answer_text: str, facts: Sequence[str]) -> list[str]:
    return [fact for fact in facts if not contains_fact(answer_text, fact)]


# -- citations ---------------------------------------------------------------------------------
# The rule and the marker check are the citation toolkit's (assistant.citations); the claim check
# below applies the same rule by the kind of claim.

def _statement_supported(statement: str, passages: str) -> bool:
    """Every number of a knowledge statement is in its passages, read as the statement checks
    read them (¥7.1bn is 71亿元, "Oct" is month 10: ``assistant.knowledge.checks``)."""
    from assistant.knowledge.checks import numbers_in, numbers_said

    return numbers_in(MARKER.sub("", statement)) <= numbers_said(passages)


def check_claims(claims: Sequence[Any], passages: Sequence[str],
                 references: Sequence[str] = ()) -> CitationCheck:
    """Each claim against the passages its markers cite, by how it was made: a ``quote`` occurs
    in the passage; a ``table-row`` has every number in it; a knowledge ``statement`` has every
    number in the passages it cites or their reference lines (``references[n-1]``: title, 文号,
    date); a
    ``measure`` (a line of the measures catalogue) and ``generated`` text only need markers that
    resolve."""
    check = CitationCheck()
    for claim in claims:
        text = str(getattr(claim, "text", ""))
        kind = str(getattr(claim, "kind", "quote"))
        markers = list(getattr(claim, "markers", []))
        # a statement may need two passages of its section: its numbers are in them together
        together = " ".join(f"{passages[n - 1]} {references[n - 1] if n <= len(references) else ''}"
                            for n in markers if 1 <= n <= len(passages))
        for number in markers:
            check.markers += 1
            if not 1 <= number <= len(passages):
                check.problems.append(CitationProblem(number, "does not resolve to a citation"))
                continue
            passage = passages[number - 1]
            if kind == "quote":
                ok = sentence_in_passage(text, passage)
            elif kind == "table-row":
                ok = row_supported(text, passage)
            elif kind == "statement":
                ok = _statement_supported(text, together)
            else:
                ok = True
            if not ok:
                check.problems.append(CitationProblem(number, f"{kind} not supported by the cited "
                                                      "passage", text))
    return check


# -- abstention --------------------------------------------------------------------------------


@dataclass
class AbstentionScores:
    precision: float | None  # None when the system never abstained
    recall: float | None     # None when there are no out-of-scope questions
    wrong_refusal_rate: float | None  # abstentions among in-scope questions
    true_positives: int
    false_positives: int
    false_negatives: int


def abstention_scores(abstained: Sequence[bool], out_of_scope: Sequence[bool]) -> AbstentionScores:
    """Abstention as a classifier whose positives are the out-of-scope questions."""
    if len(abstained) != len(out_of_scope):
        raise ValueError("abstained and out_of_scope must have one entry per question")
    tp = sum(a and o for a, o in zip(abstained, out_of_scope))
    fp = sum(a and not o for a, o in zip(abstained, out_of_scope))
    fn = sum(o and not a for a, o in zip(abstained, out_of_scope))
    in_scope = sum(not o for o in out_of_scope)
    return AbstentionScores(
        precision=tp / (tp + fp) if tp + fp else None,
        recall=tp / (tp + fn) if tp + fn else None,
        wrong_refusal_rate=fp / in_scope if in_scope else None,
        true_positives=tp, false_positives=fp, false_negatives=fn)


# -- aggregation -------------------------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100) with linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

"""The evaluation runner on a handful of questions: structure, ranges, and easy questions found."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from assistant.documents import Citation
from assistant.evaluation.dataset import EvalItem, load_devset
from assistant.evaluation.runner import (
    EvalReport,
    evaluate_answers,
    evaluate_retrieval,
    run_evaluation,
)
from assistant.evaluation.systems import BM25System, DenseSystem, HybridSystem, LangChainSystem

EASY = ["en-pingyuan", "en-hangzhou-groups", "zh-zhejiang-communities", "zh-three-classrooms"]


@pytest.fixture(scope="module")
def devset():
    return {item.id: item for item in load_devset()}


@pytest.fixture(scope="module")
def sample(devset):
    ids = EASY + ["en-cv-quality", "zh-rotation-share", "oos-weather", "oos-zh-cooking"]
    return [devset[i] for i in ids]


def _in_unit_interval(*values):
    return all(v is None or 0.0 <= v <= 1.0 for v in values)


def test_hybrid_finds_easy_questions(corpus_engine, sample):
    report = evaluate_retrieval(HybridSystem(corpus_engine), sample, k=10)
    assert report.name == "hybrid (engine)"
    assert len(report.results) == 6  # out-of-scope questions have nothing to find
    by_id = {r.item.id: r for r in report.results}
    for item_id in EASY:
        assert by_id[item_id].hit(5) == 1.0, (item_id, by_id[item_id].ranked)
    overall = report.overall
    assert _in_unit_interval(overall.recall_at_5, overall.recall_at_10, overall.mrr,
                             overall.ndcg_at_10, overall.fraction_at_5, overall.fraction_at_10)
    assert overall.recall_at_10 >= overall.recall_at_5
    assert set(report.by_language) == {"en", "zh"}
    for result in report.results:
        assert len(result.ranked) == len(set(result.ranked)) <= 10  # distinct documents


@pytest.mark.parametrize("system_class", [BM25System, DenseSystem])
def test_component_baselines_rank_catalog_documents(corpus_engine, sample, system_class):
    report = evaluate_retrieval(system_class(corpus_engine), sample, k=10)
    known = {row.doc_id for row in corpus_engine.documents()}
    assert all(set(r.ranked) <= known and r.ranked for r in report.results)
    assert _in_unit_interval(report.overall.recall_at_5, report.overall.mrr,
                             report.overall.ndcg_at_10)


def test_bm25_alone_finds_a_distinctive_name(corpus_engine, devset):
    report = evaluate_retrieval(BM25System(corpus_engine), [devset["en-pingyuan"]], k=10)
    assert report.results[0].ranked[0] == "case-pingyuan-consolidation"


def test_langchain_recipe_on_a_small_corpus(tmp_settings, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = {
        "doc-rotation": "Teacher rotation: at least 10% of eligible teachers rotate each year. " * 30,
        "doc-funding": "Public funds: small schools are funded as if they had 100 pupils. " * 30,
        "doc-classes": "Large classes have 56 or more pupils; super-large classes 66 or more. " * 30,
    }
    files = {}
    for doc_id, text in texts.items():
        path = folder / f"{doc_id}.md"
        path.write_text(f"---\nid: {doc_id}\n---\n\n{text}", encoding="utf-8")
        files[path] = doc_id
    system = LangChainSystem(tmp_settings, list(files), files)
    docs = system.retrieve("How many teachers must rotate every year?", 6)
    assert docs[0] == "doc-rotation"
    assert set(docs) <= set(texts)
    count = system.store._collection.count()
    assert count > 3  # 1000-character chunks with overlap: several per file
    # A second construction reuses the persisted collection; a changed file rebuilds it.
    again = LangChainSystem(tmp_settings, list(files), files)
    assert again.store._collection.count() == count
    first = next(iter(files))
    first.write_text(first.read_text(encoding="utf-8") + "\nA new sentence.", encoding="utf-8")
    rebuilt = LangChainSystem(tmp_settings, list(files), files)
    assert rebuilt.retrieve("large classes of 56 pupils", 3)[0] == "doc-classes"


@dataclass
class FakeAnswer:
    text: str
    citations: list = field(default_factory=list)
    abstained: bool = False
    route: str = "extractive"


def _citation(doc_id: str, text: str) -> Citation:
    return Citation(doc_id=doc_id, chunk_id=f"{doc_id}#0", title=doc_id, text=text)


def test_answer_scoring_with_prepared_answers():
    items = [
        EvalItem("good", "What CV?", "en", "lookup", ("std",), ("0.50", "0.45")),
        EvalItem("bad-marker", "What CV?", "en", "lookup", ("std",), ("0.50",)),
        EvalItem("refused", "每年交流多少？", "zh", "lookup", ("pol",), ("10%",)),
        EvalItem("oos", "Weather?", "en", "out-of-scope", (), (), True),
        EvalItem("broken", "Boom?", "en", "lookup", ("std",), ("x",)),
    ]
    passage = "The CV must be at most 0.50 for primary and 0.45 for junior schools."
    prepared = {
        "What CV?": [FakeAnswer("The CV must be at most 0.50 for primary and 0.45 for junior "
                                "schools [1].", [_citation("std", passage)]),
                     FakeAnswer("The CV must be at most 0.50 [2].", [_citation("std", passage)])],
        "每年交流多少？": [FakeAnswer("语料库没有涉及这个问题。", abstained=True, route="abstain")],
        "Weather?": [FakeAnswer("The corpus does not cover this question.", abstained=True,
                                route="abstain")],
    }
    calls: dict[str, int] = {}

    def answer_fn(question: str):
        if question == "Boom?":
            raise RuntimeError("composer failed")
        n = calls.get(question, 0)
        calls[question] = n + 1
        options = prepared[question]
        # The first call of the first question is the untimed warm-up.
        return options[min(max(n - (question == "What CV?"), 0), len(options) - 1)]

    report = evaluate_answers(items, answer_fn)
    by_id = {r.item.id: r for r in report.results}
    assert by_id["good"].fact_recall == 1.0 and by_id["good"].citations.valid
    assert not by_id["bad-marker"].citations.valid
    assert by_id["refused"].abstained and by_id["refused"].fact_recall == 0.0
    assert by_id["broken"].error.startswith("RuntimeError")
    assert report.abstention.recall == 1.0
    assert report.abstention.wrong_refusal_rate == pytest.approx(1 / 4)
    assert report.citation_validity == pytest.approx(3 / 5)
    assert report.fact_recall == pytest.approx((1 + 1 + 0 + 0) / 4)
    assert [r.item.id for r in report.wrong_refusals()] == ["refused"]
    assert report.latency_p50_ms is not None and report.latency_p50_ms >= 0


def test_run_evaluation_end_to_end(corpus_engine, corpus_settings, sample):
    pytest.importorskip("assistant.answer")
    report = run_evaluation(sample, corpus_engine, corpus_settings, k=10, baselines=False,
                            answers=True)
    assert isinstance(report, EvalReport)
    assert report.questions == 8 and report.out_of_scope == 2
    assert [s.name for s in report.systems] == ["hybrid (engine)"]
    answers = report.answers
    assert answers is not None and len(answers.results) == 8
    assert _in_unit_interval(answers.fact_recall, answers.citation_validity,
                             answers.abstention.precision, answers.abstention.recall,
                             answers.abstention.wrong_refusal_rate)
    markdown = report.to_markdown()
    assert "| system | recall@5 | recall@10 | MRR | nDCG@10 | zh recall@5 |" in markdown
    assert "hybrid (engine)" in markdown
    data = json.loads(json.dumps(report.to_json()))
    assert data["systems"][0]["name"] == "hybrid (engine)"
    assert {"fact_recall", "citation_validity", "abstention", "latency_p50_ms"} <= set(
        data["answers"])

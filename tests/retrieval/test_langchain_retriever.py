"""LangChain's own standard tests for retrievers (``langchain-tests``), run against our
``HybridRetriever`` over the corpus index, and what they do not cover: filters per call and an
async path that leaves the event loop free."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.langchain_retriever import HybridRetriever
from assistant.retrieval import SearchFilters

QUERY = "teacher rotation between urban and rural schools"


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    """The standard suite (k in the constructor and per call, invoke and ainvoke)."""

    @pytest.fixture(autouse=True)
    def _engine(self, corpus_engine):
        # The suite builds the retriever from a property, which cannot take fixtures.
        self.engine = corpus_engine

    @property
    def retriever_constructor(self) -> type[HybridRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"engine": self.engine}

    @property
    def retriever_query_example(self) -> str:
        return QUERY


def test_filters_per_call_override_the_constructor(corpus_engine):
    retriever = HybridRetriever(engine=corpus_engine, k=8,
                                filters=SearchFilters(doc_types=["case"]))
    built_with = retriever.invoke(QUERY)
    assert built_with and {d.metadata["doc_type"] for d in built_with} == {"case"}
    per_call = retriever.invoke(QUERY, filters={"doc_types": ["law"]}, k=4)
    assert len(per_call) == 4
    assert {d.metadata["doc_type"] for d in per_call} == {"law"}
    # a plain string is one value, and the constructor's filters come back on the next call
    assert {d.metadata["doc_type"] for d in retriever.invoke(QUERY, filters={"doc_types": "law"})
            } == {"law"}
    assert {d.metadata["doc_type"] for d in retriever.invoke(QUERY)} == {"case"}


def test_bad_per_call_arguments_are_refused_with_a_reason(corpus_engine):
    retriever = HybridRetriever(engine=corpus_engine)
    with pytest.raises(ValueError, match="unknown filter.*doc_type"):
        retriever.invoke(QUERY, filters={"doc_type": ["law"]})  # misspelt: doc_types
    for bad in (0, -1, "3", True):
        with pytest.raises(ValueError, match="k must be a positive"):
            retriever.invoke(QUERY, k=bad)


class _SlowEngine:
    """The real engine behind a blocking pause, recording the thread each search ran on."""

    def __init__(self, engine, pause_s: float) -> None:
        self.engine, self.pause_s, self.threads = engine, pause_s, []

    def search(self, *args, **kwargs):
        self.threads.append(threading.get_ident())
        time.sleep(self.pause_s)  # blocks whichever thread runs it
        return self.engine.search(*args, **kwargs)


async def test_ainvoke_leaves_the_event_loop_free(corpus_engine):
    slow = _SlowEngine(corpus_engine, pause_s=0.5)
    retriever = HybridRetriever(engine=slow, k=2)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    beating = asyncio.create_task(ticker())
    docs, docs_k1 = await asyncio.gather(retriever.ainvoke(QUERY),
                                         retriever.ainvoke(QUERY, k=1))
    beating.cancel()
    assert len(docs) == 2 and len(docs_k1) == 1
    assert all(isinstance(doc, Document) for doc in docs + docs_k1)
    assert threading.get_ident() not in slow.threads  # the searches ran off the loop's thread
    # Two searches blocked for 0.5 s each; a blocked loop would have ticked hardly at all.
    assert ticks >= 20

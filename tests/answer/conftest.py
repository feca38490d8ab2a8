"""Fixtures for the answer tests."""

from __future__ import annotations

import pytest

from assistant.answer import Answer, answer


@pytest.fixture(scope="session")
def ask(corpus_engine, corpus_settings):
    def _ask(question: str, history=None, filters=None, **kwargs) -> Answer:
        return answer(question, history, filters, engine=corpus_engine,
                      settings=kwargs.pop("settings", corpus_settings),
                      use_llm=kwargs.pop("use_llm", False), **kwargs)

    return _ask

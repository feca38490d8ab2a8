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


@pytest.fixture()
def without_comparisons(monkeypatch):
    """The compare shapes a question falls back to when no comparison of the comparisons file
    fits it (tests/answer/test_comparison_shape.py tests that file's answers)."""
    import importlib

    shape = importlib.import_module("assistant.answer.shapes.compare")  # the module, not the
    monkeypatch.setattr(shape, "compare_from_file", lambda *args, **kwargs: None)  # function

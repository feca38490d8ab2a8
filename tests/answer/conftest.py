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


@pytest.fixture()
def chosen(corpus_engine, corpus_settings):
    """The id of the explanation a question gets (None when none fits)."""
    from assistant.answer.context import Context
    from assistant.answer.shapes import draft_for
    from assistant.answer.shapes.explanations import explanation_for

    def _chosen(question: str) -> str | None:
        found = explanation_for(draft_for(Context.build(corpus_engine, corpus_settings, question,
                                                        None)))
        return found.id if found else None
    return _chosen

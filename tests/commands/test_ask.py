"""`assistant ask`: human output with references, and the --json shape."""

from __future__ import annotations

import json

import pytest

from assistant import cli
from assistant.config import get_settings
from assistant.language import cjk_count


@pytest.fixture
def cli_env(corpus_engine, corpus_settings, monkeypatch):
    """The CLI reads its settings from the environment: point it at the test index."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(corpus_settings.data_dir))
    monkeypatch.delenv("ASSISTANT_LLM_BASE_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_json_output(cli_env, capsys):
    assert cli.main(["ask", "What are the three classrooms?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data["answer"], str) and data["answer"]
    assert data["abstained"] is False and data["route"] == "glossary"
    assert data["citations"] and all({"doc_id", "title", "text"} <= set(c)
                                     for c in data["citations"])


def test_json_output_of_an_abstention(cli_env, capsys):
    assert cli.main(["ask", "How do I bake sourdough bread?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstained"] is True and data["route"] == "abstain" and data["citations"] == []
    assert data["nearest"]


def test_human_output_lists_references(cli_env, capsys):
    assert cli.main(["ask", "What does Article 32 of the Compulsory Education Law say?"]) == 0
    out = capsys.readouterr().out
    answer_part, references = out.split("\nReferences\n")
    assert "[1]" in answer_part
    assert references.startswith("[1] Compulsory Education Law")
    assert references.splitlines()[0].endswith("— Article 32")


def test_filters_reach_the_answer(cli_env, capsys):
    assert cli.main(["ask", "How are small rural schools funded?", "--lang", "zh", "--type",
                     "policy", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["citations"]
    assert {c["doc_type"] for c in data["citations"]} == {"policy"}
    assert all(cjk_count(c["title"]) for c in data["citations"]), data["citations"]


def test_empty_question_is_an_error(cli_env, capsys):
    assert cli.main(["ask", "  "]) == 2
    assert "empty" in capsys.readouterr().err

"""The explanations file (corpus/README.md, "Explanations"): valid, and every statement it names
exists."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import validate_corpus
from assistant.knowledge import load_statements
from assistant.knowledge.explanations import explanation_problems, load_explanations


def test_the_explanations_are_valid_and_name_existing_statements():
    explanations, problems = load_explanations(CORPUS)
    assert problems == [] and explanation_problems(CORPUS) == []
    assert len(explanations) >= 30
    statements = {s.id: s for s in load_statements(CORPUS)[0]}
    # a cause is a finding, a duty or a fact: never a case record or a definition
    for explanation in explanations:
        kinds = {statements[ident].kind for ident in explanation.causes}
        assert kinds <= {"finding", "duty", "fact"}, (explanation.id, kinds)


def _corpus_with(tmp_path: Path, text: str) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "knowledge" / "explanations.yaml").write_text(text, encoding="utf-8")
    return corpus


def test_broken_entries_are_reported_not_loaded(tmp_path):
    first, second = (s.id for s in load_statements(CORPUS)[0][:2])
    corpus = _corpus_with(tmp_path, f"""
explanations:
  - id: one-language-only
    asks: {{en: [why x]}}
    thesis: {first}
    causes: [{second}, {first}-b]
  - id: too-few-causes
    asks: {{en: [why x], zh: [为什么]}}
    thesis: {first}
    causes: [{second}]
  - id: said-twice
    asks: {{en: [why x], zh: [为什么]}}
    thesis: {first}
    causes: [{first}, {second}]
  - id: unknown-statement
    asks: {{en: [why x], zh: [为什么]}}
    thesis: {first}
    causes: [no-such-statement, {second}]
  - id: unknown-statement
    asks: {{en: [why y], zh: [为什么]}}
    thesis: {first}
    causes: [{second}, no-such-statement]
""")
    explanations, _ = load_explanations(corpus)
    assert [e.id for e in explanations] == ["unknown-statement"]
    messages = " ".join(message for _, message in explanation_problems(corpus))
    for expected in ("English (en) and Chinese (zh)", "2–5 causes", "a statement is named twice",
                     "used twice", "no statement 'no-such-statement'"):
        assert expected in messages, messages
    # the corpus check reports them too, under the file's name
    assert "knowledge/explanations.yaml" in {p.file for p in validate_corpus(corpus)}

"""Text the answers show as it is written — knowledge statements, measures, glossary
definitions — carries no internal id, source tag or indicator code (R1–R7): the answer would
show it to the reader."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.answer.rules import ID_LEAK
from assistant.config import DEFAULT_CORPUS_DIR

SHOWN = {"text", "text_zh", "description", "description_zh", "risks", "risks_zh", "name",
         "name_zh", "definition", "definition_zh"}


def _shown(node, where: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SHOWN and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from _shown(value, f"{where}.{key}")
    elif isinstance(node, list):
        for n, item in enumerate(node):
            label = item.get("id", n) if isinstance(item, dict) else n
            yield from _shown(item, f"{where}[{label}]")


def test_no_shown_text_carries_an_id_or_a_code():
    corpus = Path(DEFAULT_CORPUS_DIR)
    files = [corpus / "measures.yaml", corpus / "glossary.yaml",
             *sorted((corpus / "knowledge").glob("*.yaml"))]
    leaks = [(where, match.group(0)) for path in files
             for where, text in _shown(yaml.safe_load(path.read_text("utf-8")), path.name)
             if (match := ID_LEAK.search(text))]
    assert not leaks, leaks[:10]


# the corpus editor's voice: how a source was gathered or how answers should word it is a note
# for us, not a sentence an official should read in an answer
EDITOR_VOICE = ("from memory", "safe wording", "answers should", "凭记忆", "来自记忆", "属于回忆",
                "稳妥的说法", "回答时")


def test_no_shown_text_speaks_in_the_editors_voice():
    corpus = Path(DEFAULT_CORPUS_DIR)
    files = [corpus / "measures.yaml", corpus / "glossary.yaml",
             *sorted((corpus / "knowledge").glob("*.yaml"))]
    found = [(where, phrase) for path in files
             for where, text in _shown(yaml.safe_load(path.read_text("utf-8")), path.name)
             for phrase in EDITOR_VOICE if phrase in text.lower()]
    assert not found, found[:10]


def test_no_shown_text_says_how_a_fact_was_checked():
    """"verified through a province's document", "（经……核实）", "……也已经核实": how a fact was
    checked is the editor's note; a hedge that it is unconfirmed stays."""
    from assistant.answer.editor_voice import remarks

    corpus = Path(DEFAULT_CORPUS_DIR)
    files = [corpus / "measures.yaml", corpus / "glossary.yaml",
             *sorted((corpus / "knowledge").glob("*.yaml"))]
    found = [(where, remark) for path in files
             for where, text in _shown(yaml.safe_load(path.read_text("utf-8")), path.name)
             for remark in remarks(" ".join(text.split()))]
    assert not found, found[:20]

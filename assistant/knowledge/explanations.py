"""Explanations: a phenomenon the sources explain, the statement that answers "why" in a sentence
and the statements that give its causes (schema: corpus/README.md, "Explanations")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.knowledge.entry_files import ID, load_entries, strings
from assistant.knowledge.statements import EXPLANATIONS_FILE, load_statements

FILE = EXPLANATIONS_FILE


@dataclass(frozen=True)
class Explanation:
    id: str
    asks_en: tuple[str, ...]
    asks_zh: tuple[str, ...]
    thesis: str
    causes: tuple[str, ...]
    # a procedure's steps in order (optional): what a question about the procedure is told
    steps: tuple[str, ...] = ()

    @property
    def asks(self) -> tuple[str, ...]:
        return self.asks_en + self.asks_zh

    @property
    def statement_ids(self) -> tuple[str, ...]:
        return (self.thesis, *self.causes,
                *(ident for ident in self.steps if ident not in self.causes))


def load_explanations(corpus: Path) -> tuple[list[Explanation], list[tuple[str, str]]]:
    """The explanations of ``corpus/knowledge/explanations.yaml`` (none when the file is absent)
    and the entries that could not be read, as (id or position, problem)."""
    return load_entries(corpus / "knowledge" / FILE, "explanations", _explanation)


def _explanation(entry: Any) -> tuple[Explanation | None, str]:
    if not isinstance(entry, dict):
        return None, "an entry must be a mapping"
    ident = str(entry.get("id", ""))
    if not ID.match(ident):
        return None, f"id {ident!r} must be lower-case letters, digits and hyphens"
    asks = entry.get("asks") if isinstance(entry.get("asks"), dict) else {}
    explanation = Explanation(id=ident, asks_en=strings(asks.get("en")),
                              asks_zh=strings(asks.get("zh")),
                              thesis=str(entry.get("thesis", "")).strip(),
                              causes=strings(entry.get("causes")),
                              steps=strings(entry.get("steps")))
    if not explanation.asks_en or not explanation.asks_zh:
        return None, f"{ident}: `asks` needs English (en) and Chinese (zh) phrases"
    if not explanation.thesis:
        return None, f"{ident}: no thesis"
    if not 2 <= len(explanation.causes) <= 5:
        return None, f"{ident}: 2–5 causes, not {len(explanation.causes)}"
    if len(set(explanation.statement_ids)) != len(explanation.statement_ids) or \
            len(set(explanation.steps)) != len(explanation.steps):
        return None, f"{ident}: a statement is named twice"
    if explanation.thesis in explanation.steps or len(explanation.steps) == 1:
        return None, f"{ident}: `steps` are 2 or more statements besides the thesis"
    return explanation, ""


def explanation_problems(corpus: Path) -> list[tuple[str, str]]:
    """What is wrong with the explanations file: unreadable entries, and statements it names
    that no knowledge file holds."""
    explanations, problems = load_explanations(corpus)
    if not explanations:
        return problems
    known = {statement.id for statement in load_statements(corpus)[0]}
    for explanation in explanations:
        problems += [(explanation.id, f"no statement {ident!r}")
                     for ident in explanation.statement_ids if ident not in known]
    return problems

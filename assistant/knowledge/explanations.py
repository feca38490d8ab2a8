"""Explanations: a phenomenon the sources explain, the statement that answers "why" in a sentence
and the statements that give its causes (schema: corpus/README.md, "Explanations")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.knowledge.statements import EXPLANATIONS_FILE, load_statements

FILE = EXPLANATIONS_FILE
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Explanation:
    id: str
    asks_en: tuple[str, ...]
    asks_zh: tuple[str, ...]
    thesis: str
    causes: tuple[str, ...]

    @property
    def asks(self) -> tuple[str, ...]:
        return self.asks_en + self.asks_zh

    @property
    def statement_ids(self) -> tuple[str, ...]:
        return (self.thesis, *self.causes)


def load_explanations(corpus: Path) -> tuple[list[Explanation], list[tuple[str, str]]]:
    """The explanations of ``corpus/knowledge/explanations.yaml`` (none when the file is absent)
    and the entries that could not be read, as (id or position, problem)."""
    path = corpus / "knowledge" / FILE
    if not path.is_file():
        return [], []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [("file", f"not readable YAML: {exc}")]
    entries = data.get("explanations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [("explanations", "the file must hold `explanations:`, a list")]
    explanations: list[Explanation] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        explanation, problem = _explanation(entry)
        if explanation is None:
            problems.append((str(position), problem))
        elif explanation.id in seen:
            problems.append((explanation.id, "the id is used twice"))
        else:
            seen.add(explanation.id)
            explanations.append(explanation)
    return explanations, problems


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(str(v).split()) for v in value if str(v).strip())


def _explanation(entry: Any) -> tuple[Explanation | None, str]:
    if not isinstance(entry, dict):
        return None, "an entry must be a mapping"
    ident = str(entry.get("id", ""))
    if not _ID.match(ident):
        return None, f"id {ident!r} must be lower-case letters, digits and hyphens"
    asks = entry.get("asks") if isinstance(entry.get("asks"), dict) else {}
    explanation = Explanation(id=ident, asks_en=_strings(asks.get("en")),
                              asks_zh=_strings(asks.get("zh")),
                              thesis=str(entry.get("thesis", "")).strip(),
                              causes=_strings(entry.get("causes")))
    if not explanation.asks_en or not explanation.asks_zh:
        return None, f"{ident}: `asks` needs English (en) and Chinese (zh) phrases"
    if not explanation.thesis:
        return None, f"{ident}: no thesis"
    if not 2 <= len(explanation.causes) <= 5:
        return None, f"{ident}: 2–5 causes, not {len(explanation.causes)}"
    if len(set(explanation.statement_ids)) != len(explanation.statement_ids):
        return None, f"{ident}: a statement is named twice"
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

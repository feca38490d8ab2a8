"""The development set: loading, typing and validating ``tests/evaluation/devset.yaml``.

Each question names the corpus documents that contain its answer (``expected_docs``) and short
strings a correct answer must contain (``required_facts``); out-of-scope questions have neither
and ``out_of_scope: true``. Validation checks the set against the corpus files themselves, so a
renamed document or an edited figure shows up as a named problem rather than a silent drop in a
metric.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.config import REPO_ROOT
from assistant.evaluation.metrics import contains_fact
from assistant.language import detect_language

DEFAULT_DEVSET = REPO_ROOT / "tests" / "evaluation" / "devset.yaml"
# The kinds of question the answer composer tells apart (assistant/answer/intent.py).
KINDS = ("lookup", "responsible", "definition", "explain", "compare", "suggest", "case",
         "out-of-scope")
LANGUAGES = ("en", "zh")


class DevsetError(ValueError):
    """The development set file cannot be used; the message names the file, item and field."""


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    language: str
    kind: str
    expected_docs: tuple[str, ...] = ()
    required_facts: tuple[str, ...] = ()
    out_of_scope: bool = False
    note: str = ""

    @property
    def in_scope(self) -> bool:
        return not self.out_of_scope


@dataclass
class CorpusDocument:
    doc_id: str
    path: Path
    body: str  # the Markdown after the front matter: what passages are cut from


def load_devset(path: Path | str = DEFAULT_DEVSET) -> list[EvalItem]:
    """Read the development set; raises ``DevsetError`` naming the item and field at fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DevsetError(f"{path}: cannot read the development set ({exc})") from exc
    except yaml.YAMLError as exc:
        raise DevsetError(f"{path}: not valid YAML ({exc})") from exc
    rows = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise DevsetError(f"{path}: expected a mapping with a 'questions' list")
    return [_item(path, number, row) for number, row in enumerate(rows, start=1)]


def _item(path: Path, number: int, row: Any) -> EvalItem:
    where = f"{path}: question #{number}"
    if not isinstance(row, dict):
        raise DevsetError(f"{where}: each question must be a mapping of fields")
    if isinstance(row.get("id"), str):
        where = f"{path}: question '{row['id']}'"
    for name in ("id", "question", "language", "kind"):
        if not isinstance(row.get(name), str) or not row[name].strip():
            raise DevsetError(f"{where}: field '{name}' is required and must be text")
    lists = {}
    for name in ("expected_docs", "required_facts"):
        value = row.get(name, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise DevsetError(f"{where}: field '{name}' must be a list of strings")
        lists[name] = tuple(str(v) for v in value)
    out_of_scope = row.get("out_of_scope", False)
    if not isinstance(out_of_scope, bool):
        raise DevsetError(f"{where}: field 'out_of_scope' must be true or false")
    unknown = set(row) - {"id", "question", "language", "kind", "expected_docs",
                          "required_facts", "out_of_scope", "note"}
    if unknown:
        raise DevsetError(f"{where}: unknown field(s) {sorted(unknown)}")
    return EvalItem(id=row["id"].strip(), question=row["question"].strip(),
                    language=row["language"].strip(), kind=row["kind"].strip(),
                    expected_docs=lists["expected_docs"], required_facts=lists["required_facts"],
                    out_of_scope=out_of_scope, note=str(row.get("note") or ""))


def corpus_documents(corpus_dirs: Iterable[Path]) -> dict[str, CorpusDocument]:
    """The Markdown documents of the corpus by front-matter id (``examples/`` is not indexed)."""
    documents: dict[str, CorpusDocument] = {}
    for root in corpus_dirs:
        for path in sorted(Path(root).rglob("*.md")):
            if path.name == "README.md" or "examples" in path.relative_to(root).parts:
                continue
            text = path.read_text(encoding="utf-8")
            meta, body = _split_front_matter(text)
            doc_id = str(meta.get("id") or path.stem)
            documents[doc_id] = CorpusDocument(doc_id, path, body)
    return documents


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError:
        meta = {}
    body_start = text.find("\n", end + 4)
    return (meta if isinstance(meta, dict) else {}), text[body_start + 1 if body_start >= 0 else
                                                          len(text):]


def validate_devset(items: Sequence[EvalItem],
                    documents: dict[str, CorpusDocument]) -> list[str]:
    """Problems that make the set unfit for measuring, one line each (empty when fine)."""
    problems: list[str] = []
    counts = Counter(item.id for item in items)
    problems += [f"id '{i}' is used {n} times" for i, n in counts.items() if n > 1]
    for item in items:
        where = f"question '{item.id}'"
        if item.language not in LANGUAGES:
            problems.append(f"{where}: language must be one of {LANGUAGES}")
        elif detect_language(item.question) != item.language:
            problems.append(f"{where}: language says '{item.language}' but the question reads "
                            f"as '{detect_language(item.question)}'")
        if item.kind not in KINDS:
            problems.append(f"{where}: kind '{item.kind}' is not one of {KINDS}")
        if item.out_of_scope:
            if item.kind != "out-of-scope":
                problems.append(f"{where}: out-of-scope questions have kind 'out-of-scope'")
            if item.expected_docs or item.required_facts:
                problems.append(f"{where}: out-of-scope questions list no expected_docs or "
                                "required_facts")
            continue
        if item.kind == "out-of-scope":
            problems.append(f"{where}: kind 'out-of-scope' needs out_of_scope: true")
        if not item.expected_docs:
            problems.append(f"{where}: in-scope questions need at least one expected_docs id")
        if not item.required_facts:
            problems.append(f"{where}: in-scope questions need at least one required fact")
        missing = [d for d in item.expected_docs if d not in documents]
        if missing:
            problems.append(f"{where}: expected_docs {missing} are not in the corpus")
        texts = [documents[d].body for d in item.expected_docs if d in documents]
        for fact in item.required_facts:
            if texts and not any(contains_fact(text, fact) for text in texts):
                problems.append(f"{where}: fact '{fact}' occurs in none of its expected_docs")
    return problems


@dataclass
class DevsetSummary:
    total: int
    by_language: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    out_of_scope: int = 0


def summarise(items: Sequence[EvalItem]) -> DevsetSummary:
    return DevsetSummary(total=len(items),
                         by_language=dict(Counter(i.language for i in items)),
                         by_kind=dict(Counter(i.kind for i in items)),
                         out_of_scope=sum(i.out_of_scope for i in items))

"""Knowledge statements: the schema (corpus/README.md, "Knowledge statements") and the loader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = ("duty", "finding", "case", "definition", "fact")
ACTORS = {
    "central-government": ("the State Council", "国务院"),
    "central-ministries": ("central ministries", "国务院有关部门"),
    "provincial-government": ("provincial governments", "省级人民政府"),
    "municipal-government": ("city governments", "市级人民政府"),
    "county-government": ("county governments", "县级人民政府"),
    "county-education-bureau": ("county education bureaus", "县级教育行政部门"),
    "county-finance-bureau": ("county finance bureaus", "县级财政部门"),
    "township-government": ("township governments", "乡镇人民政府"),
    "school": ("schools", "学校"),
    "governments-all-levels": ("governments at all levels", "各级人民政府"),
    "supervision-office": ("education supervision bodies", "教育督导机构"),
}
ASPECTS = {
    "case": ("context", "problem", "measures", "results", "lessons", "gaps"),
    "finding": ("cause", "mechanism", "statistic", "comparison", "trend", "lesson"),
}
REQUIRED = ("id", "kind", "text", "text_zh", "source", "locator")
OPTIONAL = ("actor", "area", "case", "aspect", "topics", "subjects", "certainty")


@dataclass(frozen=True)
class Statement:
    """One self-contained sentence in English and Chinese, sourced to a document section."""

    id: str
    kind: str
    text: str
    text_zh: str
    source: str
    locator: str
    actor: str | None = None          # the first of ``actors``
    area: str | None = None
    case: str | None = None
    aspect: str | None = None
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    certainty: str = "verified"
    file: str = field(default="", compare=False)
    # a duty an article gives to two levels together ("县、乡两级人民政府") is one statement
    # with both actors: a question about either level finds it, and it names both
    actors: tuple[str, ...] = ()

    def in_language(self, language: str) -> str:
        return self.text_zh if language == "zh" else self.text

    @property
    def unconfirmed(self) -> bool:
        return self.certainty == "unconfirmed"


EXPLANATIONS_FILE = "explanations.yaml"  # refers to statements, holds none (knowledge/explanations)
COMPARISONS_FILE = "comparisons.yaml"    # refers to statements, holds none (knowledge/comparisons)
_REFERRING_FILES = {EXPLANATIONS_FILE, COMPARISONS_FILE}


def knowledge_files(corpus: Path) -> list[Path]:
    """The statement files (explanations and comparisons refer to statements; they hold none)."""
    return sorted(p for p in (corpus / "knowledge").glob("*.yaml")
                  if p.name not in _REFERRING_FILES)


def load_statements(corpus: Path) -> tuple[list[Statement], list[tuple[str, str, str]]]:
    """All statements under ``corpus/knowledge`` and the entries that could not be read, as
    (file, id or position, problem)."""
    statements: list[Statement] = []
    problems: list[tuple[str, str, str]] = []
    for path in knowledge_files(corpus):
        name = f"knowledge/{path.name}"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append((name, "file", f"not readable YAML: {exc}"))
            continue
        entries = data.get("statements") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            problems.append((name, "statements", "the file must hold `statements:`, a list"))
            continue
        for position, entry in enumerate(entries, start=1):
            statement, problem = _statement(entry, name)
            if statement is None:
                problems.append((name, str(position), problem))
            else:
                statements.append(statement)
    return statements, problems


def join_chinese(text: str) -> str:
    """Whitespace collapsed, and dropped next to Chinese characters (YAML folding adds it)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) | (?=[\u3000-\u9fff\uff00-\uffef])", "", text)


def _statement(entry: Any, file: str) -> tuple[Statement | None, str]:
    if not isinstance(entry, dict):
        return None, "each statement must be a mapping"
    missing = [key for key in REQUIRED if not str(entry.get(key) or "").strip()]
    if missing:
        return None, f"{entry.get('id', '?')}: missing {', '.join(missing)}"
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        return None, f"{entry['id']}: unknown keys {sorted(unknown)}"

    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key) or []
        return tuple(str(v) for v in (value if isinstance(value, list) else [value]))

    def optional(key: str) -> str | None:
        value = entry.get(key)
        return None if value in (None, "") else str(value).strip()

    actors = tuple(a.strip() for a in strings("actor") if a.strip())
    return Statement(
        id=str(entry["id"]).strip(), kind=str(entry["kind"]).strip(),
        text=" ".join(str(entry["text"]).split()), text_zh=join_chinese(str(entry["text_zh"])),
        source=str(entry["source"]).strip(), locator=str(entry["locator"]).strip(),
        actor=actors[0] if actors else None, actors=actors, area=optional("area"),
        case=optional("case"), aspect=optional("aspect"), topics=strings("topics"),
        subjects=strings("subjects"),
        certainty=optional("certainty") or "verified", file=file), ""

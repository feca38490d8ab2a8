"""The corpus's documents as files: where they are, how they are read, and the problem type that
names a file and a field. Corpus validation (``assistant.corpus``) and the knowledge checks both
read documents through here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.ingest.errors import IngestError
from assistant.ingest.loaders import load_markdown
from assistant.vocabulary import FOLDER_TYPES

CHINESE_SUMMARY = "## 中文摘要"
CHINESE_BODY = "## 中文"
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass
class CorpusDocument:
    path: Path
    metadata: dict[str, Any]
    body: str

    @property
    def id(self) -> str:
        return str(self.metadata.get("id", ""))

    @property
    def chinese_summary(self) -> str:
        index = self.body.find(CHINESE_SUMMARY)
        if index < 0:
            return ""
        rest = self.body[index + len(CHINESE_SUMMARY):]
        following = re.search(r"^#{1,2} ", rest, re.MULTILINE)
        return rest[: following.start()] if following else rest

    @property
    def chinese_body(self) -> str:
        """The ``## 中文`` section: the document for Chinese readers (empty when absent)."""
        match = re.search(rf"^{CHINESE_BODY}[ \t]*$", self.body, re.MULTILINE)
        if not match:
            return ""
        rest = self.body[match.end():]
        following = re.search(r"^#{1,2} ", rest, re.MULTILINE)
        return rest[: following.start()] if following else rest

    @property
    def english_words(self) -> int:
        english = self.body.replace(self.chinese_summary, "").replace(self.chinese_body, "")
        return len(_LATIN_WORD.findall(english))


def document_paths(corpus: Path) -> list[Path]:
    return sorted(p for folder in FOLDER_TYPES for p in (corpus / folder).glob("*.md"))


def load_documents(corpus: Path) -> tuple[list[CorpusDocument], list[Problem]]:
    documents, problems = [], []
    for path in document_paths(corpus):
        try:
            loaded = load_markdown(path, path.read_bytes())
        except IngestError as exc:
            problems.append(Problem(_rel(path, corpus), "front matter", exc.reason))
            continue
        documents.append(CorpusDocument(path, loaded.metadata, loaded.text))
    return documents, problems


def _rel(path: Path, corpus: Path) -> str:
    try:
        return str(path.relative_to(corpus))
    except ValueError:
        return str(path)

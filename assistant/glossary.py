"""The bilingual glossary (``corpus/glossary.yaml``) and cross-lingual query expansion.

The embedding model is English-only, so a Chinese query is embedded through the English terms of
the glossary entries it contains; keyword search gets both languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.language import has_cjk


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    en: str
    zh: str
    definition: str = ""
    definition_zh: str = ""
    aliases_en: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass
class Expansion:
    query: str
    dense_query: str
    keyword_query: str
    matched: list[GlossaryEntry] = field(default_factory=list)


class Glossary:
    def __init__(self, entries: list[GlossaryEntry]) -> None:
        self.entries = entries
        self._en_patterns = [
            (entry, re.compile(r"(?<![A-Za-z])(?:" + "|".join(
                re.escape(term) for term in sorted({entry.en, *entry.aliases_en}, key=len, reverse=True)
                if term) + r")(?![A-Za-z])", re.IGNORECASE))
            for entry in entries if entry.en]
        self._found: dict[str, tuple[GlossaryEntry, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> Glossary:
        if not path.is_file():
            return cls([])
        # The C loader when PyYAML has it: the pure-Python one takes ~1 s on the glossary, which
        # the app would pay before its first page.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
        items = raw.get("entries", []) if isinstance(raw, dict) else raw
        return cls([_entry(item) for item in items if isinstance(item, dict) and item.get("id")])

    def find_in(self, text: str) -> list[GlossaryEntry]:
        """Entries whose term occurs in ``text``; longer matches win over terms they contain.
        Kept per text: an answer asks it of its question for the context, the dense query and
        each search."""
        found = self._found.get(text)
        if found is None:
            found = tuple(self._find_in(text))
            if len(self._found) >= 4096:
                self._found.clear()
            self._found[text] = found
        return list(found)

    def _find_in(self, text: str) -> list[GlossaryEntry]:
        if has_cjk(text):
            found = [(term, text.find(term), entry) for entry in self.entries
                     for term in {entry.zh, *entry.aliases_zh} if term and term in text]
        else:
            found = [(match.group(0), match.start(), entry) for entry, pattern in self._en_patterns
                     if (match := pattern.search(text))]
        found.sort(key=lambda item: len(item[0]), reverse=True)
        chosen: list[tuple[str, int, GlossaryEntry]] = []
        for term, position, entry in found:
            if any(entry is other for _, _, other in chosen):
                continue
            if any(term.lower() in longer.lower() for longer, _, _ in chosen):
                continue
            chosen.append((term, position, entry))
        chosen.sort(key=lambda item: item[1])  # in the order the query mentions them
        return [entry for _, _, entry in chosen]

    def expand(self, query: str, limit: int = 6) -> Expansion:
        matched = self.find_in(query)[:limit]
        if not matched:
            return Expansion(query, query, query)
        # Keyword search also gets the entries' synonyms in both languages (流动 for 交流轮岗).
        synonyms = " ".join(term for entry in matched
                            for term in (entry.zh, *entry.aliases_zh, *entry.aliases_en) if term)
        if has_cjk(query):
            english = "; ".join(entry.en for entry in matched)
            return Expansion(query, english, f"{query} {english} {synonyms}", matched)
        return Expansion(query, query, f"{query} {synonyms}", matched)

    def lookup(self, term: str) -> GlossaryEntry | None:
        needle = term.strip().lower()
        for entry in self.entries:
            names = {entry.en.lower(), entry.zh, *(a.lower() for a in entry.aliases_en),
                     *entry.aliases_zh}
            if needle in names:
                return entry
        return None


def _entry(item: dict[str, Any]) -> GlossaryEntry:
    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        return tuple(str(v) for v in (value if isinstance(value, list) else [value]))

    return GlossaryEntry(id=str(item["id"]), en=str(item.get("en") or ""),
                         zh=str(item.get("zh") or ""), definition=str(item.get("definition") or ""),
                         definition_zh=str(item.get("definition_zh") or ""),
                         aliases_en=strings("aliases_en"), aliases_zh=strings("aliases_zh"),
                         related=strings("related"))

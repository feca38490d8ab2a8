"""Sections of a corpus document, found by the locator a statement gives ("Article 28", "Context"),
and the Chinese section that mirrors an English one (``### 第二十八条``, ``### 背景 {#context}``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.article_numbers import article_numbers, zh_article

CHINESE_BODY = "中文"
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_ANCHOR = re.compile(r"\s*\{#([a-z0-9-]+)\}\s*$")
_PAREN_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, up to the next heading of the same or a higher level."""

    level: int
    title: str          # the heading without #'s and without its {#anchor}
    anchor: str | None  # the slug of the English heading a Chinese heading mirrors
    start: int          # offset of the heading line in the body
    end: int
    text: str           # heading line included
    in_chinese_body: bool


def slug(title: str) -> str:
    """"The problem (问题)" → "the-problem": lowercase ASCII words joined by "-"."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def strip_anchor(title: str) -> str:
    return _ANCHOR.sub("", title)


def document_sections(body: str) -> list[Section]:
    """Every headed section of ``body`` (Markdown), in order."""
    heads = [(m.start(), len(m.group(1)), m.group(2).strip()) for m in _HEADING.finditer(body)]
    sections = []
    chinese_from: int | None = None
    for index, (start, level, raw) in enumerate(heads):
        end = len(body)
        for later_start, later_level, _ in heads[index + 1:]:
            if later_level <= level:
                end = later_start
                break
        anchor = _ANCHOR.search(raw)
        title = strip_anchor(raw)
        if level == 2:
            chinese_from = start if title == CHINESE_BODY else None
        sections.append(Section(level, title, anchor.group(1) if anchor else None, start, end,
                                body[start:end], chinese_from is not None and level > 2))
    return sections


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def locate(body: str, locator: str) -> Section | None:
    """The English section a locator names: "Article N" matches the heading of that article;
    anything else matches a heading's text (a trailing parenthetical may be left out)."""
    sections = [s for s in document_sections(body) if not s.in_chinese_body
                and s.title not in (CHINESE_BODY, "中文摘要")]
    wanted = _normal(locator)
    numbers = article_numbers(locator) if re.match(r"(?i)^(art|第)", locator.strip()) else set()
    for section in sections:
        if numbers:
            if article_numbers(section.title) & numbers and re.match(
                    r"(?i)^(article|art\.|第)", section.title):
                return section
            continue
        title = _normal(section.title)
        if title == wanted or _normal(_PAREN_TAIL.sub("", section.title)) == wanted:
            return section
    return None


def chinese_mirror(body: str, english: Section) -> Section | None:
    """The section of the ``## 中文`` body that mirrors ``english``: the same article for laws,
    else the heading whose anchor is the English heading's slug."""
    chinese = [s for s in document_sections(body) if s.in_chinese_body]
    numbers = article_numbers(english.title) if re.match(r"(?i)^article", english.title) else set()
    if numbers:
        wanted = {zh_article(n) for n in numbers}
        return next((s for s in chinese if s.title in wanted), None)
    anchor = slug(english.title)
    return next((s for s in chinese if s.anchor == anchor), None)

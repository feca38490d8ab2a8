"""Passages into candidate sentences: the units the offline composer quotes.

Corpus passages are Markdown. Headings and table rows are skipped; list markers are cut off the
front of an item; everything else is quoted exactly as written, so that the cited passage always
contains the sentence (emphasis such as ``**bold**`` is kept: the answer is Markdown too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.rules import DANGLING_EN, DANGLING_ZH, ID_LEAK
from assistant.language import cjk_count, has_cjk, split_sentences

_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+")
_SPACES_NEAR_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+|"
                              r"\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")
_MARKER_LIKE = re.compile(r"\[\d{1,3}\]")
_WORD = re.compile(r"[A-Za-z0-9]+")
# Sentence ends the shared splitter leaves alone because emphasis opens or closes there:
# "budgets. **When …**" and "(均衡安排).** Why …".
_EMPHASIS_BREAK = re.compile(r"(?<=[.!?])\s+(?=\*\*[A-Z(])|(?<=[.!?]\*\*)\s+(?=[A-Z(])")


@dataclass(frozen=True)
class Sentence:
    """A quotable sentence of passage ``passage`` (an index into the caller's list)."""

    text: str       # display form: the passage's words with line wraps undone
    passage: int
    start: int      # character span in the passage text
    end: int
    language: str


def passage_sentences(text: str, passage: int = 0) -> list[Sentence]:
    """The quotable sentences of a Markdown passage, in order."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        for start, end in _split(block):
            raw = block[start:end]
            if _quotable(raw):
                sentences.append(Sentence(display(raw), passage, block_start + start,
                                          block_start + end, "zh" if _is_chinese(raw) else "en"))
    return sentences


def display(raw: str) -> str:
    """Undo line wrapping: single spaces between words, none next to Chinese characters."""
    return " ".join(_SPACES_NEAR_CJK.sub("", raw).split())


def _split(block: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in split_sentences(block):
        cut = start
        for match in _EMPHASIS_BREAK.finditer(block, start, end):
            spans.append((cut, match.start()))
            cut = match.end()
        spans.append((cut, end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of prose blocks: paragraphs and list items, list markers excluded. Headings, table
    rows and block quotes of tables end a block and are left out."""
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        item = _LIST_ITEM.match(line)
        boundary = not stripped or stripped.startswith(("#", "|", "```")) or item is not None
        if boundary and start is not None:
            blocks.append((start, line_start))
            start = None
        if not stripped or stripped.startswith(("#", "|", "```")):
            continue
        if start is None:
            start = line_start + (item.end() if item else 0)
    if start is not None:
        blocks.append((start, len(text)))
    return blocks


def _is_chinese(text: str) -> bool:
    return cjk_count(text) > len(_WORD.findall(text))


def _quotable(raw: str) -> bool:
    """Long enough to say something, short enough to read, and safe to render on its own: no
    internal id or source tag, and no opening that leans on a sentence not quoted with it."""
    text = raw.strip()
    if text.endswith((":", "：")) or _MARKER_LIKE.search(text) or "|" in text:
        return False
    if ID_LEAK.search(text) or DANGLING_EN.match(text) or DANGLING_ZH.match(text):
        return False
    if text.count("**") % 2 or text.count("`") % 2:
        return False  # a sentence cut inside emphasis or code would break the Markdown around it
    if has_cjk(text) and _is_chinese(text):
        return 10 <= cjk_count(text) and len(text) <= 260
    words = len(_WORD.findall(text))
    return 6 <= words <= 90

"""Structure-aware chunking.

A document is first cut at its structure — Markdown headings, chapters (第X章 / Chapter N) and
articles (第X条 / Article N) — so that one article is one chunk where it fits. Segments longer than
the target are then cut at sentence boundaries (English and Chinese) into chunks of about
``target_words`` word equivalents; a sentence that alone exceeds the limit is cut by length.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from assistant.documents import Chunk, LoadedDocument
from assistant.language import detect_language, split_sentences, word_equivalents

CHUNKER_VERSION = "2"  # part of each file's content hash: a new chunker re-indexes everything

_NUM = r"[一二三四五六七八九十百千零〇两\d]+"
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_CHAPTER = re.compile(rf"^[ \t]*((?:第{_NUM}[章编])|(?:Chapter|CHAPTER|Part|PART)[ \t]+[\dIVXLC]+)\b[ \t]*(.*)$")
_ZH_SECTION = re.compile(rf"^[ \t]*(第{_NUM}节)[ \t]*(.*)$")
_ARTICLE = re.compile(rf"^[ \t]*(?:\*\*)?((?:第{_NUM}条)|(?:Article|ARTICLE|Art\.)[ \t]+\d+)")
_ARTICLE_IN_HEADING = re.compile(rf"(第{_NUM}条|Article[ \t]+\d+|Art\.[ \t]*\d+)")
_LINE = re.compile(r"[^\n]*\n?")
_ANCHOR = re.compile(r"\s*\{#[a-z0-9-]+\}\s*$")  # "### 背景 {#context}": mirrors "## Context"
_CONTAINERS = {"中文"}  # the Chinese body's own heading: its sections stand on their own


@dataclass
class _Segment:
    start: int
    end: int
    path: tuple[str, ...]
    article: str | None
    heading_only_end: int  # end of the heading line, to detect segments with no body


def chunk_document(document: LoadedDocument, doc_id: str, metadata: dict[str, Any],
                   target_words: int = 200) -> list[Chunk]:
    """Split ``document`` into chunks carrying ``metadata`` (the document's, shared by all)."""
    text = document.text
    chunks: list[Chunk] = []
    for segment in _segments(text):
        body = text[segment.heading_only_end:segment.end]
        if not body.strip() and segment.heading_only_end > segment.start:
            continue  # a heading directly followed by a sub-heading: its title lives in the path
        for start, end in _split_segment(text, segment.start, segment.end, target_words):
            piece = text[start:end]
            ordinal = len(chunks)
            chunks.append(Chunk(
                chunk_id=_stable_id(doc_id, start, end, piece),
                doc_id=doc_id,
                text=piece,
                ordinal=ordinal,
                start=start,
                end=end,
                section=" > ".join(segment.path),
                article=segment.article,
                page=document.page_at(start) if document.pages else None,
                language=detect_language(piece),
                metadata=metadata,
            ))
    return chunks


def _stable_id(doc_id: str, start: int, end: int, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}|{start}|{end}|{text}".encode()).hexdigest()
    return f"{doc_id[:40]}:{digest[:16]}"


def _segments(text: str) -> list[_Segment]:
    """Cut points at headings, chapters and articles, with the heading path at each."""
    headings: list[tuple[int, str]] = []  # (level, title) stack
    cuts: list[tuple[int, tuple[str, ...], str | None, int]] = []
    article: str | None = None
    offset = 0
    in_fence = False
    for line in _LINE.findall(text):
        if not line:
            break
        stripped = line.strip()
        line_end = offset + len(line)
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif stripped and not in_fence:
            level, title, new_article = _classify(stripped)
            if level is not None:
                headings = [h for h in headings if h[0] < level] + [(level, title)]
                article = new_article
                cuts.append((offset, _path(headings), article, line_end))
            elif new_article is not None:
                article = new_article
                cuts.append((offset, _path(headings), article, offset))
        offset = line_end
    if not cuts or cuts[0][0] > 0:
        cuts.insert(0, (0, (), None, 0))
    segments = []
    for index, (start, path, art, heading_end) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        if text[start:end].strip():
            segments.append(_Segment(start, end, path, art, heading_end))
    return segments


def _classify(line: str) -> tuple[int | None, str, str | None]:
    """(heading level or None, heading title, article label or None) for one stripped line."""
    if len(line) > 200:
        return None, "", None
    match = _MD_HEADING.match(line)
    if match:
        title = _ANCHOR.sub("", match.group(2)).strip()
        chapter = _CHAPTER.match(title)
        article = _ARTICLE_IN_HEADING.search(title)
        if chapter and not article:
            return len(match.group(1)), title, None
        return len(match.group(1)), title, article.group(1) if article else None
    match = _CHAPTER.match(line)
    if match and len(line) < 60:
        return 2, line, None
    match = _ZH_SECTION.match(line)
    if match and len(line) < 60:
        return 3, line, None
    match = _ARTICLE.match(line)
    if match:
        return None, "", match.group(1)
    return None, "", None


def _path(headings: list[tuple[int, str]]) -> tuple[str, ...]:
    titles = [title for level, title in headings if level >= 2 and title not in _CONTAINERS]
    return tuple(titles) if titles else tuple(title for _, title in headings)


def max_chunk_chars(target: int) -> int:
    """Characters a chunk may hold: text with few word boundaries (URLs, tables of symbols, one
    5 MB line) is bounded by length too, so no passage is too big to show or store."""
    return target * 12


def _split_segment(text: str, start: int, end: int, target: int) -> list[tuple[int, int]]:
    """Spans of about ``target`` word equivalents covering text[start:end], cut at sentences."""
    limit = int(target * 1.3)
    max_chars = max_chunk_chars(target)
    segment = text[start:end]
    first, last = _trimmed(text, start, end)
    if word_equivalents(segment) <= limit and last - first <= max_chars:
        return [(first, last)]
    pieces: list[tuple[int, int]] = []
    for s, e in split_sentences(segment):
        if word_equivalents(segment[s:e]) > limit or e - s > max_chars:
            pieces.extend(_hard_split(text, start + s, start + e, target))
        else:
            pieces.append((start + s, start + e))
    spans: list[tuple[int, int]] = []
    current_start, current_end, size = None, None, 0.0
    for s, e in pieces:
        words = word_equivalents(text[s:e])
        if current_start is not None and (size + words > target or e - current_start > max_chars):
            spans.append((current_start, current_end))
            current_start, size = None, 0.0
        if current_start is None:
            current_start = s
        current_end, size = e, size + words
    if current_start is not None:
        # A short tail joins the previous chunk when that keeps it under the limit.
        if (spans and size < target * 0.25 and current_end - spans[-1][0] <= max_chars
                and word_equivalents(text[spans[-1][0]:current_end]) <= limit):
            spans[-1] = (spans[-1][0], current_end)
        else:
            spans.append((current_start, current_end))
    return spans


def _hard_split(text: str, start: int, end: int, target: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence (or a line with no punctuation) by size, at spaces if any."""
    spans = []
    position = start
    approx_chars = target * 5
    while position < end:
        stop = min(end, position + approx_chars)
        while stop < end and word_equivalents(text[position:stop]) > target and stop - position > 50:
            stop = position + (stop - position) * 3 // 4
        if stop < end:
            space = text.rfind(" ", position + (stop - position) // 2, stop)
            stop = space if space > position else stop
        spans.append(_trimmed(text, position, stop))
        position = stop
    return [span for span in spans if span[1] > span[0]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

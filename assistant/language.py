"""Language helpers shared by chunking, tokenising and answering: CJK detection and sentences."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")
# Sentence ends: Chinese marks end a sentence at once; Latin marks need a following space or end.
# The semicolon counts in Chinese (legal texts list duties separated by ；).
_SENTENCE_END = re.compile(r"(?<=[。！？；!?])|(?<=[.;])(?=\s+[\"'“(（A-Z0-9\u4e00-\u9fff])|\n{2,}")
_ABBREVIATIONS = ("e.g.", "i.e.", "Art.", "Arts.", "No.", "Nos.", "etc.", "vs.", "cf.", "approx.")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def detect_language(text: str) -> str:
    """'zh' when Chinese dominates the text, else 'en'. A Chinese word is about two characters:
    "What does 县管校聘 mean?" is an English question about a Chinese term."""
    cjk = cjk_count(text)
    latin = len(_LATIN_WORD.findall(text))
    return "zh" if cjk and cjk >= 2 * latin else "en"


def word_equivalents(text: str) -> float:
    """Size of a text in English-word equivalents: Latin words plus Chinese characters at 0.75
    (MiniLM's tokenizer gives one token per Chinese character, ~1.3 per English word)."""
    return len(_LATIN_WORD.findall(text)) + 0.75 * cjk_count(text)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (English and Chinese), whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group(0).startswith("\n") else match.end()
        if end <= start:
            continue
        piece = text[start:end]
        if piece.rstrip().endswith(_ABBREVIATIONS):
            continue
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, span)) is not None]


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None

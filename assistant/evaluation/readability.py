"""The automatic signs of a readable answer (../shared/ANSWER-QUALITY.md): no internal ids, no
dangling opening, no repeated sentence, the asker's language, the key fact up front.

    id leak          a document id, source tag ([S13], (S13), R1) or corpus path in the text
    dangling opening the first sentence, or a paragraph, leans on something not said
                     ("That is why…", "This…", "同年…", "三是…" with no 一是)
    repeated         two sentences whose words overlap ≥ 90 %
    restated         a sentence, list item or table cell whose facts were stated earlier: its
                     figures (0.50 = 0.5, 56人 = 56 pupils), articles and 文号 all said before and
                     most of its words too (assistant.answer.restated), or one that says again all
                     the figures (two or more) of an earlier sentence in half its words
    language         a Chinese question answered in mostly non-Chinese text, or the reverse
    key fact early   the question's first required fact is within the first two sentences
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer.rules import DANGLING_EN, DANGLING_ZH, ID_LEAK

_MARKER = re.compile(r"\s*\[\d{1,3}\]")
_MARKUP = re.compile(r"\*\*|__|`|^#+\s*|^\s*(?:[-*+•]|\d+[.)])\s+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z\"“(])")
_WORD = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]")


def plain(text: str) -> str:
    return _MARKUP.sub("", _MARKER.sub("", text or ""))


_HEADING = re.compile(r"^[^.。!?！？\[]{1,60}[:：]$")  # a short line that ends in a colon, no marker


def units(text: str) -> list[str]:
    """The answer as a reader meets it: a table counts as one unit, a list item as one, and
    other paragraphs are split into sentences; a heading line ("Further duties:") is none."""
    found: list[str] = []
    for block in re.split(r"\n\s*\n", text or ""):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].lstrip().startswith("|"):
            found.append(plain(block))
            continue
        for line in lines:
            if _HEADING.match(plain(line)):
                continue  # "The main causes and how they work:" introduces; it says nothing
            for sentence in _SENTENCE_END.split(plain(line)):
                if sentence.strip():
                    found.append(sentence.strip())
    return found


@dataclass(frozen=True)
class Readability:
    id_leaks: list[str]
    dangling: list[str]
    repeated: list[str]
    language_mismatch: bool
    key_fact_early: bool | None   # None when the question has no required fact
    restated: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.id_leaks or self.dangling or self.repeated or self.restated
                    or self.language_mismatch)


def id_leaks(text: str) -> list[str]:
    return sorted({m.group(0) for m in ID_LEAK.finditer(_MARKER.sub("", text or ""))})


def dangling(text: str) -> list[str]:
    """Sentences that open the answer or a paragraph and lean on something not said."""
    found = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    for paragraph in paragraphs:
        first = plain(paragraph.strip().splitlines()[0]).strip()
        if first.startswith("|"):
            continue
        if DANGLING_EN.match(first) or DANGLING_ZH.match(first):
            found.append(first[:80])
    whole = plain(text or "")
    for later, earlier in (("三是", "二是"), ("二是", "一是")):
        if later in whole and earlier not in whole:
            found.append(f"{later} without {earlier}")
    return found


def repeated(text: str, threshold: float = 0.9) -> list[str]:
    """Sentences that say again what an earlier one said (tables are left out: a threshold
    table followed by the sentence its figures come from is evidence, not repetition)."""
    seen: list[tuple[set[str], str]] = []
    repeats = []
    for unit in units(text):
        if "|" in unit:
            continue
        words = set(_WORD.findall(unit.lower()))
        if len(words) < 6:
            continue
        for other, sentence in seen:
            if len(words & other) / min(len(words), len(other)) >= threshold:
                repeats.append(unit[:80])
                break
        seen.append((words, unit))
    return repeats


def restated(text: str) -> list[str]:
    """Sentences, list items and table cells that state again facts said earlier in the answer
    (stricter than ``repeated``: judged by what they assert, not by their wording)."""
    from assistant.answer.restated import (
        cells,
        covers,
        facts,
        is_heading,
        restates,
        sentences,
        unlabelled,
        unnumbered,
    )

    seen = []
    found = []
    for block in re.split(r"\n\s*\n", text or ""):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and lines[0].lstrip().startswith("|"):
            pieces = [s for line in lines[2:] for cell in cells(line)[1:] for s in sentences(cell)]
        else:
            pieces = [s for line in lines if not (_HEADING.match(plain(line)) or is_heading(line))
                      for s in sentences(unnumbered(unlabelled(line)))]
        for piece in pieces:
            said = facts(plain(piece))
            if restates(said, seen) or any(covers(said, other) for other in seen):
                found.append(plain(piece).strip()[:80])
                continue
            seen.append(said)
    return found


def language_mismatch(text: str, language: str) -> bool:
    body = plain(text)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
    latin = len(re.findall(r"[A-Za-z]", body))
    if not cjk and not latin:
        return False
    if language == "zh":
        return cjk < latin * 0.5   # a Chinese character carries about as much as 2–3 letters
    return cjk > latin


def key_fact_early(text: str, facts: list[str]) -> bool | None:
    """Whether a required fact is within the first two sentences (None: no fact to look for)."""
    from assistant.evaluation.metrics import contains_fact

    if not facts:
        return None
    opening = " ".join(units(text)[:2])
    return any(contains_fact(opening, fact) for fact in facts)


def assess(text: str, language: str, facts: list[str]) -> Readability:
    return Readability(id_leaks=id_leaks(text), dangling=dangling(text), repeated=repeated(text),
                       language_mismatch=language_mismatch(text, language),
                       key_fact_early=key_fact_early(text, facts), restated=restated(text))

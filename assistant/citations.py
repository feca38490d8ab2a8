"""The citation toolkit: markers, the rule that a quoted sentence is in its passage, the check of
an answer's markers against its passages, and the label a reader sees. Answers, evaluation and the
conversation export all use this module, so they agree on what a valid citation is.

A marker ``[n]`` must resolve to ``citations[n-1]``. A quoted sentence must occur in the passage it
cites (ignoring line wraps, Markdown emphasis, case, full-width forms; "…" stands for omitted
text); a table row must only hold numbers that occur in its passage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.documents import Citation

# -- labels --------------------------------------------------------------------------------------


def label(citation: Citation, language: str | None = None, *, full: bool = False,
          sep: str = " · ") -> str:
    """How a reader sees a citation: its title (``full``: the whole reference line — title,
    issuer, 文号, date) and where in the document, "Title · Article 22". With a ``language`` the
    locator is the one for that reader (``Citation.locator_in``)."""
    head = citation.reference(language or "en") if full else citation.title
    where = citation.locator if language is None else citation.locator_in(language)
    return f"{head}{sep}{where}" if where else head


# -- markers -------------------------------------------------------------------------------------

MARKER = re.compile(r"\[(\d{1,3})\]")
MARKER_GROUP = re.compile(r"\[(\d{1,3}(?:\s*[,，;]\s*\d{1,3})+)\]")


def normalise_marker_groups(text: str) -> str:
    """``[1, 2]`` → ``[1][2]``, so that every marker has one number."""
    return MARKER_GROUP.sub(
        lambda m: "".join(f"[{n.strip()}]" for n in re.split(r"[,，;]", m.group(1))), text)


def first_use(text: str, count: int) -> dict[int, int]:
    """Old marker → new marker, numbering the markers that resolve (1..``count``) in the order a
    reader meets them; the dict's order is that order."""
    order: dict[int, int] = {}
    for match in MARKER.finditer(text):
        old = int(match.group(1))
        if 1 <= old <= count and old not in order:
            order[old] = len(order) + 1
    return order


def renumber(text: str, mapping: Mapping[int, int], *, drop: bool = False) -> str:
    """Every marker ``[n]`` with ``n`` in ``mapping`` becomes ``[mapping[n]]``. Other markers
    stay as they are, or with ``drop`` are removed with the blanks before them (and a kept
    marker then follows its text after exactly one space)."""
    if not drop:
        return MARKER.sub(lambda m: f"[{mapping[int(m.group(1))]}]"
                          if int(m.group(1)) in mapping else m.group(0), text)
    return re.sub(r"[ \t]*" + MARKER.pattern, lambda m: f" [{mapping[int(m.group(1))]}]"
                  if int(m.group(1)) in mapping else "", text)


# -- the rule: a cited sentence occurs in its passage ---------------------------------------------

_EMPHASIS = re.compile(r"(\*\*|__|\*|`|~~)")
_LINE_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+•]\s+|\d+[.)]\s+)?")
_TRAILING_PUNCT = " \t.,;:!?。，；：！？、)）\"'"
_ELLIPSIS = re.compile(r"\.{3}|…+")
_SENTENCE_BREAK = re.compile(r"(?<=[。！？!?；;])|(?<=\.)(?=\s)")
_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "“": '"', "”": '"',
                           "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-"})
_SPACE = re.compile(r"\s+")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def squash(text: str) -> str:
    """For containment: no Markdown emphasis, no whitespace at all (the corpus wraps lines, also
    inside Chinese sentences), NFKC and case-folded."""
    text = unicodedata.normalize("NFKC", _EMPHASIS.sub("", text or "")).casefold()
    return _SPACE.sub("", text.translate(_BRACKETS))


def cited_sentence(line: str, marker_start: int) -> str:
    """The sentence a marker at ``marker_start`` of ``line`` vouches for: the text before it back
    to the previous marker or sentence end, without Markdown list/heading prefixes or emphasis.
    A marker right after another marker (``… [1][2]``) vouches for the same sentence."""
    before = line[:marker_start]
    # Skip back over markers glued to this one, then cut at the last earlier marker.
    stripped = before.rstrip()
    while (glued := re.search(r"\[\d{1,3}\]$", stripped)):
        stripped = stripped[:glued.start()].rstrip()
    last = None
    for last in MARKER.finditer(stripped):
        pass
    segment = stripped[last.end():] if last else stripped
    segment = _LINE_PREFIX.sub("", segment) if last is None else segment
    segment = _EMPHASIS.sub("", segment).strip()
    pieces = [p for p in _SENTENCE_BREAK.split(segment) if p.strip(_TRAILING_PUNCT)]
    sentence = pieces[-1] if pieces else ""
    return sentence.strip().strip(_TRAILING_PUNCT).strip()


def sentence_in_passage(sentence: str, passage: str) -> bool:
    """True when ``sentence`` occurs in ``passage`` (whitespace and emphasis ignored). An
    ellipsis in the sentence stands for omitted text: each part must occur, in order."""
    target = squash(passage)
    start = 0
    for part in _ELLIPSIS.split(sentence):
        part = squash(part).strip(_TRAILING_PUNCT)
        if not part:
            continue
        found = target.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` outside its markers, thousands separators removed."""
    return [n.replace(",", "") for n in NUMBER.findall(MARKER.sub("", text))]


def row_supported(row: str, passage: str) -> bool:
    """Every number of a table row occurs in the passage (thousands separators ignored)."""
    target = squash(passage).replace(",", "")
    return all(n in target for n in numbers(row))


def literal_for(value: float, passage: str) -> str | None:
    """The way ``passage`` writes ``value`` ("0.50" for 0.5), or None if it does not."""
    for match in NUMBER.finditer(passage):
        try:
            if float(match.group(0).replace(",", "")) == float(value):
                return match.group(0)
        except ValueError:
            continue
    return None


# -- the check of an answer's markers -------------------------------------------------------------



@dataclass
class CitationProblem:
    marker: int
    reason: str
    sentence: str = ""

    def __str__(self) -> str:
        where = f" — “{self.sentence[:80]}”" if self.sentence else ""
        return f"[{self.marker}] {self.reason}{where}"


@dataclass
class CitationCheck:
    markers: int = 0
    problems: list[CitationProblem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether every marker resolved and passed the rule."""
        return not self.problems


def check_citations(text: str, passages: Sequence[str], *, check_sentences: bool) -> CitationCheck:
    """Every marker ``[n]`` must resolve to ``passages[n-1]``; with ``check_sentences`` (offline,
    extractive answers) the sentence before each marker must occur in the passage it cites.
    Lines that only list references (``[1] Title…``) have nothing to check beyond resolution."""
    check = CitationCheck()
    for line in (text or "").splitlines():
        is_table = line.lstrip().startswith("|")
        for match in MARKER.finditer(line):
            number = int(match.group(1))
            check.markers += 1
            if not 1 <= number <= len(passages):
                check.problems.append(CitationProblem(number, "does not resolve to a citation"))
                continue
            if not check_sentences:
                continue
            passage = passages[number - 1]
            if is_table:
                if not row_supported(line, passage):
                    check.problems.append(CitationProblem(
                        number, "a number in this table row is not in the cited passage",
                        line.strip()))
                continue
            sentence = cited_sentence(line, match.start())
            if sentence and not sentence_in_passage(sentence, passage):
                check.problems.append(CitationProblem(number, "sentence not found in the cited "
                                                      "passage", sentence))
    return check


def verify(text: str, passages: Sequence[str], *, offline: bool = True) -> list[str]:
    """``check_citations`` as readable problems (empty when every marker is valid); offline
    answers quote, so their sentences are checked against the passages."""
    return [str(problem) for problem in check_citations(text, passages,
                                                        check_sentences=offline).problems]

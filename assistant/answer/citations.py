"""Citation checks shared by the composer, the LLM answerer and the tests.

A marker ``[n]`` must resolve to ``citations[n-1]``. An offline sentence must occur in the passage
it cites (ignoring line wraps and Markdown emphasis); a table row must only hold numbers that
occur in its passage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MARKER = re.compile(r"\[(\d{1,3})\]")
MARKER_GROUP = re.compile(r"\[(\d{1,3}(?:\s*[,，;]\s*\d{1,3})+)\]")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EMPHASIS = re.compile(r"\*\*|__|`")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text for containment: NFKC, case-folded, no emphasis, no whitespace."""
    text = unicodedata.normalize("NFKC", _EMPHASIS.sub("", text)).casefold()
    return _SPACE.sub("", text)


def sentence_in_passage(sentence: str, passage: str) -> bool:
    return squash(sentence).rstrip(".。") in squash(passage)


def numbers(text: str) -> list[str]:
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


def normalise_marker_groups(text: str) -> str:
    """``[1, 2]`` → ``[1][2]``, so that every marker has one number."""
    return MARKER_GROUP.sub(
        lambda m: "".join(f"[{n.strip()}]" for n in re.split(r"[,，;]", m.group(1))), text)


def verify(text: str, passages: Sequence[str], *, offline: bool = True) -> list[str]:
    """Problems with the markers of ``text`` (empty when every marker is valid). ``passages[n-1]``
    is the text of citation ``n``. Offline, each sentence must occur in the passage it cites."""
    problems: list[str] = []
    for line in text.splitlines():
        table = line.lstrip().startswith("|")
        cursor = 0
        for match in MARKER.finditer(line):
            n = int(match.group(1))
            before, cursor = line[cursor:match.start()], match.end()
            if not 1 <= n <= len(passages):
                problems.append(f"[{n}] does not resolve to a citation")
                continue
            if not offline:
                continue
            if table:
                if not row_supported(line, passages[n - 1]):
                    problems.append(f"[{n}] a number of this row is not in the passage: {line}")
            elif (sentence := _claim(before)) and not sentence_in_passage(sentence,
                                                                          passages[n - 1]):
                problems.append(f"[{n}] sentence not in the cited passage: {sentence[:80]}")
    return problems


def _claim(before: str) -> str:
    """The text a marker vouches for: what precedes it on its line back to the previous marker,
    without a list or heading prefix."""
    text = re.sub(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+|#{1,6}\s+)", "", before)
    return text.strip()

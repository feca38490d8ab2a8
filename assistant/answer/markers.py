"""Marker numbering: ``[n]`` in the order a reader meets them, citations and claims to match."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.types import Claim
from assistant.documents import Citation

MARKER = re.compile(r"\[(\d{1,3})\]")


def by_first_use(text: str, citations: list[Citation], claims: list[Claim]
                 ) -> tuple[str, list[Citation], list[Claim]]:
    """Renumber so the first marker in ``text`` is [1], the next new one [2], and so on;
    citations no marker uses are dropped."""
    order: dict[int, int] = {}
    for match in MARKER.finditer(text):
        old = int(match.group(1))
        if 1 <= old <= len(citations) and old not in order:
            order[old] = len(order) + 1
    if list(order) == list(range(1, len(citations) + 1)):
        return text, citations, claims

    def swap(match: re.Match) -> str:
        old = int(match.group(1))
        return f"[{order[old]}]" if old in order else match.group(0)

    new_citations = [c for old, c in sorted(((o, citations[o - 1]) for o in order),
                                            key=lambda pair: order[pair[0]])]
    new_claims = [replace(c, markers=[order[m] for m in c.markers if m in order])
                  for c in claims]
    return MARKER.sub(swap, text), new_citations, new_claims

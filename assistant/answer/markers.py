"""Marker numbering: ``[n]`` in the order a reader meets them, citations and claims to match."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.types import Claim
from assistant.citations import first_use, renumber
from assistant.documents import Citation


def by_first_use(text: str, citations: list[Citation], claims: list[Claim]
                 ) -> tuple[str, list[Citation], list[Claim]]:
    """Renumber so the first marker in ``text`` is [1], the next new one [2], and so on;
    citations no marker uses are dropped."""
    order = first_use(text, len(citations))
    if list(order) == list(range(1, len(citations) + 1)):
        return text, citations, claims
    new_citations = [citations[old - 1] for old in order]  # ``order`` is in first-use order
    new_claims = [replace(c, markers=[order[m] for m in c.markers if m in order])
                  for c in claims]
    return renumber(text, order), new_citations, new_claims

"""Sentence vectors: the vectors of the sentences an answer may quote and of the knowledge
statements, computed at ingest and kept in the catalog beside their chunk (table
``sentence_vectors``), so that an answer embeds nothing but its query.

A vector is found by ``sentence_key(model, text)``: the same sentence in two chunks is one
vector, and a changed sentence simply has a new key. Texts are embedded by their first
``SENTENCE_CHARS`` characters (the answer scorer's cut: cost grows with length).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.index.catalog import Catalog

SENTENCE_CHARS = 300
NONE_KEY = ""             # the row of a chunk that has no sentence to embed
STATEMENT_OWNER = "statement"


def sentence_key(model: str, text: str) -> str:
    """The key of ``text``'s vector under ``model`` (text already cut to SENTENCE_CHARS)."""
    return hashlib.sha1(f"{model}\n{text}".encode()).hexdigest()


class SentenceVectors:
    """The read side answers use (``get`` by key; ``key`` as above). Vectors are written only at
    ingest, with their chunk: ``put`` keeps nothing, so a text an answer had to embed itself
    (none, for an index built by this version) stays in the answer's in-memory cache."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    key = staticmethod(sentence_key)

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of ``keys`` (missing keys left out)."""
        return self.catalog.sentence_vectors(keys)

    def put(self, items: dict[str, np.ndarray]) -> None:
        """Nothing: see the class docstring."""

    def count(self) -> int:
        """How many sentence vectors the catalog holds."""
        return self.catalog.sentence_vector_count()

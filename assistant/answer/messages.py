"""Every piece of text the answer composer writes itself, in English and Chinese: the
``answer.*`` entries of the translation table (``assistant/translations``)."""

from __future__ import annotations

from assistant.translations import t
from assistant.vocabulary import LEGAL_TYPES


def text(key: str, language: str, **values: object) -> str:
    """What the composer writes itself (``answer.<key>`` in the translation table)."""
    return t(f"answer.{key}", language, **values)


def doc_type_group(doc_type: str | None) -> str:
    """The heading an answer files a document under: law and regulation together."""
    if doc_type in LEGAL_TYPES:
        return "law"
    if doc_type in ("policy", "standard", "case", "analysis"):
        return doc_type
    return "other"


GROUP_ORDER = ("law", "policy", "standard", "case", "analysis", "other")
TYPE_ORDER = {"law": 0, "regulation": 1, "policy": 2, "standard": 3, "case": 4, "analysis": 5}

"""The amounts and counts a sentence gives ("¥600", "2,895 counties", "100人"), so that a
sentence that gives no figure but those already said is known as a repeat. A year says when and
a document number's or an article's digits ("国发〔2015〕67号", "Art. 31") name something: neither
is a figure."""

from __future__ import annotations

import re

_AMOUNT = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")
_NAMING = re.compile(r"〔\d{4}〕\d+号|\[\d{4}\]\s*(?:No\.?\s*)?\d+|第[\d一二三四五六七八九十百]+条|"
                     r"\bArt(?:icle)?s?\.?\s*\d+", re.IGNORECASE)


def figures(sentence: str) -> set[str]:
    """The amounts and counts a sentence gives, years and document or article numbers left out."""
    numbers = {n.replace(",", "").rstrip(".") for n in _AMOUNT.findall(_NAMING.sub(" ", sentence))}
    return {n for n in numbers if n and not (len(n) == 4 and n[:2] in ("19", "20"))}


"""Helpers for the answer tests: an independent check that answers quote what they cite."""

from __future__ import annotations

import re
import unicodedata

from assistant.answer import Answer
from assistant.knowledge.checks import numbers_in, numbers_said

MARKER = re.compile(r"\[(\d+)\]")


def squashed(text: str) -> str:
    """Written separately from assistant.answer.citations so the tests do not grade the code
    with its own ruler: NFKC, no emphasis, no whitespace."""
    text = unicodedata.normalize("NFKC", text).replace("**", "").replace("`", "")
    return "".join(text.split()).lower()


def assert_grounded(result: Answer) -> None:
    """Every marker resolves, every citation is used, and every quoted claim occurs verbatim in
    the passage its marker points to; table rows and knowledge statements only hold numbers of
    their passage."""
    used = {int(n) for n in MARKER.findall(result.text)}
    assert used, f"no markers in: {result.text}"
    assert used == set(range(1, len(result.citations) + 1)), (used, len(result.citations))
    assert result.claims, "an answer with markers lists its claims"
    for claim in result.claims:
        for marker in claim.markers:
            passage = result.citations[marker - 1].text
            if claim.kind == "quote":
                assert squashed(claim.text) in squashed(passage), (claim.text, passage[:200])
            elif claim.kind in ("table-row", "statement"):
                # a table row or a knowledge statement: every figure it gives is in the passage
                # (a statement's may also be in the reference line: the document's 文号 and date)
                source = passage if claim.kind == "table-row" else " ".join(
                    result.citations[m - 1].text + " " + result.citations[m - 1].reference()
                    for m in claim.markers)  # a statement's numbers: in its passages together
                if claim.kind == "statement":
                    # amounts may be converted as a Chinese reader writes them (¥7.1bn = 71亿)
                    assert numbers_in(claim.text) <= numbers_said(source), claim.text
                    continue
                for number in re.findall(r"\d+(?:\.\d+)?", claim.text.replace(",", "")):
                    assert number in squashed(source).replace(",", ""), (number, claim.text)
            else:
                # a catalogue line, or a verdict on the asker's own figure (its threshold is
                # checked by tests/answer/test_figure_verdict.py): resolves only
                assert claim.kind in ("measure", "verdict"), claim.kind
        # the claim is in the text, with its marker right after it
        marks = "".join(f"[{m}]" for m in claim.markers) if claim.kind == "statement" \
            else f"[{claim.markers[0]}]"
        assert f"{claim.text} {marks}" in result.text or claim.kind == "table-row"

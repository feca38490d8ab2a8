"""A definition said as an answer. A definition statement names its term first, as a glossary
does ("Teacher pay parity (不低于当地公务员) is the rule of the Compulsory Education Law (Art. 31)
that …"); said in a look-up, a comparison or any answer that does not define the term, a rule so
worded reads like a glossary entry. ``as_rule`` puts the rule first and the term after it ("The
rule of the Compulsory Education Law (Art. 31) on teacher pay parity (不低于当地公务员) is that …"):
the same words, the same claim, in the order an answer gives them."""

from __future__ import annotations

import re

# "<Term> (<中文>) is the <qualifier> rule [of <document (Art. n)>] that <what it requires>"
_RULE = re.compile(r"^(?:The |A |An )?(?P<term>[^()]{3,80}?)\s*(?P<zh>[(（][^()（）]{1,40}[)）])\s+is the\s+"
                   r"(?P<qual>[^()]{0,60}?\b)?rule(?P<doc> of [^()]{3,80}?(?:\s*\([^()]{1,30}\))?)?"
                   r"\s+that\s+(?P<rest>.+)$", re.DOTALL)


def as_rule(sentence: str) -> str:
    """An English definition of a rule said rule first (unchanged if it is not one)."""
    match = _RULE.match(sentence.strip())
    if not match:
        return sentence
    term = match.group("term")
    if len(term) > 1 and not term[:2].isupper():  # "CV of every indicator" keeps its capitals
        term = term[0].lower() + term[1:]
    if sentence.lstrip().startswith("The "):
        term = f"the {term}"
    qual = (match.group("qual") or "").strip()
    head = f"The {qual} rule" if qual else "The rule"
    return f"{head}{match.group('doc') or ''} on {term} {match.group('zh')} is that {match.group('rest')}"

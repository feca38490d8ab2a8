"""What the comparison shapes share: naming a side, its opening, table cells, the key difference."""

from __future__ import annotations

import re

from assistant.answer.shapes.draft import SUBJECT_SPAN, Draft
from assistant.answer.terms import content_terms
from assistant.knowledge.index import Found


def cell(line: str | None) -> str:
    return (line or "—").replace("|", "/").replace("\n", " ")


LEAD_ASPECTS = ("measures", "problem", "context")  # what a comparison opens with, in order


def leading(found: list[Found]) -> Found | None:
    """A side's opening statement: what it did, else its problem, else its setting."""
    for aspect in LEAD_ASPECTS:
        of_aspect = [f for f in found if f.statement.aspect == aspect]
        if of_aspect:
            return of_aspect[0]
    return None


def contrast(draft: Draft, leads: list[Found | None]) -> str:
    """The two sides' opening statements as one paragraph, the second set against the first."""
    said = [draft.say(f, again=n > 0) for n, f in enumerate(leads) if f is not None]
    said = [s for s in said if s]
    if len(said) < 2:
        return " ".join(said)
    joint = "相比之下，" if draft.language == "zh" else ""
    return f"{said[0]} {joint}{said[1]}"


def key_difference(draft: Draft, a: str, b: str) -> str | None:
    """A comparison finding that names both sides, if the analysis has one."""
    terms = content_terms(f"{a} {b}")
    for found in draft.search(terms, kinds=("finding",), limit=40):
        if found.statement.aspect != "comparison":
            continue  # only an analysis that compares the two says what the difference is
        body = f"{found.statement.text} {found.statement.text_zh}".lower()
        if names_side(a, body) and names_side(b, body):
            return draft.say(found)
    return None


def names_side(side: str, text: str) -> bool:
    # a year or a document's number names a side as much as its words ("国发〔2015〕67号")
    words = [w for w in re.findall(r"[a-z]{3,}|[\u4e00-\u9fff]{2,}|\d{2,}", side.lower())
             if w not in ("county", "district", "city", "the", "and")]
    return bool(words) and all(w in text for w in words)


CONTRAST = re.compile(r"\b(while|whereas|but|than|instead|unlike|only|rather)\b|而|则|相比|"
                       r"不同于|只|不再|改为", re.IGNORECASE)


DEFINED_SPAN = 12  # ... and defines it when it names it this early (its subject)


def about(side: str, found: Found, language: str, span: int = SUBJECT_SPAN) -> bool:
    """Whether the statement is about ``side`` (names it within ``span`` characters of its
    start), not only mentions it: a "what it is" cell must describe its own side."""
    head = found.statement.in_language(language)[:span].lower()
    return names_side(side, head) or names_side(side, found.statement.text[:span].lower())


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]

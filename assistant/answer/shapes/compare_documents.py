"""Two documents compared: each column only from that document's statements."""

from __future__ import annotations

from assistant.answer.messages import text as t
from assistant.answer.named_documents import display_name, mentioned_documents, unnamed_words
from assistant.answer.shapes.draft import LIST_RELATIVE, Composed, Draft, both_texts, finish
from assistant.answer.shapes.sides import CONTRAST, cell, contrast
from assistant.answer.terms import content_terms

DOC_FLOOR = 0.15    # a document's statement shares this much of the question to fill its column


def compare_documents(draft: Draft, sides, doc_a: str, doc_b: str,
                       documents: dict[str, dict]) -> Composed:
    """Two documents compared on what the question asks: each column from that document's own
    statements only (never a neighbouring document's), ranked by the words of the question
    that do not name either document; the two answers open, a statement that names both
    documents leads when there is one, then a table by kind of statement."""
    focus = " ".join([sides.focus, unnamed_words(sides.a, documents[doc_a]),
                      unnamed_words(sides.b, documents[doc_b])]).strip()
    focus = focus or draft.ctx.question
    # with the glossary's names of its terms in both languages ("teacher exchange": 交流轮岗)
    names = [n for e in draft.ctx.engine.glossary.find_in(focus) for n in (e.en, e.zh) if n]
    terms = content_terms(" ".join([focus, *names]))
    columns = []
    for doc in (doc_a, doc_b):
        found = draft.search(terms, sources=(doc,), limit=20)
        best = found[0].score if found else 0.0
        columns.append([f for f in found if f.score >= max(DOC_FLOOR, LIST_RELATIVE * best)])
    if not all(columns):
        return None
    # the key difference: a statement that names both documents and sets one against the other
    both = [f for f in draft.relevant(draft.search(terms, limit=40), floor=DOC_FLOOR)
            if {doc_a, doc_b} <= mentioned_documents(both_texts(f), documents)
            and CONTRAST.search(f.statement.in_language(draft.language))
            and f.located.doc_type != "case"]
    key = draft.say_all(both, 1)
    # what the key difference says of a side is not said again (that column may then be empty)
    columns = [[f for f in found if not draft.is_said(f)] for found in columns]
    lead = contrast(draft, [draft.lead(found)[0] if found else None for found in columns])
    rows = []
    for kinds in (("duty",), ("definition", "fact"), ("finding",)):
        cells = [draft.say_all([f for f in found if f.statement.kind in kinds], 1)
                 for found in columns]
        if any(cells):
            rows.append(f"| {t('row_' + kinds[0], draft.language)} | "
                        + " | ".join(cell(c[0] if c else None) for c in cells) + " |")
    names = [display_name(side, documents[doc], draft.language)
             for side, doc in ((sides.a, doc_a), (sides.b, doc_b))]
    parts = [f"**{t('key_difference', draft.language)}** {key[0]}" if key else "", lead]
    if rows:
        parts.append("\n".join([f"| | {names[0]} | {names[1]} |", "|---|---|---|", *rows]))
    return finish(draft, parts)

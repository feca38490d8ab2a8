"""Two documents compared: each column only from that document's statements."""

from __future__ import annotations

from assistant.answer.messages import text as t
from assistant.answer.named_documents import display_name, mentioned_documents, unnamed_words
from assistant.answer.shapes.draft import LIST_RELATIVE, Composed, Draft, both_texts, finish
from assistant.answer.shapes.sides import CONTRAST, cell, contrast
from assistant.answer.terms import content_terms, token_set
from assistant.article_numbers import article_numbers
from assistant.knowledge.index import Found

DOC_FLOOR = 0.15        # a document's statement shares this much of the question to fill its column
COLUMN_COVERAGE = 0.5   # ... and this share of what its column's best statement holds


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
        columns.append([f for f in found if f.score >= max(DOC_FLOOR, LIST_RELATIVE * best)]
                       or _overview(draft, doc))
    if not all(columns):
        return None
    # a column keeps to the point: a statement holding only the commonest of the question's
    # words ("teachers" of "teachers' average pay") is about something else
    columns = [[f for f in found if f.coverage >= COLUMN_COVERAGE * found[0].coverage]
               for found in columns]
    if not all(columns):
        return None
    # the key difference: a statement that names both documents and sets one against the other
    both = [f for f in draft.relevant(draft.search(terms, limit=40), floor=DOC_FLOOR)
            if {doc_a, doc_b} <= mentioned_documents(both_texts(f), documents)
            and CONTRAST.search(f.statement.in_language(draft.language))
            and f.located.doc_type != "case"]
    key = draft.say_all(both, 1)
    names = [display_name(side, documents[doc], draft.language)
             for side, doc in ((sides.a, doc_a), (sides.b, doc_b))]
    # after the difference, each document's own words on the point (the difference may
    # paraphrase them; the reader wants the wording), what a document requires first
    columns = [[f for f in found if f.statement.in_language(draft.language).strip()
                not in draft.said_texts] for found in columns]
    leads = [draft.lead(found, prefer=lambda f: f.statement.kind == "duty")[0] if found else None
             for found in columns]
    if key:
        # each document's statement closest to what the difference says of it: the rule it
        # contrasts, in the document's own words
        difference_text = both[0].statement.in_language(draft.language)
        difference = token_set(difference_text)
        articles = article_numbers(f"{both[0].statement.text} {both[0].statement.text_zh}")

        def closeness(f: Found) -> tuple[bool, bool, int]:
            words = token_set(f.statement.in_language(draft.language))
            return (bool(article_numbers(f.statement.locator) & articles),
                    f.statement.kind == "duty", len(difference & words))
        # the articles the difference names are where each rule is, whatever their wording;
        # a statement that itself compares the two is the difference again, not the rule
        named = [[Found(item, 0.0, 0.0) for item in draft.index.located
                  if item.statement.source == doc and item.doc_type in ("law", "regulation")
                  and article_numbers(item.statement.locator) & articles
                  and draft.ctx.filters.admits(doc, item.metadata)] for doc in (doc_a, doc_b)]
        own = [[f for f in found + extra if len(mentioned_documents(both_texts(f), documents)) < 2
                and f.statement.in_language(draft.language).strip() not in draft.said_texts]
               for found, extra in zip(columns, named)]
        leads = [max(found, key=closeness) if found else None for found in own]
        said = [draft.say(f, again=True) if f is not None else None for f in leads]
        opening = "\n".join(f"- **{name}**{t('says', draft.language)}{line}"
                             for name, line in zip(names, said) if line)
    else:
        opening = contrast(draft, leads)
    rows = []
    # findings (why a rule exists, how it worked out) only where no statement compares them
    row_kinds = (("duty",), ("definition", "fact")) + (() if key else (("finding",),))
    for kinds in row_kinds:
        of_kind = [[f for f in found if f.statement.kind in kinds and not draft.is_said(f)]
                   for found in columns]
        if not all(of_kind):
            continue  # a row with one side empty would read as "this document is silent"
        cells = [draft.say_all(found, 1) for found in of_kind]
        if all(cells):
            rows.append(f"| {t('row_' + kinds[0], draft.language)} | "
                        + " | ".join(cell(c[0]) for c in cells) + " |")
    parts = [f"**{t('key_difference', draft.language)}** {key[0]}" if key else "", opening]
    if rows:
        parts.append("\n".join([f"| | {names[0]} | {names[1]} |", "|---|---|---|", *rows]))
    return finish(draft, parts)


def _overview(draft: Draft, doc: str) -> list[Found]:
    """What a document covers, when none of its statements holds the point asked ("what does
    each one cover"): its first definitions and facts, in the order the corpus states them."""
    own = [Found(item, 0.0, 0.0) for item in draft.index.located
           if item.statement.source == doc and item.statement.kind in ("definition", "fact")
           and draft.ctx.filters.admits(doc, item.metadata)]
    return own[:3]

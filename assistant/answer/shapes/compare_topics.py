"""Two things compared (standards, policies): the sources' contrasts, else side by side."""

from __future__ import annotations

import re

from assistant.answer.messages import text as t
from assistant.answer.restated import covers, facts
from assistant.answer.shapes.draft import Composed, Draft, both_texts, finish
from assistant.answer.shapes.sides import (
    CONTRAST,
    DEFINED_SPAN,
    about,
    cell,
    contrast,
    figures,
    key_difference,
    names_side,
    names_side_loosely,
    sentence_case,
    two_sided,
)
from assistant.answer.terms import content_terms, matches, token_set
from assistant.knowledge.index import Found

# The question asks what each side amounts to ("各补多少", "how much does each pay").
AMOUNT = re.compile(r"\bhow (much|many|large|high)\b|多少|几成|金额", re.IGNORECASE)


def compare_topics(draft: Draft, a: str, b: str, focus: str) -> Composed:
    """Two things compared (two standards, two policies). Where the sources contrast them —
    statements that name both and set one against the other — those lead, and a table says what
    each is; otherwise a table sets each side's own statements side by side."""
    contrasts = _contrasts(draft, a, b, focus)
    cells = []
    for side, other in ((a, b), (b, a)):
        # what each side is: a definition about it (naming it first) and not about the other
        found = [f for f in draft.search(content_terms(side), kinds=("definition",), limit=10)
                 if about(side, f, draft.language, DEFINED_SPAN + len(side))
                 and not names_side(other, both_texts(f))]
        cells.append(found)
    best = contrasts[0] if contrasts else None
    side_issue = best is None or (best.statement.aspect != "comparison"
                                  and figures(best.statement.in_language(draft.language)) < 2)
    if (AMOUNT.search(draft.ctx.question) or side_issue) and all(cells) and not (
            best and figures(best.statement.in_language(draft.language)) >= 2) \
            and all(figures(found[0].statement.in_language(draft.language)) for found in cells):
        # "各补多少", "how much does each pay", or a lead contrast that is no comparison of the
        # two (an explanation naming both): each side's own figures, set against each other,
        # open the answer
        opening = contrast(draft, [found[0] for found in cells])
        if opening:
            more = draft.say_all(contrasts, 2)
            parts = [opening]
            if more:
                parts.append(t("more_differences", draft.language) + "\n"
                             + "\n".join(f"- {line}" for line in more))
            return finish(draft, parts)
    lead = draft.say_all(contrasts, 1)
    if not lead:
        return _side_by_side(draft, a, b, focus)
    more = draft.say_all(contrasts[1:], 2)
    parts = [" ".join(lead)]
    if more:
        parts.append(t("more_differences", draft.language) + "\n"
                     + "\n".join(f"- {line}" for line in more))
    if all(cells):
        said = [draft.say_all(found, 1) for found in cells]
        if all(said):
            row = f"| {t('row_definition', draft.language)} | " + \
                " | ".join(cell(s[0]) for s in said) + " |"
            parts.append("\n".join([f"| | {a} | {b} |", "|---|---|---|", row]))
    return finish(draft, parts)


def _side_by_side(draft: Draft, a: str, b: str, focus: str) -> Composed:
    """A table with one column per side, each cell only from statements about that side."""
    kinds_rows = (("definition", "fact"), ("duty",), ("finding", "case"))
    columns = []
    for side in (a, b):
        terms = content_terms(f"{side} {focus}")
        side_terms = content_terms(side)
        found = draft.relevant(draft.search(terms, limit=30), floor=0.2)
        columns.append([f for f in found if _mentions(f, side_terms)])
    if not all(columns):
        return None
    rows = []
    for kinds in kinds_rows:
        cells = []
        for found in columns:
            said = draft.say_all([f for f in found if f.statement.kind in kinds], 1)
            cells.append(said[0] if said else None)
        if any(cells):
            label = t("row_" + kinds[0], draft.language)
            rows.append(f"| {label} | " + " | ".join(cell(c) for c in cells) + " |")
    if len(rows) < 2:
        return None
    table = "\n".join([f"| | {a} | {b} |", "|---|---|---|", *rows])
    key = key_difference(draft, a, b)
    if key:  # the answer first: the difference, then the table it comes from
        return finish(draft, [f"**{t('key_difference', draft.language)}** {key}", table])
    return finish(draft, [sentence_case(t("compare_lead", draft.language, a=a, b=b)), table])


def _mentions(found: Found, side_terms) -> bool:
    text = found.located.search_text
    tokens = token_set(text)

    hits = sum(1 for term in side_terms if matches(term, text, tokens))
    return hits >= max(1, (len(side_terms) + 1) // 2)


def _contrasts(draft: Draft, a: str, b: str, focus: str) -> list[Found]:
    """Findings and facts that name both sides, those that set one against the other first,
    then the analysis's own comparisons; each group by relevance to the question."""
    terms = content_terms(f"{a} {b} {focus} {draft.ctx.question}")
    # a case's record counts when it sets the case against the other side ("the Jiangsu-style
    # standard … 99% against the national 95%"); a side is named by the words that tell it apart
    found = [f for f in draft.search(terms, kinds=("finding", "fact", "definition", "case"),
                                     limit=60)
             if names_side_loosely(a, both_texts(f)) and names_side_loosely(b, both_texts(f))]

    def key(f: Found):
        said = f.statement.in_language(draft.language)
        # (the contrast in the words the reader reads: "only" in a translation is no contrast)
        # a contrast that gives each side its figure ("0.65 … whereas … 0.50", "99%（国家…95%）")
        # says the difference an official can use; one with a single figure or none explains it
        figured = figures(said) >= 2
        contrasted = figured or bool(CONTRAST.search(said))
        return (not contrasted, not figured, not two_sided(said), -round(f.score, 2),
                f.located.doc_type == "analysis", f.statement.aspect != "comparison")
    # of those as relevant, the primary documents' own contrast first (the standard that
    # states the rule, before an analysis that restates it), then the analysis's comparisons
    return fullest(sorted(found, key=key), draft.language)


def fullest(found: list[Found], language: str) -> list[Found]:
    """Contrasts in order, a contrast whose figures a later one says again in full (``covers``)
    replaced there by the fuller one: the lead and the "other differences" never say one set of
    figures twice. Of two that cover each other, the first stays."""
    said = [facts(f.statement.in_language(language)) for f in found]
    result: list[Found] = []
    for i, f in enumerate(found):
        fuller = next((j for j in range(len(found)) if j != i and covers(said[j], said[i])
                       and not (j > i and covers(said[i], said[j]))), None)
        chosen = found[fuller] if fuller is not None else f
        if chosen not in result:
            result.append(chosen)
    return result

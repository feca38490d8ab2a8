"""Two cases compared aspect by aspect, each column only from its own case's statements."""

from __future__ import annotations

from assistant.answer.messages import text as t
from assistant.answer.shapes.case import CASE_ASPECTS
from assistant.answer.shapes.draft import Composed, Draft, both_texts, finish
from assistant.answer.shapes.sides import cell, contrast, key_difference, leading, names_side
from assistant.answer.terms import content_terms


def compare_cases(draft: Draft, a: str, b: str, case_a: str, case_b: str, focus: str
                   ) -> Composed:
    terms = content_terms(f"{focus} {draft.ctx.question}")
    by_side = {cid: draft.search(terms, cases=(cid,), limit=60) for cid in (case_a, case_b)}
    if not all(by_side.values()):
        return None
    key = key_difference(draft, a, b)
    lead = contrast(draft, [leading(by_side[case_a], a), leading(by_side[case_b], b)])
    rows = []
    for aspect in CASE_ASPECTS:
        cells = []
        for cid, side in ((case_a, a), (case_b, b)):
            # a case that gathers several places (Jiashan and Ningbo): where it has statements
            # naming the place asked about, only those (never another place's in its column)
            of_aspect = [f for f in by_side[cid] if f.statement.aspect == aspect]
            of_aspect = [f for f in of_aspect if names_side(side, both_texts(f))] or of_aspect
            # what the opening said is not said again in its row: the next statement, if any;
            # a cell whose only statement the opening said restates it (a table is read on its
            # own, and "(see above)" sends the reader hunting)
            said = draft.say_all(of_aspect, 1) or draft.say_all(of_aspect[:1], 1, again=True)
            cells.append(said[0] if said else None)
        if any(cells):
            rows.append(f"| {t('aspect_' + aspect, draft.language)} | "
                        + " | ".join(cell(c) for c in cells) + " |")
    if not rows:
        return None
    table = "\n".join([f"| | {a} | {b} |", "|---|---|---|", *rows])
    # the answer first: the key difference the sources state, then each side's record
    parts = [f"**{t('key_difference', draft.language)}** {key}" if key else
             lead or t("compare_lead", draft.language, a=a, b=b), table]
    return finish(draft, parts)

"""A comparison of the corpus's comparisons file: the key difference in one sentence, then a
side-by-side table, one column per side and one row per aspect, each cell a statement from that
side's own source (schema: corpus/README.md, "Comparisons").

Which comparison a question asks for is fitted by the matcher the explanations use
(``shapes.explanations.scores``: the question against each comparison's ``asks`` phrases, with
the statements' dense similarity for English questions). The aspect a question names ("… on
teachers", "在经费上": words no phrase of the comparison and no side label holds) puts the rows
whose aspect label names it first, and only those when there are enough of them."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.intent import corpus_case_names
from assistant.answer.messages import text as t
from assistant.answer.shapes.compare_topics import AMOUNT
from assistant.answer.shapes.draft import SIMILAR, Composed, Draft, finish, overlap
from assistant.answer.shapes.explanations import scores
from assistant.answer.shapes.sides import cell, figure_set, figures, names_side
from assistant.answer.terms import content_terms, matches, token_set
from assistant.knowledge.comparisons import Comparison, Row
from assistant.knowledge.index import Found

MATCH = 0.5        # the score a compare question needs to be answered from a comparison
ONLY_ASKED = 3     # this many rows on the aspect asked: those rows alone make the table


def comparison_for(draft: Draft, cases: tuple[str, ...] = (),
                   sides: tuple[str, ...] = ()) -> Comparison | None:
    """The comparison the question asks for, or None when none fits well enough. A comparison
    that does not name a case the question names (``cases``: Hengnan in "how do Hengnan's
    alliances differ from Zhejiang's communities"), or that does not hold a side the question
    names (``sides``: 公费师范生 in "特岗计划和公费师范生有什么区别"), is not the one asked for,
    however well the rest of the question fits it."""
    names = case_names(draft)
    comparisons = [c for c in draft.index.comparisons
                   if all(_names_case(c, names.get(case, (case,))) for case in cases)
                   # two cases the question names are surer than the sides parsed around them
                   # ("衡南县的城乡校联体" read as 衡南县 and an aspect) or the words of its
                   # labels ("衡南" for 衡南县校联体)
                   and (len(cases) >= 2 or (all(holds_side(c, side) for side in sides)
                                            and names_sides(draft, c)))]
    if len(cases) >= 2 and (exact := [c for c in comparisons if len(c.sides) == len(cases)]):
        comparisons = exact  # a column for each case named, none for a case not asked about
    scored = scores(draft, comparisons)
    if not scored:
        return None
    best, chosen = max(scored, key=lambda pair: pair[0])
    # a comparison of the very cases the question names is the one asked for, however the
    # question words it ("成都的城乡教育一体化和衡南县的校联体相比…")
    return chosen if best >= MATCH or len(cases) >= 2 else None


def compare_from_file(draft: Draft, cases: tuple[str, ...] = (), sides: tuple[str, ...] = (),
                      comparison: Comparison | None = None) -> Composed:
    """The key difference, then the table; None when the question fits no comparison or the key
    cannot be said (filtered out, or its passage not indexed)."""
    comparison = comparison or comparison_for(draft, cases, sides)
    if comparison is None:
        return None
    asked = in_question_order(draft, only_named(draft, comparison))
    key = _found(draft, comparison.key)
    if key is None:
        return None
    language = draft.language
    rows = asked_rows(draft, asked)
    if names_a_side_left_out(comparison, asked, key):
        # the key sets three sides against each other ("three instruments"): it says no
        # difference between the two asked, so each side's first row opens in its place
        return _without_key(draft, asked, rows)
    comparison = asked
    said_key = draft.say(key)
    if said_key is None:
        return None
    opening = ""
    lead = opening_row(draft, comparison, key)
    if lead is not None:
        # the key difference is not on the aspect asked ("… differ on central shares"): each
        # side's answer on it opens, then the key difference, then the other rows
        said = [(side, draft.say(found)) for side, ident in zip(comparison.sides, lead.cells)
                if (found := _found(draft, ident) if ident else None) is not None]
        said = [(side, line) for side, line in said if line]
        if len(said) >= 2:
            opening = "\n".join(f"- **{side.in_language(language)}**{t('says', language)}{line}"
                                 for side, line in said)
            rows = [row for row in rows if row is not lead]
    shared = _shared(draft, comparison)
    table = _table(draft, comparison, rows, figure_set(key.statement.in_language(language)),
                   opened=lead if opening else None)
    if table is None:
        return None
    return finish(draft, [opening, f"**{t('key_difference', language)}** {said_key}", shared,
                          *table])


# The question asks what the sides share as well as how they differ: "有什么异同", "区别和联系",
# "similarities and differences", "what do they have in common"
ASKS_SHARED = re.compile(r"异同|相同|共同(?!体)|相似|相通|联系|一致|similar|in common|\balike\b|"
                         r"\bshare\b|\bsame\b|\brelat(?:ed|ion|e)\b|\blink", re.IGNORECASE)


def _shared(draft: Draft, comparison: Comparison) -> str:
    """What the sides share, in a line after the key difference, when the question asks for it
    and the comparison holds it (``same``); else nothing."""
    if not comparison.same or not ASKS_SHARED.search(draft.ctx.question):
        return ""
    found = _found(draft, comparison.same)
    said = draft.say(found) if found is not None else None
    return f"**{t('compare_shared', draft.language)}** {said}" if said else ""


def _without_key(draft: Draft, comparison: Comparison, rows: list[Row]) -> Composed:
    """Each side's answer on the first row both speak to, one line each, then the table."""
    language = draft.language
    for row in rows:
        found = [_found(draft, ident) if ident else None for ident in row.cells]
        if all(found) and _sayable(draft, found):
            break
    else:
        return None
    said = [draft.say(f) for f in found]
    if not all(said):
        return None
    opening = "\n".join(f"- **{side.in_language(language)}**{t('says', language)}{line}"
                         for side, line in zip(comparison.sides, said))
    given = set().union(*(figure_set(f.statement.in_language(language)) for f in found))
    table = _table(draft, comparison, [r for r in rows if r is not row], given, opened=row)
    return finish(draft, [opening, *(table or [])])


def _table(draft: Draft, comparison: Comparison, rows: list[Row],
           given: set[str], opened: Row | None = None) -> list[str] | None:
    """The table (and a line for a side the sources are silent on throughout); a row whose
    cell only repeats two or more figures already given (``given``: the key's, earlier rows')
    is left out, for each figure is said once. An empty cell never says the sources are silent
    when the side's own statements in the answer (``opened``: the row said in the opening, or
    another row) state what the row asks; it points there."""
    language = draft.language
    lines = []
    for row in rows:
        found = [_found(draft, ident) if ident else None for ident in row.cells]
        shown = [figure_set(f.statement.in_language(language)) for f in found if f is not None]
        # (a set of figures, not one: a single "85%" recurs with other meanings)
        if any(len(figs) >= 2 and figs <= given for figs in shown):
            continue  # the figures of this cell were said above: the row would repeat them
        # a cell that says again what the answer said above (the key, an earlier cell) is
        # not said twice: it points back instead
        above = [f is not None and (_said_above(draft, f) or any(
                     _same_passage(draft, f, fs[n]) for _, cs, _, fs in lines if cs[n]))
                 for n, f in enumerate(found)]
        cells = [draft.say(f, again=True) if f is not None and not again else None
                 for f, again in zip(found, above)]
        if not any(cells):
            continue  # every side of the row filtered out (or said above): the row says nothing
        given = given.union(*shown)
        lines.append((row, cells, above, found))
    if not lines:
        return None
    lead = [] if opened is None else [
        (opened, [_found(draft, ident) if ident else None for ident in opened.cells])]
    pointers: dict[tuple[int, int], str] = {}

    order = {row.aspect.in_language(language): i for i, (row, _, _, _) in enumerate(lines)}

    def point(where: str | None, here: int) -> str:
        # to a row of the table by its label, above or below this one; to the opening (no row
        # of the table) as "above"
        if where is None or (opened is not None and where == opened.aspect.in_language(language)):
            return t("compare_said_above", language)
        if order.get(where, -1) > here:
            return t("compare_see_row_below", language, row=where)
        return t("compare_see_row", language, row=where)
    for i, (row, cells, above, found) in enumerate(lines):
        for n, said in enumerate(cells):
            if said:
                continue
            # what this side says in the opening and on the other rows
            shown = [(r, fs[n]) for r, fs in lead] + \
                [(r, fs[n]) for r, cs, _, fs in lines if r is not row and cs[n]]
            if above[n]:
                earlier = [(r, f) for r, f in shown[:len(lead)]] + \
                    [(r, fs[n]) for r, cs, _, fs in lines[:i] if cs[n]]
                pointers[i, n] = point(_repeated_in(draft, found[n], earlier), i)
            elif (where := _stated_elsewhere(draft, row, shown)):
                pointers[i, n] = point(where, i)
    # a side silent on every row (and there is more than one) is said to be so once
    quiet = [n for n in range(len(comparison.sides)) if len(lines) > 1 and all(
        not cells[n] and (i, n) not in pointers for i, (_, cells, _, _) in enumerate(lines))]
    silent = t("compare_silent", language)
    body = [f"| {row.aspect.in_language(language)} | "
            + " | ".join(cell(c) if c else pointers.get((i, n)) or
                         ("—" if n in quiet else silent) for n, c in enumerate(cells)) + " |"
            for i, (row, cells, _, _) in enumerate(lines)]
    header = "| | " + " | ".join(side.in_language(language) for side in comparison.sides) + " |"
    rule = "|---" * (len(comparison.sides) + 1) + "|"
    parts = ["\n".join([header, rule, *body])]
    parts += [t("compare_side_silent", language, side=comparison.sides[n].in_language(language))
              for n in quiet]
    return parts


def _sayable(draft: Draft, found: list[Found]) -> bool:
    """Whether each statement can be said in turn, none very like one said before it."""
    seen = list(draft.said)
    for f in found:
        words = token_set(f.statement.in_language(draft.language))
        if any(overlap(words, other) >= SIMILAR for other in seen):
            return False
        seen.append(words)
    return True


def _said_above(draft: Draft, found: Found) -> bool:
    """Whether most of a cell's words were said above (the key, an earlier cell) and none of its
    figures is new: a cell that merely contains a shorter statement said above, or gives
    figures not yet given ("2182亿元"), still adds to it and is said."""
    said = found.statement.in_language(draft.language)
    words = token_set(said)
    if _numbers(said) - set().union(*(_numbers(t) for t in draft.said_texts)):
        return False
    # (over the longer of the two: a short cell inside a long key difference is the side's own
    # words on it, not the key said again)
    return bool(words) and any(len(words & other) / max(len(words), len(other)) >= SIMILAR
                               for other in draft.said)


def _same_passage(draft: Draft, found: Found, earlier: Found | None) -> bool:
    """Whether a cell is drawn from the same passage as an earlier cell of its side and gives
    none but that cell's figures (two or more): the same rule said again in other words ("6 of
    the 7 … all seven to be safe" as the standard, then as the county's duty)."""
    if earlier is None:
        return False
    mine, theirs = found.statement, earlier.statement
    numbers = _numbers(mine.in_language(draft.language))
    return (mine.source, mine.locator) == (theirs.source, theirs.locator) and \
        len(numbers) >= 2 and numbers <= _numbers(theirs.in_language(draft.language))


def _repeated_in(draft: Draft, found: Found, shown: list[tuple[Row, Found | None]]) -> str | None:
    """The label of the row whose cell (for the same side) holds most of this cell's words."""
    said = found.statement.in_language(draft.language)
    words, numbers = token_set(said), _numbers(said)
    # the row that gave its figures first ("10%" of the definition), then the most of its words
    held = []
    for row, other in shown:
        if other is None or not words:
            continue
        other_said = other.statement.in_language(draft.language)
        held.append((bool(numbers) and numbers <= _numbers(other_said),
                     len(words & token_set(other_said)) / len(words), row))
    best = max(held, key=lambda item: item[:2], default=(False, 0.0, None))
    return best[2].aspect.in_language(draft.language) if best[0] or best[1] >= SIMILAR else None


# a number a statement gives (not a year, an article or a 文号): "2182", "10", "0.65"
_NUMBER = re.compile(r"(?<![\d〔第.])\d+(?:\.\d+)?(?![\d号条〕])")


def _numbers(text: str) -> set[str]:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return {n for n in _NUMBER.findall(text) if not re.fullmatch(r"(?:19|20)\d\d", n)}


def _stated_elsewhere(draft: Draft, row: Row, others: list[tuple[Row, Found | None]]
                      ) -> str | None:
    """The label of another row whose cell for the same side holds every word of this row's
    aspect (in the reader's language), if one does."""
    language = draft.language
    terms = content_terms(row.aspect.in_language(language))
    if not terms:
        return None
    for other, found in others:
        if found is None:
            continue
        said = found.statement.in_language(language).lower()
        tokens = token_set(said)
        if all(matches(term, said, tokens) for term in terms):
            return other.aspect.in_language(language)
    return None


def names_a_side_left_out(comparison: Comparison, asked: Comparison, key: Found) -> bool:
    """Whether the key names a side of the comparison that the question left out."""
    statement = key.statement

    def head(label: str) -> str:  # "Cangyuan County (delivery classroom)": its name
        return re.split(r"\s*[（(]", label, maxsplit=1)[0] or label
    return any(names_side(head(side.en), statement.text.lower()) or
               names_side(head(side.zh), statement.text_zh.lower())
               for side in comparison.sides if side not in asked.sides)


def in_question_order(draft: Draft, comparison: Comparison) -> Comparison:
    """The comparison with its sides (and every row's cells) in the order the question names
    them ("the Teachers Law and the Compulsory Education Law": the Teachers Law first); as
    filed when the question does not name every side."""
    question = draft.ctx.question.lower()
    labels = [f"{s.en} {s.zh}".lower() for s in comparison.sides]
    positions = []
    for n, label in enumerate(labels):
        others = " ".join(labels[:n] + labels[n + 1:])
        others_tokens = token_set(others)
        own = [t.text.lower() for t in content_terms(label)
               if not matches(t, others, others_tokens)]
        # a place asked without its suffix: "嘉善" for 嘉善县, "成都" for 成都市
        own += [word[:-1] for word in own if len(word) > 2 and word[-1] in "县市区省"]
        found = [question.find(word) for word in own if word and question.find(word) >= 0]
        positions.append(min(found) if found else None)
    if None in positions or positions == sorted(positions):
        return comparison
    order = sorted(range(len(positions)), key=lambda n: positions[n])
    return replace(comparison, sides=tuple(comparison.sides[n] for n in order),
                   rows=tuple(replace(row, cells=tuple(row.cells[n] for n in order))
                              for row in comparison.rows))


def opening_row(draft: Draft, comparison: Comparison, key: Found) -> Row | None:
    """The row on the aspect the question asks about that should open the answer: the one whose
    label holds the most of the aspect's words, when the key difference holds fewer of them
    (None when the question names no aspect, or the key difference speaks to it)."""
    aspect = aspect_terms(draft, comparison)
    if AMOUNT.search(draft.ctx.question):
        # "各补多少", "how much does each pay": the row whose cells give the most figures
        def counted(row: Row) -> list[int]:
            return [figures(found.statement.in_language(draft.language))
                    if ident and (found := _found(draft, ident)) is not None else 0
                    for ident in row.cells]
        best = max(comparison.rows, key=lambda row: sum(counted(row)))
        if sum(1 for n in counted(best) if n) >= 2 and \
                figures(key.statement.in_language(draft.language)) < 2:
            return best
    if not aspect:
        return None

    def held(text: str) -> int:
        lowered = text.lower()
        tokens = token_set(lowered)
        return sum(matches(term, lowered, tokens) for term in aspect)

    best = max(comparison.rows, key=lambda row: held(f"{row.aspect.en} {row.aspect.zh}"))
    on_aspect = held(f"{best.aspect.en} {best.aspect.zh}")
    statement = key.statement
    if on_aspect == 0 or held(f"{statement.text} {statement.text_zh}") >= on_aspect:
        return None
    return best if sum(1 for cell in best.cells if cell) >= 2 else None


def asked_rows(draft: Draft, comparison: Comparison) -> list[Row]:
    """The comparison's rows, those on the aspect the question names first (only those when
    there are ONLY_ASKED of them), each group in the comparison's order."""
    aspect = aspect_terms(draft, comparison)
    if not aspect:
        return list(comparison.rows)

    def on_aspect(row: Row) -> bool:
        label = f"{row.aspect.en} {row.aspect.zh}".lower()
        tokens = token_set(label)
        return any(matches(term, label, tokens) for term in aspect)

    asked = [row for row in comparison.rows if on_aspect(row)]
    if not asked:
        # no row is labelled with the aspect ("适用对象和任职年限" of rows labelled "the rule"):
        # the rows whose statements speak to it come first, the most of its words first
        def held(row: Row) -> int:
            said = " ".join(found.statement.in_language(draft.language) for ident in row.cells
                            if ident and (found := _found(draft, ident)) is not None).lower()
            tokens = token_set(said)
            return sum(matches(term, said, tokens) for term in aspect)
        return sorted(comparison.rows, key=lambda row: -held(row))
    if len(asked) >= ONLY_ASKED:
        return asked
    return asked + [row for row in comparison.rows if row not in asked]


def aspect_terms(draft: Draft, comparison: Comparison) -> list:
    """The question's words that neither a phrase of the comparison nor a side label holds:
    the aspect it asks the sides to be compared on ("teachers" of "… on teachers")."""
    held = " ".join([*comparison.asks, *(f"{s.en} {s.zh}" for s in comparison.sides)]).lower()
    held_tokens = token_set(held)
    return [term for term in content_terms(draft.ctx.question)
            if not matches(term, held, held_tokens) and not COMPARING.fullmatch(term.text)]


# Words that ask for a comparison, not for an aspect of one ("相比", "不同", "differences")
COMPARING = re.compile(r"相比|比较|对比|不同|区别|差别|差异|异同|相同|联系|一样|"
                       r"compar\w*|differ\w*|similar\w*|versus|vs", re.IGNORECASE)


def case_names(draft: Draft) -> dict[str, tuple[str, ...]]:
    """Each corpus case's names (its id's words and the places it is known by)."""
    names: dict[str, tuple[str, ...]] = {}
    for corpus in draft.ctx.settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    return names


def _names_case(comparison: Comparison, names: tuple[str, ...]) -> bool:
    """Whether a comparison's phrases or side labels name a case by one of its names."""
    text = " ".join([*comparison.asks, *(f"{s.en} {s.zh}" for s in comparison.sides)]).lower()
    return any(name.lower() in text for name in names if name)


def names_sides(draft: Draft, comparison: Comparison) -> bool:
    """Whether the question names the comparison's sides: each of two sides (two of three) by a
    word of its labels that the other sides' labels lack ("Zhejiang" or "Regulations" of the
    Zhejiang regulations against the Compulsory Education Law; "Education Law" alone names
    neither)."""
    return sum(named_sides(draft, comparison)) >= min(2, len(comparison.sides))


def named_sides(draft: Draft, comparison: Comparison) -> list[bool]:
    """For each side, whether the question names it by a word of its labels the others lack."""
    ctx = draft.ctx
    question = " ".join([ctx.question, *(n for e in ctx.glossary for n in (e.en, e.zh) if n)])
    lowered, tokens = question.lower(), token_set(question)
    labels = [f"{s.en} {s.zh}".lower() for s in comparison.sides]
    named = []
    for n, label in enumerate(labels):
        others = " ".join(labels[:n] + labels[n + 1:])
        others_tokens = token_set(others)
        own = [t for t in content_terms(label) if not matches(t, others, others_tokens)]
        named.append(any(matches(t, lowered, tokens) for t in own))
    return named


def only_named(draft: Draft, comparison: Comparison) -> Comparison:
    """A three-sided comparison of which the question names two: those two columns only (a
    third column nobody asked about is padding), and the rows that still hold a statement."""
    named = named_sides(draft, comparison)
    if len(named) < 3 or sum(named) != 2:
        return comparison
    keep = [n for n, is_named in enumerate(named) if is_named]
    rows = tuple(replace(row, cells=tuple(row.cells[n] for n in keep)) for row in comparison.rows)
    return replace(comparison, sides=tuple(comparison.sides[n] for n in keep),
                   rows=tuple(row for row in rows if any(row.cells)))


SIDE_HELD = 0.5  # the share of a side's words a comparison's phrases and labels must hold


def holds_side(comparison: Comparison, side: str) -> bool:
    """Whether a comparison's phrases or side labels hold most of the words of a side the
    question names (a side with no content words holds nothing to check)."""
    terms = content_terms(side)
    if not terms:
        return True
    text = " ".join([*comparison.asks, *(f"{s.en} {s.zh}" for s in comparison.sides)]).lower()
    tokens = token_set(text)
    return sum(matches(term, text, tokens) for term in terms) >= SIDE_HELD * len(terms)


def _found(draft: Draft, ident: str) -> Found | None:
    """A statement of the comparison, if the question's filters admit its document."""
    located = draft.index.by_id.get(ident)
    if located is None or not draft.ctx.filters.admits(located.statement.source,
                                                       located.metadata):
        return None
    return Found(located, 1.0, 1.0)

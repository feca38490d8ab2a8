"""Explain / why: a thesis, then numbered causes and mechanisms."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.intent import Intent
from assistant.answer.messages import text as t
from assistant.answer.restated import facts, restates, sentences
from assistant.answer.shapes.draft import (
    LEAD_TIE,
    LIST_RELATIVE,
    SIMILAR,
    Composed,
    Draft,
    finish,
    overlap,
    topic_first,
)
from assistant.answer.shapes.explanations import (
    asked_effect,
    asks_for_steps,
    asks_how_it_works,
    covered_by,
    explanation_for,
)
from assistant.answer.terms import content_terms, matches, token_set
from assistant.knowledge.explanations import Explanation
from assistant.knowledge.index import Found

THESIS_POOL = 6     # the most relevant findings an explain answer's thesis is chosen from
CASE_FLOOR = 0.2    # a case's statement is part of its account from this relevance
CASE_CAUSES = ("problem", "cause", "mechanism", "context")  # a case's account of why (a lesson is a remedy)
SAME_MEANING = 0.8  # two statements this close in meaning (cosine of their English texts) ...
SHARED_WORDS = 0.5  # ... that also share this much of their words say the same thing


def explain(draft: Draft, intent: Intent) -> Composed:
    """A one-sentence thesis, then numbered causes or mechanisms, each with its source: from the
    explanation the question asks for when the corpus has one, else from the findings that fit
    the question best."""
    if intent.cases:
        if (gap := _causes_not_documented(draft, intent.cases)) is not None:
            return _no_documented_causes(draft, intent.cases, gap)
        # "why did District L's government fall short?": the case's own account, not the
        # corpus's general explanation of a neighbouring phenomenon
        found = draft.relevant(draft.search(sources=intent.cases, limit=30), floor=CASE_FLOOR)
        # the case's problem and its causes lead; its setting (the national wave it belongs
        # to) explains less of why this place fared as it did, so it comes last; our own
        # mapping of a case onto the law is not one of its causes
        found = sorted((f for f in found if f.statement.aspect in CASE_CAUSES
                        and not _OUR_READING.search(f.statement.text)
                        and not _responds(f)),
                       key=lambda f: (f.statement.aspect == "context", -_causal(f)))
        if len(found) >= 2:
            return _listed(draft, _distinct(draft, found))
    chosen = explanation_for(draft)
    if (rule := _rule_without_reason(draft, chosen)) is not None:
        return _rule_not_explained(draft, rule)
    if chosen is not None and (composed := _explained(draft, chosen)) is not None:
        return composed
    found = draft.relevant(draft.search(kinds=("finding",), limit=20))
    if len(found) < 2 or not draft.on_topic(found):
        return None
    # findings about the subject asked about come first ("why did key schools widen the gap":
    # findings that name key schools), then the rest, each group by relevance
    found = topic_first(draft, found)
    # the thesis: of the most relevant findings, one about the subject asked about that the
    # sources file as a cause or mechanism, else the one that most reads as a cause
    # (a lesson is a remedy: it answers "what to do", not "why")
    pool = [f for f in found[:THESIS_POOL] if f.statement.aspect in ("cause", "mechanism")]
    pool = [f for f in pool if f.score >= LEAD_TIE * pool[0].score] or found[:3]
    # a cause that holds more of the question ("寄宿生" and "公用经费" of "为什么要给寄宿生额外的公用
    # 经费") answers it more closely than a more relevant one about the wider subject
    holding = max((f for f in found[THESIS_POOL:12] if f.statement.aspect in ("cause", "mechanism")),
                  key=lambda f: _held_weight(draft, f), default=None)
    if holding is not None and _held_weight(draft, holding) > max(
            (_held_weight(draft, f) for f in pool), default=0.0):
        pool.append(holding)
    pool.sort(key=lambda f: (-round(_held_weight(draft, f), 1),
                             bool(draft.topic_names()) and not draft.names_topic(f),
                             bool(draft.topic_names()) and not draft.about_topic(f), -_causal(f)))
    found = pool + [f for f in found if f not in pool]
    lead = draft.say_all(found[:3], 1)
    # the numbered list holds causes and mechanisms close enough to the question to be worth a
    # line, the verified first; trends, statistics and comparisons only when the sources give
    # too few causes
    best = max(f.score for f in found)
    close = [f for f in found[1:12]
             if f.score >= LIST_RELATIVE * best or draft.names_topic(f)]
    causal = [f for f in close if f.statement.aspect in ("cause", "mechanism")]
    others = [f for f in close if f.statement.aspect in ("trend", "statistic", "comparison")]
    pool = causal if len(causal) >= 2 else causal + others
    rest = topic_first(draft, sorted(pool, key=lambda f: -_causal(f)))
    rest = _distinct(draft, [found[0], *rest])[1:]
    rest = _bearing(draft, found[0], _before_effect(draft, rest))
    causes = _beyond_thesis(draft, " ".join(lead), draft.say_all(rest, 4))
    parts = [" ".join(lead)]
    if causes:
        parts.append(_numbered(draft, causes))
    return finish(draft, parts)


_CAUSAL_SECTION = re.compile(r"cause|why|reason|root|mechanism|成因|原因|为什么", re.IGNORECASE)


_CAUSAL_WORDS = re.compile(r"\b(because|so that|leads? to|leaving|drives?|pulls?|caus\w+|"
                           r"result\w*|means that)\b|导致|因为|因此|使得|造成|吸引|流向", re.IGNORECASE)


_OUR_READING = re.compile(r"^(in )?our (reading|mapping|analysis)|^按我们的|^我们的",
                          re.IGNORECASE)


# Wording of a remedy rather than a cause: a "why" answer puts these last, if at all.
_REMEDY = re.compile(r"\b(plan|measures?|schemes?|instruments?|tools?|should|must|support|"
                     r"programme|subsid\w+|allowance|policy answers|answers? (the|this))\b|"
                     r"措施|计划|工具|应当|须|支持|补助|对策", re.IGNORECASE)


# A setting that tells what governments did about a problem afterwards ("the 2012 correction",
# "later documents went further", "作出进一步回应") answers it: it is no cause of it.
_RESPONSE = re.compile(r"\b(correct(?:ion|ed|s)?|respon(?:se|ses|ded|d)|went further|later (?:national )?"
                       r"(?:documents|policies))\b|纠正|回应|后续文件", re.IGNORECASE)


def _responds(found: Found) -> bool:
    """Whether a case's setting is the response to its problem (a later correction or document)."""
    s = found.statement
    return s.aspect == "context" and bool(_RESPONSE.search(f"{s.text} {s.text_zh}"))


def _causal(found: Found) -> float:
    """How well a finding serves as a cause in an explain answer: its relevance, plus a little
    for a section about causes and for causal wording; less for our own reading, for the
    wording of a remedy, or an unconfirmed fact (a reader asking "why" wants the sources'
    causes first)."""
    s = found.statement
    text = s.in_language("en")
    return (found.score + 0.1 * bool(_CAUSAL_SECTION.search(found.located.section))
            + 0.05 * bool(_CAUSAL_WORDS.search(text)) - 0.3 * bool(_OUR_READING.search(text))
            - 0.15 * bool(_REMEDY.search(text)) - 0.1 * s.unconfirmed)


def _explained(draft: Draft, explanation: Explanation) -> Composed:
    """The explanation's thesis, then its causes in the order the corpus gives them (a question
    about a procedure: its steps in order); None when the thesis cannot be said (filtered out,
    or its passage is not indexed). Of a how-question, the statement that states the mechanism
    asked leads; a cause that says what the lead or an earlier cause says is left out."""
    steps = bool(explanation.steps) and asks_for_steps(draft.ctx.question)
    items = explanation.steps if steps else explanation.causes
    admitted = [_found(draft, ident) for ident in (explanation.thesis, *items)]
    if admitted[0] is None:
        return None
    admitted = [f for f in admitted[:1] if f is not None] + \
        [f for f in admitted[1:] if f is not None]
    if asks_how_it_works(draft.ctx.question) and not steps:
        admitted = _mechanism_first(draft, admitted)
    admitted = _distinct(draft, admitted)
    lead = draft.say(admitted[0])
    if lead is None:
        return None
    # the explanation's causes are chosen by hand for its thesis (corpus/knowledge/
    # explanations.yaml); of them, only those before the effect the question dates are causes
    causes = _beyond_thesis(draft, lead, [line for found in _before_effect(draft, admitted[1:])
                                          if (line := draft.say(found)) is not None])
    if not causes:
        return None
    # an explanation of how a thing works (led by a rule, a definition or a fact, not by a
    # finding on why) lists its workings, not causes, whether the question asks how or why
    heading = "steps" if steps else None if explanation_is_causal(draft, explanation) \
        else "how_it_works"
    return finish(draft, [lead, _numbered(draft, causes, heading)])


def explanation_is_causal(draft: Draft, explanation: Explanation) -> bool:
    """Whether an explanation gives causes (its thesis is a finding), not the workings of a rule,
    a measure or a procedure."""
    return draft.index.by_id[explanation.thesis].statement.kind == "finding"


# A sentence that gives a reason ("… because …") answers "why"; "how does it work" is answered
# by one that states the mechanism.
_REASON = re.compile(r"\bbecause\b|\bwhy\b|是因为|之所以|原因", re.IGNORECASE)


def _mechanism_first(draft: Draft, admitted: list[Found]) -> list[Found]:
    """``admitted`` (thesis first) with the statement that states the mechanism a how-question
    asks about first, when the thesis gives a reason ("… because …") and a mechanism among the
    causes states how it works, holding at least as much of the question."""
    thesis = admitted[0]
    if not _REASON.search(thesis.statement.text):
        return admitted

    def held(found: Found) -> float:
        return covered_by(draft, [found.located.search_text])

    mechanisms = [f for f in admitted[1:] if f.statement.aspect == "mechanism"
                  and not _REASON.search(f.statement.text)]
    best = max(mechanisms, key=held, default=None)
    if best is None or held(best) < held(thesis):
        return admitted
    return [best, thesis, *(f for f in admitted[1:] if f is not best)]


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _says_the_same(draft: Draft, one: Found, other: Found) -> bool:
    """Whether two statements say the same thing, judged on their English texts whatever the
    reader's language (Chinese paraphrases share few tokens): most of the shorter one's words
    are in the other, or they are very close in meaning and share many words. One that gives
    figures the other lacks adds to it."""
    if _NUMBER.findall(one.statement.text) and \
            set(_NUMBER.findall(one.statement.text)) - set(_NUMBER.findall(other.statement.text)):
        return False
    shared = overlap(token_set(one.statement.text), token_set(other.statement.text))
    if shared >= SIMILAR:
        return True
    cosine = _cosine(draft, one, other)
    return cosine is not None and cosine >= SAME_MEANING and shared >= SHARED_WORDS


def _cosine(draft: Draft, one: Found, other: Found) -> float | None:
    from assistant.answer.sentence_store import store_for

    engine = draft.ctx.engine
    vectors = draft.index.vectors(engine, store_for(engine))
    if len(vectors) != len(draft.index.located):
        return None
    position = draft.index.position
    return float(vectors[position[one.statement.id]] @ vectors[position[other.statement.id]])


def _distinct(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` without the statements that say what an earlier one says (the order kept)."""
    kept: list[Found] = []
    for item in found:
        if not any(_says_the_same(draft, item, earlier) for earlier in kept):
            kept.append(item)
    return kept


# A case's gap that says its causes are not documented ("does not list … their causes").
_CAUSES_WORD = re.compile(r"\b(causes?|reasons?)\b|原因|成因", re.IGNORECASE)


def _causes_not_documented(draft: Draft, cases: tuple[str, ...]) -> Found | None:
    """The statement of a case's gaps that says the sources do not give its causes, if one
    does."""
    for located in draft.index.located:
        statement = located.statement
        if statement.kind == "case" and statement.aspect == "gaps" and \
                statement.case in cases and _CAUSES_WORD.search(statement.text):
            return Found(located, 1.0, 1.0)
    return None


def _no_documented_causes(draft: Draft, cases: tuple[str, ...], gap: Found) -> Composed:
    """A why-question about a case whose sources give no cause: say so first, then what the
    sources hold on the case (its problem), then the causes they document in general."""
    lead = draft.say(gap)
    if lead is None:
        return None
    held = [f for f in draft.search(sources=cases, limit=30) if f.statement.aspect == "problem"]
    parts = [" ".join([lead, *draft.say_all(held, 1)])]
    # the general causes: the syntheses' causes of the phenomenon, not another case's own
    general = [f for f in draft.relevant(draft.search(kinds=("finding",), limit=30))
               if f.located.doc_type == "analysis" and f.statement.aspect in ("cause", "mechanism")
               and _CAUSAL_SECTION.search(f"{f.located.title} {f.located.section}")
               and not _OUR_READING.search(f.statement.text)]
    general = draft.say_all(_distinct(draft, sorted(general, key=lambda f: -_causal(f))), 3)
    if general:
        parts.append(t("general_causes", draft.language) + "\n" +
                     "\n".join(f"{n}. {c}" for n, c in enumerate(general, start=1)))
    return finish(draft, parts)


def _found(draft: Draft, ident: str) -> Found | None:
    """A statement of an explanation, if the question's filters admit its document."""
    located = draft.index.by_id[ident]
    if not draft.ctx.filters.admits(located.statement.source, located.metadata):
        return None
    return Found(located, 1.0, 1.0)


def _listed(draft: Draft, found: list[Found]) -> Composed:
    """The most relevant statement, then the others as numbered causes (a case's account)."""
    lead = draft.say_all(found, 1)
    causes = _beyond_thesis(draft, " ".join(lead), draft.say_all(found[1:], 4))
    if not lead or not causes:
        return None
    return finish(draft, [" ".join(lead), _numbered(draft, causes)])


def _beyond_thesis(draft: Draft | None, thesis: str, causes: list[str]) -> list[str]:
    """``causes`` (as written, in the reader's language) without those whose facts the thesis or
    an earlier cause already states: a numbered cause that says the thesis again ("the double
    siphon" as thesis and as cause 1) explains nothing more."""
    said = [facts(sentence) for sentence in sentences(thesis)]
    kept = []
    named = _Named(thesis)
    for cause in causes:
        if named.says_again(cause):   # a concept named before, and what was said with it
            if draft is not None:
                draft.claims = [c for c in draft.claims if not cause.startswith(f"{c.text} [")]
            continue
        cause = named.new_part(draft, cause)
        stated = [facts(sentence) for sentence in sentences(cause)]
        if stated and all(restates(one, said) for one in stated):
            if draft is not None:  # its claim goes with it
                draft.claims = [c for c in draft.claims if not cause.startswith(f"{c.text} [")]
            continue
        said += stated
        kept.append(cause)
    return kept


def _held_weight(draft: Draft, found: Found) -> float:
    """The weight of the question's words that a statement holds."""
    held = draft.terms_held(found)
    return sum(draft.ctx.stats.weight(term) for term in draft.ctx.terms if term.text in held)


def _numbered(draft: Draft, causes: list[str], heading: str | None = None) -> str:
    """The causes as a numbered list under "How it works:", "The main causes …:" or
    ``heading``."""
    heading = heading or ("how_it_works" if asks_how_it_works(draft.ctx.question) else "causes")
    return t(heading, draft.language) + "\n" + "\n".join(
        f"{n}. {c}" for n, c in enumerate(causes, start=1))


# A year the effect starts from ("consolidation after 2001", "2001年以后") does not date it.
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d|,\d{3})")  # not "2,895"
_FROM_EN = re.compile(r"\b(?:after|since|from)\s+(?:the\s+(?:end\s+of\s+)?)?$", re.IGNORECASE)
_WHY = re.compile(r"\bwhy\b|为什么|为何|原因|怎么会", re.IGNORECASE)
_FROM_ZH = re.compile(r"^\s*年?\s*(?:以后|之后|以来|后|起)")


def effect_year(question: str) -> int | None:
    """The year a why-question dates its effect by ("why did the evaluation move … in 2017":
    2017; the latest when it names several), None when it names none but years the effect
    starts from ("after 2001")."""
    years = [int(m.group()) for m in _YEAR.finditer(question)
             if not _FROM_EN.search(question[max(0, m.start() - 16):m.start()])
             and not _FROM_ZH.match(question[m.end():m.end() + 4])]
    return max(years, default=None)


def _before_effect(draft: Draft, causes: list[Found]) -> list[Found]:
    """``causes`` without those that report only events later than the year the question dates
    its effect by: what happened in 2022 and 2023 cannot be why something changed in 2017."""
    year = effect_year(draft.ctx.question)
    # "how did policy develop from 2006 to 2023" asks for events, not for causes
    if year is None or not _WHY.search(draft.ctx.question):
        return causes
    return [f for f in causes
            if not (years := [int(y) for y in _YEAR.findall(f.statement.text)]) or min(years) <= year]


# A named concept: a quoted term ("double siphon", 「双重抽吸」) or a Chinese term glossed in
# brackets in an English sentence ("one way (单向流动)").
_QUOTED = re.compile(r'"([^"]{2,40})"|“([^”]{2,40})”|「([^」]{2,40})」|『([^』]{2,40})』')
_GLOSSED = re.compile(r"[(（]([\u4e00-\u9fff][\u4e00-\u9fff、，,]{1,15})[)）]")
# where a later clause of a sentence begins: ", and the resulting …", "；", "，由此形成的…"
_CLAUSE_EN = re.compile(r"(,\s+(?=(?:and|so)\s)|;\s+)")
_CLAUSE_ZH = re.compile(r"([，；])")
KEPT_SHARE = 0.5  # a sentence cut to less than this share of its length would be a fragment
_MARKERS = re.compile(r"(\s*(?:\[\d{1,3}\])+)$")
CAUSE_SAID = 0.5    # a whole cause naming only concepts said before, this much of its words said, goes
CONCEPT_SAID = 0.5  # a clause naming a concept said before, with this share of its words said, says it again


def concepts(text: str) -> set[str]:
    """The concepts a text names (quoted or glossed terms), normalised."""
    found = {next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)}
    found |= {m.group(1) for m in _GLOSSED.finditer(text)}
    return {re.sub(r"[\s、，,]", "", c).lower() for c in found}


class _Named:
    """The concepts an answer has named so far, and the words said with them."""

    def __init__(self, thesis: str) -> None:
        self.named = concepts(thesis)
        self.words = set(token_set(thesis))

    def new_part(self, draft: Draft | None, cause: str) -> str:
        """``cause`` without its last clauses that name a concept named before and say what was
        said with it ("…fell by 312,400, and the resulting 'double siphon' pulled pupils and
        money to the towns" after a thesis on the double siphon: the fall is new, the siphon
        is not); its first clause always stays, so the cause still stands on its own."""
        body, markers = _MARKERS.split(cause, maxsplit=1)[:2] if _MARKERS.search(cause) \
            else (cause, "")
        zh = bool(re.search(r"[\u4e00-\u9fff]{4}", re.sub(r"[(（][^)）]*[)）]", "", body)))
        # clauses and the separators before them: [clause, sep, clause, sep, clause, …]
        pieces = (_CLAUSE_ZH if zh else _CLAUSE_EN).split(body.rstrip(" 。."))
        # only its last clauses go, so that what is left reads as the sentence it was
        end = len(pieces)
        while end > 1 and self._said_again(pieces[end - 1]):
            end -= 2
        kept = "".join(pieces[:end])
        self.named |= concepts(body)
        self.words |= token_set(body)
        if end == len(pieces) or len(kept) < KEPT_SHARE * len(body):
            return cause
        trimmed = kept.rstrip(" ,;，；") + ("。" if zh else ".")
        if draft is not None:   # the claim the reference vouches for is the shorter sentence
            for n, claim in enumerate(draft.claims):
                if cause.startswith(f"{claim.text} ["):
                    draft.claims[n] = replace(claim, text=trimmed)
        return trimmed + markers

    def says_again(self, cause: str) -> bool:
        """Whether a whole cause names only concepts named before and says mostly what was said
        with them (CAUSE_SAID of its other words): Zhang Yulin's "double siphon" told a second
        time in other words."""
        body = _MARKERS.split(cause, maxsplit=1)[0] if _MARKERS.search(cause) else cause
        named = concepts(body)
        if not named or not named <= self.named:
            return False
        words = token_set(body) - {w for c in named for w in token_set(c)}
        return bool(words) and len(words & self.words) / len(words) >= CAUSE_SAID

    def _said_again(self, clause: str) -> bool:
        named = concepts(clause)
        if not named or not named <= self.named:
            return False
        words = token_set(clause) - {w for c in named for w in token_set(c)}
        return not words or len(words & self.words) / len(words) >= CONCEPT_SAID


EFFECT_HELD = 0.5   # a cause holding this share of the effect asked (by weight) bears on it
_TOO_GENERAL = re.compile(r"^(why|how|为什么|怎样|如何)\b|^为什么", re.IGNORECASE)


def _bearing(draft: Draft, thesis: Found, causes: list[Found]) -> list[Found]:
    """``causes`` found by relevance (no explanation fits) that bear on what the thesis explains: each names one of the thesis's subjects
    (in its text or its own subjects) or holds EFFECT_HELD of the effect the question asks
    about; not a cause of a neighbouring thing (one-way teacher flows and the training costs
    they leave are not why towns are crowded). All of them when none does: the explanation's
    list is then the best the corpus has."""
    subjects = [s for s in (_subject(x) for x in thesis.statement.subjects)
                if len(s) >= 2 and not _TOO_GENERAL.search(s)
                and (re.search(r"[\u4e00-\u9fff]", s) or len(s) >= 4)]
    effect = asked_effect(draft.ctx.question)
    terms = [(term, draft.ctx.stats.weight(term)) for term in content_terms(effect)] if effect else []
    total = sum(w for _, w in terms)

    def bears(found: Found) -> bool:
        s = found.statement
        text = _subject(" ".join([s.text, s.text_zh, *s.subjects]))
        if any(subject in text for subject in subjects):
            return True
        tokens = token_set(text)
        return bool(total) and sum(w for t, w in terms if matches(t, text, tokens)) >= \
            EFFECT_HELD * total

    kept = [f for f in causes if bears(f)]
    return kept or causes


def _subject(text: str) -> str:
    return re.sub(r"[_\s]+", " ", text.lower())


# A figure of a rule ("满三年", "three years", "0.45", "100 pupils"): a number, a Chinese numeral
# before a unit, or an English number word before a noun; a year (2017) dates, it is no figure.
_FIGURE = re.compile(r"(?<![\d.])\d+(?:[.,]\d+)*(?![\d])")
_ZH_NUMERAL = re.compile(r"([一两二三四五六七八九十])(?=[年个人所次项倍岁周名成])")
_EN_NUMERAL = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]", re.IGNORECASE)
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10}
# Wording that gives a rule's reason or purpose.
_GIVES_REASON = re.compile(r"\b(because|so that|in order to|so as to|to ensure|to make sure|reasons?|"
                           r"why|aims? to|aimed|intended|purpose|lest)\b|因为|为了|以便|目的|旨在|之所以|"
                           r"以免|以确保|原因|为此|是为", re.IGNORECASE)
# A part of a question that asks something else ("…, and what does 0.5 mean"): its figures are
# not the rule asked why of.
_OTHER_PART = re.compile(r"^\s*(?:and\s+)?(?:what|which|how|who|when|where)\b|(?<!为)什么|怎么|如何|多少|哪",
                         re.IGNORECASE)
_DOC_NUMBER = re.compile(r"[〔\[(（]\d{4}[〕\])）]\s*\d+\s*号|No\.\s*\d+")
RULE_HOLDERS = 10   # the most relevant statements searched for the rule a why-question names


def figures(text: str) -> set[str]:
    """The figures a text names, normalised ("3", "0.45", "100"), years and document numbers
    (教督〔2012〕3号) left out."""
    text = _DOC_NUMBER.sub(" ", text)
    found = {n.replace(",", "").rstrip("0").rstrip(".") if "." in n else n.replace(",", "")
             for n in _FIGURE.findall(text)}
    found = {n for n in found if n and not re.fullmatch(r"(?:19|20)\d\d", n)}
    found |= {str(_NUMERALS[m]) for m in _ZH_NUMERAL.findall(text)}
    found |= {str(_NUMERALS[m.lower()]) for m in _EN_NUMERAL.findall(text)}
    return found


def asked_figures(question: str) -> set[str]:
    """The figures of the rule a why-question asks about: those of its why-parts, not of a part
    that asks something else ("why is the CV weighted, and what does 0.5 mean": none)."""
    if not _WHY.search(question):
        return set()
    parts = [p for p in re.split(r"[,;，；?？。]", question)
             if p.strip() and (_WHY.search(p) or not _OTHER_PART.search(p))]
    return set().union(*(figures(p) for p in parts)) if parts else set()


def _rule_without_reason(draft: Draft, chosen: Explanation | None) -> list[Found] | None:
    """The statements stating the rule a why-question asks about by its figures ("why must a
    county wait three years …"), when none of them, and none of the chosen explanation's
    statements that hold those figures, gives a reason: the sources state the rule but not why.
    None when the question names no figure, the corpus states no rule with it, or a reason is
    given."""
    asked = asked_figures(draft.ctx.question)
    if not asked:
        return None

    def holds(found: Found) -> bool:
        return asked <= figures(f"{found.statement.text} {found.statement.text_zh}")

    holders = [f for f in draft.search(limit=RULE_HOLDERS) if holds(f)]
    if not holders:
        return None
    explained = [f for f in (_found(draft, i) for i in (chosen.statement_ids if chosen else ()))
                 if f is not None and holds(f)]
    if any(_GIVES_REASON.search(f"{f.statement.text} {f.statement.text_zh}")
           for f in (*holders, *explained)):
        return None
    return holders


def _rule_not_explained(draft: Draft, rule: list[Found]) -> Composed:
    """"The sources state the rule but not its reason", then the rule as they state it."""
    said = draft.say_all(_distinct(draft, rule), 2)
    if not said:
        return None
    return finish(draft, [t("rule_no_reason", draft.language) + " " + " ".join(said)])

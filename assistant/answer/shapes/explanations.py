"""Which of the corpus's explanations a "why" / "how does it work" question asks for, and the
matcher it shares with the comparisons (``scores`` of any entries that have ``asks`` phrases and
statements: an explanation, a comparison).

    fit(phrase) = F1 of two IDF-weighted coverages: the question's words the phrase holds, and
                  the phrase's words the question holds
    score       = LEXICAL · max fit over the explanation's phrases (``asks``)
                  + (1 − LEXICAL) · dense, the best cosine of the question and the
                  explanation's statements, from DENSE_FLOOR (0) to DENSE_CEILING (1)
                                                                     (English questions)
                = max fit                                           (otherwise)
    a phrase that asks as the question does (why / how it works) fits FRAME better; a question
    about a process ("walk me through the steps", "经过哪些环节") asks how it works.

Of explanations that fit about as well (within CLOSE), the question is answered
  - by one whose best phrase asks as the question does, over one whose best phrase asks the
    other way ("是怎么发的" is answered by how it is paid, not by why it is paid);
  - by one whose phrases together hold the question's subject: words the best one's phrases lack
    ("学生" and "城里" of "撤点并校为什么把学生和钱吸到城里") that another's hold, with all the
    best one holds.

A word the corpus never uses (年轻 in "留不住年轻教师") weighs little in the fit: it narrows the
question, it does not change what is asked."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from assistant.answer.shapes.draft import Draft
from assistant.answer.shapes.lookup import CONTRASTS
from assistant.answer.terms import (
    Term,
    TermStats,
    content_terms,
    matches,
    token_set,
    with_known_parts,
)
from assistant.knowledge.explanations import Explanation

MATCH = 0.55          # the score a question needs to be answered from an explanation
LEXICAL = 0.7         # the share of the phrases' fit in the score (with a dense ranking)
DENSE_FLOOR = 0.4     # in-domain sentences are this similar to anything on the subject
DENSE_CEILING = 0.8   # a cosine this high counts fully
FRAME = 0.1           # a why-phrase for a why-question, a how-phrase for a how-question
FRAME_FAR = 0.15      # ... or this close, when the best asks the other way
CLOSE = 0.1           # explanations this close to the best are told apart by the subject they hold
SUBJECT = 0.15        # the share of the question's weight another explanation must hold in addition
NARROWER = 0.3       # a statement holding this much more of the question than an explanation
UNKNOWN_WEIGHT = 1.0  # the weight of a word the corpus never uses (known words weigh their IDF)
_WHY = re.compile(r"\b(why|how come|reasons?|causes?)\b|为什么|为何|原因|怎么会|何以|怎么(造成|形成|回事)",
                  re.IGNORECASE)
_HOW = re.compile(r"\bhow (does|do|is|are|did|can)\b|\b(steps?|procedures?|processes|process|"
                  r"walk (me|us) through)\b|(如何|怎样|怎么)(?!办)|步骤|程序|流程|环节", re.IGNORECASE)
_HOW_FRAME_WORD = re.compile(r"^(work|operat|function|运作|运行|运转)$", re.IGNORECASE)


class Asked(Protocol):
    """What the matcher fits a question against: phrases readers ask it by (English and
    Chinese) and the statements it answers with."""

    @property
    def asks(self) -> tuple[str, ...]: ...
    @property
    def asks_zh(self) -> tuple[str, ...]: ...
    @property
    def statement_ids(self) -> tuple[str, ...]: ...


_phrase_terms: dict[tuple[str, int], tuple[bool, list[tuple[Term, float]], float]] = {}
_lock = threading.Lock()


def explanation_for(draft: Draft) -> Explanation | None:
    """The explanation the question asks for, or None when none fits well enough, or when a
    single statement holds clearly more of the question than all of its statements together
    ("why does the 4% rule confuse GNP and GDP" is narrower than why the 4% target matters)."""
    scored = scores(draft)
    if not scored:
        return None
    best, chosen = max(scored, key=lambda pair: pair[0])
    if best < MATCH:
        # a question that fits nothing quite well enough is still answered by an explanation
        # nearly as fitting that holds all of the effect it asks about ("… in 2012")
        ranked = sorted(scored, key=lambda pair: -pair[0])
        holding = [e for score, e in ranked
                   if score >= MATCH - NEARLY and _effect_held(draft, e) >= 0.999]
        # ... or by one a little further off that holds most of that effect where the best
        # fitting holds little of it ("why did 以县为主 cause money shortages in poor counties":
        # why it left schools underfunded, not why it was introduced)
        top = _effect_held(draft, ranked[0][1])
        holding += [e for score, e in ranked
                    if score >= MATCH - EFFECT_NEAR and _effect_held(draft, e) >= EFFECT_MOST
                    and _effect_held(draft, e) >= top + EFFECT_MORE]
        if not holding:
            return None
        best, chosen = MATCH, holding[0]
    close = [e for score, e in sorted(scored, key=lambda pair: -pair[0])
             if score >= MATCH and score >= best - CLOSE]
    chosen = _of_the_effect_asked(draft, chosen, best, sorted(scored, key=lambda pair: -pair[0]))
    close = [chosen, *(e for e in close if e is not chosen)]
    # a why-question whose best fit is a how-phrase ("交流轮岗怎么搞" for "为什么推不动") fits it by
    # its topic only: an explanation asking why may answer from a little further (FRAME_FAR)
    chosen = _asking_as_the_question(draft, chosen, [chosen, *(
        e for score, e in sorted(scored, key=lambda pair: -pair[0])
        if e is not chosen and score >= MATCH and score >= best - FRAME_FAR)])
    chosen = _asking_for_effects(draft, chosen, close)
    chosen = _asking_why_hard(draft, chosen, close)
    chosen = _of_the_subject_asked(draft, chosen, close)
    chosen = _holding_the_subject(draft, chosen, [e for e in close if e is not chosen])
    chosen = _naming_the_why_subject(draft, chosen, [e for e in close if e is not chosen])
    held = covered_by(draft, [draft.index.by_id[i].search_text for i in chosen.statement_ids])
    # of a question naming the effect it asks about, held whole by the chosen explanation, the
    # thesis of one it fits less well is that explanation's answer, not a narrower one ("the 2012
    # brake came because consolidation left crowded towns …" for why consolidation left crowded
    # towns: why the brake came is the other explanation's question)
    fit = max((score for score, e in scored if e is chosen), default=best)
    outscored = {e.thesis for score, e in scored if e is not chosen and score < fit} \
        if _effect_held(draft, chosen) >= 0.999 else set()
    closest = max((f.coverage for f in draft.search(limit=5) if _could_answer(draft, f)
                   and f.statement.id not in outscored), default=0.0)
    return chosen if held >= closest - NARROWER else None


def _could_answer(draft: Draft, found) -> bool:
    """Whether a statement holding more of the question could answer it instead of an
    explanation: of a why-question, only a cause or mechanism the sources give. A duty ("so that
    towns are not overcrowded"), a remedy or a case's problem that holds the question's words
    says what the question is about, not why."""
    if _frame(draft.ctx.question) != "why":
        return True
    s = found.statement
    return s.kind == "finding" and s.aspect in ("cause", "mechanism")


# What a "why" question asks to be explained, where it names more than its effect: what a cause
# led to ("why did consolidation lead to oversized classes": oversized classes; "…为什么会让贫困县经费紧张":
# 贫困县经费紧张), what came about
# after something ("为什么撤并农村学校之后，…出现了县城学校拥挤": 县城学校拥挤), what persists in spite of
# something ("… even after we pay them an allowance": the allowance is part of what is asked), and
# the years it names ("why did the centre pull back … around 2012").
_EFFECT_EN = re.compile(r"\b(?:(?:lead|leads|led|leading|contribut\w*|caus\w*|result\w*|produc\w*|"
                        r"g[ai]ve rise)\s+(?:to|in)|caus(?:e|es|ed|ing)(?!\s+(?:by|of|to|in)\b))"
                        r"\s+(?P<effect>[^,;?]+)", re.IGNORECASE)
_EFFECT_ZH = re.compile(r"(?:导致|造成|带来|引起|引发|会让|会使得?|使得|之后|以后|(?<![最然前之以])后)[了，,]?(?:很多地方|许多地方|各地)?"
                        r"(?:出现了?|形成了?)?(?P<effect>[^，,；;？?。]+)")
# ... and what a Chinese question asks of its subject: "以县为主的管理体制为什么会拉开各县之间的经费差距"
# asks why the gap opens, not why the system exists
_PREDICATE_ZH = re.compile(r"(?<=[\u4e00-\u9fff”」\"])(?:为什么|为何)(?:会|要|能|总是|还是|还)?"
                           r"(?P<effect>[^，,；;？?。]+)")
_DESPITE = re.compile(r"\b(?:even (?:after|though|when|if|with)|despite|although|in spite of)\s+"
                      r"(?P<effect>[^,;?]+)|(?:尽管|虽然|即使|即便|提高了|发了|有了)(?P<effect_zh>[^，,；;？?。]+)",
                      re.IGNORECASE)
_ASKING = re.compile(r"\b(what|which|how)\b|哪|什么|怎样|如何", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The clause an English why-question asks why of ("why do good teachers keep leaving …": good
# teachers keep leaving …), up to a qualifying clause or the end
_MAIN_EN = re.compile(r"\b(?:why|how come)\s+(?:(?:do|does|did|is|are|was|were|has|have|had|can|could|"
                      r"should|would)\s+)?(?P<clause>[^,;?]+?)(?=\s+(?:even|despite|although|in spite"
                      r" of)\b|[,;?]|$)", re.IGNORECASE)
# A change asked about ("从基本均衡转向优质均衡", "move from basic to quality balance"): what it
# asks is its two ends; the verb of change (转向, 走向, shift) is how it is put, and shared with
# other changes ("从硬件转向师资")
_CHANGE = re.compile(r"从(?P<a>[^，,；;？?。]+?)(?:转向|走向|走到|转为|转到|过渡到|发展到|迈向)(?P<b>[^，,；;？?。]+)|"
                     r"\b(?:shift|mov|chang|transition|turn|switch|progress|went|go)\w*\s+(?:[\w-]+\s+){0,3}?"
                     r"from\s+(?P<a_en>[^,;?]+?)\s+to\s+(?P<b_en>[^,;?]+)", re.IGNORECASE)
_GENERIC_EFFECT = re.compile(r"^(?:problem|issu|difficulti|troubl|问题|困难)$")
EFFECT_CLOSE = 0.2   # an explanation this close to the best may answer the effect asked instead
EFFECT_FLOOR = 0.4   # ... when it fits at least this well
EFFECT_FAR = 0.3     # ... or this close, when the best holds none of the effect
EFFECT_MORE = 0.3    # ... and holds this much more of the effect's weight
NEARLY = 0.05        # below MATCH by this much, an explanation holding all of the effect asked fits
EFFECT_NEAR = 0.15   # ... below it by this much, one holding EFFECT_MOST of it, EFFECT_MORE above the best
EFFECT_MOST = 0.5


def asked_effect(question: str) -> str:
    """The words of a why-question that name what it asks to be explained beyond its subject:
    what a cause led to, what came after something, the two ends of a change it asks about
    (``_CHANGE``), what persists in spite of something (with what persists: the clause the
    question asks why of), and the years it names ("" when it names none of these)."""
    if _frame(question) != "why":
        return ""
    led = [m.group("effect") for m in (*_EFFECT_EN.finditer(question),
                                       *_EFFECT_ZH.finditer(question),
                                       *_PREDICATE_ZH.finditer(question))]
    # "what problems did it bring" asks for effects in general (``_asking_for_effects``)
    led = [_change_ends(e) for e in led if not _ASKING.search(e)]
    despite = [m.group("effect") or m.group("effect_zh") for m in _DESPITE.finditer(question)]
    if despite and not led:
        # "why do teachers leave even after rotation was introduced" asks why they leave: what
        # they do in spite of rotation is asked with it, not rotation alone
        led = [m.group("clause") for m in _MAIN_EN.finditer(question)]
    change = _CHANGE.search(question)
    if change is not None and not led:  # "why did policy shift from basic to quality balance"
        led = [_change_ends(change.group(0))]
    found = [*led, *despite]
    if not led:  # a year of the cause ("consolidation after 2001 led to …") is not asked about
        found += _YEAR.findall(question)
    return " ".join(f for f in found if f)


def _change_ends(effect: str) -> str:
    """An effect that names a change from one thing to another, as its two ends; any other
    effect as it is."""
    change = _CHANGE.search(effect)
    if change is None:
        return effect
    return " ".join(g for g in (change.group("a") or change.group("a_en"),
                                change.group("b") or change.group("b_en")) if g)


def _of_the_effect_asked(draft: Draft, best: Explanation, top: float,
                         scored: list[tuple[float, Explanation]]) -> Explanation:
    """``best`` (scoring ``top``), unless the question names an effect (``asked_effect``) that
    best's phrases and thesis hold less of than a rival's nearly as fitting (EFFECT_CLOSE) by
    EFFECT_MORE of its weight: "why did consolidation contribute to oversized town classes" is
    answered by why classes are large, not by why consolidation happened. A best that holds none
    of the effect (less than EFFECT_MORE) explains something else: a rival fitting less well
    (EFFECT_FAR) may answer.
    Of rivals holding as much, one that asks about a change with the ends asked answers a
    question about that change (``_change_held``)."""
    if not asked_effect(draft.ctx.question):
        return best
    holding = _effect_held(draft, best)
    reach = EFFECT_FAR if holding < EFFECT_MORE else EFFECT_CLOSE
    rivals = [e for score, e in scored
              if e is not best and score >= max(EFFECT_FLOOR, top - reach)]
    rival = max(rivals, key=lambda e: (_effect_held(draft, e), _change_held(draft, e)),
                default=None)
    if rival is not None and _effect_held(draft, rival) >= holding + EFFECT_MORE:
        return rival
    if rival is not None and _change_held(draft, rival) >= _change_held(draft, best) + EFFECT_MORE \
            and _effect_held(draft, rival) >= holding:
        return rival
    return best


def _change_held(draft: Draft, explanation: Explanation) -> float:
    """Of a question about a change (``_CHANGE``), the weighted share of its two ends that one of
    the explanation's phrases asking about a change holds ("为什么要从基本均衡走向优质均衡" for
    "为什么转向优质均衡"; 0 for one that only names both, "优质均衡比基本均衡更难")."""
    ctx = draft.ctx
    change = _CHANGE.search(ctx.question)
    if change is None:
        return 0.0
    ends = _change_ends(change.group(0))
    terms = [(t, _weight(t, ctx.stats)) for t in content_terms(ends)]
    total = sum(w for _, w in terms)
    phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
    changes = [p for p in phrases if _CHANGE.search(p)]
    if not total or not changes:
        return 0.0
    return max(sum(w for t, w in terms if matches(t, p.lower(), token_set(p))) / total
               for p in changes)


def _effect_held(draft: Draft, explanation: Explanation) -> float:
    """The weighted share of the question's asked effect (``asked_effect``) that an
    explanation's phrases and thesis hold (0 when the question names no effect)."""
    effect = asked_effect(draft.ctx.question)
    ctx = draft.ctx
    # "funding problems": that it went wrong is how the effect is put; what went wrong is asked
    terms = [(t, _weight(t, ctx.stats)) for t in content_terms(effect)
             if not _GENERIC_EFFECT.match(t.text)] if effect else []
    total = sum(w for _, w in terms)
    if not total:
        return 0.0
    thesis = draft.index.by_id[explanation.thesis].statement
    phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
    text = " ".join([*phrases, thesis.in_language(ctx.language)])
    lowered, tokens = text.lower(), token_set(text)
    return sum(w for t, w in terms if matches(t, lowered, tokens)) / total


# A question about what a thing led to ("why did consolidation cause problems for children",
# "撤点并校带来了哪些问题") asks for its effects, not for why it happened.
_EFFECTS = re.compile(r"\b(caused?|lead to|led to|result(ed)? in|harm\w*|hurt|problems?|"
                      r"consequences?|effects?|impacts?)\b(?! of\b)|带来|导致|后果|造成了|问题|影响",
                      re.IGNORECASE)


def _asking_for_effects(draft: Draft, best: Explanation,
                        close: list[Explanation]) -> Explanation:
    """``best``, unless the question asks what something led to, none of ``best``'s phrases
    asks about effects and a close explanation's do: then the first of those."""
    if not _EFFECTS.search(draft.ctx.question) or any(_EFFECTS.search(p) for p in best.asks):
        return best
    on_effects = [e for e in close if any(_EFFECTS.search(p) for p in e.asks)]
    return on_effects[0] if on_effects else best


# A question about why something is hard to do ("why do counties struggle to get every CV under
# 0.50", "为什么很难通过") asks what makes it hard, not why it is required or why gaps remain.
_HARD = re.compile(r"\b(?:struggl\w*|hard(?:er|est)?|difficult\w*|demanding|fail(?:s|ed)? to|"
                   r"(?:can ?not|can't|unable to) (?:reach|meet|pass|get|achieve))\b|"
                   r"难以|很难|更难|难在|难达到|难通过|难落实|难推进|做不到|达不到|过不了",
                   re.IGNORECASE)


def _asking_why_hard(draft: Draft, best: Explanation,
                     close: list[Explanation]) -> Explanation:
    """``best``, unless the question asks why something is hard to do, none of ``best``'s phrases
    asks that and a close explanation's do: then the first of those."""
    ctx = draft.ctx

    def asks_why_hard(explanation: Explanation) -> bool:
        phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
        return any(_HARD.search(p) for p in phrases)

    if not _HARD.search(ctx.question) or asks_why_hard(best):
        return best
    on_hardness = [e for e in close if asks_why_hard(e)]
    return on_hardness[0] if on_hardness else best


def _of_the_subject_asked(draft: Draft, best: Explanation,
                          close: list[Explanation]) -> Explanation:
    """``best``, unless it is about the subject contrasted with the one asked (basic balance for
    "优质均衡的认定流程") and a close explanation is about the one asked: then the first of those."""
    question = draft.ctx.question.lower()

    def names(explanation: Explanation, words: tuple[str, ...]) -> bool:
        thesis = draft.index.by_id[explanation.thesis].statement
        text = " ".join([*explanation.asks, thesis.text, thesis.text_zh]).lower()
        return any(w in text for w in words)

    for one, other in CONTRASTS:
        for asked, not_asked in ((one, other), (other, one)):
            if not any(w in question for w in asked) or any(w in question for w in not_asked):
                continue
            if names(best, not_asked) and not names(best, asked):
                about = [e for e in close if names(e, asked)]
                return about[0] if about else best
    return best


def _asking_as_the_question(draft: Draft, best: Explanation,
                            close: list[Explanation]) -> Explanation:
    """``best``, unless its best-fitting phrase asks the other way (why for a how-question) and a
    close explanation's asks as the question does: then the best-fitting of those."""
    asked = _frame(draft.ctx.question)
    if asked is None:
        return best
    frames = _best_phrase_frames(draft)
    if _frame_agreement(asked, frames.get(best.id)) >= 0:
        return best
    agreeing = [e for e in close if _frame_agreement(asked, frames.get(e.id)) > 0]
    return agreeing[0] if agreeing else best


def _best_phrase_frames(draft: Draft) -> dict[str, str | None]:
    """Each explanation's frame (why / how / None): that of the phrase that gives its score."""
    ctx = draft.ctx
    question = " ".join([ctx.question, *(n for e in ctx.glossary for n in (e.en, e.zh) if n)])
    _learn(tuple(phrase for e in draft.index.explanations for phrase in e.asks))
    fitting = _Fitting(question, draft.question_terms(), ctx.stats, english=ctx.language == "en")
    asked = _frame(ctx.question)

    def lexical(phrase: str) -> float:
        return fitting.fit(phrase) + FRAME * max(0, _frame_agreement(asked, _frame(phrase)))

    frames = {}
    for explanation in draft.index.explanations:
        phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
        frames[explanation.id] = _frame(max(phrases, key=lexical))
    return frames


def _naming_the_why_subject(draft: Draft, best: Explanation,
                            rivals: list[Explanation]) -> Explanation:
    """``best``, unless its best-fitting phrase holds no word of the subject the question asks why
    of (``why_subject``: 老师 of "为什么好老师总是从乡村流向县城") and a close rival's best-fitting
    phrase holds all of them: the rival explains what the subject does, ``best`` only shares
    its places and verbs ("农村学校的生源为什么流向城镇")."""
    ctx = draft.ctx
    subject = why_subject(ctx.question)
    terms = [t for t in draft.question_terms()
             if subject and matches(t, subject, token_set(subject)) and ctx.stats.known(t)]
    if not terms or not rivals:
        return best
    question = " ".join([ctx.question, *(n for e in ctx.glossary for n in (e.en, e.zh) if n)])
    fitting = _Fitting(question, draft.question_terms(), ctx.stats, english=ctx.language == "en")

    def held(explanation: Explanation) -> int:
        phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
        phrase = max(phrases, key=fitting.fit)
        return sum(matches(t, phrase.lower(), token_set(phrase)) for t in terms)

    def names(explanation: Explanation) -> bool:
        return held(explanation) == len(terms)

    if held(best):   # it names some of the subject: the subject is not what it lacks
        return best
    naming = [e for e in rivals if names(e)]
    return naming[0] if naming else best


def _holding_the_subject(draft: Draft, best: Explanation,
                         rivals: list[Explanation]) -> Explanation:
    """Of ``best`` and its close ``rivals``, the one whose phrases hold the question's subject:
    a rival whose phrases hold every word of the question that the best one's hold, and more of
    its weight by SUBJECT, names what is asked where the best one names only its setting."""
    if not rivals:
        return best
    ctx = draft.ctx
    weights = {t: _weight(t, ctx.stats) for t in draft.question_terms()}
    total = sum(weights.values())
    if not total:
        return best

    def held(explanation: Explanation) -> set:
        phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
        return {t for t in weights if any(p in _phrases_holding(t) for p in phrases)}

    chosen, holding = best, held(best)
    for rival in rivals:
        others = held(rival)
        if others > holding and sum(weights[t] for t in others - holding) >= SUBJECT * total:
            chosen, holding = rival, others
    return chosen


def covered_by(draft: Draft, texts: list[str]) -> float:
    """The weighted share of the question's terms that some of ``texts`` hold; of a question
    that asks how something works, the word "work" (运作) is its frame, not its subject."""
    stats = draft.ctx.stats
    total = held = 0.0
    framed = asks_how_it_works(draft.ctx.question)
    for term in draft.question_terms():
        if framed and _HOW_FRAME_WORD.match(term.text):
            continue
        weight = stats.weight(term)
        total += weight
        held += weight * any(matches(term, text, token_set(text)) for text in texts)
    return held / total if total else 0.0


def scores(draft: Draft, entries: Sequence[Asked] | None = None) -> list[tuple[float, Asked]]:
    """Each explanation (or each of ``entries``: comparisons) with how well the question fits
    it."""
    explanations = draft.index.explanations if entries is None else entries
    if not explanations:
        return []
    ctx = draft.ctx
    # the question with its glossary terms' names in both languages: an English phrase can fit
    # a Chinese question through them
    question = " ".join([ctx.question, *(n for e in ctx.glossary for n in (e.en, e.zh) if n)])
    _learn(tuple(phrase for e in explanations for phrase in e.asks))
    fitting = _Fitting(question, draft.question_terms(), ctx.stats, english=ctx.language == "en")
    cosines = _cosines(draft)
    asked = _frame(ctx.question)
    scored = []
    for explanation in explanations:
        # a Chinese question by the Chinese phrases: its English terms are only the glossary's
        # names of some of its words (an English question may name a Chinese term: 县管校聘)
        phrases = explanation.asks_zh if ctx.language == "zh" else explanation.asks
        lexical = max(fitting.fit(phrase) + FRAME * max(0, _frame_agreement(asked, _frame(phrase)))
                      for phrase in phrases)
        if cosines is not None:
            dense = max(float(cosines[draft.index.position[ident]])
                        for ident in explanation.statement_ids)
            dense = (dense - DENSE_FLOOR) / (DENSE_CEILING - DENSE_FLOOR)
            lexical = LEXICAL * lexical + (1 - LEXICAL) * min(1.0, max(0.0, dense))
        scored.append((lexical, explanation))
    return scored


def fit(question: str, terms: list[Term], phrase: str, stats: TermStats) -> float:
    """How well a phrase and a question hold each other's words (0–1)."""
    _learn((phrase,))
    return _Fitting(question, terms, stats).fit(phrase)


class _Fitting:
    """One question fitted against many phrases: what the question holds and the weights of its
    terms are worked out once per question; a phrase's terms and weights once per phrase."""

    def __init__(self, question: str, terms: list[Term], stats: TermStats,
                 english: bool = False) -> None:
        self.question = question.lower()
        # an English question naming one Chinese term (以县为主) is not fitted whole by a Chinese
        # phrase holding that term: the phrase holds only the share of the question it names
        self.english = english
        self.tokens = token_set(question)
        self.stats = stats
        # the subject the question asks why of ("why do good teachers leave village schools":
        # teachers) weighs more than the places and circumstances it names
        subject = why_subject(question)
        self.terms = {chinese: [(t, _weight(t, stats) * (SUBJECT_WEIGHT if subject and matches(
                          t, subject, token_set(subject)) else 1.0))
                          for t in terms if t.chinese == chinese]
                      for chinese in (True, False)}
        self.totals = {chinese: sum(w for _, w in pairs) for chinese, pairs in self.terms.items()}
        self._in_question: dict[Term, bool] = {}

    def fit(self, phrase: str) -> float:
        chinese, phrase_terms, phrase_total = _phrase(phrase, self.stats)
        terms, total = self.terms[chinese], self.totals[chinese]  # the phrase's language only
        if chinese and self.english:
            total += self.totals[False]
        if not terms or not phrase_terms or not total or not phrase_total:
            return 0.0
        recall = sum(w for t, w in terms if phrase in _phrases_holding(t)) / total
        precision = sum(w for t, w in phrase_terms if self._held_by_question(t)) / phrase_total
        return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)

    def _held_by_question(self, term: Term) -> bool:
        if term not in self._in_question:
            self._in_question[term] = matches(term, self.question, self.tokens)
        return self._in_question[term]


SUBJECT_WEIGHT = 2.0  # a why-question's subject weighs this many times its usual weight
_ZH_WHY = re.compile(r"为什么|为何")
_ZH_SUBJECT_END = re.compile(r"总是|都|会|要|从|在|被|能|还|也|不|没|已|就|才|越|往|向|把|对|比|是|有|留|流|去|来")
_EN_SUBJECT_END = re.compile(r"^(keep|keeps|leave|leaves|left|go|goes|move|moves|moving|stay|stays|lose|"
                             r"loses|lost|get|gets|have|has|remain|remains|fail|fails|struggle|"
                             r"struggles|still|not|so|from|to|in|at|on|after|before|despite|even|"
                             r"with|for|by|than|when|while|cannot|can't|always|often|usually)$",
                             re.IGNORECASE)


def why_subject(question: str) -> str:
    """What a why-question asks why of: in Chinese the words before 为什么 in its clause, or the
    first words after it ("为什么好老师总是…": 好老师); in English the first words of the clause asked
    why of, up to a verb or preposition ("why do good teachers keep leaving": good teachers); ""
    when it is no why-question."""
    for clause in re.split(r"[，,；;？?。]", question):
        found = _ZH_WHY.search(clause)
        if found is not None:
            before = re.sub(r"^(那么|那|请问|我想知道|可是|但是|但)", "", clause[:found.start()].strip())
            if len(before) >= 2:
                return before
            after = re.sub(r"^(说|要|会|总是|还是)", "", clause[found.end():].strip())
            end = _ZH_SUBJECT_END.search(after, 1)
            return after[:end.start() if end else 6][:6]
    main = _MAIN_EN.search(question)
    if main is None or not re.search(r"\bwhy\b", question, re.IGNORECASE):
        return ""
    # "why do critics say the county-led system …": what is said is asked about
    clause = re.sub(r"^(?:\w+\s+){0,2}?(?:say|says|said|argue|argues|claim|claims|think|thinks|"
                    r"believe|believes)\s+(?:that\s+)?", "", main.group("clause"), flags=re.IGNORECASE)
    # "why did closing village schools drain …" asks what an action did: no subject to weigh
    if re.match(r"\w+ing\b", clause) and not re.match(r"(?:rising|growing|leading)\b", clause):
        return ""
    words = []
    for word in clause.split()[:3]:
        if _EN_SUBJECT_END.match(word):
            break
        words.append(word)
    return " ".join(words).lower()


def _weight(term: Term, stats: TermStats) -> float:
    return stats.weight(term) if stats.known(term) else UNKNOWN_WEIGHT


@lru_cache(maxsize=20_000)
def _phrases_holding(term: Term) -> frozenset[str]:
    """The known phrases that hold ``term`` (a question's terms recur across questions)."""
    return frozenset(phrase for phrase in _known_phrases
                     if matches(term, phrase.lower(), token_set(phrase)))


_known_phrases: set[str] = set()


def _learn(phrases: tuple[str, ...]) -> None:
    """Phrases a question may be fitted against; new ones forget what was kept per term."""
    with _lock:
        new = set(phrases) - _known_phrases
        if new:
            _known_phrases.update(new)
            _phrases_holding.cache_clear()


# A question about a procedure: its steps, in order ("申报和认定流程", "from self-assessment to
# national recognition").
_STEPS = re.compile(r"\b(steps?|procedures?|process(es)?|stages|walk (me|us) through|"
                    r"from .{3,60} to .{3,60} (recognition|approval))\b|流程|程序|步骤|环节",
                    re.IGNORECASE)


def asks_for_steps(question: str) -> bool:
    """Whether the question asks for the steps of a procedure, not for why it is so."""
    return bool(_STEPS.search(question)) and _frame(question) != "why"


def asks_how_it_works(question: str) -> bool:
    """Whether the question asks how something works ("how does … work", "是怎么评估的"), not
    why something is so."""
    return _frame(question) == "how"


@lru_cache(maxsize=8192)
def _frame(text: str) -> str | None:
    if _WHY.search(text):
        return "why"
    return "how" if _HOW.search(text) else None


def _frame_agreement(asked: str | None, phrased: str | None) -> int:
    """1 when a phrase asks as the question does, −1 when it asks the other way, else 0 (the
    score counts agreement only)."""
    if asked is None or phrased is None:
        return 0
    return 1 if asked == phrased else -1


def _cosines(draft: Draft) -> np.ndarray | None:
    """Cosine of the question and every statement (English questions: the model reads
    English)."""
    ctx = draft.ctx
    if ctx.language != "en" or ctx.query_vector is None:
        return None
    from assistant.answer.sentence_store import store_for

    vectors = draft.index.vectors(ctx.engine, store_for(ctx.engine))
    if len(vectors) != len(draft.index.located):
        return None
    return vectors @ ctx.query_vector


def _phrase(phrase: str, stats: TermStats) -> tuple[bool, list[tuple[Term, float]], float]:
    """A phrase's language, its terms read like a question's with their weights, and their sum
    (kept per phrase and term statistics)."""
    key = (phrase, id(stats))
    with _lock:
        cached = _phrase_terms.get(key)
    if cached is None:
        terms = [(t, _weight(t, stats)) for t in with_known_parts(content_terms(phrase), stats)]
        cached = (any(t.chinese for t, _ in terms), terms, sum(w for _, w in terms))
        with _lock:
            if len(_phrase_terms) > 20_000:
                _phrase_terms.clear()
            _phrase_terms[key] = cached
    return cached

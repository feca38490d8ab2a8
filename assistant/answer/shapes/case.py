"""A case: its record by aspect, ending with what the sources do not say."""

from __future__ import annotations

import re

from assistant.answer.intent import Intent, corpus_case_names
from assistant.answer.messages import text as t
from assistant.answer.place_names import corpus_regions
from assistant.answer.shapes.draft import PROVINCES, Composed, Draft, both_texts, finish
from assistant.knowledge.index import Found

CASE_ASPECTS = ("context", "problem", "measures", "results", "lessons", "gaps")


_CASE_ASKS = (
    # the problems a case ran into are what came of its measures, not the problem it set out to fix
    ("results", re.compile(r"\b(ran|run|running|runs) into|\bencounter\w*|\bhit\b|遇到|碰到|出现了",
                           re.IGNORECASE)),
    ("results", re.compile(r"\b(result|effect|outcome|impact|work(ed)?|achiev|report|actual)\w*|"
                           r"\b(came|come|comes) of\b|\bhappened\b|成效|效果|结果|成果|实际|达到了",
                           re.IGNORECASE)),
    ("problem", re.compile(r"\b(problem|difficult|challenge|gap)\w*|问题|困难|难点", re.IGNORECASE)),
    # its story or what a thesis says: the setting first ("来龙去脉", "论文主要讲了些什么")
    ("context", re.compile(r"\b(history|origins?|background|story)\b|来龙去脉|历史|起源|背景|"
                           r"讲了|讲的|讲些什么", re.IGNORECASE)),
    ("lessons", re.compile(r"\b(lesson|learn|takeaway)\w*|启示|借鉴|经验|教训", re.IGNORECASE)),
    ("measures", re.compile(r"\b(do|did|does|done|measure|approach|use|used|how)\b|做法|措施|怎么做|"
                            r"如何|怎样|做了|采取了", re.IGNORECASE)),
)


# "how did X do it", "X是怎么推进……的", "怎样用专递课堂解决……": the question asks what the place
# did, whatever the verb ("效果如何" asks how it went, not how it was done)
_ASKS_WHAT_IT_DID = re.compile(r"\b(measures?|approach)\b|\bhow (did|does|do|has|have|was|were)\b|"
                               r"\bwhat did\b.{0,80}\bdo\b|\bwhat (has|have)\b.{0,80}\bdone\b|"
                               r"做法|措施|做了什么|做了哪些|采取了|"
                               r"(怎么|怎样|如何)(?!样|回事)(?=[\u4e00-\u9fff]{0,2}(做|推进|推动|开展|实现|"
                               r"解决|落实|实施|用|利用|建|组织|运作|运行|办|搞|改|破解|缩小|促进|调整|安排|管))",
                               re.IGNORECASE)
_WHO_RESPONSIBLE = re.compile(r"\bwho\b.{0,60}\bresponsib|\bresponsib\w*\b.{0,30}\bwho\b|"
                              r"谁.{0,20}(负责|责任)|(责任|负责).{0,20}(谁|哪一?级|哪个)", re.IGNORECASE)
_RESPONSIBILITY = re.compile(r"\bresponsible\b|责任主体|负责", re.IGNORECASE)


# a statement that records the absence of a record ("no Nanzhang measure is documented", "the
# abstract neither lists the measures"): what the sources do not say, not something the place did
_NOT_DOCUMENTED = re.compile(r"\bnot documented\b|\bno\b[^.;]{0,80}\b(is|are) documented\b|"
                             r"\bdoes not (say|list|describe)\b|\bneither lists?\b|"
                             r"\bno results\b", re.IGNORECASE)


_ARTICLE = re.compile(r"\bart(icle)?s?\.? ?\d+|第[一二三四五六七八九十百零]+条", re.IGNORECASE)


def records_nothing(found: Found) -> bool:
    """Whether the statement says that nothing of this aspect of the case is documented: its first
    clause says so ("The one documented measure is …; how it was financed is not documented"
    records a measure)."""
    first = re.split(r"[;:]", found.statement.text, maxsplit=1)[0]
    return bool(_NOT_DOCUMENTED.search(first))


def thinly_documented(found: list[Found]) -> bool:
    """A case whose sources record no measure of its own (a place a thesis names in passing, a
    thesis abstract that does not list its measures): every statement of its measures says so."""
    measures = [f for f in found if f.statement.aspect == "measures"]
    return bool(measures) and all(records_nothing(f) for f in measures)


def case(draft: Draft, intent: Intent) -> Composed:
    """The case record: context, problem, measures, documented results, lessons, and what the
    sources do not say."""
    if not intent.cases:
        return None
    case_id = intent.cases[0]
    found = draft.search(cases=(case_id,), limit=60)
    if not found:
        return None
    # the lead answers what is asked of the case: what it did, what came of it, its problem;
    # else the statement that best fits the question
    # nothing specific asked ("tell me about …"): what the case did, or that it is not documented
    asked = next((aspect for aspect, cue in _CASE_ASKS if cue.search(draft.ctx.question)),
                 "measures")
    also: str | None = None
    how = bool(_ASKS_WHAT_IT_DID.search(draft.ctx.question))
    if asked == "results" and how:
        # "怎么做的？效果怎么样？": two questions, two answers in the opening — what the place
        # did, then what came of it (if only that nothing came of it on record)
        asked, also = "measures", "results"
    names: tuple[str, ...] = ()
    for corpus in draft.ctx.settings.corpus_dirs:
        names += corpus_case_names(corpus).get(case_id, ())
    # a case that records several places (Jiashan and Ningbo, with Shenyang and Fujian named in
    # passing): the statements naming the place the question names come first in every aspect
    asked_names = [n.lower() for n in names if n.lower() in draft.ctx.question.lower()]
    others: list[Found] = []
    if asked_names:
        # a section headed with the place asked holds that place's statements: what the record
        # says of its other places (Ningbo, Shenyang, Fujian) only under a label of their own;
        # of the place's own, those that name it alone first
        own = [n.lower() for n in names]  # the place in either language ("嘉善", "Jiashan")
        elsewhere = other_places(draft, case_id, own)
        # the record's own other places (Ningbo beside Jiashan) come after; not the places a
        # record cites ("the District L thesis draws on Taishan and Nanzhang" answers "which")
        shared = other_places(draft, case_id, own, region_only=True)
        found = sorted(found, key=lambda f: (not any(n in both_texts(f) for n in own),
                                             _names_any(f, shared)))
        others = [f for f in found if of_another_place(f, own, elsewhere)]
        found = [f for f in found if f not in others]
        if not found:
            return None
    of_asked = [f for f in found if f.statement.aspect == asked]
    if _WHO_RESPONSIBLE.search(draft.ctx.question):
        # "who does the thesis hold responsible": the statement that names the responsible
        # actor, whatever its aspect
        of_asked = [f for f in found if _RESPONSIBILITY.search(both_texts(f))] or of_asked
    place = _place_within(draft.ctx.question, names, found)
    if place:
        # a district inside the case ("成都青羊区"): what the sources say of it leads, and the
        # reader is told that the rest is the whole case's record, not the district's
        of_place = [f for f in found if place.lower() in both_texts(f)]
        lead = draft.say_all(of_place, 2)
        named = [n for n in names if n in draft.ctx.question] or list(names[:1])
        parts = [" ".join(lead), t("case_place_only", draft.language, place=place,
                                   case=max(named, key=len) if named else "")]
    else:
        thin = thinly_documented(found)
        if thin and asked in _ITS_OWN_RECORD and not _WHO_RESPONSIBLE.search(draft.ctx.question):
            # a place its sources barely document: what is not documented, plainly, first —
            # not a national rule or an inference in place of what the place did
            of_asked = [f for f in found if f.statement.aspect == "measures" and records_nothing(f)]
        lead = draft.say_all((of_asked[:1] or []) + found[:2], 1)
        if also:
            lead += draft.say_all([f for f in found if f.statement.aspect == also], 1)
        parts = [" ".join(lead)]
    if thinly_documented(found) and not place:
        return finish(draft, parts + _thin_record(draft, found))
    for aspect in CASE_ASPECTS:
        of_aspect = [f for f in found if f.statement.aspect == aspect]
        lines = draft.say_all(of_aspect, _per_aspect(aspect, how, bool(others)))
        if lines:
            parts.append(f"**{t('aspect_' + aspect, draft.language)}** " + " ".join(lines))
        if aspect == "measures" and others:
            # the record's other places, after the place's own measures and said to be theirs
            elsewhere = draft.say_all([f for f in others if f.statement.aspect == aspect], 2)
            if elsewhere:
                parts.append(f"**{t('case_elsewhere', draft.language)}** " + " ".join(elsewhere))
    return finish(draft, parts)


def _per_aspect(aspect: str, how: bool, shared: bool) -> int:
    """How many statements an aspect's section holds: more measures when the question asks how
    the place did it (``how``); one sentence of setting for a place whose record it shares with
    others (the setting of a shared record is the reform's history, not the place's)."""
    if aspect == "measures" and how:
        return 3
    if aspect == "context" and shared:
        return 1
    return 2


# what a question asks of the place's own record (not its setting or its problem)
_ITS_OWN_RECORD = ("measures", "results", "lessons")


def other_places(draft: Draft, case_id: str, asked: list[str],
                 region_only: bool = False) -> tuple[str, ...]:
    """Places a case's record may name besides the one asked about: the other places of its
    region ("Ningbo", "Shenyang" of the Jiashan record) and, unless ``region_only``, the other
    provinces and the other cases — never the asked place's own province ("Zhejiang")."""
    regions: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}
    for corpus in draft.ctx.settings.corpus_dirs:
        regions.update(corpus_regions(corpus))
        names.update(corpus_case_names(corpus))
    region = regions.get(case_id, "")
    home_region = re.sub(r"\([^)]*\)|（[^）]*）", "", region)
    home = {name.lower() for pair in PROVINCES if re.search(rf"\b{pair[0]}\b", home_region)
            for name in pair}
    # "Jiashan County (嘉善县) and Ningbo, Zhejiang (with precursors in Shenyang, …)": the places
    # joined to the first by "and" or named in brackets; what follows a comma encloses it
    joined = re.split(r"\s+and\s+", home_region.split(",")[0])[1:]
    bracketed = re.findall(r"[(（]([^)）]*)[)）]", region)
    candidates = re.findall(r"[A-Z][a-z']+(?: [A-Z][a-z']+)*", " ; ".join(joined + bracketed))
    if not region_only:
        candidates += [name for pair in PROVINCES for name in pair]
        candidates += [name for other, found in names.items() if other != case_id
                       for name in found]
    kept = []
    for name in candidates:
        lowered = name.lower()
        if len(lowered) < 2 or any(a in lowered or lowered in a for a in asked):
            continue
        if any(h in lowered for h in home):
            continue
        kept.append(lowered)
    return tuple(dict.fromkeys(kept))


def of_another_place(found: Found, asked: list[str], elsewhere: tuple[str, ...]) -> bool:
    """A statement about another place of the record: it names one and not the place asked."""
    return not any(a in both_texts(found) for a in asked) and _names_any(found, elsewhere)


def _names_any(found: Found, places: tuple[str, ...]) -> bool:
    text = both_texts(found)
    return any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text) for p in places)


_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:区|县|镇|乡)|\b[A-Z][a-z]+ (?:District|County|Township)\b")


def _place_within(question: str, case_names: tuple[str, ...], found: list[Found]) -> str | None:
    """A place the question names inside the case ("青羊区" in "成都青羊区") that some of the case's
    statements name too; None when the question names only the case itself."""
    for match in _PLACE.finditer(question):
        place = match.group(0)
        for name in sorted(case_names, key=len, reverse=True):
            if place.startswith(name) and len(place) > len(name) + 1:
                place = place[len(name):]  # "成都青羊区" → "青羊区"
        if any(place == name or place in name for name in case_names):
            continue
        short = re.sub(r"(区|县|镇|乡| District| County| Township)$", "", place)
        for candidate in (place, short):
            if len(candidate) >= 2 and any(candidate.lower() in both_texts(f) for f in found):
                return candidate
    return None


def _thin_record(draft: Draft, found: list[Found]) -> list[str]:
    """After the opening, a case its sources barely document: why it is in the sources at all (its
    setting, confirmed facts only), what they do not say, and the one lesson they allow — no
    template sections filled with "not documented" lines, inferences or the national rules in place
    of the place's own measures."""
    of = {aspect: [f for f in found if f.statement.aspect == aspect] for aspect in CASE_ASPECTS}
    setting = [f for f in of["context"] if not f.statement.unconfirmed]
    parts = []
    if lines := draft.say_all(setting, 2):
        parts.append(" ".join(lines))
    # the lesson the place itself allows before one resting on an unconfirmed description or
    # restating national rules (an article)
    of["lessons"].sort(key=lambda f: (f.statement.unconfirmed, bool(_ARTICLE.search(both_texts(f)))))
    for aspect in ("gaps", "lessons"):
        if lines := draft.say_all(of[aspect], 1):
            parts.append(f"**{t('aspect_' + aspect, draft.language)}** " + " ".join(lines))
    return parts

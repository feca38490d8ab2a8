"""A case: its record by aspect, ending with what the sources do not say."""

from __future__ import annotations

import re

from assistant.answer.intent import Intent, corpus_case_names
from assistant.answer.messages import text as t
from assistant.answer.place_names import corpus_regions
from assistant.answer.restated import joined, sentences
from assistant.answer.shapes.draft import PROVINCES, Composed, Draft, both_texts, finish
from assistant.answer.types import Claim
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
    if asked == "problem" and how:
        # "怎样用专递课堂解决开课不足问题": the problem named is what the measures address; the
        # how-question is answered by what the place did
        asked = "measures"
    found = _our_reading_kept(found, asked)
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
        unrecorded = _unrecorded_problems(found) if thin and _PROBLEMS.search(draft.ctx.question) else []
        if unrecorded and not _WHO_RESPONSIBLE.search(draft.ctx.question):
            # "what problems did it meet": that its difficulties are not recorded, then what the
            # sources do record of them (what the thesis examined)
            of_asked = unrecorded + [f for f in found if f.statement.aspect == "problem"
                                     and not records_nothing(f)]
        elif thin and asked in _ITS_OWN_RECORD and not _WHO_RESPONSIBLE.search(draft.ctx.question):
            # a place its sources barely document: what is not documented, plainly, first —
            # not a national rule or an inference in place of what the place did
            of_asked = [f for f in found if f.statement.aspect == "measures" and records_nothing(f)]
        lead = draft.say_all((of_asked[:2 if unrecorded else 1] or []) + found[:2],
                             2 if unrecorded else 1)
        if also:
            lead += draft.say_all([f for f in found if f.statement.aspect == also], 1)
        parts = [" ".join(lead)]
    if thinly_documented(found) and not place:
        rest = _thin_record(draft, found, problems=bool(_PROBLEMS.search(draft.ctx.question)))
        return finish(draft, _named_once(draft, case_id, names, parts + rest))
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
    return finish(draft, _named_once(draft, case_id, names, parts))


# the corpus editor's own lesson ("Our reading: …", "我们的理解：…"): an inference, not the record
_OUR_READING = re.compile(r"^\s*(?:Our reading\b|(?:按)?我们的理解)", re.IGNORECASE)


def our_reading(found: Found) -> bool:
    """Whether a statement is the editor's own reading of a case, not what its sources say."""
    return bool(_OUR_READING.match(found.statement.text))


def _our_reading_kept(found: list[Found], asked: str) -> list[Found]:
    """A case's statements with the editor's own lessons ("Our reading") only where they answer
    something: asked for lessons when the sources give few of their own (one or none), and then
    after everything the sources say, so that an inference never leads. Asked anything else, a
    lesson of ours is padding after the record."""
    ours = [f for f in found if f.statement.aspect == "lessons" and our_reading(f)]
    if not ours:
        return found
    rest = [f for f in found if f not in ours]
    documented = [f for f in rest if f.statement.aspect == "lessons"]
    if asked != "lessons" or len(documented) > 1:
        return rest
    return rest + ours


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


# a place's own suffix, not the first character of a common word (乡村, 县城, 区域, 县级, 乡镇)
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:区|县|镇|乡)(?![村城域级镇内])|"
                    r"\b[A-Z][a-z]+ (?:District|County|Township)\b")


def _place_within(question: str, case_names: tuple[str, ...], found: list[Found]) -> str | None:
    """A place the question names inside the case ("青羊区" in "成都青羊区") that some of the case's
    statements name too; None when the question names only the case itself."""
    for match in _PLACE.finditer(question):
        # "成都的城乡教育", "综合改革试验区": 城乡 (urban–rural), a reform's zone and a particle
        # before them are no place
        place = re.sub(r"^[的和与及在对把让从]+", "", match.group(0))
        if re.search(r"城乡$|(?:试验|实验|示范|先行)区$", place) or len(place) < 2:
            continue
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


# a question asking what problems a place met ("遇到了什么问题", "what difficulties did it face")
_PROBLEMS = re.compile(r"\b(problem|difficult|challenge|obstacle)\w*|问题|困难|难点|挑战|障碍", re.IGNORECASE)


def _unrecorded_problems(found: list[Found]) -> list[Found]:
    """The statements that say the place's problems are not recorded ("the abstract does not
    list the difficulties it found")."""
    return [f for f in found if f.statement.aspect in ("problem", "gaps") and records_nothing(f)
            and _PROBLEMS.search(both_texts(f))]


def _thin_record(draft: Draft, found: list[Found], problems: bool = False) -> list[str]:
    """After the opening, a case its sources barely document: why it is in the sources at all (its
    setting, confirmed facts only), what they do not say, and the one lesson they allow — no
    template sections filled with "not documented" lines, inferences or the national rules in place
    of the place's own measures. Asked what problems the place met (``problems``), no lesson: a
    lesson drawn from national rules is no problem of the place's."""
    of = {aspect: [f for f in found if f.statement.aspect == aspect] for aspect in CASE_ASPECTS}
    setting = [f for f in of["context"] if not f.statement.unconfirmed]
    parts = []
    if lines := draft.say_all(setting, 2):
        parts.append(" ".join(lines))
    # the lesson the place itself allows before one resting on an unconfirmed description or
    # restating national rules (an article)
    of["lessons"].sort(key=lambda f: (f.statement.unconfirmed, bool(_ARTICLE.search(both_texts(f)))))
    for aspect in ("gaps",) if problems else ("gaps", "lessons"):
        if lines := draft.say_all(of[aspect], 1):
            parts.append(f"**{t('aspect_' + aspect, draft.language)}** " + " ".join(lines))
    return parts


# -- the subject named once ---------------------------------------------------------------------

# what a place is, by the last character of its Chinese name: how a later sentence calls it
_KINDS = {"县": ("the county", "该县"), "区": ("the district", "该区"), "市": ("the city", "该市"),
          "镇": ("the town", "该镇"), "乡": ("the township", "该乡"), "省": ("the province", "该省")}
_KINDS_EN = {"county": "县", "district": "区", "city": "市", "town": "镇", "township": "乡",
             "province": "省"}


def short_form(names: tuple[str, ...], language: str) -> str | None:
    """How a sentence after the first names the case's place: "the county" / "该县" by the kind
    its names give (沧源县, "Cangyuan County"), else its shortest English name ("Chengdu" has none
    shorter: None)."""
    kind = next((name[-1] for name in names if name[-1:] in _KINDS), None)
    if kind is None:
        kind = next((_KINDS_EN[word] for name in names for word in name.lower().split()[-1:]
                     if word in _KINDS_EN), None)
    if kind is not None:
        return _KINDS[kind][language == "zh"]
    return None


def _opener(names: tuple[str, ...], language: str) -> re.Pattern | None:
    """A sentence that opens with the place's full name: "Cangyuan County (沧源县), Yunnan, …",
    "Cangyuan County's …", "云南省沧源县…", "沧源县…". Only a name that says what the place is
    (县, County) is full: a bare name ("浙江", "Chengdu") is short already and stays."""
    if language == "zh":
        own = sorted((n for n in names if re.fullmatch(r"[\u4e00-\u9fff]+", n) and n[-1] in _KINDS),
                     key=len, reverse=True)
        if not own:
            return None
        return re.compile(r"^(?:[\u4e00-\u9fff]{2,3}省)?(?:" + "|".join(map(re.escape, own)) + ")")
    own = sorted((n for n in names if re.match(r"[A-Za-z]", n)
                  and set(n.lower().split()) & set(_KINDS_EN)), key=len, reverse=True)
    if not own:
        return None
    # not "The Baoqing County thesis": a name used as a modifier names something else
    return re.compile(r"^(?:" + "|".join(map(re.escape, own)) + r")"
                      r"(?:\s*[(（][^)）]{1,20}[)）])?(?:,\s*[A-Z][a-z]+(?:\s+Province)?(?=,))?(?='s\b|\s|,)")


def thesis_pattern(names: tuple[str, ...], language: str) -> re.Pattern | None:
    """The place's thesis named in full: "L区学位论文", "宝清县学位论文"; "the District L thesis",
    "The Baoqing County thesis" (the case of "the" kept in the match)."""
    if language == "zh":
        own = sorted((n for n in names if re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", n)
                      and re.search(r"[\u4e00-\u9fff]", n)), key=len, reverse=True)
        if not own:
            return None
        return re.compile(r"(?:" + "|".join(map(re.escape, own)) + r")学位论文")
    own = sorted((n for n in names if re.match(r"[A-Za-z]", n)), key=len, reverse=True)
    if not own:
        return None
    return re.compile(r"\b([Tt])he (?:" + "|".join(map(re.escape, own)) + r") thesis\b")


def thesis_shortened(sentence: str, pattern: re.Pattern, language: str) -> str:
    """``sentence`` with the place's thesis named as "该论文" / "the thesis": said after the
    answer has named it, the place adds nothing (the case is the thesis's)."""
    if language == "zh":
        return pattern.sub("该论文", sentence)
    return pattern.sub(lambda m: m.group(1) + "he thesis", sentence)


def shortened(sentence: str, opener: re.Pattern, short: str) -> str:
    """``sentence`` with the place's full name that opens it said by ``short`` ("The county's
    documented measure …", "该县有记载的做法 …"); as it is when it does not open with the name."""
    match = opener.match(sentence)
    if not match or _NOT_THE_SUBJECT.match(sentence[match.end():]):
        return sentence
    rest = sentence[match.end():]
    if rest.startswith(",") and not _APPOSITION.match(rest):
        rest = rest[1:]  # "Cangyuan County, Yunnan, is …" → "The county is …"
    return (short[:1].upper() + short[1:]) + rest


# what makes the name more than the sentence's subject: a second subject beside it ("嘉善县和宁波",
# "Jiashan County and Ningbo"), a sentence that says what the place is ("… is a county under …"),
# a name that modifies a capitalised name ("Hengnan County School Alliance")
# — and a text about the place ("宝清县学位论文", a thesis on the county, not the county's own)
_NOT_THE_SUBJECT = re.compile(r"^(?:\s*[和与及、]|(?:学位)?论文|研究|报告|文献|"
                              r"\s+(?:and|or|&)\b|(?:,[^,]{1,40},)?\s+(?:is|was) (?:a|an)\b|\s+[A-Z])")


# ", with its dual-teacher classroom, is …": a phrase set off by commas stays set off
_APPOSITION = re.compile(r",\s+(?:with|in|where|which|whose|after|since|from|under|like|as)\b")


_LABELLED = re.compile(r"^(\*\*[^*]{1,40}\*\*\s*)")


def _named_once(draft: Draft, case_id: str, names: tuple[str, ...], parts: list[str]) -> list[str]:
    """The case's parts with its place named in full once: a later sentence that opens with the
    place's full name ("Cangyuan County's …", "沧源县…") opens with its short form instead ("The
    county's …", "该县…"). A statement is self-contained (it names its subject in full, for it
    may be said alone); said one after another they would name it in every sentence. A sentence
    that also names another place keeps the full name (the short form could be either), and a
    table (a cell must stand alone) and the record's other places' section are left as they are.
    A thesis case's thesis ("L区学位论文", "the District L thesis") is likewise named in full
    once, then "该论文" / "the thesis"."""
    language = draft.language
    short = short_form(names, language)
    opener = _opener(names, language)
    thesis = thesis_pattern(names, language)
    if not short or opener is None:
        if thesis is None:
            return parts
        opener = None
    others = other_places(draft, case_id, [n.lower() for n in names])
    elsewhere = f"**{t('case_elsewhere', language)}**"
    introduced = False
    renamed: dict[str, str] = {}
    out = []
    for part in parts:
        if not part or part.startswith(elsewhere):
            out.append(part)
            introduced = False  # after other places, the place is named in full again
            continue
        lines = []
        for line in part.split("\n"):
            if line.lstrip().startswith("|"):
                lines.append(line)
                continue
            label = _LABELLED.match(line)
            prefix = label.group(1) if label else ""
            said = []
            for n, sentence in enumerate(sentences(line[len(prefix):])):
                new = sentence
                # a paragraph without a label opens with the name: it must stand on its own
                opens = n == 0 and not prefix
                if introduced and not opens:
                    if opener is not None and not _names_any_text(sentence, others):
                        new = shortened(sentence, opener, short)
                    if thesis is not None:
                        # "L区学位论文…" in every statement of a thesis case: "该论文" after the
                        # first (one thesis per case: never ambiguous, whatever else is named)
                        new = thesis_shortened(new, thesis, language)
                    if new != sentence:
                        renamed[_unmarked(sentence)] = _unmarked(new)
                introduced = introduced or any(n.lower() in sentence.lower() for n in names)
                said.append(new)
            lines.append(prefix + joined(said) if said else line)
        out.append("\n".join(lines))
    if renamed:
        draft.claims = [_renamed(claim, renamed) for claim in draft.claims]
    return out


def _unmarked(sentence: str) -> str:
    return re.sub(r"(?:\s*\[\d{1,3}\])+\s*$", "", sentence).strip()


def _renamed(claim: Claim, renamed: dict[str, str]) -> Claim:
    text = claim.text
    for old, new in renamed.items():
        text = text.replace(old, new)
    return claim if text == claim.text else Claim(text, claim.markers, claim.kind)


def _names_any_text(text: str, places: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", lowered) for p in places)

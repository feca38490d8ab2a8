"""Two or three cases compared aspect by aspect, each column only from its own case's statements.

The fallback for case comparisons that no entry of the comparisons file answers:
- the key difference first: an analysis statement naming every side, else each side's own answer
  to the aspect asked, one sentence each;
- rows by aspect (teachers, funding, school organisation, results …), not the case template's
  sections, and when the question names an aspect, that aspect's row first and few others;
- each side's statements ranked by that side's own words and the aspect, never by the other
  side's words (a district of Chengdu must not stand for Chengdu because the other side is
  "school groups");
- a side that documents nothing on an aspect gets one short cell; when no side documents the
  aspect asked, one sentence says so and then what each documents that comes closest, briefly,
  with no table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.messages import text as t
from assistant.answer.shapes.draft import (
    OPENING_CHARS,
    PROVINCES,
    Composed,
    Draft,
    both_texts,
    finish,
)
from assistant.answer.shapes.sides import (
    _subject,
    cell,
    key_difference,
    leading,
    mid_story,
    names_side,
)
from assistant.answer.terms import content_terms
from assistant.knowledge.index import Found


@dataclass(frozen=True)
class RowAspect:
    name: str               # message key "aspect_<name>"
    asks: re.Pattern        # words by which a question asks for it
    holds: re.Pattern       # words by which a statement is on it (English or Chinese text)
    case_aspects: tuple[str, ...] = ()  # or the case aspects that are it


_TEACHERS = (r"\bteachers?\b|\brotat|\bexchang|\bstaff|\bprincipals?\b|\bitinerant|\bsecond(ed|ment)|"
             r"教师|师资|交流|轮岗|走教|校长|支教")
_FUNDING = (r"\bfund(s|ing|ed)?\b|\bfinanc|\bmoney\b|\bcosts?\b|\bspend|\bbudget|\binvest|¥|"
            r"\byuan\b|经费|资金|投入|财政|分担|出钱|拨款")
_ORGANISATION = (r"\bschool groups?\b|\bgroup-based\b|\balliances?\b|\bcommunit|\bjoint school|"
                 r"\bconsolidat|\brelocat|\bpair|\btwinn?ed\b|\blayout\b|\bmerg|集团|联盟|共同体|"
                 r"教共体|校联体|联合学校|撤并|撤点|布局|结对|集中|迁入")
_DIGITAL = (r"\bonline\b|\bdelivery classroom|\bplatform|\bdigital\b|\binternet\b|\bremote\b|"
            r"\bsynchronous\b|专递课堂|平台|数字|互联网|网络|远程|三个课堂")
_RESULTS = r"\bresults?\b|outcomes?|effects?|achiev|impact|worked|成效|效果|成果|结果|效益"

ROW_ASPECTS = (
    RowAspect("problem", re.compile(r"\bproblems?\b|\bgaps?\b|difficult|challenge|问题|差距|困难",
                                    re.IGNORECASE), re.compile(r"^$"), ("problem",)),
    RowAspect("teachers", re.compile(_TEACHERS, re.IGNORECASE), re.compile(_TEACHERS, re.IGNORECASE)),
    RowAspect("funding", re.compile(_FUNDING, re.IGNORECASE), re.compile(_FUNDING, re.IGNORECASE)),
    RowAspect("organisation", re.compile(_ORGANISATION, re.IGNORECASE), re.compile(_ORGANISATION, re.IGNORECASE)),
    RowAspect("digital", re.compile(_DIGITAL, re.IGNORECASE), re.compile(_DIGITAL, re.IGNORECASE)),
    RowAspect("measures", re.compile(r"^$"), re.compile(r"^$"), ("measures",)),
    RowAspect("results", re.compile(_RESULTS, re.IGNORECASE), re.compile(r"^$"), ("results",)),
)
_BY_NAME = {aspect.name: aspect for aspect in ROW_ASPECTS}
MAX_ROWS = 5
HEAD_CHARS = 200  # a statement is on an aspect when it names it this early

# What a side did comes before what it found or drew from it; what is missing is no record
_RANK = {"measures": 0, "results": 1, "problem": 2, "context": 3, "lessons": 4}
# A statement that records an absence: "No results are documented …", "… neither lists the
# measures …", "no Taishan measure — … — is documented"
_NOTHING = re.compile(r"^(?:no|none)\b|\bnot documented\b|\bneither lists\b|"
                      r"\bno\b[^.;]{0,120}\b(?:is|are) documented\b|\bonly the existence\b",
                      re.IGNORECASE)


_GUESS = re.compile(r"^(?:if|our reading)\b|\breportedly\b|\bnot confirmed\b|\bunconfirmed\b",
                    re.IGNORECASE)


@dataclass(frozen=True)
class Side:
    label: str    # the name the question used for it ("Jiashan")
    case: str     # the case's id
    words: str    # the question's words for this side only ("Hangzhou's school groups")


# the aspect a question names, the most specific first ("teacher rotation problems": teachers)
_ASK_ORDER = ("teachers", "funding", "organisation", "digital", "results", "problem")
# the rows kept when there are more than MAX_ROWS, most telling first
_KEEP_ORDER = ("results", "problem", "teachers", "funding", "organisation", "measures", "digital")


def asked_aspect(text: str) -> RowAspect | None:
    """The aspect a comparison asks about ("on teacher exchange", "在教师交流上"), if any."""
    for name in _ASK_ORDER:
        if _BY_NAME[name].asks.search(text):
            return _BY_NAME[name]
    return None


# a side's own record: what it faced, did and achieved, not our lessons drawn from it (which
# name other places: "in place of Taishan District, … Chengdu's rotation")
_RECORD = ("measures", "results", "problem", "context")


def on_aspect(found: Found, aspect: RowAspect, within: RowAspect | None = None) -> bool:
    """Whether a statement of a side's record is on ``aspect`` (and on ``within``, the aspect
    the question asked, when given); a results statement may say there are none."""
    statement = found.statement
    if statement.aspect not in _RECORD:
        return False
    if within is not None and within is not aspect and not within.holds.search(statement.text):
        return False
    if aspect.case_aspects:
        return statement.aspect in aspect.case_aspects and (
            statement.aspect == "results" or not _NOTHING.search(statement.text))
    if _NOTHING.search(statement.text) or statement.aspect == "results":
        return False  # (results have their row, on the aspect asked when there is one)
    # on it: says so early, not in passing ("… and extra family costs" is no funding measure)
    return bool(aspect.holds.search(statement.text[:HEAD_CHARS]))


def records_nothing(found: Found) -> bool:
    return found.statement.aspect == "gaps" or bool(_NOTHING.search(found.statement.text))


def compare_cases(draft: Draft, sides: list[Side], focus: str,
                  names: dict[str, tuple[str, ...]] | None = None) -> Composed:
    if not 2 <= len(sides) <= 3 or len({s.case for s in sides}) != len(sides):
        return None
    by_side = {side.case: _ranked(draft, side, focus) for side in sides}
    if not all(by_side.values()):
        return None
    asked = asked_aspect(focus) or asked_aspect(_without(draft, sides))
    labels = [side.label for side in sides]
    # a key that names a case not compared is about another comparison (Jiashan, Chengdu and
    # Shaanxi for "Jiashan and Chengdu")
    others = tuple(n for case, ns in (names or {}).items() if case not in {s.case for s in sides}
                   for n in ns)
    key = key_difference(draft, *labels[:2], avoid=others) if len(sides) == 2 else \
        _key_of_all(draft, labels)
    language = draft.language
    specific = asked is not None and not asked.case_aspects  # teachers, funding, …
    if specific and not any(_held(by_side[s.case], asked, None, s.label) for s in sides):
        return _neither(draft, sides, by_side, asked, key)
    opening = key
    if opening is None:
        # each side's own answer to the aspect asked (else what it did), one sentence each
        firsts = [_first_on(by_side[s.case], asked, s) or leading(by_side[s.case], s.label)
                  for s in sides]
        said = [draft.say(f, again=n > 0) for n, f in enumerate(firsts) if f is not None]
        said = [s for s in said if s]
        joint = "相比之下，" if language == "zh" else ""
        opening = (f"{said[0]} " + " ".join(f"{joint}{s}" for s in said[1:])) if said else None
    # the rows: for an aspect asked, that aspect (two statements a side) and its results; else
    # one row per aspect a side documents
    plan = [(asked, 2, None), (_BY_NAME["results"], 1, asked)] if specific else \
        [(aspect, 1, None) for aspect in _rows_for(asked)]
    # the rows kept are chosen first (a row for an aspect some side has something fresh on), so
    # that only their statements are said (no orphan citations); then each is filled in order
    available = [aspect for aspect, count, within in plan
                 if any(_fresh(draft, by_side[s.case], aspect, within, s.label) for s in sides)]
    first = plan[0][0].name
    kept = {a.name for a in sorted(available, key=lambda a: (a.name != first,
                                                             _KEEP_ORDER.index(a.name)))[:MAX_ROWS]}
    in_opening = {f.statement.id for found in by_side.values() for f in found
                  if draft.is_said(f)}
    rows = []
    for aspect, count, within in plan:
        if aspect.name not in kept or _restates(draft, by_side, sides, aspect, within, in_opening):
            continue
        cells, any_said = [], False
        for side in sides:
            said = []
            for f in _fresh(draft, by_side[side.case], aspect, within, side.label):
                if len(said) >= count:
                    break
                if (line := draft.say(f)):
                    said.append(line)
            any_said |= bool(said)
            cells.append(" ".join(said) if said else
                         _short(draft, by_side[side.case], aspect, within, side.label,
                                in_opening))
        if any_said:
            rows.append(f"| {t('aspect_' + aspect.name, language)} | "
                        + " | ".join(cell(c) for c in cells) + " |")
    if opening is None and not rows:
        return None
    table = "\n".join([f"| | {' | '.join(labels)} |", "|---" * (len(sides) + 1) + "|", *rows]) \
        if rows else ""
    lead = f"**{t('key_difference', language)}** {opening}" if key else opening
    return finish(draft, [lead or t("compare_lead", language, a=labels[0], b=labels[1]), table])


def _ranked(draft: Draft, side: Side, focus: str) -> list[Found]:
    """The side's statements ranked by its own words and the aspect, about it first: a case
    that gathers several places (Jiashan and Ningbo) keeps to those naming the place asked
    about where it has any; a statement whose subject is its province, not the place, is left
    out."""
    terms = content_terms(f"{side.words} {focus}")
    found = draft.search(terms, cases=(side.case,), limit=60)
    named = [f for f in found if names_side(side.label, both_texts(f))]
    found = named or found
    # a fact of the province the place lies in does not stand for the place
    found = [f for f in found if not _province_subject(side.label, f)] or found
    return sorted(found, key=lambda f: not _subject(side.label, f))


def _province_subject(label: str, found: Found) -> bool:
    """Whether the statement opens on a province that is not the side ("Zhejiang, the province
    in which Hangzhou lies, …"): the province named before the place, or without it — a fact of
    the province, not of the place compared ("In 2011 Jiashan County, Zhejiang, …" is Jiashan's)."""
    statement = found.statement
    # the head in the language of the side's name (Chinese puts the province first:
    # "2011年，浙江省嘉善县…")
    zh = re.search(r"[\u4e00-\u9fff]", label) is not None
    for head in ((statement.text_zh[:OPENING_CHARS // 2],) if zh else
                 (statement.text[:OPENING_CHARS],)):
        lowered = head.lower()
        at = [lowered.find(w) for w in _label_words(label) if w in lowered]
        # (Chinese names the province before the place it locates: "浙江省嘉善县")
        place = (len(head) + 1 if zh else min(at)) if at else len(head) + 1
        if zh and at:
            # ... unless the place only locates the province: "沧源县所在的云南省…"
            if re.search(r"(?:所在的?|位于的?)(?:" + "|".join(p[1] for p in PROVINCES) + ")",
                         head):
                return True
            continue
        for names in PROVINCES:
            if any(n.lower() in label.lower() for n in names):
                continue  # the side is the province itself
            found_at = [head.find(n) for n in names if n in head]
            if found_at and min(found_at) < place:
                return True
    return False


def _label_words(label: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]{3,}|[\u4e00-\u9fff]{2,}", label.lower())
            if w not in ("county", "district", "city", "the", "and")] or [label.lower()]


def _rows_for(asked: RowAspect | None) -> list[RowAspect]:
    if asked is None:
        return [_BY_NAME[n] for n in ("problem", "teachers", "funding", "organisation", "digital",
                                       "measures", "results")]
    rest = ["measures", "results"] if asked.name not in ("measures", "results") else \
        ["problem", "measures", "results"]
    return [asked] + [_BY_NAME[n] for n in rest if n != asked.name]


def _first_on(found: list[Found], asked: RowAspect | None, side: Side) -> Found | None:
    if asked is None or asked.name == "measures":
        return None
    # (one that opens mid-story, "第三阶段，…", only when the side has no other)
    held = sorted(_held(found, asked, None, side.label), key=mid_story)
    return held[0] if held else None


def _held(found: list[Found], aspect: RowAspect, within: RowAspect | None,
          label: str) -> list[Found]:
    """The side's statements on the aspect, what it did before what it concluded; on a
    subject such as teachers or funding, only those about the side (a scholar's account of
    consolidation "that may not cite Pingyuan" is no record of Pingyuan's funding)."""
    return sorted((f for f in found if on_aspect(f, aspect, within)
                   and (aspect.case_aspects or _subject(label, f))),
                  key=lambda f: _RANK.get(f.statement.aspect, 5))


def _fresh(draft: Draft, found: list[Found], aspect: RowAspect,
           within: RowAspect | None, label: str) -> list[Found]:
    """... of those, the ones not said yet (what the opening or an earlier row said is not said
    again); for the results of an aspect asked, a record of no results at all where the side
    has no other."""
    held = [f for f in _held(found, aspect, within, label) if not draft.is_said(f)]
    if held or within is None or aspect.name != "results":
        return held
    results = [f for f in found if f.statement.aspect == "results"]
    none = [f for f in results if _NOTHING.search(f.statement.text)]
    return none[:1] if none and len(none) == len(results) and not draft.is_said(none[0]) else []


def _restates(draft: Draft, by_side: dict[str, list[Found]], sides: list[Side],
              aspect: RowAspect, within: RowAspect | None, in_opening: set[str]) -> bool:
    """Whether a side could only point back to what the opening or an earlier row said on the
    aspect ("only what the first paragraph says"): such a row is left out, for a row is read
    across and each of its cells must speak to the aspect (or say once it is not documented)."""
    return any(not _fresh(draft, by_side[s.case], aspect, within, s.label)
               and _held(by_side[s.case], aspect, within, s.label) for s in sides)


def _short(draft: Draft, found: list[Found], aspect: RowAspect, within: RowAspect | None,
           label: str, in_opening: set[str]) -> str:
    """A side's cell when it has nothing (more) to say on the aspect: its statement on it is in
    the opening, or in an earlier row, or it has results but none on the aspect asked, or it
    documents nothing on it."""
    held = _held(found, aspect, within, label)
    if any(f.statement.id in in_opening for f in held):
        return t("cmpc_only_above", draft.language)
    if held:
        return t("cmpc_none_more", draft.language)
    if within is not None and aspect.name == "results" and any(
            f.statement.aspect == "results" for f in found):
        return t("cmpc_none_on_aspect", draft.language)
    return t("cmpc_not_documented", draft.language)


def _neither(draft: Draft, sides: list[Side], by_side: dict[str, list[Found]],
             asked: RowAspect, key: str | None) -> Composed:
    """No side documents the aspect asked: one sentence says so, then what each documents that
    comes closest, one line each — no table of empty template rows."""
    language = draft.language
    labels = [s.label for s in sides]
    joined = ("、".join(labels[:-1]) + "和" + labels[-1]) if language == "zh" else \
        (", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 2
         else f"{labels[0]} and {labels[1]}")
    what = t("aspect_" + asked.name, language).lower() if language != "zh" else \
        t("aspect_" + asked.name, language)
    # the analysis's own sentence when it has one ("neither documents a measure …")
    parts = [key or t("cmpc_neither", language, sides=joined, aspect=what)]
    lines = []
    for side in sides:
        closest = [f for f in by_side[side.case] if not records_nothing(f)]
        # what the sources do say of it, not a guess ("If Taishan District is indeed …")
        closest = [f for f in closest if not _GUESS.search(f.statement.text)] or closest
        first = leading(closest, side.label) or (closest[0] if closest else None)
        said = draft.say(first) if first is not None else None
        if said:
            lines.append(f"- **{side.label}**{t('says', language)}{said}")
    if lines:
        parts += [t("cmpc_closest", language), "\n".join(lines)]
    return finish(draft, [" ".join(parts[:1]), *parts[1:]])


def _key_of_all(draft: Draft, labels: list[str]) -> str | None:
    """An analysis statement that compares all three sides (one naming each of them)."""
    terms = content_terms(" ".join(labels))
    for found in draft.search(terms, kinds=("finding",), limit=40):
        if found.statement.aspect != "comparison":
            continue
        body = both_texts(found)
        if all(names_side(label, body) for label in labels):
            return draft.say(found)
    return None


def _without(draft: Draft, sides: list[Side]) -> str:
    """The question less the sides' names: what is left says the aspect asked, if any
    ("teacher rotation in Jiashan", "嘉善县的教师交流和成都相比")."""
    question = draft.ctx.question
    for side in sides:
        question = re.sub(re.escape(side.label), " ", question, flags=re.IGNORECASE)
    return question


_LIST = re.compile(r"\s*(?:,|，|、|;|；)\s*(?:and\s+)?|\s+and\s+|和|与|及")


def case_sides(a: str, b: str, names: dict[str, tuple[str, ...]], named_cases,
               label_of) -> list[Side] | None:
    """The cases a comparison names, two or three, each with its own words: "Jiashan, Chengdu
    and Shaanxi on rotation" gives three sides, the first two from one side of the "and"."""
    sides: list[Side] = []
    for text in (a, b):
        cases = named_cases(text, names)
        if len(cases) > 1:
            pieces = [p for p in _LIST.split(text) if p and p.strip()]
            for case in cases:
                piece = next((p for p in pieces if named_cases(p, names)[:1] == (case,)), text)
                sides.append(Side(label_of(piece, names.get(case, ())), case, piece))
        elif cases:
            sides.append(Side(label_of(text, names.get(cases[0], ())), cases[0], text))
        else:
            return None
    if not 2 <= len(sides) <= 3 or len({s.case for s in sides}) != len(sides):
        return None
    return sides

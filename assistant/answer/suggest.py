""""What should we do about …?": measures from corpus/measures.yaml, ranked by the district
advisor's own ranking (``rank_by_weights``) from the problems the question names, each with what,
who acts, basis, precedent and risk — led by the duty the law puts on the county."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from assistant.advisor.measures import (
    MeasureSpec,
    cite_document,
    default_measures_path,
    load_measures,
    measure_query,
    rank_by_weights,
)
from assistant.advisor.standards import load_standards
from assistant.answer.intent import (
    CONSTRAINT_CUES,
    PROBLEM_CUES,
    Intent,
    constraints_in,
    problems_in_order,
    proposals_in,
    stated_problems,
    stressed_problem,
)
from assistant.answer.messages import text as t
from assistant.answer.named_documents import mentioned_documents
from assistant.answer.premise import (
    Premise,
    category_indicators,
    checked_figure,
    corrected_premise,
    stated_category,
    stated_cv,
)
from assistant.answer.restated import Facts, facts, restates, sentences, unnumbered
from assistant.answer.shapes import Composed, Draft, finish
from assistant.answer.shapes.draft import PROVINCES
from assistant.answer.standards_table import match
from assistant.answer.statement_cite import cite, localized
from assistant.answer.terms import matches, token_set, with_known_parts
from assistant.answer.types import Claim
from assistant.article_numbers import article_numbers
from assistant.documents import Citation, mark_unconfirmed_numbers, unconfirmed_numbers
from assistant.knowledge.index import Found

MEASURES = 4
BASIS_DOCUMENTS = 3  # citations of one measure's basis, one per document
NAMED_PROBLEM = 2.0  # the weight the advisor gives a raised problem flag
NAMED_BONUS = 0.25  # a question term in a measure's title, not only its description
FITS_WITHOUT_PROBLEM = 0.5  # a question naming no known problem needs a measure this close
GROUNDING_POOL = 3  # the opening's duty is one of the most relevant duties, or none (not padding)


def suggest(draft: Draft, intent: Intent) -> Composed:
    specs = _catalogue()
    relevance, fit = _relevance(draft, specs)
    question = draft.ctx.question
    constraints = constraints_in(question)
    problems = _below_floor(question, _planned_closure(
        question, _with_shortfall(intent.problems, constraints)))
    if not problems and fit < FITS_WITHOUT_PROBLEM:
        return None
    language = draft.language
    weights = {flag: NAMED_PROBLEM for flag in problems}
    ranked = rank_by_weights(weights, specs, relevance, constraints, asker_setting(question))
    ranked = _covering(draft, ranked, problems_in_order(question, problems),
                       stressed_problem(question, intent.problems))
    shortfall = stated_shortfall(question)
    if shortfall is not None:
        # a county already below a quota ("达不到10%") is not served by the measure that is the
        # quota ("rotate at least 10% a year"): the levers that raise it come first
        ranked = [item for item in ranked if not _states_quota(item[0], shortfall)] + \
                 [item for item in ranked if _states_quota(item[0], shortfall)]
    # "should we close them?": the measure that holds the rules on closing leads, and its
    # verdict is the first sentence
    # a closure decided on ("准备撤并"): the measure that holds what a closure requires leads
    judged = _judging(specs, proposals_in(question) + constraints)
    if judged is not None:
        ranked = _leading(ranked, judged)
    # a basis note names 文号 in prose; an unconfirmed one carries its mark, as in references
    unconfirmed = unconfirmed_numbers(row.metadata for row in draft.ctx.engine.documents())
    measures: list[Measure] = []
    named: dict[str, int] = {}  # the provisions the Basis lines so far name
    for spec, _score, gaps in ranked:
        if len(measures) >= MEASURES:
            break
        if any(_overlapping(spec, m.spec) for m in measures):
            continue  # the same people doing much the same on the same basis: said once
        claims = len(draft.claims)
        measure = _measure(draft, spec, gaps, len(measures) + 1, unconfirmed)
        if measure and measures and points_back_only(measure.note, named):
            # a measure whose whole basis is "see item 2" rests on nothing of its own here
            del draft.claims[claims:]
            continue
        if measure:
            for part in split_outside_brackets(measure.note or "", ";；"):
                named.setdefault(part.strip(), len(measures) + 1)
            measures.append(measure)
    if not measures:
        return None
    # the answer first, in one sentence fitted to the asker: what their figure means against the
    # rule, the rule they name, the verdict on what they propose, or the duty at stake — then the
    # measures, in order (their names are the list's; a sentence of bare names answers nothing)
    # a share the county says it falls short of ("只有5%") is read against the duty that sets
    # the quota (``_grounding_duty``); any other figure it gives, against its indicator's rule
    premise = _premise(draft) or _premise(draft, stated_cv) or (
        _premise(draft, partial(_stated_figure, draft)) if shortfall is None else None)
    # the rule the question names in quotes ("两个只增不减", 'one-vote veto') is said before the
    # measures, and a premise the standards contradict ("composite CV" in quality balance) first
    rule = _named_rule(draft)
    verdict = _verdict(draft, judged, unconfirmed) if judged is not None else None
    # a verdict already states the rules behind the measures, and a figure's verdict the rule it
    # fails: a duty after either would repeat them
    plain = stated_share(question) if shortfall is None else None
    duty = None if verdict or premise else _grounding_duty(
        draft, intent, measures, shortfall if plain is None else plain, plain is not None)
    lead = [part for part in (premise, rule, verdict) if part]
    if not lead and not duty:
        # no duty on the problem itself: the law article a measure rests on, said for the asker
        # ("First: X" names a measure and tells the asker nothing the list does not)
        duty = _measure_duty(draft, measures)
    if not lead and not duty:
        lead = [_first_step(draft, measures, unconfirmed)]
    unaddressed = _unaddressed(language, specs, intent.problems)
    summary = " ".join(part for part in (*lead, unaddressed) if part)
    risk = None
    if RISK_ASKED.search(draft.ctx.question):
        # "what risks should we consider", "需要注意什么": the risk is part of the answer, so the
        # measure's risk that speaks most of the question is said first (and not again below)
        measures, risk = _asked_risk(draft, measures, judged.id if verdict else None)
    # the rule before the risk when the question asks for rules ("what rules and risks")
    said = (duty, risk) if RULES_ASKED.search(draft.ctx.question) else (risk, duty)
    if PRECEDENT_ASKED.search(draft.ctx.question):
        # "how have other places made it stick": what a precedent did is part of the answer
        said = (_precedent_record(draft, measures), *said)
    if duty and not lead:
        # the duty answers: it opens, before what the question stated it lacks
        summary, said = " ".join(p for p in (duty, unaddressed) if p), tuple(
            p for p in said if p is not duty)
    opening = " ".join(part for part in (summary, *said) if part)
    measures = _bases_once(draft, opening, measures)
    listing = t("measures_in_order", language) + "\n" + "\n".join(m.text for m in measures)
    return finish(draft, [opening, listing])


# the asker's own setting, when it says it: an urban district ("our district is an urban
# district", "我们是主城区") is not served by measures for village schools and teaching points,
# nor a county town's schools (县城, "our county town"); a rural, township or mountain county's
# village schools are not served by measures for city schools
URBAN_ASKER = re.compile(r"\b(urban|city|inner[- ]city|municipal) districts?\b|\bdistrict of (a|the) city|"
                         r"主城区|中心城区|市辖区|(我们|我)(是|这个|这里是)?.{0,6}城区", re.IGNORECASE)
SETTING_CUES = {
    "town": re.compile(r"\bcounty[- ](town|seat)s?\b|\b(town|urban) (primary |junior |middle |"
                       r"secondary )?schools?\b|县城|城区|城镇学校|县直学校", re.IGNORECASE),
    "rural": re.compile(r"\b(rural|village|township|mountain(ous)?|remote|pastoral)\b|"
                        r"\bteaching points?\b|农村|乡村|村小|教学点|乡镇|山区|偏远|边远|牧区",
                        re.IGNORECASE),
}


def asker_setting(question: str) -> str | None:
    """The setting of the schools the question is about: ``urban`` when it says the asker's
    district is urban; else ``town`` or ``rural`` by the first the question names ("our county
    town has classes of 60": town; "village teaching points whose teachers leave for the county
    town": rural); None when it names neither (a county holds town and village schools alike,
    so no measure is for another setting)."""
    if URBAN_ASKER.search(question):
        return "urban"
    found = [(m.start(), name) for name, cue in SETTING_CUES.items()
             if (m := cue.search(question.replace("城乡", "  ")))]
    return min(found)[1] if found else None


# the problems that are about money itself: with a tight budget stated, they are a shortfall
FUNDING_PROBLEMS = frozenset({"low_rural_funding_share"})


def _with_shortfall(problems: tuple[str, ...], constraints: tuple[str, ...]) -> tuple[str, ...]:
    """``problems`` and, when the question says money is tight and asks about nothing but
    funding ("县财政困难，投入做不到…", "too poor to fund its schools"), ``funding_shortfall``:
    the lever is the measures that bring money (transfers, special funds, the surcharge), not
    those that audit or publish what little there is. Money tight while asking about teachers
    or classes stays a constraint (cheaper measures first), not a problem."""
    if "money_tight" in constraints and set(problems) <= FUNDING_PROBLEMS:
        return (*problems, "funding_shortfall")
    return problems


_CLAUSE_END = re.compile(r"[,，。;；?？!！]|\.(\s|$)")


# a school's size the asker gives: "teaching points with fewer than 30 pupils", "不足30人的教学点"
SCHOOL_SIZE = re.compile(r"(?:fewer than|less than|under|below|only|with|of)\s+(?:about |around )?"
                         r"(\d{1,3})(?:\s*[-–~]\s*\d{1,3})?\s+(?:pupils|students|children)|"
                         r"(?:不足|不到|少于|仅有|只有|只剩|仅)?(\d{1,3})(?:\s*[-—~至到]\s*\d{1,3})?\s*"
                         r"(?:名|个)?(?:学生|人)(?:以下|左右)?(?:的)?(?:村小|教学点|小规模学校|学校)|"
                         r"(?:不足|不到|少于|仅有|只有|只剩|仅)(\d{1,3})多?\s*(?:名|个)?学生",
                         re.IGNORECASE)


def _below_floor(question: str, problems: tuple[str, ...]) -> tuple[str, ...]:
    """A small school whose size the asker gives below a funding floor the standards set for
    small schools (funded as if it had 100 pupils): that floor is a problem of its own, so the
    measure that applies it is among the answer's, not only the staffing and teaching ones."""
    if "small_schools_underfunded" not in problems:
        return problems
    floors = [i for st in load_standards() for i in st.indicators.values()
              if i.comparison == ">=" and i.unit.startswith("pupils") and i.threshold("primary")]
    sizes = [int(n) for m in SCHOOL_SIZE.finditer(question) for n in m.groups() if n]
    below = [i.id for i in floors if any(size < i.threshold("primary") for size in sizes)]
    return problems + tuple(flag for flag in below if flag not in problems)


def _planned_closure(question: str, problems: tuple[str, ...]) -> tuple[str, ...]:
    """``problems`` for a county that says it will close schools ("准备撤并一批农村小学和教学点"):
    the closure is what the answer is about (``rural_decline``, the flag of closures), and the
    schools it names in that clause are what it closes, not a problem of theirs (teaching points
    named as closed are not small schools short of funds)."""
    found = CONSTRAINT_CUES["closing_planned"].search(question)
    if found is None:
        return problems
    end = _CLAUSE_END.search(question, found.end())
    clause = (question[found.start():end.start() if end else len(question)])
    rest = question[:found.start()] + " " + question[end.start() if end else len(question):]
    objects = {flag for flag in problems if flag in PROBLEM_CUES
               and PROBLEM_CUES[flag].search(clause) and not PROBLEM_CUES[flag].search(rest)}
    return ("rural_decline", *(p for p in problems if p not in objects and p != "rural_decline"))


OVERLAP = 0.3  # share of their words two measures have in common to be one measure said twice
SHARED = 2  # ... with at least this many actors and basis documents in common
_STOP = frozenset(["the", "a", "an", "of", "and", "to", "in", "for", "its", "their", "with", "by", "on", "at", "as", "or", "is", "are", "be", "that", "each", "who", "from", "it", "so", "not", "than"])


def _words(spec: MeasureSpec) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", f"{spec.name} {spec.description}".lower())
                     if w not in _STOP and len(w) > 2)


def _overlapping(spec: MeasureSpec, other: MeasureSpec) -> bool:
    """Whether two measures are one measure said twice: the same who (two actors or more in
    common), the same basis (two documents or more) and much the same action (Jaccard of their
    words in name and description at least ``OVERLAP``)."""
    if len(set(spec.actors) & set(other.actors)) < SHARED or \
            len(set(spec.policy_basis) & set(other.policy_basis)) < SHARED:
        return False
    a, b = _words(spec), _words(other)
    return bool(a | b) and len(a & b) / len(a | b) >= OVERLAP


def _covering(draft: Draft, ranked: list, problems: tuple[str, ...],
              stressed: str | None = None) -> list:
    """The ranking reordered so that every problem the question states gets a measure that
    addresses it, in the order the question states them ("编制紧张、村小教师老化": a staffing
    measure, then a recruitment measure), each the best-ranked one for its problem; the problem
    the question stresses ("… and we can't keep teachers") first and, after the others, once
    more: its own words may be fewer than the situation's, but it is what the asker needs most.
    Then the rest in ranked order. One problem, or none: the ranking as it is."""
    if len(problems) < 2:
        return ranked
    setting = asker_setting(draft.ctx.question)
    first: list = []
    again = (stressed,) if stressed else ()
    for n, flag in enumerate((*problems, *again)):
        if n < len(problems) and any(spec.mainly_addresses(flag) for spec, _, _ in first):
            continue
        # a measure that is for the problem ("dormitory staff" for a staff shortage) before one
        # that only touches it (money for boarders)
        candidates = [item for item in ranked if flag in item[0].addresses
                      and item not in first and _has_basis(draft, item[0])]
        # a problem stated of schools in another setting than the question's ("… while village
        # schools are half empty" in a county-town question): a measure for that setting first
        # (an urban district's asker is served by no village measure, whatever it mentions)
        other = _clause_setting(draft.ctx.question, flag)
        if other and setting != "urban" and other != setting:
            candidates.sort(key=lambda item: other not in item[0].setting)
        pick = next((item for item in candidates if item[0].mainly_addresses(flag)),
                    candidates[0] if candidates else None)
        if pick is not None:
            first.append(pick)
    return first + [item for item in ranked if item not in first]


def _clause_setting(question: str, flag: str) -> str | None:
    """The setting of the schools named in the clause that states ``flag`` ("while village
    schools are half empty": rural), or None."""
    cue = PROBLEM_CUES.get(flag)
    found = cue.search(question) if cue else None
    if found is None:
        return None
    starts = [m.end() for m in _CLAUSE_END.finditer(question, 0, found.start())]
    end = _CLAUSE_END.search(question, found.end())
    return asker_setting(question[starts[-1] if starts else 0:end.start() if end else len(question)])


_VERDICT_CLAUSE = re.compile(r"[;；:：，]|,(?!\s*\d)")


def _judging(specs: list[MeasureSpec], proposals: tuple[str, ...]) -> MeasureSpec | None:
    """The measure whose verdict answers the action the question proposes, if any."""
    return next((spec for action in proposals for spec in specs
                 if action in spec.verdict_on and spec.verdict), None)


def _leading(ranked: list, spec: MeasureSpec) -> list:
    """``ranked`` with ``spec`` first (added when the ranking left it out)."""
    rest = [item for item in ranked if item[0].id != spec.id]
    lead = next((item for item in ranked if item[0].id == spec.id), (spec, 0.0, []))
    return [lead, *rest]


def _verdict(draft: Draft, spec: MeasureSpec, unconfirmed: frozenset[str]) -> str | None:
    """What the rules and precedents say about the action proposed, in the reader's language,
    cited to the documents that state it (a law to the articles the verdict names)."""
    language = draft.language
    text = spec.localized("verdict", language)
    engine, filters = draft.ctx.engine, draft.ctx.filters
    markers = []
    for doc_id in spec.verdict_sources:
        row = engine.document(doc_id)
        if row is None or not filters.admits(doc_id, row.metadata):
            continue
        # the verdict names several documents in one sentence: the articles of a law are those
        # of the clause that names it ("…, with boarding kept (Compulsory Education Law Art. 17)")
        named = [n for part in _VERDICT_CLAUSE.split(text)
                 for n in _articles_named(part, doc_id, draft)]
        citation = (_article_passage(draft, doc_id, named, language)
                    or _passage(engine, doc_id, spec.verdict, "zh" if language == "zh" else None)
                    or _passage(engine, doc_id, spec.verdict))
        if citation is not None:
            markers.append(draft.cites.add(localized(citation, row.metadata, language)))
    if not markers:
        return None  # a verdict is given only with a source the reader can open
    text = mark_unconfirmed_numbers(text, unconfirmed, language)
    draft.claims.append(Claim(text, markers, "measure"))
    return f"{text} {''.join(f'[{m}]' for m in dict.fromkeys(markers))}"


# a term the asker puts in quotes: “…”, "…", 「…」, or '…' that is not an apostrophe
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,30})[”\"」』]|(?<![A-Za-z])'([^']{2,30})'(?![A-Za-z])")


def _named_rule(draft: Draft) -> str | None:
    """The rule a question names in quotes, in one sentence: the glossary's definition, cited to
    a document it relates to; a term our sources do not define is said not to be in them (so
    the reader does not take the measures for an account of it). None when nothing is quoted."""
    language = draft.language
    for found in QUOTED.finditer(draft.ctx.question):
        term = (found.group(1) or found.group(2)).strip()
        entry = next((e for e in draft.ctx.engine.glossary.entries
                      if term.lower() in {n.lower() for n in (e.en, e.zh, *e.aliases_en,
                                                              *e.aliases_zh) if n}), None)
        if entry is None:
            return t("rule_not_in_sources", language, term=term)
        definition = entry.definition_zh if language == "zh" and entry.definition_zh \
            else entry.definition
        if not definition:
            continue
        engine, filters = draft.ctx.engine, draft.ctx.filters
        for doc_id in entry.related:
            row = engine.document(doc_id)
            if row is None or not filters.admits(doc_id, row.metadata):
                continue
            citation = _passage(engine, doc_id, entry.definition)
            if citation is None:
                continue
            marker = draft.cites.add(localized(citation, row.metadata, language))
            sentence = t("rule_named", language, term=term,
                         definition=_first_sentence(definition))
            draft.claims.append(Claim(sentence, [marker], "measure"))
            return f"{sentence} [{marker}]"
    return None


def _premise(draft: Draft, check=corrected_premise) -> str | None:
    """The sentence correcting an indicator the asked standard does not have, cited to the
    standard's document (``premise.corrected_premise``); None when the premise holds. With
    ``check=stated_cv``: the verdict on the CV the asker states as the situation ("our junior
    CV is 0.52"), whether it fails the limit and by how much, said before the measures."""
    found: Premise | None = check(draft.ctx.question, draft.language, load_standards())
    if found is None:
        return None
    engine, filters = draft.ctx.engine, draft.ctx.filters
    row = engine.document(found.source)
    if row is None or not filters.admits(found.source, row.metadata):
        return None
    citation = (_passage(engine, found.source, found.text, "zh" if draft.language == "zh" else None)
                or _passage(engine, found.source, found.text))
    if citation is None:
        return None
    marker = draft.cites.add(localized(citation, row.metadata, draft.language))
    # a verdict: the figure is judged here, once (``standards_table.with_verdict`` adds none)
    draft.claims.append(Claim(found.text, [marker], "verdict"))
    return f"{found.text} [{marker}]"


def _stated_figure(draft: Draft, question: str, language: str, standards) -> Premise | None:
    """The verdict on a figure the asker gives for an indicator the question names, as its
    situation ("每百名学生拥有音体美专任教师只有0.5人", "classes of 60 pupils"): against the
    indicator's rule, by how much — so the answer opens on the asker's number, not a measure."""
    named = [row.indicator for row in match(draft.ctx, looked_up=False)]
    categories = category_indicators(stated_problems(question), standards) or \
        [i for i in named if i.extra.get("defines")]
    # a size the thresholds sort into categories ("classes of 60": large, not yet super-large)
    # is said as its category, never as a threshold it "fails"; any other figure against the
    # rule of the indicator it gives
    # the indicators the question states as its problem ("每百名学生拥有音体美专任教师"), not
    # every indicator some of its words touch (a class of 60 is no evaluation score of 60)
    stated = stated_problems(question)
    indicators = sorted((i for st in standards for i in st.indicators.values()
                         if i.id in stated and not i.extra.get("defines")),
                        key=lambda i: stated.index(i.id))
    return stated_category(question, language, standards, categories) or checked_figure(
        question, language, standards, indicators, stated=True)


def _has_basis(draft: Draft, spec: MeasureSpec) -> bool:
    """Whether a document of the measure's basis is there for the reader (else not suggested)."""
    engine, filters = draft.ctx.engine, draft.ctx.filters
    return any((row := engine.document(doc)) is not None and filters.admits(doc, row.metadata)
               for doc in spec.policy_basis)


def _unaddressed(language: str, specs: list[MeasureSpec], problems: tuple[str, ...]) -> str:
    """"The sources we hold name no measure for …": the problems the question states that no
    measure of the catalogue addresses (a psychological counsellor, say), so that the reader is
    not left to think the measures cover them."""
    covered = {flag for spec in specs for flag in spec.addresses}
    missing = [t(f"problem_{flag}", language) for flag in problems if flag not in covered]
    if not missing:
        return ""
    return t("no_measure_for", language, names=("、" if language == "zh" else "; ").join(missing))


PRECEDENT_ASKED = re.compile(r"\b(other|elsewhere)\b.{0,30}\b(places?|count(y|ies)|districts?|"
                             r"provinces?|cit(y|ies))\b|\b(places?|count(y|ies)|districts?|"
                             r"provinces?|cities) .{0,20}\b(done|did|tried|used|made)\b|"
                             r"其他地方|别的地方|外地|兄弟县|先例|别人是怎么|其他县", re.IGNORECASE)


def _precedent_record(draft: Draft, measures: list[Measure]) -> str | None:
    """What the first precedent of the measures did, from its case's own record (its measures
    statement that best fits the question), cited to the case."""
    filters = draft.ctx.filters
    for measure in measures:
        for case_id in measure.spec.precedents:
            row = draft.ctx.engine.document(case_id)
            if row is None or not filters.admits(case_id, row.metadata):
                continue
            found = [f for f in draft.search(cases=(case_id,), limit=30)
                     if f.statement.aspect == "measures"]
            said = draft.say_all(found, 1)
            if said:
                return said[0]
    return None


RULES_ASKED = re.compile(r"\b(rules?|laws?|regulations?|legal)\b|规定|政策|法律|法规",
                         re.IGNORECASE)
RISK_ASKED = re.compile(r"\brisks?\b|\bpitfalls?\b|\bwatch (out|for)\b|\bcareful\b|"
                        r"\bgo wrong\b|注意|风险|隐患|弊端", re.IGNORECASE)


def _asked_risk(draft: Draft, measures: list[Measure], judged: str | None = None
                ) -> tuple[list[Measure], str | None]:
    """The risk of the measure whose risk holds most of the question's words (the first measure
    on a tie), as a sentence, and the measures with that risk line taken out of its listing.
    ``judged``: the measure whose verdict opens — the risk of the action asked about is its
    risk, not another measure's (a remote classroom's, for a closure)."""
    language = draft.language
    terms = draft.ctx.terms
    best, best_score = None, -1.0
    for n, measure in enumerate(measures):
        risk = measure.spec.localized("risks", language)
        if not risk or (judged and measure.spec.id != judged):
            continue
        tokens = token_set(risk)
        score = sum(draft.ctx.stats.weight(term) for term in terms if matches(term, risk, tokens))
        if score > best_score:
            best, best_score = n, score
    if best is None:
        return measures, None
    measure = measures[best]
    risk = _first_sentence(measure.spec.localized("risks", language))
    if language != "zh" and re.match(r"[A-Z][a-z]", risk):  # "The main risk: consolidation …"
        risk = risk[0].lower() + risk[1:]
    sentence = t("main_risk", language) + risk
    prefix = f"   - {t('risk', language)}"
    text = "\n".join(line for line in measure.text.split("\n") if not line.startswith(prefix))
    measures = list(measures)
    measures[best] = Measure(measure.spec, measure.title, text, measure.markers, measure.note)
    return measures, sentence


@dataclass(frozen=True)
class Measure:
    """One suggested measure as written: its title, its lines and the markers of its basis."""

    spec: MeasureSpec
    title: str
    text: str
    markers: list[int]
    note: str = ""  # its basis note as written on its "Basis:" line


HOOK_CHARS = 40
_FIRST_PROVISION = re.compile(r"^[^;；:：(（]+")


def _hook(spec: MeasureSpec, language: str, unconfirmed: frozenset[str]) -> str:
    """" (Compulsory Education Law Art. 15)": the first provision of a measure's basis note, in
    brackets, when it is short and names an article or a confirmed document number; else
    nothing (an unconfirmed number is named with its mark in the measure's own lines)."""
    note = spec.localized("basis_note", language)
    first = _FIRST_PROVISION.match(note or "")
    provision = first.group(0).strip() if first else ""
    if not provision or len(provision) > HOOK_CHARS or any(n in provision for n in unconfirmed) \
            or not re.search(r"Art\.|Article|第[一二三四五六七八九十百]+条|〔\d{4}〕", provision):
        return ""
    return f"（{provision}）" if language == "zh" else f" ({provision})"


def _grounding_duty(draft: Draft, intent: Intent, measures: list[Measure],
                    shortfall: float | None = None, plain: bool = False) -> str | None:
    """The legal duty behind the measures: of the duties relevant to the question, one stated by a
    document a measure rests on (so the duty and the measures tell one story), else the most
    relevant one. A county that says it is below a quota the duty sets (``shortfall``) is told
    that it falls short of it, by document and figure, not the rule again."""
    duties = draft.relevant(draft.search(kinds=("duty",), area=intent.area, limit=10))
    # only a duty of a document the measures rest on, the most relevant first: a duty from
    # elsewhere (a province's own regulation for a question about no province) restates a rule
    # that supports none of the measures
    bases = {doc for m in measures for doc in m.spec.policy_basis}
    # the duty is the legal basis of the problem the question stresses, when it stresses one
    # (the stressed one, else the first stated: "classes of over 56 because migrants move in" is
    # about the classes, and a duty on migrants' enrolment would open on a side issue)
    problems = problems_in_order(draft.ctx.question, intent.problems)
    # the duty of the law article the first measure rests on (the Teachers Law's housing article
    # under teachers' housing) is as close to the question as the most relevant duties
    articles = _article_duties(draft, measures[0])
    pool = duties[:GROUNDING_POOL] + articles
    grounded = [f for f in pool if f.statement.source in bases
                and _binds_asker(draft, f.statement.source)
                and _about_problem(f.statement, problems[:1])
                and _rests_on(draft, f.statement, measures)
                and not _deadline_passed(f.statement.text_zh if draft.language == "zh"
                                         else f.statement.text)]
    # the law article the first measure rests on first, then another provision of its basis: the
    # duty and the first step tell one story, on the strongest legal basis there is
    ids = {id(f.located) for f in articles}
    grounded.sort(key=lambda f: (id(f.located) not in ids,
                                 not _rests_on(draft, f.statement, measures[:1])))
    if shortfall is not None:
        # the share the county states is read against the quota that sets it, whichever of the
        # duties on the measures' documents states one (the law article that leads the grounded
        # duties states no figure)
        quota = [f for f in grounded + duties if f.statement.source in bases
                 and _binds_asker(draft, f.statement.source)
                 and _about_problem(f.statement, problems[:1])]
        # the nearest floor the county misses (10% of eligible teachers, not the 20% of key
        # teachers among those who rotate)
        # a rate said plainly is read against the duty's lowest quota only (a county at 12 % is
        # not "8 points short" of the 20 % of key teachers among those who rotate)
        floor = 0.0 if plain else shortfall
        quota.sort(key=lambda f: _quota(f.statement.in_language(draft.language), floor)[0])
        lowest = min((_quota(f.statement.in_language(draft.language), 0.0)[0] for f in quota),
                     default=float("inf"))
        for found in dict.fromkeys(quota if not plain or lowest > shortfall else []):
            below = _below_quota(draft, found, shortfall, floor)
            if below:
                return below
    said = draft.say_all(grounded, 1)
    return said[0] if said else None


# a share the asker says the county is below or stuck at: "达不到10%", "只有5%左右", "below 10 %"
SHORTFALL = re.compile(
    r"\b(?:below|under|less than|fewer than|short of|only|just|barely|not (?:even )?reach\w*|"
    r"miss\w*|falls? short of)\s+(?:about |around |some |roughly )?(\d+(?:\.\d+)?)\s*(?:%|％|per ?cent)|"
    r"(?:达不到|不到|不足|低于|未达到|没达到|没有达到|只有|仅有|仅|只占|才)\s*(\d+(?:\.\d+)?)\s*[%％]",
    re.IGNORECASE)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|％|per ?cent)")


# the county's own rate said plainly ("our rotation rate is 4 %", "交流比例为4%"): below the
# duty's lowest quota it falls short of it; at or above it, nothing is said of a quota
PLAIN_SHARE = re.compile(
    r"\b(?:rate|share|proportion|ratio|percentage)\b[^.?!%\d]{0,30}?\b(?:is|was|stands at|of)\s+"
    r"(?:about |around |roughly )?(\d+(?:\.\d+)?)\s*(?:%|％|per ?cent)|"
    r"(?:比例|比率|占比)(?:是|为|在|约|大约|大概|约为)+\s*(\d+(?:\.\d+)?)\s*[%％]", re.IGNORECASE)


def stated_share(question: str) -> float | None:
    """The percentage the question gives as the county's own rate, said plainly (no "only" or
    "below"), or None."""
    found = PLAIN_SHARE.search(question)
    return float(next(g for g in found.groups() if g)) if found else None


def stated_shortfall(question: str) -> float | None:
    """The percentage the question says the county falls short of or stands at ("比例达不到10%",
    "only about 5% rotate"), or None."""
    found = SHORTFALL.search(question)
    return float(next(g for g in found.groups() if g)) if found else None


def _states_quota(spec: MeasureSpec, shortfall: float) -> bool:
    """Whether a measure's title is the very quota the county says it misses ("rotate at least
    10% …" for "达不到10%"): the asker knows the rule, so it is not a way to reach it. A county
    that gives only its own share ("only 3 % rotate") is told the quota by that measure."""
    return any(float(n) == shortfall for n in _PERCENT.findall(f"{spec.name} {spec.name_zh}"))


def _quota(text: str, shortfall: float) -> tuple[float, str | None]:
    """The lowest percentage a text states at or above the county's share, as a number and as
    written; (inf, None) when it states none."""
    found = sorted((float(m.group(1)), m.group(0)) for m in _PERCENT.finditer(text)
                   if float(m.group(1)) >= shortfall)
    return found[0] if found else (float("inf"), None)


def _below_quota(draft: Draft, found, shortfall: float, floor: float | None = None) -> str | None:
    """"The county falls short of the 10% that 教师〔2014〕4号 sets; …": the quota of the duty (its
    lowest percentage at or above the county's share), named by document, cited to the duty's
    passage; None when the duty states no such quota."""
    language = draft.language
    text = found.statement.in_language(language)
    quota = _quota(text, shortfall if floor is None else floor)[1]
    if quota is None or (floor is not None and floor < shortfall
                         and float(_PERCENT.match(quota).group(1)) <= shortfall):
        return None
    meta = draft.documents().get(found.statement.source, {})
    number = str(meta.get("doc_number") or "")
    title = str(meta.get("title_zh" if language == "zh" else "title") or "")
    document = number or (f"《{title}》" if language == "zh" else title)
    unconfirmed = unconfirmed_numbers([meta])
    document = mark_unconfirmed_numbers(document, unconfirmed, language)
    citations = cite(draft.chunks(found.statement.source), found.located, language)
    if not citations or not document:
        return None
    markers = [draft.cites.add(c) for c in citations[:1]]
    value = float(_PERCENT.match(quota).group(1))
    # a share below the quota is said with the gap ("5% … half the 10%": 5 points below it)
    sentence = t("below_quota_by", language, share=f"{shortfall:g}%", quota=quota,
                 document=document, gap=f"{value - shortfall:g}") if value > shortfall else \
        t("below_quota", language, quota=quota, document=document)
    draft.claims.append(Claim(sentence, markers, "verdict"))
    return f"{sentence} [{markers[0]}]"


def _first_step(draft: Draft, measures: list[Measure], unconfirmed: frozenset[str]) -> str:
    """When no figure, rule, proposal or duty answers the asker: the measure that fits best,
    as the first step, with the provision it rests on — one sentence, not a list of names."""
    language = draft.language
    first = measures[0]
    name = first.title
    if language != "zh" and re.match(r"[A-Z][a-z]", name):
        name = name[0].lower() + name[1:]
    hook = "" if re.search(r"\d", name) else _hook(first.spec, language, unconfirmed)
    key = "measures_first_step_one" if len(measures) == 1 else "measures_first_step"
    sentence = t(key, language, name=f"{name}{hook}")
    draft.claims.append(Claim(sentence, first.markers[:1], "measure"))
    return f"{sentence} [{first.markers[0]}]"


def _measure_duty(draft: Draft, measures: list[Measure]) -> str | None:
    """The duty of the law article the best-placed measure that names one rests on (Compulsory
    Education Law Art. 32 under itinerant teachers), when it binds the asker and its deadline has
    not passed; None when no measure's Basis names an article with a duty."""
    language = draft.language
    for measure in measures:
        found = [f for f in _article_duties(draft, measure)
                 if _binds_asker(draft, f.statement.source)
                 and not _deadline_passed(f.statement.in_language(language))]
        # of an article's several duties, the one nearest the question and the measure's own
        # gloss of it ("Art. 32 (balanced allocation of teaching staff)"), not teacher training
        near = token_set(" ".join((draft.ctx.question, measure.spec.localized("basis_note", language),
                                   measure.spec.localized("description", language))))
        found.sort(key=lambda f: -len(token_set(f.statement.in_language(language)) & near))
        said = draft.say_all(found, 1)
        if said:
            return said[0]
    return None


def _article_duties(draft: Draft, measure: Measure) -> list[Found]:
    """The duties stated by the law articles a measure's Basis names, in the note's order."""
    note = measure.spec.localized("basis_note", draft.language)
    found = []
    for doc_id in measure.spec.policy_basis:
        for number in _articles_named(note, doc_id, draft):
            found += [Found(item, 0.0, 0.0) for item in draft.index.located
                      if item.statement.source == doc_id and item.statement.kind == "duty"
                      and number in article_numbers(item.statement.locator or "")]
    return found


def _rests_on(draft: Draft, statement, measures: list[Measure]) -> bool:
    """Whether a duty is a provision the measures rest on: of a law or regulation, an article a
    measure's Basis names for it (Teachers Law Art. 28 under teachers' housing, not the Art. 21
    on training teachers for minority areas that the same law holds); of any other document, the
    document itself."""
    doc_id = statement.source
    named = {n for m in measures
             for n in _articles_named(m.spec.localized("basis_note", draft.language), doc_id, draft)}
    if not named and draft.documents().get(doc_id, {}).get("doc_type") not in ("law", "regulation"):
        return True
    return bool(named & article_numbers(statement.locator or ""))


# a deadline a duty sets: "by 2020", "by end-2020", "到2020年", "2020年底前"
DEADLINE = re.compile(r"\bby (the end of |end-?)?((?:19|20)\d\d)\b|到((?:19|20)\d\d)年|"
                      r"((?:19|20)\d\d)年(底|前|以前|年底前)")


def _deadline_passed(text: str, year: int | None = None) -> bool:
    """Whether a duty sets a deadline that has passed ("eliminate large classes by 2020" in
    2026): not the county's duty now, so the opening does not give it as one."""
    year = year or date.today().year
    return any(int(next(g for g in found.groups()[1:] if g and g.isdigit())) < year
               for found in DEADLINE.finditer(text or ""))


def _about_problem(statement, problems: tuple[str, ...]) -> bool:
    """Whether a duty is about a problem the question states (its words name the problem, in
    either language): the legal basis of the problem asked, not a duty of the same law on
    something else (key classes for a large-class question, pay parity for small schools).
    A question that names no problem keeps the most relevant duty."""
    if not problems:
        return True
    words = " ".join((statement.text, statement.text_zh, *statement.subjects))
    return any(flag in statement.subjects or PROBLEM_CUES[flag].search(words)
               for flag in problems if flag in PROBLEM_CUES)


def _catalogue() -> list[MeasureSpec]:
    """The measures catalogue, parsed once per version of the file (not on every answer)."""
    path = default_measures_path()
    return _parsed(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=2)
def _parsed(path: str, mtime_ns: int) -> list[MeasureSpec]:
    return load_measures(Path(path))


_passages: dict[tuple, Citation | None] = {}


def _passage(engine, doc_id: str, query: str, language: str | None = None) -> Citation | None:
    """The passage of ``doc_id`` a measure cites (``cite_document``), kept until the index
    changes: the same measures come back for many questions, each costing a search."""
    key = (id(engine), engine.version(), doc_id, query, language)
    if key not in _passages:
        if len(_passages) > 4096:
            _passages.clear()
        _passages[key] = cite_document(engine, doc_id, query, language)
    return _passages[key]


@lru_cache(maxsize=2)
def _catalogue_words(specs: tuple[MeasureSpec, ...]) -> tuple[dict[str, str], dict[str, set]]:
    """Each measure's words (name, description, basis, in both languages) and their tokens."""
    words = {spec.id: " ".join([spec.name, spec.name_zh, spec.description, spec.description_zh,
                                spec.basis_note, spec.localized("basis_note", "zh")])
             for spec in specs}
    return words, {key: set(token_set(text)) for key, text in words.items()}


@lru_cache(maxsize=2)
def _catalogue_names(specs: tuple[MeasureSpec, ...]) -> dict[str, tuple[str, set]]:
    """Each measure's title in both languages, and its tokens."""
    titles = {spec.id: f"{spec.name} {spec.name_zh}" for spec in specs}
    return {key: (text, set(token_set(text))) for key, text in titles.items()}


def _relevance(draft: Draft, specs) -> tuple[dict[str, float], float]:
    """How much of the question each measure's own words hold (IDF-weighted), as a share of the
    best measure's (1.0 for the closest), and the closest measure's share of the question's words
    that the catalogue uses at all (a question's own phrasing — "already full", "根本不够" — says
    nothing about which measure fits)."""
    ctx = draft.ctx
    words, tokens = _catalogue_words(tuple(specs))
    # a Chinese compound read as its known parts: "体育场地" is in "体育运动场地" as 体育 + 场地
    terms = with_known_parts(ctx.terms, ctx.stats)
    held = {key: {term.text for term in terms if matches(term, words[key], tokens[key])}
            for key in words}
    used = [term for term in terms if any(term.text in h for h in held.values())]
    total = sum(ctx.stats.weight(term) for term in used) or 1.0
    names = _catalogue_names(tuple(specs))
    # a measure whose title names what is asked fits better than one that mentions it in passing
    scores = {key: sum(ctx.stats.weight(term) * (1 + NAMED_BONUS * matches(term, *names[key]))
                       for term in used if term.text in held[key]) / total
              for key in words}
    best = max(scores.values(), default=0.0)
    return ({key: value / best for key, value in scores.items()} if best else scores), best


def _binds_asker(draft: Draft, doc_id: str) -> bool:
    """Whether a document is a basis the asker can rely on: a national one, or a provincial
    one (浙江省义务教育条例) when the question names its province; another province's
    regulation binds a western county in nothing."""
    meta = draft.documents().get(doc_id, {})
    if meta.get("level") != "provincial":
        return True
    region = str(meta.get("region") or "")
    question = draft.ctx.question.lower()
    return any(name.lower() in question for names in PROVINCES if any(n in region for n in names)
               for name in names)


def _note_for_asker(draft: Draft, spec: MeasureSpec, elsewhere: list[str]) -> str:
    """A measure's basis note without the provisions of documents that do not bind the asker
    (``_binds_asker``): each part of the note (between semicolons) naming one is left out."""
    note = spec.localized("basis_note", draft.language)
    if not elsewhere or not note:
        return note
    documents = draft.documents()
    # a part names such a document by its title or 文号, or by its province ("Zhejiang Regulations")
    places = [name for doc in elsewhere for names in PROVINCES
              if any(n in str(documents.get(doc, {}).get("region") or "") for n in names)
              for name in names]
    kept = [part for part in split_outside_brackets(note, ";；")
            if not set(mentioned_documents(part, documents)) & set(elsewhere)
            and not any(place in part for place in places)]
    return ("；" if draft.language == "zh" else "; ").join(p.strip() for p in kept)


def _measure(draft: Draft, spec: MeasureSpec, gaps: list[str], number: int,
             unconfirmed: frozenset[str]) -> Measure | None:
    language = draft.language
    engine = draft.ctx.engine
    query = measure_query(spec, gaps)
    bases = []
    filters = draft.ctx.filters
    elsewhere = [doc for doc in spec.policy_basis if not _binds_asker(draft, doc)]
    for doc_id in spec.policy_basis:
        row = engine.document(doc_id)
        if row is None or not filters.admits(doc_id, row.metadata) or doc_id in elsewhere:
            continue  # the reader keeps to other documents; another province's rules
        # a law's basis is the article the note names for it ("CEL Art. 17"), not whichever of
        # its passages best matches the measure (the reference would name another article)
        named = _articles_named(spec.localized("basis_note", language), doc_id, draft)
        citation = (_article_passage(draft, doc_id, named, language)
                    or _passage(engine, doc_id, query, "zh" if language == "zh" else None)
                    or _passage(engine, doc_id, query))
        if citation is not None:
            bases.append(localized(citation, row.metadata, language))
    if not bases:
        return None  # a measure is suggested only with a basis a reader can open
    # every document the basis note names is cited, not only the first
    markers = [draft.cites.add(basis) for basis in bases[:BASIS_DOCUMENTS]]
    basis = bases[0]
    what = _first_sentence(spec.text(language))
    note = mark_unconfirmed_numbers(_note_for_asker(draft, spec, elsewhere), unconfirmed,
                                    language) or basis.title
    comma = "、" if language == "zh" else ", "
    actors = comma.join(spec.actors_in(language)[:3])
    who = f" ({t('who_acts', language)}{actors})" if actors else ""
    if language == "zh" and actors:
        who = f"（{t('who_acts', language)}{actors}）"
    lines = [f"{number}. **{spec.title(language)}**{who} — {what}"]
    marks = "".join(f"[{m}]" for m in markers)
    basis_line = f"   - {t('measure_basis', language)}{note} {marks}"
    draft.claims.append(Claim(note, markers, "measure"))
    for doc_id in spec.precedents[:1]:
        prow = engine.document(doc_id)
        if prow is None or not filters.admits(doc_id, prow.metadata):
            continue
        precedent = _passage(engine, doc_id, query)
        if precedent is not None:
            precedent = localized(precedent, prow.metadata, language)
            pmarker = draft.cites.add(precedent)
            basis_line += f"{'；' if language == 'zh' else '; '}{t('precedent', language)}" \
                          f"{precedent.title} [{pmarker}]"
            draft.claims.append(Claim(precedent.title, [pmarker], "measure"))
    lines.append(basis_line)
    risk = spec.localized("risks", language)
    if risk:
        lines.append(f"   - {t('risk', language)}{_first_sentence(risk)}")
    return Measure(spec, spec.title(language), "\n".join(lines), markers, note)


def _bases_once(draft: Draft, opening: str, measures: list[Measure]) -> list[Measure]:
    """``measures`` with each "Basis:" line naming its documents and articles, and saying what
    a provision says only where that is new: a gloss that restates what the opening, an earlier
    measure or the measure's own line said ("Basis: 国办发〔2015〕43号 (tilt title evaluation)"
    under a measure that tilts title evaluation) is left out, the document it glosses stays."""
    said = [facts(s) for s in sentences(opening)]
    kept = []
    named: dict[str, int] = {}  # a provision named on a Basis line → the measure's number
    for number, measure in enumerate(measures, 1):
        head, _, rest = measure.text.partition("\n")
        original = measure.note or ""
        said += [facts(s) for s in sentences(unnumbered(head))]
        note = basis_without_restated(measure.note, said) if measure.note else measure.note
        if note:
            note = basis_named_once(note, named, number, draft.language)
        if note != measure.note:
            rest = rest.replace(measure.note, note, 1)
            draft.claims = [Claim(note, c.markers, c.kind)
                            if c.kind == "measure" and c.text == measure.note
                            and c.markers == measure.markers else c for c in draft.claims]
            measure = Measure(measure.spec, measure.title, f"{head}\n{rest}", measure.markers, note)
        said += [facts(s) for line in rest.splitlines() for s in sentences(line)]
        # what a provision says for this measure, shown or (said before) not: a later measure's
        # gloss of the same provision in other words says nothing new
        said += [facts(gloss) for gloss in _glosses(original)]
        kept.append(measure)
    return kept


_GLOSS_OPEN = re.compile(r"\s*[(（:：]\s*")


def _glosses(note: str) -> list[str]:
    """What a basis note says of each provision it names: the pieces of its glosses."""
    found = []
    for part in split_outside_brackets(note, ";；"):
        opened = _GLOSS_OPEN.search(part)
        if opened and part[:opened.start()].strip():
            found += split_outside_brackets(part[opened.end():].rstrip(")）"), ";；")
    return found


def points_back_only(note: str, named: dict[str, int]) -> bool:
    """Whether every provision of a Basis note was named on an earlier Basis line and none says
    anything of its own here (no gloss): the line would read only "see also measure 2's basis"."""
    parts = [p.strip() for p in split_outside_brackets(note or "", ";；")]
    return bool(parts) and all(p in named and not (_GLOSS_OPEN.search(p)
                                                    and _GLOSS_OPEN.search(p).start() > 0)
                               for p in parts)


def basis_named_once(note: str, named: dict[str, int], number: int, language: str) -> str:
    """A Basis line's note with each provision an earlier measure's Basis line named, and that
    says nothing more here (no gloss of its own left), said by pointing to that measure ("另见第1
    项的依据", "see also measure 1's basis") instead of by name again: two measures resting on
    the same law article and 文号 would otherwise have Basis lines that read alike. A note all of
    whose provisions were named before is only the pointer; ``named`` records this note's
    provisions (for the measures after it)."""
    parts = split_outside_brackets(note, ";；")
    kept, earlier = [], []
    for part in parts:
        name = part.strip()
        if _GLOSS_OPEN.search(name) and _GLOSS_OPEN.search(name).start() > 0:
            kept.append(part)  # glossed: it says what the provision says for this measure
        elif name in named:
            earlier.append(named[name])
        else:
            kept.append(part)
        named.setdefault(name, number)
    if not earlier:
        return note
    pointer = t("basis_see_also", language, number=min(earlier))
    separator = "；" if language == "zh" else "; "
    return separator.join([p.strip() for p in kept] + [pointer])


def basis_without_restated(note: str, said: list[Facts]) -> str:
    """A basis note ("Art. 15 (siting plans …); 国发〔2016〕40号: …") with each provision's gloss —
    what follows its name in brackets or after a colon — left out, piece by piece, where its facts
    restate ``said``; the provision's name stays (it is the basis)."""
    parts = []
    for part in split_outside_brackets(note, ";；"):
        opened = _GLOSS_OPEN.search(part)
        if not opened or not part[:opened.start()].strip():
            parts.append(part)
            continue
        name = part[:opened.start()].rstrip()
        closing = {"(": ")", "（": "）"}.get(opened.group(0).strip())
        gloss = part[opened.end():]
        if closing and gloss.endswith(closing):
            gloss = gloss[:-1]
        elif closing:
            parts.append(part)  # text after the bracket: not a gloss alone
            continue
        pieces = split_outside_brackets(gloss, ";；")
        new = [p for p in pieces if not restates(facts(p), said)]
        if len(new) == len(pieces):
            parts.append(part)
        elif not new:
            parts.append(name)
        else:
            joiner = "；" if "；" in gloss else "; "
            body = joiner.join(p.strip() for p in new)
            parts.append(f"{name}{opened.group(0)}{body}{closing or ''}")
    separator = "；" if "；" in note else "; "
    return separator.join(p.strip() for p in parts if p.strip())


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` split at ``separators`` that are not inside brackets."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _articles_named(note: str, doc_id: str, draft: Draft) -> list[int]:
    """The article numbers a basis note names for ``doc_id``, in the note's order: those of the
    note's parts (between semicolons) that name that document and no other."""
    documents = draft.documents()
    if documents.get(doc_id, {}).get("doc_type") not in ("law", "regulation"):
        return []
    numbers: list[int] = []
    for part in re.split(r"[;；]", note or ""):
        if mentioned_documents(part, documents) == {doc_id}:
            found = re.findall(r"(?:Arts?\.|Articles?)\s*[\d–\-, and]+|第[一二三四五六七八九十百零〇]+条", part)
            for ref in found:
                numbers += sorted(article_numbers(ref) - set(numbers))
    return numbers


def _article_passage(draft: Draft, doc_id: str, articles: list[int],
                     language: str) -> Citation | None:
    """The passage of the first of ``articles`` of a law, in the reader's language if there."""
    if not articles:
        return None
    chunks = draft.chunks(doc_id)
    for wanted in (language, None):
        for number in articles:
            for chunk in chunks:
                if wanted and chunk.language != wanted:
                    continue
                if number in article_numbers(chunk.article or ""):
                    return Citation.from_chunk(chunk)
    return None


# a full stop ends a sentence unless it ends an abbreviation ("Art. 43", "No. 4", "e.g. …")
_SENTENCE_END = re.compile(r"。|(?<!\bArt)(?<!\bArts)(?<!\bNo)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)"
                           r"(?<!\bp)(?<!\bpara)\.(?=\s)")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    found = _SENTENCE_END.search(text)
    return text[:found.end()] if found else text

""""What should we do about …?": measures from corpus/measures.yaml, ranked by the district
advisor's own ranking (``rank_by_weights``) from the problems the question names, each with what,
who acts, basis, precedent and risk — led by the duty the law puts on the county."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
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
    PROBLEM_CUES,
    Intent,
    constraints_in,
    problems_in_order,
    proposals_in,
    stressed_problem,
)
from assistant.answer.messages import text as t
from assistant.answer.named_documents import mentioned_documents
from assistant.answer.premise import Premise, corrected_premise, stated_cv
from assistant.answer.restated import Facts, facts, restates, sentences, unnumbered
from assistant.answer.shapes import Composed, Draft, finish
from assistant.answer.shapes.draft import PROVINCES
from assistant.answer.statement_cite import localized
from assistant.answer.terms import matches, token_set, with_known_parts
from assistant.answer.types import Claim
from assistant.article_numbers import article_numbers
from assistant.documents import Citation, mark_unconfirmed_numbers, unconfirmed_numbers

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
    problems = _with_shortfall(intent.problems, constraints)
    if not problems and fit < FITS_WITHOUT_PROBLEM:
        return None
    language = draft.language
    weights = {flag: NAMED_PROBLEM for flag in problems}
    ranked = rank_by_weights(weights, specs, relevance, constraints, asker_setting(question))
    ranked = _covering(draft, ranked, problems_in_order(question, problems),
                       stressed_problem(question, intent.problems))
    # "should we close them?": the measure that holds the rules on closing leads, and its
    # verdict is the first sentence
    judged = _judging(specs, proposals_in(question))
    if judged is not None:
        ranked = _leading(ranked, judged)
    # a basis note names 文号 in prose; an unconfirmed one carries its mark, as in references
    unconfirmed = unconfirmed_numbers(row.metadata for row in draft.ctx.engine.documents())
    measures: list[Measure] = []
    for spec, _score, gaps in ranked:
        if len(measures) >= MEASURES:
            break
        if any(_overlapping(spec, m.spec) for m in measures):
            continue  # the same people doing much the same on the same basis: said once
        measure = _measure(draft, spec, gaps, len(measures) + 1, unconfirmed)
        if measure:
            measures.append(measure)
    if not measures:
        return None
    # the answer first: what to do, by name; then the duty that obliges it; then each measure
    summary = _summary(draft, measures, unconfirmed)
    unaddressed = _unaddressed(language, specs, intent.problems)
    if unaddressed:
        summary = f"{summary} {unaddressed}"
    verdict = _verdict(draft, judged, unconfirmed) if judged is not None else None
    if verdict:
        summary = f"{verdict} {summary}"
    # the rule the question names in quotes ("两个只增不减", 'one-vote veto') is said before the
    # measures, and a premise the standards contradict ("composite CV" in quality balance) first
    rule = _named_rule(draft)
    if rule:
        summary = f"{rule} {summary}"
    premise = _premise(draft) or _premise(draft, stated_cv)
    if premise:
        summary = f"{premise} {summary}"
    # a verdict already states the rules behind the measures: a duty after it would repeat them
    duty = None if verdict else _grounding_duty(draft, intent, measures)
    risk = None
    if RISK_ASKED.search(draft.ctx.question):
        # "what risks should we consider", "需要注意什么": the risk is part of the answer, so the
        # measure's risk that speaks most of the question is said first (and not again below)
        measures, risk = _asked_risk(draft, measures)
    # the rule before the risk when the question asks for rules ("what rules and risks")
    said = (duty, risk) if RULES_ASKED.search(draft.ctx.question) else (risk, duty)
    if PRECEDENT_ASKED.search(draft.ctx.question):
        # "how have other places made it stick": what a precedent did is part of the answer
        said = (_precedent_record(draft, measures), *said)
    opening = " ".join(part for part in (summary, *said) if part)
    measures = _bases_once(draft, opening, measures)
    listing = t("measures_in_order", language) + "\n" + "\n".join(m.text for m in measures)
    return finish(draft, [opening, listing])


# the asker's own setting, when it says it: an urban district ("our district is an urban
# district", "我们是主城区") is not served by measures for village schools and teaching points
URBAN_ASKER = re.compile(r"\b(urban|city|inner[- ]city|municipal) districts?\b|\bdistrict of (a|the) city|"
                         r"主城区|中心城区|市辖区|(我们|我)(是|这个|这里是)?.{0,6}城区", re.IGNORECASE)


def asker_setting(question: str) -> str | None:
    """``urban`` when the question says the asker's district is urban; else None (a county
    holds town and village schools alike, so no measure is for another setting)."""
    return "urban" if URBAN_ASKER.search(question) else None


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
    first: list = []
    again = (stressed,) if stressed else ()
    for n, flag in enumerate((*problems, *again)):
        if n < len(problems) and any(spec.mainly_addresses(flag) for spec, _, _ in first):
            continue
        # a measure that is for the problem ("dormitory staff" for a staff shortage) before one
        # that only touches it (money for boarders)
        candidates = [item for item in ranked if flag in item[0].addresses
                      and item not in first and _has_basis(draft, item[0])]
        pick = next((item for item in candidates if item[0].mainly_addresses(flag)),
                    candidates[0] if candidates else None)
        if pick is not None:
            first.append(pick)
    return first + [item for item in ranked if item not in first]


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
    draft.claims.append(Claim(found.text, [marker], "measure"))
    return f"{found.text} [{marker}]"


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


def _asked_risk(draft: Draft, measures: list[Measure]) -> tuple[list[Measure], str | None]:
    """The risk of the measure whose risk holds most of the question's words (the first measure
    on a tie), as a sentence, and the measures with that risk line taken out of its listing."""
    language = draft.language
    terms = draft.ctx.terms
    best, best_score = None, -1.0
    for n, measure in enumerate(measures):
        risk = measure.spec.localized("risks", language)
        if not risk:
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


def _summary(draft: Draft, measures: list[Measure], unconfirmed: frozenset[str]) -> str:
    """One sentence naming the measures in order, cited to each one's basis."""
    language = draft.language
    names = [m.title for m in measures]
    if language != "zh":  # mid-sentence: "build schools…", not "Build schools…" (nor "pE")
        names = [n[0].lower() + n[1:] if re.match(r"[A-Z][a-z]", n) else n for n in names]
    # each with the provision it rests on first, when that is short enough to name in passing
    # (not after a title that states a figure: the reader would take the provision for the
    # figure's source, as "10 % a year (CEL Art. 32)" when the 10 % is the 2014 opinions')
    names = [name if re.search(r"\d", name) else f"{name}{_hook(m.spec, language, unconfirmed)}"
             for name, m in zip(names, measures)]
    # each measure's first basis, each document once (two measures may rest on one document)
    cited = list(dict.fromkeys(m.markers[0] for m in measures if m.markers))
    marks = "".join(f"[{n}]" for n in cited)
    key = "measure_summary_one" if len(measures) == 1 else "measures_summary"
    sentence = t(key, language, count=_count(len(measures), language),
                 names=("；" if language == "zh" else "; ").join(names))
    draft.claims.append(Claim(sentence, cited, "measure"))
    return f"{sentence} {marks}"


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


def _count(n: int, language: str) -> str:
    words = {"en": ["one", "two", "three", "four", "five"], "zh": ["一", "两", "三", "四", "五"]}
    table = words["zh" if language == "zh" else "en"]
    return table[n - 1] if 0 < n <= len(table) else str(n)


def _grounding_duty(draft: Draft, intent: Intent, measures: list[Measure]) -> str | None:
    """The legal duty behind the measures: of the duties relevant to the question, one stated by a
    document a measure rests on (so the duty and the measures tell one story), else the most
    relevant one."""
    duties = draft.relevant(draft.search(kinds=("duty",), area=intent.area, limit=10))
    # only a duty of a document the measures rest on, the most relevant first: a duty from
    # elsewhere (a province's own regulation for a question about no province) restates a rule
    # that supports none of the measures
    bases = {doc for m in measures for doc in m.spec.policy_basis}
    # the duty is the legal basis of the problem the question stresses, when it stresses one
    problems = problems_in_order(draft.ctx.question, intent.problems)
    stressed = problems[:1] if stressed_problem(draft.ctx.question, intent.problems) \
        else problems
    grounded = [f for f in duties[:GROUNDING_POOL] if f.statement.source in bases
                and _about_problem(f.statement, stressed)
                and not _deadline_passed(f.statement.text_zh if draft.language == "zh"
                                         else f.statement.text)]
    said = draft.say_all(grounded, 1)
    return said[0] if said else None


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

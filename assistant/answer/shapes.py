"""Answers shaped by the kind of question, composed from knowledge statements.

Each shape returns the answer's Markdown with markers, or None when the statements do not carry
it (the pipeline then tries the next route). The first sentence answers; support follows in
order of legal strength (law → regulation → policy → standard → case → analysis)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.answer.context import Context
from assistant.answer.extractive import wanted_patterns
from assistant.answer.intent import Intent, corpus_case_names, named_cases
from assistant.answer.messages import text as t
from assistant.answer.named_documents import (
    display_name,
    documents_of,
    mentioned_documents,
    named_document,
    unnamed_words,
)
from assistant.answer.render import CitationList
from assistant.answer.statement_cite import cite
from assistant.answer.terms import content_terms, matches, token_set, with_known_parts
from assistant.answer.types import Claim
from assistant.article_numbers import article_numbers
from assistant.documents import Chunk
from assistant.knowledge.index import Found, StatementIndex, statement_index

FLOOR = 0.3         # no statement scoring below this is said
RELATIVE = 0.6      # ... nor below this share of the best one
LIST_RELATIVE = 0.7  # items of a list keep closer to the best one: each must be worth a line
SIMILAR = 0.6       # token overlap above which two statements say the same thing
ON_TOPIC = 0.8      # a shape's best statement against the best statement of any kind
WHO_ON_TOPIC = 0.7  # ... for a question that asks who acts, whom a duty names
CUE_BOOST = 0.2     # a statement with the figure, year or article a question asks for
NAMED_LAW_BOOST = 0.2  # a statement of the very law a question names
TOPIC_TIE = 0.7     # a statement naming the subject asked about may lead from this close
TOPIC_SHARE = 0.1   # a glossary term in more statements than this says too little to lead on
THESIS_POOL = 6     # the most relevant findings an explain answer's thesis is chosen from
DOC_FLOOR = 0.15    # a document's statement shares this much of the question to fill its column
LEAD_TIE = 0.9      # statements this close to the best may lead if their source is stronger
CASE_ASPECTS = ("context", "problem", "measures", "results", "lessons", "gaps")
_ASKS_LAW = re.compile(r"\b(legal(ly)?|laws?|statut\w*|by law)\b|法定|法律|依法|法律规定",
                       re.IGNORECASE)


@dataclass
class Draft:
    """An answer being written: its citations, claims and the statements already said."""

    ctx: Context
    index: StatementIndex
    cites: CitationList = field(default_factory=CitationList)
    claims: list[Claim] = field(default_factory=list)
    said: list[frozenset[str]] = field(default_factory=list)
    said_texts: list[str] = field(default_factory=list)
    _chunks: dict[str, list[Chunk]] = field(default_factory=dict)
    _best: float | None = None
    _topic: list[str] | None = None
    _terms: list | None = None
    _documents: dict[str, dict] | None = None

    @property
    def language(self) -> str:
        """The reader's language: the question's, unless a filter keeps to Chinese passages."""
        languages = list(self.ctx.filters.languages)
        if languages and self.ctx.language not in languages:
            return languages[0]
        return self.ctx.language

    def search(self, terms=None, **filters) -> list[Found]:
        """Statements for the question (or for ``terms``), within the search filters; a question
        that names articles keeps to the statements of those articles when there are any."""
        ctx = self.ctx
        filters.setdefault("filters", ctx.filters)
        vectors = None
        if ctx.query_vector is not None and terms is None:
            from assistant.answer.sentence_store import store_for

            vectors = self.index.vectors(ctx.engine, store_for(ctx.engine))
        if terms is None and self._terms is None:
            self._terms = with_known_parts(ctx.terms, ctx.stats)  # jieba once per answer
        found = self.index.search(terms if terms is not None else self._terms, ctx.stats,
                                  query_vector=ctx.query_vector if terms is None else None,
                                  vectors=vectors, **filters)
        if terms is None:
            wanted = wanted_patterns(ctx.question)
            named = self.named_laws()

            def boosted(f: Found) -> float:
                # lead with the direct answer: the figure, year or article asked for, and the
                # words of the law the question names
                cue = any(p.search(f.statement.in_language(self.language)) for p in wanted)
                return f.score + CUE_BOOST * cue + NAMED_LAW_BOOST * (f.statement.source in named)

            if wanted or named:
                found = sorted((replace(f, score=boosted(f)) for f in found),
                               key=lambda f: -f.score)
            asked = article_numbers(ctx.question)
            if asked:
                named = [f for f in found if f.located.doc_type in ("law", "regulation")
                         and article_numbers(f.statement.locator) & asked]
                found = named or found
        return found

    def documents(self) -> dict[str, dict]:
        """Front matter by document id, of the documents the statements cite (once per answer:
        a suggest answer asks it for every basis of every measure)."""
        if self._documents is None:
            self._documents = documents_of(self.index.located)
        return self._documents

    def named_laws(self) -> set[str]:
        """Laws and regulations the question names (through the glossary's related documents)."""
        legal = {item.statement.source for item in self.index.located
                 if item.doc_type in ("law", "regulation")}
        return {doc for entry in self.ctx.glossary for doc in entry.related if doc in legal}

    def names_topic(self, found: Found) -> bool:
        """Whether a statement names the question's most specific glossary term."""
        text = found.statement.in_language(self.language).lower()
        return any(name in text for name in self.topic_names())

    def about_topic(self, found: Found) -> bool:
        """Whether a statement is about the question's most specific term: names it as its
        subject, early in either language ("The key-school system concentrated …"), not in
        passing ("large classes gather in popular schools, although … key schools")."""
        names = self.topic_names()
        heads = [found.statement.text[:SUBJECT_SPAN].lower(),
                 found.statement.text_zh[:SUBJECT_SPAN // 2].lower()]
        return any(name in head for name in names for head in heads)

    def topic_names(self) -> list[str]:
        """The names of the question's most specific glossary term ("weak schools" rather than
        "county government" or "compulsory education"): the one fewest statements mention, if
        few enough do to tell a statement about it from one that is not."""
        if self._topic is not None:
            return self._topic
        counts = []
        texts = self.index.lowered
        for entry in self.ctx.glossary:
            names = [n.lower() for n in (entry.en, *entry.aliases_en, entry.zh, *entry.aliases_zh)
                     if n and len(n) >= 2]
            mentioned = sum(1 for text in texts if any(n in text for n in names))
            if mentioned and mentioned <= TOPIC_SHARE * len(texts):
                counts.append((mentioned, names))
        self._topic = min(counts)[1] if counts else []
        return self._topic

    def best_score(self) -> float:
        """The score of the statement that best fits the question, of any kind."""
        if self._best is None:
            found = self.search(limit=1)
            self._best = found[0].score if found else 0.0
        return self._best

    def on_topic(self, found: list[Found], share: float = ON_TOPIC) -> bool:
        """A shape answers only when its own statements are about as relevant as the best
        statement of any kind: otherwise the question is better answered as a look-up."""
        return bool(found) and found[0].score >= share * self.best_score()

    def relevant(self, found: list[Found], floor: float = FLOOR) -> list[Found]:
        if not found:
            return []
        best = found[0].score
        return [f for f in found if f.score >= max(floor, RELATIVE * best)]

    def chunks(self, doc_id: str) -> list[Chunk]:
        if doc_id not in self._chunks:
            self._chunks[doc_id] = self.ctx.engine.document_chunks(doc_id)
        return self._chunks[doc_id]

    def terms_held(self, found: Found) -> set[str]:
        """The question's terms that a statement's own words hold (either language)."""
        text = f"{found.statement.text} {found.statement.text_zh}"
        tokens = token_set(text)
        return {term.text for term in self.ctx.terms if matches(term, text, tokens)}

    def is_said(self, found: Found) -> bool:
        """Whether the statement (or one very like it) is in the answer already."""
        sentence = found.statement.in_language(self.language).strip()
        words = token_set(sentence)
        return any(_overlap(words, other) >= SIMILAR for other in self.said) or \
            any(clause in said for clause in _clauses(sentence) for said in self.said_texts)

    def say(self, found: Found, again: bool = False) -> str | None:
        """The statement in the reader's language with its marker; None when it was said
        already (or something very like it; ``again``: a table cell may restate the lead) or its
        passage is not indexed."""
        statement = found.statement
        sentence = statement.in_language(self.language).strip()
        words = token_set(sentence)
        if not again and self.is_said(found):
            return None
        citations = cite(self.chunks(statement.source), found.located, self.language)
        if not citations:
            return None
        markers = [self.cites.add(citation) for citation in citations]
        self.said.append(words)
        self.said_texts.append(sentence)
        self.claims.append(Claim(sentence, markers, "statement"))
        return f"{sentence} " + "".join(f"[{m}]" for m in markers)

    def asks_for_law(self) -> bool:
        """Whether the question asks for what the law itself says ("legally", "法定")."""
        return bool(_ASKS_LAW.search(self.ctx.question))

    def lead(self, found: list[Found], strength_first: bool | None = None) -> list[Found]:
        """``found`` with the lead first: of the statements about as relevant as the best, one
        that gives the figure or year the question asks for, from the strongest source (a law's
        own article before a synthesis that cites it)."""
        if not found:
            return found
        best = found[0].score
        close = [f for f in found[:8] if f.score >= TOPIC_TIE * best]
        wanted = wanted_patterns(self.ctx.question)
        topic = self.topic_names()

        def gives_what_is_asked(f: Found) -> bool:
            return any(p.search(f.statement.in_language(self.language)) for p in wanted)

        action = asked_action(self.ctx.question)

        def does_what_is_asked(f: Found) -> bool:
            # "who pays …?": a statement in which someone pays, not one in which someone checks
            return bool(action.search(f.statement.in_language("en")) or
                        action.search(f.statement.in_language("zh")))

        # the subject asked about, the figure or year asked for, then the strongest source
        if strength_first is None:
            strength_first = self.asks_for_law()
        # a reason ("counties keep small schools because …") answers "why", not "what"
        first = min(close, key=lambda f: (f.statement.aspect in ("cause", "mechanism"),
                                          bool(topic) and not self.names_topic(f),
                                          action is not None and not does_what_is_asked(f),
                                          bool(wanted) and not gives_what_is_asked(f),
                                          f.located.strength if strength_first else 0,
                                          f.score < LEAD_TIE * best,
                                          f.located.strength, -f.score))
        return [first, *[f for f in found if f is not first]]

    def say_all(self, found: list[Found], limit: int, again: bool = False) -> list[str]:
        lines = []
        for item in found:
            if len(lines) >= limit:
                break
            if (line := self.say(item, again)) is not None:
                lines.append(line)
        return lines


_WHO_DOES = re.compile(r"\bwho (?:must |should |has to |is to |will |actually )?"
                       r"(?!is\b|are\b|was\b|were\b|has\b|have\b|does\b|do\b|can\b)"
                       r"([a-z]{3,})", re.IGNORECASE)
_ZH_WHO_DOES = re.compile(r"(?:由谁|谁来|谁|哪一?级政府)(?:负责|应当|要|去|来)?(发放|支付|承担|拨付|出钱|"
                          r"管理|监督|督导|保障|审批|认定|评估|制定|解决|核定|聘任|任命|考核|管)")


def asked_action(question: str) -> re.Pattern | None:
    """What a "who …?" question asks someone to do ("who pays" → pay, "由谁发放" → 发放), as a
    pattern that finds it in a statement; None for other questions."""
    match = _WHO_DOES.search(question)
    if match:
        verb = match.group(1).lower()
        stem = re.sub(r"(ies|es|s)$", "", verb) if len(verb) > 4 else verb
        return re.compile(rf"\b{re.escape(stem[:max(3, len(stem) - 1)])}\w*", re.IGNORECASE)
    match = _ZH_WHO_DOES.search(question)
    if not match:
        return None
    verb = match.group(1)
    return re.compile("管理|管" if verb == "管" else re.escape(verb))


CLAUSE_CHARS = 14  # a clause this long said word for word again is a repeat to the reader


def _clauses(sentence: str) -> list[str]:
    """The long clauses of a sentence (between commas, colons and semicolons), without their
    closing marks: "重点学校制度把资源集中到少数受偏爱的学校" said twice is said twice."""
    parts = re.split(r"[，,；;：:。.!?！？()（）]", sentence)
    return [p.strip() for p in parts if len(p.strip()) >= CLAUSE_CHARS
            and (re.search(r"[\u4e00-\u9fff]", p) or len(p.split()) >= 6)]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def draft_for(ctx: Context) -> Draft | None:
    index = statement_index(list(ctx.settings.corpus_dirs))
    return Draft(ctx, index) if index.located else None


Composed = tuple[str, CitationList, list[Claim]] | None


def finish(draft: Draft, parts: list[str]) -> Composed:
    """The answer from its parts (None when nothing was said with a citation)."""
    body = "\n\n".join(p for p in parts if p)
    return (body, draft.cites, draft.claims) if draft.claims else None


# -- the shapes ---------------------------------------------------------------------------------

def lookup(draft: Draft, intent: Intent) -> Composed:
    """One sentence with the fact and its source, then at most two supporting sentences."""
    found = draft.lead(draft.relevant(draft.search(limit=12)))
    if not found:
        return None
    lead, said = [], None
    for item in found[:3]:
        if (line := draft.say(item)) is not None:
            lead, said = [line], item
            break
    # support only as close to the question as a list item must be, and only what adds a part
    # of the question the lead leaves out: a neighbouring article, another law's article of the
    # same number or the same fact for another year is padding to a reader who asked for one
    best = max(f.score for f in found)
    rest = sorted((f for f in found[1:] if f.score >= LIST_RELATIVE * best and f is not said),
                  key=lambda f: (f.located.strength, -f.score))
    covered = draft.terms_held(said) if said else set()
    wanted = wanted_patterns(draft.ctx.question)
    if wanted:  # a question for a figure, a date or an article: support gives one too
        rest = [f for f in rest
                if any(p.search(f.statement.in_language(draft.language)) for p in wanted)]
    support = []
    for item in rest:
        added = draft.terms_held(item) - covered
        if added and len(support) < 2 and (line := draft.say(item)) is not None:
            support.append(line)
            covered |= added
    return finish(draft, [" ".join(lead), " ".join(support)])


def responsible(draft: Draft, intent: Intent) -> Composed:
    """The actor's duties as a short list, strongest legal basis first."""
    actors = intent.actors or None
    found: list[Found] = []
    for area in ([intent.area, None] if intent.area else [None]):
        found = draft.relevant(draft.search(kinds=("duty",), actors=actors, area=area, limit=20))
        if len(found) >= 2:
            break
    # "who must …?" is answered by a duty even when an overview of the law scores higher
    if not draft.on_topic(found, WHO_ON_TOPIC if intent.asks_who else ON_TOPIC):
        return None
    if draft.asks_for_law():
        # "what is it legally responsible for": the actor's duties in laws and regulations, when
        # there are enough of them to answer (a law's wording shares fewer words with the
        # question than a policy's, so they are looked for further down)
        wider = draft.search(kinds=("duty",), actors=actors, limit=80)
        legal = draft.relevant([f for f in wider if f.located.doc_type in ("law", "regulation")])
        found = legal if len(legal) >= 2 else found
    found = draft.lead(found)
    lead = draft.say_all(found, 1)
    close = [f for f in found[1:8] if f.score >= LIST_RELATIVE * found[0].score]
    on_subject = [f for f in found[1:] if draft.names_topic(f)]
    if on_subject:
        # the duties about the subject asked about, then at most two of the actor's others; all
        # in order of legal strength
        others = [f for f in close if f not in on_subject][:max(0, 4 - len(on_subject))][:2]
        chosen = sorted(on_subject[:5] + others, key=lambda f: (f.located.strength, -f.score))
    else:
        chosen = sorted(close, key=lambda f: (f.located.strength, -f.score))
    items = draft.say_all(chosen, 5)
    parts = [" ".join(lead)]
    if items:
        parts.append(t("more_duties", draft.language) + "\n" + "\n".join(f"- {i}" for i in items))
    return finish(draft, parts)


def explain(draft: Draft, intent: Intent) -> Composed:
    """A one-sentence thesis, then numbered causes or mechanisms, each with its source."""
    found = draft.relevant(draft.search(kinds=("finding",), limit=20))
    if len(found) < 2 or not draft.on_topic(found):
        return None
    # findings about the subject asked about come first ("why did key schools widen the gap":
    # findings that name key schools), then the rest, each group by relevance
    found = _topic_first(draft, found)
    # the thesis: of the most relevant findings, one about the subject asked about that the
    # sources file as a cause or mechanism, else the one that most reads as a cause
    # (a lesson is a remedy: it answers "what to do", not "why")
    pool = [f for f in found[:THESIS_POOL] if f.statement.aspect in ("cause", "mechanism")]
    pool = [f for f in pool if f.score >= LEAD_TIE * pool[0].score] or found[:3]
    pool.sort(key=lambda f: (bool(draft.topic_names()) and not draft.names_topic(f),
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
    rest = _topic_first(draft, sorted(pool, key=lambda f: -_causal(f)))
    causes = draft.say_all(rest, 4)
    parts = [" ".join(lead)]
    if causes:
        parts.append(t("causes", draft.language) + "\n" +
                     "\n".join(f"{n}. {c}" for n, c in enumerate(causes, start=1)))
    return finish(draft, parts)


def _topic_first(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with the statements that name the question's subject first (order kept)."""
    if not draft.topic_names():
        return found
    on = [f for f in found if draft.names_topic(f)]
    return on + [f for f in found if f not in on] if on else found


_CAUSAL_SECTION = re.compile(r"cause|why|reason|root|mechanism|成因|原因|为什么", re.IGNORECASE)
_CAUSAL_WORDS = re.compile(r"\b(because|so that|leads? to|leaving|drives?|pulls?|caus\w+|"
                           r"result\w*|means that)\b|导致|因为|因此|使得|造成|吸引|流向", re.IGNORECASE)
_OUR_READING = re.compile(r"^(in )?our (reading|mapping|analysis)|^按我们的|^我们的",
                          re.IGNORECASE)
# Wording of a remedy rather than a cause: a "why" answer puts these last, if at all.
_REMEDY = re.compile(r"\b(plan|measures?|schemes?|instruments?|tools?|should|must|support|"
                     r"programme|subsid\w+|allowance|policy answers|answers? (the|this))\b|"
                     r"措施|计划|工具|应当|须|支持|补助|对策", re.IGNORECASE)


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


_CASE_ASKS = (
    ("results", re.compile(r"\b(result|effect|outcome|impact|work(ed)?|achiev)\w*|成效|效果|结果|成果",
                           re.IGNORECASE)),
    ("problem", re.compile(r"\b(problem|difficult|challenge|gap)\w*|问题|困难|难点", re.IGNORECASE)),
    ("lessons", re.compile(r"\b(lesson|learn|takeaway)\w*|启示|借鉴|经验", re.IGNORECASE)),
    ("measures", re.compile(r"\b(do|did|does|done|measure|approach|use|used|how)\b|做法|措施|怎么做|"
                            r"如何|怎样|做了|采取了", re.IGNORECASE)),
)


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
    asked = next((aspect for aspect, cue in _CASE_ASKS if cue.search(draft.ctx.question)), None)
    of_asked = [f for f in found if f.statement.aspect == asked]
    names: tuple[str, ...] = ()
    for corpus in draft.ctx.settings.corpus_dirs:
        names += corpus_case_names(corpus).get(case_id, ())
    place = _place_within(draft.ctx.question, names, found)
    if place:
        # a district inside the case ("成都青羊区"): what the sources say of it leads, and the
        # reader is told that the rest is the whole case's record, not the district's
        of_place = [f for f in found if place.lower() in _both_texts(f)]
        lead = draft.say_all(of_place, 2)
        named = [n for n in names if n in draft.ctx.question] or list(names[:1])
        parts = [" ".join(lead), t("case_place_only", draft.language, place=place,
                                   case=max(named, key=len) if named else "")]
    else:
        lead = draft.say_all((of_asked[:1] or []) + found[:2], 1)
        parts = [" ".join(lead)]
    for aspect in CASE_ASPECTS:
        of_aspect = [f for f in found if f.statement.aspect == aspect]
        lines = draft.say_all(of_aspect, 2)
        if lines:
            parts.append(f"**{t('aspect_' + aspect, draft.language)}** " + " ".join(lines))
    return finish(draft, parts)


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
            if len(candidate) >= 2 and any(candidate.lower() in _both_texts(f) for f in found):
                return candidate
    return None


def compare(draft: Draft, intent: Intent) -> Composed:
    """A side-by-side table whose cells come only from each side's own statements, then the key
    difference."""
    sides = intent.sides
    if sides is None:
        return None
    names = {}
    for corpus in draft.ctx.settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    case_a = named_cases(sides.a, names)
    case_b = named_cases(sides.b, names)
    if case_a and case_b and case_a[0] != case_b[0]:
        # each side by the name the question used for its case ("Jiashan", not "Jiashan's
        # approaches to teacher rotation"), the rest of a side's words are the focus
        a = _case_label(sides.a, names.get(case_a[0], ()))
        b = _case_label(sides.b, names.get(case_b[0], ()))
        focus = " ".join(x for x in (sides.focus, sides.a.replace(a, " "), sides.b.replace(b, " "))
                         if x.strip())
        return _compare_cases(draft, a, b, case_a[0], case_b[0], focus)
    documents = draft.documents()
    # a side may need the aspect's words to name its document ("the 2018 guidance" | "on small
    # and boarding schools")
    named = [named_document(side, documents) for side in (sides.a, sides.b)]
    focus = sides.focus
    if focus and named.count(None) == 1:
        n = named.index(None)
        named[n] = named_document(f"{(sides.a, sides.b)[n]} {focus}", documents)
        focus = ""  # the words were the document's name, not the aspect compared
    doc_a, doc_b = named
    if doc_a and doc_b and doc_a != doc_b:
        composed = _compare_documents(draft, replace(sides, focus=focus), doc_a, doc_b,
                                      documents)
        if composed:
            return composed
    return _compare_topics(draft, sides.a, sides.b, sides.focus)


def _compare_documents(draft: Draft, sides, doc_a: str, doc_b: str,
                       documents: dict[str, dict]) -> Composed:
    """Two documents compared on what the question asks: each column from that document's own
    statements only (never a neighbouring document's), ranked by the words of the question
    that do not name either document; the two answers open, a statement that names both
    documents leads when there is one, then a table by kind of statement."""
    focus = " ".join([sides.focus, unnamed_words(sides.a, documents[doc_a]),
                      unnamed_words(sides.b, documents[doc_b])]).strip()
    focus = focus or draft.ctx.question
    # with the glossary's names of its terms in both languages ("teacher exchange": 交流轮岗)
    names = [n for e in draft.ctx.engine.glossary.find_in(focus) for n in (e.en, e.zh) if n]
    terms = content_terms(" ".join([focus, *names]))
    columns = []
    for doc in (doc_a, doc_b):
        found = draft.search(terms, sources=(doc,), limit=20)
        best = found[0].score if found else 0.0
        columns.append([f for f in found if f.score >= max(DOC_FLOOR, LIST_RELATIVE * best)])
    if not all(columns):
        return None
    # the key difference: a statement that names both documents and sets one against the other
    both = [f for f in draft.relevant(draft.search(terms, limit=40), floor=DOC_FLOOR)
            if {doc_a, doc_b} <= mentioned_documents(_both_texts(f), documents)
            and _CONTRAST.search(f.statement.in_language(draft.language))
            and f.located.doc_type != "case"]
    key = draft.say_all(both, 1)
    # what the key difference says of a side is not said again (that column may then be empty)
    columns = [[f for f in found if not draft.is_said(f)] for found in columns]
    lead = _contrast(draft, [draft.lead(found)[0] if found else None for found in columns])
    rows = []
    for kinds in (("duty",), ("definition", "fact"), ("finding",)):
        cells = [draft.say_all([f for f in found if f.statement.kind in kinds], 1)
                 for found in columns]
        if any(cells):
            rows.append(f"| {t('row_' + kinds[0], draft.language)} | "
                        + " | ".join(_cell(c[0] if c else None) for c in cells) + " |")
    names = [display_name(side, documents[doc], draft.language)
             for side, doc in ((sides.a, doc_a), (sides.b, doc_b))]
    parts = [f"**{t('key_difference', draft.language)}** {key[0]}" if key else "", lead]
    if rows:
        parts.append("\n".join([f"| | {names[0]} | {names[1]} |", "|---|---|---|", *rows]))
    return finish(draft, parts)


def _case_label(side: str, names: tuple[str, ...]) -> str:
    """The longest of a case's names that the side's words contain, else the side as written."""
    found = [n for n in names if n.lower() in side.lower()]
    return max(found, key=len) if found else side


def _cell(line: str | None) -> str:
    return (line or "—").replace("|", "/").replace("\n", " ")


def _compare_cases(draft: Draft, a: str, b: str, case_a: str, case_b: str, focus: str
                   ) -> Composed:
    terms = content_terms(f"{focus} {draft.ctx.question}")
    by_side = {cid: draft.search(terms, cases=(cid,), limit=60) for cid in (case_a, case_b)}
    if not all(by_side.values()):
        return None
    key = _key_difference(draft, a, b)
    lead = _contrast(draft, [_leading(by_side[case_a]), _leading(by_side[case_b])])
    rows = []
    for aspect in CASE_ASPECTS:
        cells = []
        for cid, side in ((case_a, a), (case_b, b)):
            # a case that gathers several places (Jiashan and Ningbo): where it has statements
            # naming the place asked about, only those (never another place's in its column)
            of_aspect = [f for f in by_side[cid] if f.statement.aspect == aspect]
            of_aspect = [f for f in of_aspect if _names(side, _both_texts(f))] or of_aspect
            # what the opening said is not said again in its row: the next statement, if any
            said = draft.say_all(of_aspect, 1)
            above = of_aspect and draft.is_said(of_aspect[0])
            cells.append(said[0] if said else t("see_above", draft.language) if above else None)
        if any(cells):
            rows.append(f"| {t('aspect_' + aspect, draft.language)} | "
                        + " | ".join(_cell(c) for c in cells) + " |")
    if not rows:
        return None
    table = "\n".join([f"| | {a} | {b} |", "|---|---|---|", *rows])
    parts = [lead or t("compare_lead", draft.language, a=a, b=b), table]
    if key:
        parts.append(f"**{t('key_difference', draft.language)}** {key}")
    return finish(draft, parts)


LEAD_ASPECTS = ("measures", "problem", "context")  # what a comparison opens with, in order


def _leading(found: list[Found]) -> Found | None:
    """A side's opening statement: what it did, else its problem, else its setting."""
    for aspect in LEAD_ASPECTS:
        of_aspect = [f for f in found if f.statement.aspect == aspect]
        if of_aspect:
            return of_aspect[0]
    return None


def _contrast(draft: Draft, leads: list[Found | None]) -> str:
    """The two sides' opening statements as one paragraph, the second set against the first."""
    said = [draft.say(f, again=n > 0) for n, f in enumerate(leads) if f is not None]
    said = [s for s in said if s]
    if len(said) < 2:
        return " ".join(said)
    joint = "相比之下，" if draft.language == "zh" else ""
    return f"{said[0]} {joint}{said[1]}"


def _key_difference(draft: Draft, a: str, b: str) -> str | None:
    """A comparison finding that names both sides, if the analysis has one."""
    terms = content_terms(f"{a} {b}")
    for found in draft.search(terms, kinds=("finding",), limit=40):
        if found.statement.aspect != "comparison":
            continue  # only an analysis that compares the two says what the difference is
        body = f"{found.statement.text} {found.statement.text_zh}".lower()
        if _names(a, body) and _names(b, body):
            return draft.say(found)
    return None


def _names(side: str, text: str) -> bool:
    # a year or a document's number names a side as much as its words ("国发〔2015〕67号")
    words = [w for w in re.findall(r"[a-z]{3,}|[\u4e00-\u9fff]{2,}|\d{2,}", side.lower())
             if w not in ("county", "district", "city", "the", "and")]
    return bool(words) and all(w in text for w in words)


def _compare_topics(draft: Draft, a: str, b: str, focus: str) -> Composed:
    """Two things compared (two standards, two policies). Where the sources contrast them —
    statements that name both and set one against the other — those lead, and a table says what
    each is; otherwise a table sets each side's own statements side by side."""
    contrasts = _contrasts(draft, a, b, focus)
    lead = draft.say_all(contrasts, 1)
    if not lead:
        return _side_by_side(draft, a, b, focus)
    more = draft.say_all(contrasts[1:], 2)
    parts = [" ".join(lead)]
    if more:
        parts.append(t("more_differences", draft.language) + "\n"
                     + "\n".join(f"- {line}" for line in more))
    cells = []
    for side, other in ((a, b), (b, a)):
        # what each side is: a definition about it (naming it first) and not about the other
        found = [f for f in draft.search(content_terms(side), kinds=("definition",), limit=10)
                 if _about(side, f, draft.language, DEFINED_SPAN + len(side))
                 and not _names(other, _both_texts(f))]
        cells.append(found)
    if all(cells):
        said = [draft.say_all(found, 1) for found in cells]
        if all(said):
            row = f"| {t('row_definition', draft.language)} | " + \
                " | ".join(_cell(s[0]) for s in said) + " |"
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
            rows.append(f"| {label} | " + " | ".join(_cell(c) for c in cells) + " |")
    if len(rows) < 2:
        return None
    table = "\n".join([f"| | {a} | {b} |", "|---|---|---|", *rows])
    key = _key_difference(draft, a, b)
    if key:  # the answer first: the difference, then the table it comes from
        return finish(draft, [f"**{t('key_difference', draft.language)}** {key}", table])
    return finish(draft, [_sentence_case(t("compare_lead", draft.language, a=a, b=b)), table])


def _mentions(found: Found, side_terms) -> bool:
    text = found.located.search_text
    tokens = token_set(text)
    from assistant.answer.terms import matches

    hits = sum(1 for term in side_terms if matches(term, text, tokens))
    return hits >= max(1, (len(side_terms) + 1) // 2)


_CONTRAST = re.compile(r"\b(while|whereas|but|than|instead|unlike|only|rather)\b|而|则|相比|"
                       r"不同于|只|不再|改为", re.IGNORECASE)


def _contrasts(draft: Draft, a: str, b: str, focus: str) -> list[Found]:
    """Findings and facts that name both sides, those that set one against the other first,
    then the analysis's own comparisons; each group by relevance to the question."""
    terms = content_terms(f"{a} {b} {focus} {draft.ctx.question}")
    found = [f for f in draft.search(terms, kinds=("finding", "fact", "definition"), limit=60)
             if _names(a, _both_texts(f)) and _names(b, _both_texts(f))]
    # of those as relevant, the primary documents' own contrast first (the standard that
    # states the rule, before an analysis that restates it), then the analysis's comparisons
    # (the contrast in the words the reader reads: "only" in a translation is no contrast)
    return sorted(found, key=lambda f: (not _CONTRAST.search(f.statement.in_language(
                                            draft.language)), -round(f.score, 2),
                                        f.located.doc_type == "analysis",
                                        f.statement.aspect != "comparison"))


SUBJECT_SPAN = 60  # characters: a statement is about a side when it names it this early
DEFINED_SPAN = 12  # ... and defines it when it names it this early (its subject)


def _about(side: str, found: Found, language: str, span: int = SUBJECT_SPAN) -> bool:
    """Whether the statement is about ``side`` (names it within ``span`` characters of its
    start), not only mentions it: a "what it is" cell must describe its own side."""
    head = found.statement.in_language(language)[:span].lower()
    return _names(side, head) or _names(side, found.statement.text[:span].lower())


def _both_texts(found: Found) -> str:
    return f"{found.statement.text} {found.statement.text_zh}".lower()


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def defining_statement(draft: Draft, entry) -> Found | None:
    """A definition statement whose subject is the glossary ``entry`` (it names the term at its
    start, in the reader's language or in English), the most relevant first; None if none."""
    names = [n.lower() for n in (entry.en, *entry.aliases_en, entry.zh, *entry.aliases_zh) if n]
    for found in draft.relevant(draft.search(kinds=("definition",), limit=10), floor=0.2):
        texts = [found.statement.in_language(draft.language), found.statement.text]
        # the term is the sentence's subject: "The 'three growths' are …", "“两免一补”是指…"
        heads = [re.sub(r"^(the |a |an )?[\"“'‘「《(（]*", "", text.lower()) for text in texts]
        if any(head.startswith(name) for name in names for head in heads):
            return found
    return None


def definition(draft: Draft, intent: Intent) -> Composed:
    """What the term means first (a definition that names it), then at most two facts."""
    found = draft.relevant(draft.search(kinds=("definition", "fact"), limit=10))
    if not found:
        return None
    defining = [f for f in found if f.statement.kind == "definition"]
    if draft.topic_names():
        first = [f for f in defining if draft.names_topic(f)] + _topic_first(draft, found)
    else:
        first = defining + found
    lead = draft.say_all(first, 1)
    return finish(draft, [" ".join(lead), " ".join(draft.say_all(found, 2))])

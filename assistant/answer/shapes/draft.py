"""The answer being written (Draft): statement search, the lead, what was said, citations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.answer.context import Context
from assistant.answer.extractive import BOUND, asks_for_bound, wanted_patterns
from assistant.answer.named_documents import documents_of
from assistant.answer.render import CitationList
from assistant.answer.rule_phrasing import as_rule
from assistant.answer.statement_cite import cite
from assistant.answer.terms import matches, token_set, with_known_parts
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


LEAD_TIE = 0.9      # statements this close to the best may lead if their source is stronger
RARE_TERMS = 3      # "the limit of X": the bound must follow one of the question's rarest terms
BOUND_SPAN_EN = 90  # characters after the term within which its bound is said ("… of each of …
BOUND_SPAN_ZH = 12  # … the seven indicators be at most 0.50", "综合差异系数小学不高于0.65")


SUBJECT_SPAN = 60  # characters: a statement is about a side when it names it this early


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
    defining: bool = False  # the answer defines its term: a definition is said as written

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
        found = self.index.search(terms if terms is not None else self.question_terms(), ctx.stats,
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

    def question_terms(self) -> list:
        """The question's terms, Chinese compounds also read as their known parts (jieba once
        per answer)."""
        if self._terms is None:
            self._terms = with_known_parts(self.ctx.terms, self.ctx.stats)
        return self._terms

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

    def names_topic(self, found: Found, filed: bool = False) -> bool:
        """Whether a statement names the question's most specific glossary term; ``filed``: in
        its words or in the subjects it is filed under (a statute's words for a term it never
        uses: Art. 12's children "whose parents work away from home" are 随迁子女)."""
        text = found.statement.in_language(self.language).lower()
        subjects = [subject.lower() for subject in found.statement.subjects] if filed else []
        return any(name in text or name in subjects for name in self.topic_names())

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
            mentioned = self.index.mentioning(tuple(names))
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

    def terms_held(self, found: Found, terms=None) -> set[str]:
        """The question's terms (or ``terms``) that a statement's own words hold (either
        language)."""
        text = f"{found.statement.text} {found.statement.text_zh}"
        tokens = token_set(text)
        return {term.text for term in (self.ctx.terms if terms is None else terms)
                if matches(term, text, tokens)}

    def is_said(self, found: Found) -> bool:
        """Whether the statement (or one very like it) is in the answer already."""
        sentence = found.statement.in_language(self.language).strip()
        words = token_set(sentence)
        return any(overlap(words, other) >= SIMILAR for other in self.said) or \
            any(clause in said for clause in clauses(sentence) for said in self.said_texts)

    def say(self, found: Found, again: bool = False) -> str | None:
        """The statement in the reader's language with its marker; None when it was said
        already (or something very like it; ``again``: a table cell may restate the lead) or its
        passage is not indexed."""
        statement = found.statement
        sentence = statement.in_language(self.language).strip()
        words = token_set(sentence)
        if not again and self.is_said(found):
            return None
        if statement.kind == "definition" and not self.defining:
            sentence = as_rule(sentence)  # a rule in an answer, not a glossary entry
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

    def lead(self, found: list[Found], strength_first: bool | None = None,
             prefer: Callable[[Found], bool] | None = None,
             filed_topic: bool = False, prefer_first: bool = False) -> list[Found]:
        """``found`` with the lead first: of the statements about as relevant as the best, one
        that gives the figure or year the question asks for, from the strongest source (a law's
        own article before a synthesis that cites it). ``prefer_first``: what ``prefer`` asks
        for ranks before the subject asked about (what an actor must do before what it may do
        about the very subject)."""
        if not found:
            return found
        close = [f for f in found[:8] if f.score >= TOPIC_TIE * found[0].score]
        # a province's rule the question does not ask about sets no bar for the others
        best = max((f.score for f in close if not self.elsewhere(f)), default=found[0].score)
        wanted = wanted_patterns(self.ctx.question)
        topic = self.topic_names()

        def gives_what_is_asked(f: Found) -> int:
            """How many of the things asked for (a year and a document number …) it gives."""
            return sum(bool(p.search(f.statement.in_language(self.language))) for p in wanted)

        action = asked_action(self.ctx.question)
        wants_bound = asks_for_bound(self.ctx.question)

        def does_what_is_asked(f: Found) -> bool:
            # "who pays …?": a statement in which someone pays, not one in which someone checks
            return bool(action.search(f.statement.in_language("en")) or
                        action.search(f.statement.in_language("zh")))

        # the subject asked about, the figure or year asked for, then the strongest source
        if strength_first is None:
            strength_first = self.asks_for_law()
        # a reason ("counties keep small schools because …") answers "why", not "what"
        first = min(close, key=lambda f: (f.statement.aspect in ("cause", "mechanism"),
                                          self.elsewhere(f),
                                          prefer_first and prefer is not None and not prefer(f),
                                          bool(topic) and not self.names_topic(f, filed_topic),
                                          prefer is not None and not prefer(f),
                                          action is not None and not does_what_is_asked(f),
                                          wants_bound and not self.bound_near_term(f),
                                          -gives_what_is_asked(f),
                                          f.located.strength if strength_first else 0,
                                          f.score < LEAD_TIE * best,
                                          f.located.strength, -round(f.coverage, 2), -f.score))
        return [first, *[f for f in found if f is not first]]

    def bound_near_term(self, found: Found) -> bool:
        """"What is the limit of X?": whether the statement gives a bound ("at most 0.50",
        "不高于0.65") within a few words after one of the question's rarest terms it names — not a
        bound on something else in the same sentence ("at least 85 %" satisfaction)."""
        text = found.statement.in_language(self.language)
        lowered = text.lower()
        tokens = token_set(text)
        named = [term for term in self.ctx.terms if matches(term, text, tokens)]
        named.sort(key=self.ctx.stats.weight, reverse=True)
        for term in named[:RARE_TERMS]:
            span = BOUND_SPAN_ZH if term.chinese else BOUND_SPAN_EN
            for form in term.forms:
                start = lowered.find(form.lower())
                while start >= 0:
                    if BOUND.search(text[start:start + len(form) + span]):
                        return True
                    start = lowered.find(form.lower(), start + 1)
        return False

    def elsewhere(self, found: Found) -> bool:
        """Whether a statement is a province's own rule (Zhejiang's regulations) and the
        question does not name that province: a national question is answered by national law
        first."""
        located = found.located
        question = self.ctx.question.lower()
        # a national document's statement about one province ("In Yunnan's 2016 implementation
        # …") is that province's rule too
        opening = f"{found.statement.text[:OPENING_CHARS]} {found.statement.text_zh[:OPENING_CHARS // 2]}"
        named = [names for names in PROVINCES if any(n in opening for n in names)]
        if named and not any(n.lower() in question for names in named for n in names):
            return True
        region = str(located.metadata.get("region", "China"))
        if located.doc_type in ("case", "analysis") or region == "China":
            return False
        names = [region.split(",")[0].split("(")[0].strip().lower(), located.title_zh[:2]]
        return not any(name and name in question for name in names)

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


OPENING_CHARS = 40  # a statement is about the province it names this early
PROVINCES = tuple((en, zh) for en, zh in (
    ("Beijing", "北京"), ("Tianjin", "天津"), ("Hebei", "河北"), ("Shanxi", "山西"),
    ("Inner Mongolia", "内蒙古"), ("Liaoning", "辽宁"), ("Jilin", "吉林"), ("Heilongjiang", "黑龙江"),
    ("Shanghai", "上海"), ("Jiangsu", "江苏"), ("Zhejiang", "浙江"), ("Anhui", "安徽"),
    ("Fujian", "福建"), ("Jiangxi", "江西"), ("Shandong", "山东"), ("Henan", "河南"),
    ("Hubei", "湖北"), ("Hunan", "湖南"), ("Guangdong", "广东"), ("Guangxi", "广西"),
    ("Hainan", "海南"), ("Chongqing", "重庆"), ("Sichuan", "四川"), ("Guizhou", "贵州"),
    ("Yunnan", "云南"), ("Tibet", "西藏"), ("Shaanxi", "陕西"), ("Gansu", "甘肃"),
    ("Qinghai", "青海"), ("Ningxia", "宁夏"), ("Xinjiang", "新疆")))
CLAUSE_CHARS = 14  # a clause this long said word for word again is a repeat to the reader


def clauses(sentence: str) -> list[str]:
    """The long clauses of a sentence (between commas, colons and semicolons), without their
    closing marks: "重点学校制度把资源集中到少数受偏爱的学校" said twice is said twice. What is in
    brackets is not a clause: two duties of one document end with the same "(State Council
    notice …, 2015)"."""
    unbracketed = re.sub(r"[（(][^（）()]*[)）]", " ", sentence)
    parts = re.split(r"[，,；;：:。.!?！？()（）]", unbracketed)
    return [p.strip() for p in parts if len(p.strip()) >= CLAUSE_CHARS
            and (re.search(r"[\u4e00-\u9fff]", p) or len(p.split()) >= 6)]


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
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


def topic_first(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with the statements that name the question's subject first (order kept)."""
    if not draft.topic_names():
        return found
    on = [f for f in found if draft.names_topic(f)]
    return on + [f for f in found if f not in on] if on else found


def both_texts(found: Found) -> str:
    return f"{found.statement.text} {found.statement.text_zh}".lower()

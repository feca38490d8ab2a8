"""Questions that ask two things ("… and what is its document number?", "…？依据是哪个文件？",
"what must the county do, and who pays?"): the question split into its parts, and the second
part's lead brought into the opening of the answer to the whole question."""

from __future__ import annotations

import re

from assistant.answer.evidence import is_distinctive
from assistant.answer.extractive import wanted_patterns
from assistant.answer.render import CitationList
from assistant.answer.terms import Term, TermStats, content_terms, matches, token_set
from assistant.answer.types import Claim

# an English second question: ", and what …", "and when …", "— and who …"
_EN_SECOND = re.compile(r"(?:,|;|\s—|—|\s-)\s*and\s+(?=(?:what|which|when|who|whom|whose|how|where|"
                        r"in which|under which|by when)\b)", re.IGNORECASE)
# a Chinese clause that asks (an interrogative or a question particle)
_ZH_ASKS = re.compile(r"哪|什么|谁|多少|多久|多长时间|何时|几|怎么|怎样|如何|是否|有没有|是不是|吗|呢")
# ... that is a question of its own however it is placed: "几" and "是否" also count things or
# set a condition inside a statement ("县里准备撤并几所村小，需要注意什么？" asks one thing)
_ZH_ASKS_ALONE = re.compile(r"哪|什么|谁|多少|何时|怎么|怎样|如何|有没有|是不是|[吗呢][？?]?$")
_EN_ASKS = re.compile(r"\b(what|which|when|who|whom|whose|how|where|why)\b", re.IGNORECASE)
_ZH_CLAUSE = re.compile(r"(?<=[，；,;])")
_SENTENCE_END = re.compile(r"(?<=[?？])\s*(?=\S)")
MIN_PART = 4  # characters: a shorter "part" ("and why?") asks nothing on its own
SIMILAR = 0.6  # token overlap at which a sentence is the one said already


def _asks(text: str) -> bool:
    return bool(_ZH_ASKS.search(text) or _EN_ASKS.search(text))


def split(question: str) -> list[str]:
    """The question's parts, when it clearly asks two things: two questions in a row, a second
    "and what/when/who …" question in English, or a second clause that asks in Chinese after a
    first that asks too; otherwise the question whole."""
    question = question.strip()
    sentences = [s for s in _SENTENCE_END.split(question) if s.strip()]
    if len(sentences) >= 2 and all(_asks(s) for s in sentences[-2:]):
        first, second = " ".join(sentences[:-1]), sentences[-1]
        return [first, second] if len(second) >= MIN_PART else [question]
    match = _EN_SECOND.search(question)
    if match and _EN_ASKS.search(question[:match.start()]):
        first, second = question[:match.start()].strip(), question[match.end():].strip()
        if len(second.split()) >= 2:
            return [first, second]
    clauses = [c for c in _ZH_CLAUSE.split(question) if c.strip()]
    for cut in range(len(clauses) - 1, 0, -1):
        first, second = "".join(clauses[:cut]), "".join(clauses[cut:])
        if (_ZH_ASKS.search(second) and _ZH_ASKS_ALONE.search(first.rstrip("，；,; "))
                and len(second) >= MIN_PART):
            return [first.rstrip("，；,; "), second]
    return [question]


SHORT_WORDS = 5   # an English part of fewer words ("who pays?") is about the other part's subject
SHORT_CHARS = 9   # ... and a Chinese part of fewer characters ("依据是哪个文件？")


def short(part: str) -> bool:
    """Whether a part needs the other part's words to say what it is about: short, or leaning on
    a pronoun ("what is its document number?")."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", part))
    if cjk:
        return cjk < SHORT_CHARS or bool(re.search(r"其|该|它", part))
    return len(part.split()) < SHORT_WORDS or bool(re.search(
        r"\b(its|it|their|them|this|these|those)\b", part, re.IGNORECASE))


def wants(part: str) -> bool:
    """Whether a part asks for a figure, a date, an article or a document number."""
    return bool(wanted_patterns(part))


_PRONOUN = re.compile(r"\b(it|its|they|them|that|this)\b|其|它", re.IGNORECASE)
_YEARS = re.compile(r"(?<![\d〔\[])(?:19|20)\d\d(?![\d〕\]])")


def leaning(second: str, first: str) -> str | None:
    """"…, and what was it under the 2012 basic-balance evaluation?": a part that asks for
    nothing of its own, leans on the first part by a pronoun and names a subject of its own (a
    year, or one side of a contrasted pair the first names the other of) asks what the first
    asks about that subject. The first part with the subject replaced, or None."""
    from assistant.answer.shapes.lookup import CONTRASTS

    if wants(second) or not wants(first) or not _PRONOUN.search(second):
        return None
    asked, lowered = first.replace("-", " "), second.replace("-", " ").lower()
    changed = False
    years = _YEARS.findall(second)
    if years and _YEARS.search(asked) and not set(years) & set(_YEARS.findall(asked)):
        asked, changed = _YEARS.sub(years[0], asked, count=1), True
    for one, other in CONTRASTS:
        for named, replaced in ((one, other), (other, one)):
            theirs = [n for n in named if n in lowered]
            ours = [n for n in replaced if n in asked.lower()]
            if theirs and ours and not any(n in asked.lower() for n in named):
                start = asked.lower().find(ours[0])
                asked = asked[:start] + theirs[0] + asked[start + len(ours[0]):]
                changed = True
    return asked if changed else None


SUBJECT_SHARE = 0.5  # of a part's own words, in the sentence that gives its figure
# "when had ALL counties passed?", "全部县…": a figure of some of them does not answer it
_ALL = re.compile(r"\b(?:all|every)\b|全部|所有|全都|全国", re.IGNORECASE)


def answered(part: str, opening: str) -> bool:
    """Whether the opening already gives what the part asks for (a figure, year, article or
    document number), when the part asks for one of those: in a sentence about what the part
    asks, when the part says what it is about — the 85 % of migrant children in public schools
    does not answer "社会认可度要达到多少？", another 85 %."""
    wanted = wanted_patterns(part)
    if not wanted:
        return False
    if short(part):
        return all(p.search(opening) for p in wanted)
    terms = content_terms(part)
    every = bool(_ALL.search(part))
    for sentence in re.split(r"(?<=[.。!?！？；;])\s*|\n", opening):
        if not all(p.search(sentence) for p in wanted) or (every and not _ALL.search(sentence)):
            continue
        tokens = token_set(sentence)
        if not terms or sum(matches(t, sentence, tokens) for t in terms) >= \
                SUBJECT_SHARE * len(terms):
            return True
    return False


def _sentences_of(body: str, claims: list[Claim]) -> list[tuple[str, list[int]]]:
    """The claims of a composed body that its opening paragraph says, in order."""
    opening = body.split("\n\n")[0]
    said = [(opening.find(c.text), c) for c in claims if c.text and c.text in opening]
    return [(c.text, c.markers) for _, c in sorted(said, key=lambda s: s[0])]


def _said(sentence: str, body: str) -> bool:
    words = token_set(sentence)
    for line in re.split(r"(?<=[.。!?！？])\s+|\n", body):
        other = token_set(line)
        if words and other and len(words & other) / len(words) >= SIMILAR:
            return True
    return False


DISTINCTIVE = 3  # the other part's rarest terms, one of which a part's lead must hold


# words that place or relate ("within", "among", 之间, 一级): rare in the index perhaps, but
# they say nothing of what a part is about
_EN_RELATIONAL = frozenset({"within", "among", "amongst", "between", "across", "through", "throughout",
                            "under", "over", "onto", "upon", "toward", "without", "dure", "besid",
                            "beyond", "via", "whether", "whose", "whom", "which"})
_ZH_RELATIONAL_TAGS = ("f", "m", "r", "p", "c", "u", "d", "q")  # locative, numeral, pronoun …


def _relational(term: Term) -> bool:
    if not term.chinese:
        return term.text in _EN_RELATIONAL
    import jieba.posseg

    tagged = jieba.posseg.lcut(term.text)
    return len(tagged) == 1 and tagged[0].flag.startswith(_ZH_RELATIONAL_TAGS)


def distinctive(text: str, stats: TermStats, count: int = DISTINCTIVE) -> list[Term]:
    """The rarest content terms of a part (by the index's term weights): what it is about; a
    word that only places or relates (within, among, 之间, 一级) is none of them."""
    terms = [term for term in content_terms(text) if not _relational(term)]
    return sorted(terms, key=stats.weight, reverse=True)[:count]


_ASKS_BASIS = re.compile(r"\b(?:legal |policy )?basis\b|\bunder which\b|\bwhich (?:law|article|"
                         r"document|regulation|policy)\b|依据|哪个文件|哪份文件|哪部法|哪一?条", re.IGNORECASE)


def leans_on_first(part: str) -> bool:
    """Whether a second part is about the first part's subject: short, or asking for the basis
    of what the first asks ("what is the legal basis?", "依据是哪个文件？")."""
    return short(part) or bool(_ASKS_BASIS.search(part))


def _holds_any(sentence: str, terms: list[Term]) -> bool:
    tokens = token_set(sentence)
    return any(matches(term, sentence, tokens) for term in terms)


def merge(main: tuple[str, CitationList, list[Claim]],
          part: tuple[str, CitationList, list[Claim]], limit: int = 1, first: bool = False,
          does: re.Pattern | None = None,
          about: list[Term] | None = None) -> tuple[str, CitationList, list[Claim]]:
    """The main answer with the part's lead (the first ``limit`` sentences of its opening that
    the main opening does not say already) added to its opening (before the rest with ``first``; with ``does``, only a sentence that does what a
    "who …?" part asks), each with the part's citations re-marked in the main list; a sentence the main
    answer says further down moves up into the opening instead of being said twice. With
    ``about`` (the other part's distinctive terms), a sentence that holds none of them leaves
    the subject asked ("what is the legal basis?" after a question on rotation is not answered
    by near-home enrolment's "legal basis")."""
    body, cites, claims = main
    part_body, part_cites, _ = part[0], part[1], part[2]
    paragraphs = body.split("\n\n")
    added = []
    for sentence, markers in _sentences_of(part_body, part[2]):
        if len(added) >= limit:
            break
        if _said(sentence, paragraphs[0]) or any(_said(sentence, a) for a in added):
            continue
        if does is not None and not does.search(sentence):
            # "who adopted it?": a sentence in which no one adopts anything answers another part
            continue
        if about and not _holds_any(sentence, about):
            continue
        rest = "\n\n".join(paragraphs[1:])
        if _said(sentence, rest):
            # said lower down: a list item that is just this sentence moves up; a sentence of a
            # paragraph stays where it is, said once
            items = [line for line in rest.split("\n")
                     if line.startswith("- ") and sentence in line]
            if not items:
                continue
            kept = [line for line in rest.split("\n") if line not in items]
            tail = [p for p in "\n".join(kept).split("\n\n")
                    if p.strip() and not p.strip().endswith((":", "："))]
            paragraphs = [paragraphs[0], *tail]
        new = [cites.add(part_cites.citations[m - 1]) for m in markers
               if 0 < m <= len(part_cites.citations)]
        if not new:
            continue
        added.append(f"{sentence} " + "".join(f"[{m}]" for m in new))
        claims.append(Claim(sentence, new, "statement"))
    if not added:
        return main
    paragraphs[0] = " ".join([*added, paragraphs[0]] if first else [paragraphs[0], *added])
    return "\n\n".join(paragraphs), cites, claims


# a part that asks what something means, whatever kind the whole part reads as ("分别指什么")
_MEANS = re.compile(r"指什么|什么意思|含义|定义|\bmean\b|\bmeans\b|\bmeant\b|\bdefin\w*",
                    re.IGNORECASE)


def definition_questions(part: str, glossary, language: str,
                         stats: TermStats | None = None) -> list[str]:
    """A part that asks what several named terms mean ("“两免一补”和公用经费基准定额分别指什么？",
    "what do X and Y mean?") as one definition question per term, in the reader's language; []
    when it names fewer than two glossary terms. With ``stats``, only distinctive terms count:
    "what does a CV of 0.5 mean for a county" does not ask what "county" means."""
    entries = glossary.find_in(part)
    if stats is not None:
        entries = [e for e in entries
                   if is_distinctive(e.zh if language == "zh" and e.zh else e.en, stats)]
    if len(entries) < 2 or not _MEANS.search(part):
        return []
    return [f"什么是{e.zh}？" if language == "zh" and e.zh else f"What is {e.en}?" for e in entries]


def append(main: tuple[str, CitationList, list[Claim]],
           answered: list[tuple[str, CitationList, list[Claim]]],
           limit: int = 1) -> tuple[str, CitationList, list[Claim]]:
    """The main answer with the lead of each of the ``answered`` parts (its first ``limit``
    sentences the main answer does not say already) in one paragraph after it: a second part of
    another kind is answered after the explanation, briefly."""
    body, cites, claims = main
    added: list[str] = []
    for part_body, part_cites, part_claims in answered:
        taken = 0
        for sentence, markers in _sentences_of(part_body, part_claims):
            if taken >= limit:
                break
            if _said(sentence, body) or any(_said(sentence, a) for a in added):
                continue
            new = [cites.add(part_cites.citations[m - 1]) for m in markers
                   if 0 < m <= len(part_cites.citations)]
            if not new:
                continue
            taken += 1
            added.append(f"{sentence} " + "".join(f"[{m}]" for m in new))
            claims.append(Claim(sentence, new, "statement"))
    if not added:
        return main
    return "\n\n".join([body, " ".join(added)]), cites, claims


# a part that asks what a named thing did to what the first part explains: "what part did county
# finances play?", "起了什么作用", "带来了哪些问题", "what problems did it cause?"
_ROLE = re.compile(r"\bwhat (?:part|role)\b|\bplay(?:ed|s)? (?:a|any) (?:part|role)\b|"
                   r"\bwhat (?:problems?|effects?|difference)\b.*\b(?:cause|bring|make|have)\b|"
                   r"(?:起|发挥)了?(?:什么|哪些|怎样的)作用|带来了?(?:哪些|什么)|造成了?(?:哪些|什么)|"
                   r"有(?:什么|哪些)影响|扮演了?什么角色", re.IGNORECASE)
ABOUT_SHARE = 0.5  # of a role part's own words, in a sentence that answers it


def asks_role(part: str) -> bool:
    """Whether a part asks what part something played in, or what it brought about."""
    return bool(_ROLE.search(part))


def about(part: str, answered: tuple[str, CitationList, list[Claim]],
          main: tuple[str, CitationList, list[Claim]], limit: int = 2) -> list[tuple[str, list[int]]]:
    """The sentences of a part's own answer (``answered``) that speak of what the part names
    ("county finances" of "what part did county finances play?") and that the main answer does
    not say already, at most ``limit``, in the order the part's answer gives them."""
    words = re.sub(r"\bplay(?:ed|s)?\b", " ", _ROLE.sub(" ", part), flags=re.IGNORECASE)
    terms = content_terms(words)
    if not terms:
        return []
    scored = []
    for order, claim in enumerate(answered[2]):
        if not claim.text or not claim.markers:
            continue
        tokens = token_set(claim.text)
        held = sum(matches(t, claim.text, tokens) for t in terms)
        if held >= ABOUT_SHARE * len(terms):
            scored.append((-held, order, claim))
    chosen: list[tuple[str, list[int]]] = []
    # the sentences that name the most of what the part asks about, in the part's answer's order,
    # up to the first the main answer says already: from there on it has answered the part, and
    # a later sentence (a theory's word "pay" for "what part did pay play?") answers it less
    most = min((s[0] for s in scored), default=0)
    for _, _, claim in sorted(s for s in scored if s[0] == most):
        if len(chosen) >= limit:
            break
        if _said(claim.text, main[0]) or any(_said(claim.text, c) for c, _ in chosen):
            break  # the part's own answer, said already: what follows it answers it less
        chosen.append((claim.text, claim.markers))
    return chosen


def covered(part: str, main: tuple[str, CitationList, list[Claim]]) -> bool:
    """Whether a sentence of the main answer names all that a role part asks about ("pay" of
    "what part did pay play?"): the main answer has answered it."""
    words = re.sub(r"\bplay(?:ed|s)?\b", " ", _ROLE.sub(" ", part), flags=re.IGNORECASE)
    terms = content_terms(words)
    return bool(terms) and any(
        all(matches(t, c.text, token_set(c.text)) for t in terms) for c in main[2] if c.text)


def append_sentences(main: tuple[str, CitationList, list[Claim]], sentences: list[tuple[str, list[int]]],
                     part_cites: CitationList) -> tuple[str, CitationList, list[Claim]]:
    """The main answer with ``sentences`` (each with its markers in ``part_cites``) in one
    paragraph after it, each re-marked in the main answer's citation list."""
    body, cites, claims = main
    added = []
    for sentence, markers in sentences:
        new = [cites.add(part_cites.citations[m - 1]) for m in markers
               if 0 < m <= len(part_cites.citations)]
        if new:
            added.append(f"{sentence} " + "".join(f"[{m}]" for m in new))
            claims.append(Claim(sentence, new, "statement"))
    if not added:
        return main
    return "\n\n".join([body, " ".join(added)]), cites, claims


# What a second part asks that only a sentence of its own kind states: how often, how something
# is calculated, what follows a breach (and who answers for it), when a target was met. Each
# kind: the cue in the part, and what a sentence that answers it holds (all of the patterns).
_ASKS = (
    ("frequency", re.compile(r"\bhow (?:often|frequently|many times)\b|多久.{0,12}一次|多长时间.{0,12}一次|"
                             r"几次|多少次|频次|频率", re.IGNORECASE)),
    ("calculation", re.compile(r"\bhow (?:is|are|was|were|do (?:you|we|they)|does (?:one|it))\b.{0,40}?"
                               r"\b(?:calculat|comput|work(?:ed)? out|derived?)\w*|\bformula\b|"
                               r"(?:怎么|怎样|如何)(?:计算|算)|计算(?:方法|公式)|算法", re.IGNORECASE)),
    ("consequence", re.compile(r"\bwho (?:is|are|will be) (?:held )?(?:liable|accountable|punished)\b|"
                               r"\bwhat happens\b|\bwhat (?:are the )?(?:consequences?|penalt\w+|sanctions?)\b|"
                               r"\bliab(?:le|ility)\b|谁.{0,4}(?:承担|负)?.{0,2}责任|承担.{0,4}责任|"
                               r"会怎样|会怎么样|什么后果|(?:受到|给予)?什么(?:处理|处分|处罚)|追究", re.IGNORECASE)),
    ("achievement", re.compile(r"\bwhen (?:was|were|did|had)\b.{0,60}?\b(?:met|achieved?|reach(?:ed)?|"
                               r"attained?|fulfill?ed|accomplished)\b|(?:什么时候|何时|哪一?年).{0,6}"
                               r"(?:实现|达到|完成|达成)", re.IGNORECASE)),
)
_STATES = {
    "calculation": [re.compile(r"\b(?:divided by|multiplied by|weighted|standard deviation|"
                               r"mean|average|sum of|formula)\b|除以|乘以|加权|标准差|平均|之和|总和|公式",
                               re.IGNORECASE)],
    "consequence": [re.compile(r"\b(?:liab\w+|accountab\w+|disciplin\w*|sanction\w*|punish\w*|"
                               r"criticis\w*|criticiz\w*|penalt\w+|dismiss\w*|resign\w*|veto\w*)\b|"
                               r"处分|通报批评|追究|问责|引咎辞职|责令|处罚|一票否决", re.IGNORECASE)],
    "achievement": [re.compile(r"\b(?:was|were|been) (?:met|achieved|reached|attained)\b|"
                               r"\b(?:met|achieved|reached|passed|exceeded)\b|实现|达到|达成|完成|超过|通过",
                               re.IGNORECASE),
                    re.compile(r"(?<![\d〔\[])(19|20)\d\d(?![\d〕\]])")],
}


# how often, said: "at least once every 5 years", "twice a semester", "每5年至少…一次", "每学期不得少于2次"
# (not "第215次", a meeting's number)
_OFTEN = re.compile(r"\b(?:once|twice|\d+ times|every (?:\w+(?:[–-]\d+| to \d+)? )?(?:years?|months?|"
                    r"semesters?|terms?)|a (?:year|semester|term|month))\b|每.{0,8}?[\d一二两三四五六七八九十]+次|"
                    r"每.{0,3}[\d一二两三四五六七八九十至]+(?:年|个?月|学期)|每(?:年|学期|月)|(?<![第\d])[\d一两三四五]次",
                    re.IGNORECASE)
# a part that asks when a target or goal was met prefers the sentence that says a target was met
_TARGET = re.compile(r"\b(?:targets?|goals?|aims?)\b|目标|任务", re.IGNORECASE)
_TARGET_MET = re.compile(r"\b(?:targets?|goals?|aims?) (?:was |were |had been |has been )?(?:met|achieved|reached|"
                         r"exceeded|fulfilled)\b|\b(?:met|achieved|reached|exceeded|passed) the [\w\s%.]{0,20}"
                         r"(?:targets?|goals?)\b|(?:目标|任务).{0,6}(?:实现|达到|完成|达成)|(?:实现|达到|完成|超过)了?.{0,16}目标",
                         re.IGNORECASE)


def asks_for(part: str) -> str | None:
    """What a (second) part asks that a sentence of its own kind states: "frequency",
    "calculation", "consequence" or "achievement"; None for any other part."""
    for kind, cue in _ASKS:
        if cue.search(part):
            return kind
    return None


def stating(part: str) -> list[re.Pattern]:
    """What a sentence holds that answers the part: how often (the frequency asked), the steps
    of a calculation, a sanction or who answers for a breach, a target met and the year; else
    the figure, date, article or number it asks for (``wanted_patterns``)."""
    kind = asks_for(part)
    if kind == "frequency":
        return [_OFTEN]
    return _STATES.get(kind or "", []) or wanted_patterns(part)


def states(sentence: str, patterns: list[re.Pattern]) -> bool:
    return bool(patterns) and all(p.search(sentence) for p in patterns)


SEARCHED = 12  # statements, by score, among which the one that states what a part asks is sought


def state_asked(ctx, first: str, second: str,
                main: tuple[str, CitationList, list[Claim]]) -> tuple[str, CitationList, list[Claim]]:
    """The main answer with what its second part asks (``asks_for``) stated in the opening when
    it is not yet: the best statement for the part (read with the first part's words) that
    states it — the frequency, a sanction, the target met and its year, a step of the
    calculation — said after the opening's own sentences."""
    from assistant.answer.context import Context
    from assistant.answer.shapes.draft import draft_for

    kind = asks_for(second)
    patterns = stating(second)
    if kind is None or not patterns:
        return main
    opening = main[0].split("\n\n")[0]
    sentences = re.split(r"(?<=[.。!?！？；;])\s*|\n", opening)
    # a step of a calculation or a target met are in many sentences about the same subject (a
    # mean, a year reached) that do not answer the part: sought even then, said once
    if kind not in ("calculation", "achievement") and any(states(s, patterns) for s in sentences):
        return main
    found = []
    for question in dict.fromkeys([f"{second} {first}", second]):
        draft = draft_for(Context.build(ctx.engine, ctx.settings, question, ctx.filters))
        if draft is None:
            return main
        for f in draft.relevant(draft.search())[:SEARCHED]:
            if f.statement.id not in {g.statement.id for _, g in found} and \
                    states(f.statement.in_language(draft.language), patterns):
                found.append((draft, f))
    # the statement holding the most of the part's own words first ("目标" and "实现" of
    # "这个目标是什么时候实现的"), else in the search's order
    own = content_terms(second)
    target = bool(_TARGET.search(second))

    def held(pair) -> int:
        text = pair[1].statement.in_language(pair[0].language)
        tokens = token_set(text)
        return sum(matches(t, text, tokens) for t in own) + 2 * (target and bool(_TARGET_MET.search(text)))
    found.sort(key=lambda pair: -held(pair))
    for draft, f in found:
        if _said(f.statement.in_language(draft.language), main[0]):
            continue
        sentence = draft.say(f)
        if sentence is None:
            continue
        before = main[0]
        main = merge(main, (sentence, draft.cites, draft.claims), limit=1)
        if main[0] != before:
            break
    return main


HALF = 2  # statements that answer an explain question's second half, said after the explanation
SAME_CONCEPTS = 2  # a statement naming this many concepts the answer named tells the same finding


def asks_of_its_own(part: str) -> bool:
    """Whether a second part names something of its own to ask ("what changed in how counties
    are evaluated?", "这对县里意味着什么？"), not just the first part's why ("为什么？", "and why?")."""
    return bool(content_terms(_EN_ASKS.sub(" ", _ZH_ASKS.sub(" ", part))))


def effects_half(ctx, first: str, second: str,
                 main: tuple[str, CitationList, list[Claim]]) -> tuple | None:
    """The explanation with a second half that asks what its subject brought about ("这种体制带来了
    哪些问题？") answered from the corpus's explanation of those effects; None when none fits."""
    answered = second_half(ctx, first, second, main, effects_only=True)
    return None if answered is main else answered


def second_half(ctx, first: str, second: str,
                main: tuple[str, CitationList, list[Claim]],
                effects_only: bool = False) -> tuple[str, CitationList, list[Claim]]:
    """The explanation with its question's second half answered in a paragraph after it: the
    best statements for the second half read with the first half's words ("这对县里意味着什么？"
    is about what the first half explains) that the explanation does not say already, at most
    ``HALF``, in the search's order."""
    from assistant.answer.context import Context
    from assistant.answer.shapes.draft import draft_for
    from assistant.answer.shapes.explain import concepts

    draft = draft_for(Context.build(ctx.engine, ctx.settings, f"{second} {first}", ctx.filters))
    if draft is None:
        return main
    found = []
    # "…? 这种体制带来了哪些问题？": the effects of what the first half explains are answered by
    # the corpus's explanation of those effects, when one fits the whole question
    searched = [] if effects_only else draft.relevant(draft.search())[:SEARCHED]
    # a statement found by the first half's words alone answers the first half again ("Art. 22
    # forbids key schools" after a why on the key-school ban, for "what has that to do with
    # balanced development?"): one that answers the second half holds most of its own words
    own = [t for t in content_terms(_EN_ASKS.sub(" ", _ZH_ASKS.sub(" ", second)))
           if not _HALF_FRAME.match(t.text)]
    if own:
        searched = [f for f in searched if _holds_most(own, f)]
    for f in [*_effects_explained(draft, second), *searched]:
        if len(found) >= HALF:
            break
        # said in the explanation, or by a sentence this paragraph already holds
        if _said(f.statement.in_language(draft.language),
                 "\n".join([main[0], *(text for text, _ in found)])):
            continue
        # a finding the explanation told already in other words: it names SAME_CONCEPTS of the
        # concepts the answer named ("事权" and "财权" of Zhang Yulin's mismatch, once more)
        if len(concepts(f.statement.in_language(draft.language)) & concepts(
                "\n".join([main[0], *(text for text, _ in found)]))) >= SAME_CONCEPTS:
            continue
        sentence = draft.say(f)
        if sentence is not None:
            found.append((draft.claims[-1].text, draft.claims[-1].markers))
    if not found:
        return main
    return append_sentences(main, found, draft.cites)


# Words that put a second half ("what does that mean for …", "这跟…有什么关系"), not what it asks of.
_HALF_FRAME = re.compile(r"^(?:mean\w*|relat\w*|connect\w*|do|doe|has|have|make|differ\w*|impact\w*|effect\w*|"
                         r"来说|意味着?|关系|有关|相关|联系|影响|作用|用处|好处|意义)$")


def _holds_most(terms: list[Term], found) -> bool:
    """Whether a statement (either language) holds more than half of ``terms`` ("balanced" and
    "development" both: a statement on development alone is not about balanced development)."""
    s = found.statement
    text = f"{s.text} {s.text_zh}"
    lowered, tokens = text.lower(), token_set(text)
    return 2 * sum(matches(term, lowered, tokens) for term in terms) > len(terms)


def _effects_explained(draft, second: str) -> list:
    """The thesis and causes of the best-fitting explanation that asks what something led to
    ("what went wrong with 以县为主", "以县为主体制有什么问题"), when the second half asks for effects
    and that explanation fits the question (read with the first half's words) well enough; else
    nothing."""
    from assistant.answer.shapes.explanations import _EFFECTS, EFFECT_NEAR, MATCH, scores
    from assistant.knowledge.index import Found

    if not _EFFECTS.search(second):
        return []
    zh = draft.language == "zh"
    # the half is read with the first half's words, which an explanation of effects shares
    # only in part: one a little below MATCH answers it
    fitting = [(score, e) for score, e in scores(draft) if score >= MATCH - EFFECT_NEAR
               and any(_EFFECTS.search(p) for p in (e.asks_zh if zh else e.asks))]
    if not fitting:
        return []
    chosen = max(fitting, key=lambda pair: pair[0])[1]
    located = [draft.index.by_id[i] for i in (chosen.thesis, *chosen.causes)]
    return [Found(one, 1.0, 1.0) for one in located
            if draft.ctx.filters.admits(one.statement.source, one.metadata)]

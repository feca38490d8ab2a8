"""The offline composer: split passages into sentences, score, choose by MMR, quote with markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import articles
from assistant.answer.context import Context
from assistant.answer.messages import text
from assistant.answer.passages import Sentence, passage_sentences
from assistant.answer.render import CitationList, render_sentences
from assistant.answer.scoring import Scored, score_sentences, select_mmr
from assistant.answer.sentence_store import store_for
from assistant.answer.terms import Term, content_terms
from assistant.answer.types import Claim
from assistant.documents import Chunk, Hit

# Questions that want a figure, a date or an article: sentences that carry one lead.
_WANTS_NUMBER = re.compile(r"\b(how (many|much|long|often)|what (share|percentage|proportion|"
                           r"ratio|rate|number|amount|threshold|value|level)|at what (\w+ )?(size|level|"
                           r"age|point|rate|share|number|value))\b|多少|几|比例|"
                           r"标准是|门槛|占比", re.IGNORECASE)
# "how often …?", "how many times a term …?", "多长时间…一次": how often something happens
_WANTS_FREQUENCY = re.compile(r"\bhow (often|frequently|many times)\b|多长时间.{0,12}一次|"
                              r"多久.{0,12}一次|几次|多少次|频次|频率", re.IGNORECASE)
_FREQUENCY = re.compile(r"\b(once|twice|(\d+|three|four|five|six) times|every (\w+(?:[–-]\d+| to \d+)? )?"
                        r"(years?|months?|semesters?|terms?)|a (year|semester|term|month))\b|"
                        r"每.{0,8}?[\d一二两三四五六七八九十]+次|[\d两三四五]次|一次", re.IGNORECASE)
# "when it comes to paying" asks about paying, not for a date
_WANTS_DATE = re.compile(r"\b(when(?! it comes to)|(what|which) year|since when|by when)\b|何时|哪一年|哪年|什么时候|"
                         r"何年", re.IGNORECASE)
_WANTS_DOCUMENT = re.compile(r"\b(which|what) (\w+ ){0,2}(document|policy|notice|file)\b|"
                             r"document number|"
                             r"哪个文件|什么文件|哪份文件|哪一份文件|文号|什么政策文件", re.IGNORECASE)
_DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕\d+号|令第\d+号|Decree No\.", re.IGNORECASE)
_WANTS_ARTICLE = re.compile(r"\b(which|what) articles?\b|\b(clause|provision)s?\b|哪一?条|第几条|"
                            r"条款", re.IGNORECASE)
# "what is the limit / maximum …", "不能超过多少": a bound, i.e. a figure said as one ("at most 0.50",
# "不高于0.65"), not any figure (the 8 indicators a bound is computed over)
# ("the minimum education a teacher must have" asks for a qualification: maximum/minimum alone
# are no cue)
WANTS_BOUND = re.compile(r"\b(limits?|ceiling|cap|threshold|stay (under|below)|"
                          r"at (most|least)|no (more|less|fewer) than)\b|上限|下限|不能超过|不得超过|"
                          r"不超过|不高于|不低于|不少于|达标线|限值", re.IGNORECASE)
BOUND = re.compile(r"\b(at (most|least)|no (more|less|fewer|higher|lower) than|not (exceed|above|below)\w*|"
                    r"under|below|above|up to|within|or (less|more|lower|higher|fewer|below|above))\s*"
                    r"[¥￥$]?\d|\d[\d.,%]*\s*(or (less|more|lower|higher|fewer|below|above)|and (below|above))|"
                    r"[≤≥<>]\s*\d|(不高于|不超过|不大于|不低于|不少于|不小于|低于|高于|超过|以下|以上|以内|小于|大于)"
                    r"\s*[¥￥]?\d|\d[\d.,%]*\s*(人|元|名)?\s*(以下|以上|以内)", re.IGNORECASE)


def asks_for_bound(question: str) -> bool:
    """Whether a question asks for a limit ("what is the maximum …", "不能超过多少")."""
    return bool(WANTS_BOUND.search(question))


# a figure, not the number of an article, a decree or a 文号 ("Art. 16" answers no "how often"),
# nor a year ("in 2005" answers no "how much")
_NUMBER = re.compile(r"(?<![\d.,])(?<!Art\. )(?<!Arts\. )(?<!Article )(?<!No\. )(?<!〔)(?<!〕)"
                     r"(?<!第)(?!(?:19|20)\d\d(?:年|\b)(?![.,/]?\d|\s*(?:元|yuan|pupils|schools|"
                     r"counties|teachers|%)))(?!\d{1,2}\s*(?:月|日|号|Jan|Feb|Mar|Apr|May|Jun|Jul|"
                     r"Aug|Sep|Oct|Nov|Dec)\b)\d")
_WANTS_MONEY = re.compile(r"\bhow much (\w+ ){0,2}(money|funding|funds?)\b|\bhow much .{0,40}"
                          r"\b(cost|spend|spent|pay|paid|worth|invest\w*|allocat\w*)\b|多少钱|多少元|"
                          r"多少资金|多少经费|投入了?多少|值多少|"
                          # a funding benchmark or allowance rate asked for is a sum of money
                          r"\b(?:funding|public[- ]funds?|per[- ](?:pupil|student)[\w\s-]{0,25}?)"
                          r"\s(?:benchmark|basic standard|allowance rate)s?\b|基准定额|公用经费(?:基准|标准)",
                          re.IGNORECASE)
_MONEY = re.compile(r"[¥￥]\s?\d|\d[\d,.]*\s*(?:元|万元|亿元|yuan|bn|billion|million)",
                    re.IGNORECASE)
# a year, not the year inside a document number ("教督〔2012〕3号" answers no "which year")
_YEAR = re.compile(r"(?<![\d〔\[])(19|20)\d\d(?![\d〕\]])")
_ARTICLE = re.compile(r"\bArt(icle|\.)s?\s*\d+|第[一二三四五六七八九十百零〇\d]+条")
CUE_BOOST = 0.08


@dataclass
class Composition:
    text: str = ""
    cites: CitationList = field(default_factory=CitationList)
    claims: list[Claim] = field(default_factory=list)
    language: str = "en"
    chosen: list[Scored] = field(default_factory=list)


def candidates(ctx: Context, hits: list[Hit], languages: list[str], *,
               terms: list[Term] | None = None,
               passages: int = 8) -> tuple[list[Scored], list[Chunk]]:
    """Every quotable sentence of the top ``passages`` hits in ``languages``, scored, best first."""
    chunks = [h.chunk for h in hits[:passages]]
    sentences = [s for i, chunk in enumerate(chunks) for s in passage_sentences(chunk.text, i)
                 if s.language in languages]
    wanted = wanted_patterns(ctx.question)
    numbers = articles.asked(ctx.question)

    def bonus(sentence: Sentence) -> float:
        """Lead with the direct answer: a figure, a year or an article when the question asks
        for one; the article asked about above all."""
        extra = CUE_BOOST if any(p.search(sentence.text) for p in wanted) else 0.0
        chunk = chunks[sentence.passage]
        if numbers and (articles.article_number(chunk.article) in numbers
                        or articles.mentions(sentence.text, numbers)):
            extra += articles.BOOST
        return extra

    scored = score_sentences(sentences, terms if terms is not None else ctx.terms, ctx.stats,
                             query_vector=ctx.query_vector if "en" in languages else None,
                             embedder=ctx.engine,
                             passage_ranks={i: i for i in range(len(chunks))}, bonus=bonus,
                             store=store_for(ctx.engine))
    return scored, chunks


def wanted_patterns(question: str) -> list[re.Pattern]:
    """What a question asks to see: a figure, a year, an article or a document's number
    (patterns that find it)."""
    # an amount of money, a count of the things asked about (or both: "how much … and how many
    # teachers …?") or how often, rather than any figure
    exact = ([_MONEY] if _WANTS_MONEY.search(question) else []) + _counted(question)
    often = [_FREQUENCY] if _WANTS_FREQUENCY.search(question) else []
    bound = [BOUND] if asks_for_bound(question) else []
    return exact + often + bound + [p for cue, p in ((_WANTS_NUMBER, _NUMBER), (_WANTS_DATE, _YEAR),
                                     (_WANTS_ARTICLE, _ARTICLE),
                                     (_WANTS_DOCUMENT, _DOCUMENT_NUMBER))
                    if cue.search(question) and not (exact and p is _NUMBER)]


# "多少个县" counts counties as "几个县" does (a measure word is needed: "多少人" may be any figure)
_HOW_MANY = re.compile(r"\bhow many ([a-z]{3,})|(?:几(?:个|所|名|位|间|家)?|多少(?:个|所|名|位|间|家))"
                       r"([\u4e00-\u9fff])", re.IGNORECASE)


def _counted(question: str) -> list[re.Pattern]:
    """"How many counties …?" / "几个县": a figure followed by the thing counted."""
    match = _HOW_MANY.search(question)
    if not match:
        return []
    if match.group(1):
        if match.group(1).lower() == "times":
            return []  # "how many times": a frequency (_FREQUENCY), not a count of things
        stem = re.escape(match.group(1).lower()[:5].rstrip("ie"))
        return [re.compile(rf"\d[\d,.]*\s*(?:[a-z-]+\s+){{0,2}}{stem}", re.IGNORECASE)]
    counted = re.escape(match.group(2))
    if re.search(r"[名位]$", match.group(0)[:-1]):
        counted = f"(?:{counted}|人)"  # "多少名学生" is answered by "100人" too
    return [re.compile(rf"\d[\d,.]*\s*(?:个|所|名|位|间|家)?{counted}")]


def compose(ctx: Context, hits: dict[str, list[Hit]], *, limit: int = 5,
            min_keyword: float = 0.25, headings: bool = True,
            focus: str | None = None) -> Composition:
    """The extractive answer from ``hits`` (passages by language) in the question's language,
    falling back to English passages, with a short lead-in, when the Chinese summaries hold too
    little. ``focus`` replaces the question's terms for keyword scoring."""
    terms = content_terms(focus) if focus else None
    numbers = articles.asked(ctx.question)
    # Articles asked about: the article passages of the law named are the answer (in Chinese,
    # the sentences of that law's summary that name the article).
    article_hits = articles.article_passages(ctx, hits.get("en", []), numbers)
    for language in ctx.answer_languages:
        ranked = hits.get(language, [])
        only_articles = article_hits if language == "en" else \
            articles.summary_passages(ctx, article_hits, language)
        scored, chunks = candidates(ctx, only_articles or ranked, [language], terms=terms)
        if only_articles and language != "en":
            scored = [s for s in scored if articles.mentions(s.sentence.text, numbers)]
        too_little = not scored or max(s.keyword for s in scored) < min_keyword
        if language == "zh" and "en" in ctx.answer_languages and too_little:
            continue  # too little in Chinese: quote the English passages instead
        # Articles asked about: their text is the answer, quote the most of it.
        chosen = select_mmr(scored, limit, per_passage=limit, min_share=0.0, min_relevance=0.0) \
            if only_articles else select_mmr(scored, limit)
        if not chosen:
            continue
        result = Composition(language=language, chosen=chosen)
        body = render_sentences(chosen, chunks, result.cites, ctx.language, headings=headings,
                                claims=result.claims)
        lead_in = text("english_fallback", ctx.language) if language != ctx.language else ""
        result.text = f"{lead_in}\n\n{body}" if lead_in else body
        return result
    return Composition(language=ctx.language)

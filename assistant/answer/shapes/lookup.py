"""A look-up: the fact asked for, then only support that adds a part of the question."""

from __future__ import annotations

import re

from assistant.answer import extractive
from assistant.answer.extractive import wanted_patterns
from assistant.answer.intent import Intent
from assistant.answer.named_documents import named_document
from assistant.answer.restated import facts
from assistant.answer.shapes.draft import LIST_RELATIVE, TOPIC_TIE, Composed, Draft, finish, overlap
from assistant.answer.terms import matches, token_set
from assistant.article_numbers import article_numbers
from assistant.knowledge.index import Found

# "What does Article 32 require?", "第三十二条规定了什么": the article's whole content is the answer,
# every duty or fact our statements take from it, not only the one that ranks first
_ASKS_ARTICLE_CONTENT = re.compile(
    r"\b(say|says|said|require|requires|provide|provides|stipulate|stipulates|state|states|"
    r"oblige|obliges|cover|covers|mean|means|contain|contains|set out|lay down|lays down)\b|"
    r"规定了?(什么|哪些|些什么)|要求了?(什么|哪些)|讲了?(什么|哪些)|说了?(什么|哪些)|内容|是怎么规定的",
    re.IGNORECASE)
ARTICLE_PARTS = 4  # at most this many further statements of the article asked about
SAME_PART = 0.6    # word overlap (citations left out) above which two statements say one thing
_CITATION = re.compile(r"[（(][^（）()]*[)）]")


def _uncited(found: Found, language: str) -> frozenset[str]:
    return token_set(_CITATION.sub(" ", found.statement.in_language(language)))

CASE_FLOOR = 0.2  # a statement of the case the question names is said from this relevance

# Subjects that share most of their words but are different things: a question about one is not
# answered by a statement about the other ("first batch at basic balance" is not the first batch
# at quality balance; part-time inspectors' terms of office are not full-time inspectors').
CONTRASTS = (
    (("basic balance", "basically balanced", "基本均衡"),
     ("quality balance", "high-quality balance", "quality balanced", "优质均衡")),
    (("full-time", "专职"), ("part-time", "兼职")),
)

# A question for what actually happened ("when did China finally hit 4%?", "实际交流率") is answered
# by a statement of the outcome, not by the target that set it ("4% of GDP by 2012").
_ASKS_OUTCOME = re.compile(r"\b(actual(ly)?|finally|reach(ed)?|hit|achiev\w*|attain\w*|"
                           r"first time|in practice)\b|实际|达到|实现了|首次|最终", re.IGNORECASE)
# … unless it asks what was expected ("expect to reach … by 2015", "what did it set")
_ASKS_TARGET = re.compile(r"\b(expect\w*|aim\w*|plan\w*|intend\w*|should|must|set)\b|"
                          r"目标是|要求|计划|力争|预期", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(first|reached|achieved|attained|hit|met|actual(ly)?|averag\w*)\b|"
                      r"实际|达到|首次|实现，|分别为|平均", re.IGNORECASE)
_CLAUSE = re.compile(r"\b([a-z]{4,}) (?:clause|provision)s?\b", re.IGNORECASE)
_ASKS_ALL = re.compile(r"\b(?:all|every) (?:the |its |our )?([a-z]{4,})|全部|所有|全都", re.IGNORECASE)
# "in 2017", "by the end of 2018", "as of end-2018", "2018年": the year a figure is asked for
_DATED = re.compile(r"\b(?:in|for|during|by|as of|(?:by |at )?the end of|end-) ?((?:19|20)\d\d)\b|"
                    r"(?<![\d〔\[])((?:19|20)\d\d)年", re.IGNORECASE)


def _names(found: Found, names: tuple[str, ...]) -> bool:
    text = f"{found.statement.text} {found.statement.text_zh}".lower()
    return any(name in text for name in names)


def of_clause_asked(draft: Draft, found: Found) -> bool:
    """Whether a statement is about the clause the question names ("the balance clause"), not
    another clause ("the resignation clause") that shares the word; True when none is named."""
    named = _CLAUSE.search(draft.ctx.question)
    if not named:
        return True
    return bool(token_set(named.group(1))
                & token_set(f"{found.statement.text} {found.statement.text_zh}"))


def fitting(draft: Draft, found: list[Found]) -> list[Found]:
    """The statements close to the best that fit what the question asks, narrowed test by test
    (a test that no close statement passes is skipped): about the subject named rather than the
    one it is contrasted with, for the year the question names, a fact rather than a
    definition that gives no more of a figure asked for, stating an outcome when the question
    asks what actually happened. Empty when no test applies."""
    if not found:
        return []
    question = draft.ctx.question.lower()
    close = [f for f in found[:8] if f.score >= TOPIC_TIE * found[0].score]
    tests = []
    for one, other in CONTRASTS:
        for asked, not_asked in ((one, other), (other, one)):
            if any(n in question for n in asked) and not any(n in question for n in not_asked):
                # about the subject asked alone, else at least not about the other alone
                tests.append(lambda f, a=asked, o=not_asked: _names(f, a) and not _names(f, o))
                tests.append(lambda f, a=asked, o=not_asked: _names(f, a) or not _names(f, o))
    if _CLAUSE.search(draft.ctx.question):
        tests.append(lambda f: of_clause_asked(draft, f))
    # the year a figure is asked for ("… in 2017", "2017年…"), not a year that names a thing
    # ("the 2005 reform")
    years = {a or b for a, b in _DATED.findall(draft.ctx.question)}
    if years:
        # the year a statement reports on ("in 2017", "2017年"), not one it mentions in passing
        # ("set beside the 2017 figures")
        dated = re.compile("|".join(rf"\b(?:in|for|of|during|by|as of) {y}\b|\bend-{y}\b|{y}年"
                                    for y in sorted(years)), re.IGNORECASE)
        tests.append(lambda f: bool(dated.search(f.statement.in_language(draft.language))))
    if _ASKS_WHICH_LAW.search(draft.ctx.question):
        # "which article forbids …?": the law's own statement, not advice that quotes the article
        tests.append(lambda f: f.located.doc_type in LEGAL)
        # ... and one that names an article, not one about the law's history
        tests.append(lambda f: bool(article_numbers(f.statement.in_language(draft.language))
                                    or article_numbers(f.statement.locator or "")))
    if tests and wanted_patterns(draft.ctx.question):
        # a figure asked for is a fact's: a definition that gives as much only mentions it
        def gives(f: Found) -> int:
            text = f.statement.in_language(draft.language)
            return sum(bool(p.search(text)) for p in wanted_patterns(draft.ctx.question))

        facts = max((gives(f) for f in close if f.statement.kind != "definition"), default=0)
        tests.append(lambda f: f.statement.kind != "definition" or gives(f) > facts)
    if _ASKS_OUTCOME.search(draft.ctx.question) and not _ASKS_TARGET.search(question):
        tests.append(lambda f: bool(_OUTCOME.search(f.statement.in_language(draft.language))))
    if (every := _ASKS_ALL.search(draft.ctx.question)) and _ASKS_DATE.search(draft.ctx.question):
        # "when had ALL counties passed?" is answered by the date all had, not the first batch's
        # (in English: "all" of the very things named, not "every school" of another rule)
        whole = re.compile(rf"\b(?:all|every)\b[^.;:]{{0,25}}\b{re.escape(every.group(1)[:5])}"
                           if every.group(1) else r"全部|所有|全都", re.IGNORECASE)
        tests.append(lambda f: bool(whole.search(f.statement.in_language(draft.language))))
    if not tests:
        return []
    narrowed = close
    for test in tests:
        kept = [f for f in narrowed if test(f)]
        if kept and all(draft.elsewhere(f) for f in kept) and \
                not all(draft.elsewhere(f) for f in narrowed):
            # a test that only one province's rule passes ("Yunnan's 2016 implementation" for
            # a national question) does not decide: the national statement stays
            continue
        narrowed = kept or narrowed
    return narrowed if len(narrowed) < len(close) else []


# the end of a statement's first clause: what it says before its first comma or semicolon
_FIRST_CLAUSE = re.compile(r"[，；：。]|[,;:](?=\s)|\.(?=\s)")
ASKED_COVERAGE = 0.8  # of the lead's share of the question's words, in a statement that replaces it
# a figure or a year asked for, of any kind; and a document's number or an article, which a
# statement of a document's title gives first whatever figure the question asks
_GENERIC = {id(p) for p in wanted_patterns("what number, and in what year?")}
_CITED = {id(p) for p in wanted_patterns("which article, and what is its document number?")}


# a first clause that only names the document a statement comes from ("依据《……》（国办发〔2018〕
# 27号）", "Under the 2018 guiding opinions (…)"): background before what the statement says
_BACKGROUND = re.compile(r"^(?:依据|根据|按照|按)?《[^》]*》[^，；：。]{0,30}$|"
                         r"^(?:Under|According to|Pursuant to|As set out in) the\b[^,;:]{0,120}"
                         r"(?:opinions|measures|law|notice|decision|plan|regulations?)\b",
                         re.IGNORECASE)


def stated(draft: Draft, found: Found, wanted: list[re.Pattern]) -> tuple[int, int, bool]:
    """How a statement states what is asked: how many of the specific things asked for it
    gives (a count of the things named, a sum of money, a limit), how many of all, and whether
    it gives the figure or date asked early: not after a first clause that only names its
    document."""
    text = found.statement.in_language(draft.language)
    head = _FIRST_CLAUSE.split(text, maxsplit=1)[0]
    if not _BACKGROUND.search(head):
        head = text  # a statement that opens on its subject states it early enough
    given = [p for p in wanted if p.search(text)]
    # a title's document number first is no figure first, unless a number is all that is asked
    figures = [p for p in given if id(p) not in _CITED] if \
        any(id(p) not in _CITED for p in wanted) else given
    return (sum(id(p) not in _GENERIC | _CITED for p in given), len(given),
            any(p.search(head) for p in figures))


def asked_first(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with a lead that states what is asked: when a statement about as relevant
    as the lead gives more of the specific things asked for ("多少个县": 2,895 counties), or
    as much and early where the lead gives it late (a title or a procedure first, the figure in
    its third clause), and holds about as much of the question, it leads. A reason (why a
    figure is what it is), a lesson drawn from it, a weaker source and another place's rule
    do not."""
    wanted = wanted_patterns(draft.ctx.question)
    if not found or not wanted:
        return found
    lead = found[0]
    best = max(f.score for f in found[:8])
    close = [f for f in found[1:8] if f.score >= TOPIC_TIE * best
             and f.coverage >= ASKED_COVERAGE * lead.coverage
             and f.statement.aspect not in ("cause", "mechanism", "lesson", "lessons")
             and not draft.elsewhere(f)
             and f.located.strength <= lead.located.strength
             and (f.located.doc_type != "case" or lead.located.doc_type == "case")]
    mine = stated(draft, lead, wanted)
    better = [f for f in close if stated(draft, f, wanted) > mine]
    if not better:
        return found
    chosen = max(better, key=lambda f: stated(draft, f, wanted))
    return [chosen, *[f for f in found if f is not chosen]]


def lead_fitting(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with the lead first: chosen among the statements that fit what is asked, and
    stating what is asked (``asked_first``)."""
    fit = fitting(draft, found)
    if not fit:
        return asked_first(draft, draft.lead(found))
    first = asked_first(draft, draft.lead(fit))[0]
    return [first, *[f for f in found if f is not first]]


_ASKS_BASIS = re.compile(r"^\s*(must|is|are|do|does|can|may|should|has|have)\b|\blegal(ly)?\b|"
                         r"\b(basis|required|allowed)\b|依据|法律规定|吗[？?]", re.IGNORECASE)
LEGAL = ("law", "regulation")
_ASKS_WHICH_LAW = re.compile(r"\bwhich (article|law|regulation|statute)s?\b|哪一?条|第几条|哪部法|哪个法|"
                             r"哪一?部法律|哪项法律", re.IGNORECASE)
SAME_RULE = 0.5  # token overlap above which two articles state one rule


def same_rule_elsewhere(said: Found, rest: list[Found]) -> Found | None:
    """A statement of another law or regulation's article that states the rule ``said`` states
    (its article, if ``said`` is an article's), or None."""
    if said.located.doc_type not in LEGAL:
        return None
    words = token_set(f"{said.statement.text} {said.statement.text_zh}")
    for found in rest:
        if (found.located.doc_type in LEGAL and found.statement.source != said.statement.source
                and found.statement.kind == said.statement.kind
                and article_numbers(found.statement.locator)
                and overlap(words, token_set(f"{found.statement.text} {found.statement.text_zh}"))
                >= SAME_RULE):
            return found
    return None


# "which document introduced X, and when?", "什么时候出台的": the origin is asked for, and a
# statement of where a thing began (or that the sources do not say) answers it, not what it is
_ASKS_ORIGIN = re.compile(r"\b(which|what) (\w+ ){0,2}(document|policy|notice|decision|plan)\b.{0,30}"
                          r"\b(introduc|set up|creat|establish|start|launch|first|began)\w*|"
                          r"\bwhen (was|were|did) .{0,60}\b(introduc|set up|creat|establish|start|"
                          r"launch|begin|began|first)\w*|\bwhere does .{0,40} come from\b|"
                          r"(哪个|哪份|什么)文件.{0,8}(设立|提出|出台|建立|确立|首次|开始)|"
                          r"(什么时候|何时|哪一?年).{0,6}(出台|提出|设立|建立|开始|实行|实施)|最早|首次",
                          re.IGNORECASE)
_ORIGIN = re.compile(r"\b((?<!\bat )first|introduc\w*|earliest|began|begun|set up|launched|established|"
                     r"created)\b|\bsince (19|20)\d\d\b|首次|最早|以来|设立|确立|建立|出台|启动|始于|开始于|起步于",
                     re.IGNORECASE)


_BEGAN_IN = re.compile(r"(?:began|begun|started|launched|introduced|first)\D{0,12}(?:19|20)\d\d|"
                       r"(?:始于|开始于|起步于|启动于)(?:19|20)\d\d", re.IGNORECASE)


def origin_first(draft: Draft, found: list[Found]) -> list[Found]:
    """For a question about where a thing began: the close statements that state an origin (or
    that the sources do not give one) and name the subject asked about, first."""
    if not found or not _ASKS_ORIGIN.search(draft.ctx.question):
        return found
    close = [f for f in found[:8] if f.score >= TOPIC_TIE * found[0].score]
    origin = [f for f in close if _ORIGIN.search(f.statement.in_language(draft.language))
              and (not draft.topic_names() or draft.names_topic(f, filed=True))]
    # of those, one that gives the year it began answers "when" ("began in 2006", "始于2006年")
    origin.sort(key=lambda f: not _BEGAN_IN.search(f.statement.in_language(draft.language)))
    return origin + [f for f in found if f not in origin] if origin else found


# "which year was document X issued, what is its number?", "……是哪一年印发的？文号是什么？": the
# document's own record of its issue answers, not a statement that mentions its year in passing
_ASKS_ISSUE = re.compile(
    r"\b(when|what year|which year|what date)\b.{0,120}\b(issued|published|released|adopted|"
    r"promulgated|signed|enacted)\b|\bdocument number\b|"
    r"(哪一?年|何时|什么时候|哪天).{0,8}(印发|发布|出台|颁布|公布|下发|通过|制定)|文号|发文字号",
    re.IGNORECASE)
_ASKS_NUMBER = re.compile(r"\b(document )?number\b|文号|发文字号", re.IGNORECASE)
_ASKS_DATE = re.compile(r"\b(when|year|date|day)\b|哪一?年|何时|什么时候|哪天|日期", re.IGNORECASE)
_ISSUED = re.compile(r"\b(issued|published|released|adopted|promulgated|signed|enacted)\b|"
                     r"印发|发布|出台|颁布|公布|下发|通过", re.IGNORECASE)
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "（": "〔", "）": "〕"})


def issued_document(draft: Draft) -> str | None:
    """The document whose issue (year, date, number) the question asks for, or None."""
    if not _ASKS_ISSUE.search(draft.ctx.question):
        return None
    return named_document(draft.ctx.question, draft.documents())


def issue_given(draft: Draft, found: Found) -> tuple[bool, bool, bool]:
    """Whether a statement gives its document's number, the year of its date and its issue."""
    meta = draft.documents().get(found.statement.source, {})
    number = str(meta.get("doc_number") or "").translate(_BRACKETS)
    year = str(meta.get("date") or "")[:4]
    text = found.statement.in_language(draft.language).translate(_BRACKETS)
    # the year of the number ("教督〔2012〕3号") does not say when the document was issued
    dated = text.replace(number, " ") if number else text
    return (bool(number) and number in text, bool(year) and year in dated,
            bool(_ISSUED.search(dated)))


def issue_first(draft: Draft, found: list[Found]) -> list[Found]:
    """For a question about when a named document was issued or what its number is: the
    document's own statement that gives the most of its number, its year and its issue, first
    (the number before the year: "2017" is in many statements, 教督〔2017〕6号 in few)."""
    doc = issued_document(draft)
    if doc is None:
        return found
    own = [f for f in draft.search(sources=(doc,), limit=40) if any(issue_given(draft, f)[:2])]
    if not own:
        return found
    # what the question asks for first: its number, its date, or both
    asks_number = bool(_ASKS_NUMBER.search(draft.ctx.question))
    asks_date = bool(_ASKS_DATE.search(draft.ctx.question)) or not asks_number

    def answers(f: Found) -> tuple[int, bool, float]:
        number, year, issued = issue_given(draft, f)
        return (asks_number * number + asks_date * year, issued, f.score)
    best = max(own, key=answers)
    return [best, *[f for f in found if f.statement.id != best.statement.id]]


# "现在/目前…是多少", "what is the current benchmark": the latest dated value leads, an earlier
# one follows with its year
_ASKS_CURRENT = re.compile(r"\b(now|current(ly)?|latest|today|at present|presently|these days)\b|"
                           r"现在|目前|当前|现行|最新|如今|眼下", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d〔\[])((?:19|20)\d\d)(?![\d〕\]])")


def latest_year(found: Found, language: str) -> int:
    """The latest year a statement reports on (0 when it names none)."""
    return max((int(y) for y in _YEAR.findall(found.statement.in_language(language))), default=0)


def latest_first(draft: Draft, found: list[Found]) -> list[Found]:
    """For a question about the value now, or for a sum of money (a benchmark, a subsidy) that
    names no year: of the close statements that give what is asked for, the one with the latest
    year first (the earlier values follow as history)."""
    question = draft.ctx.question
    wanted = wanted_patterns(question)
    # a sum asked for as it stands: the rate in force, not the first one the corpus dates
    asks_sum = extractive._MONEY in wanted and extractive._YEAR not in wanted
    if not found or not (_ASKS_CURRENT.search(question) or asks_sum) or _YEAR.search(question):
        return found
    close = [f for f in found[:8] if f.score >= TOPIC_TIE * found[0].score
             and (not wanted or any(p.search(f.statement.in_language(draft.language))
                                    for p in wanted))]
    dated = [f for f in close if latest_year(f, draft.language)]
    if len(dated) < 2:
        return found
    # "now": the latest value said alone before one that also gives the earlier values; a sum
    # asked for as it stands: the latest with the earlier as its history ("rose from ¥600 in 2016
    # to ¥650 by 2023"), a reader who cites the rate may meet either
    history = -1 if asks_sum and not _ASKS_CURRENT.search(question) else 1
    latest = max(dated, key=lambda f: (latest_year(f, draft.language),
                                       history * min(int(y) for y in _YEAR.findall(
                                           f.statement.in_language(draft.language)))))
    if latest is found[0]:
        return found
    return [latest, *[f for f in found if f is not latest]]


def rest_of_article(draft: Draft, said: Found) -> list[Found]:
    """When the question asks what one article says and ``said`` is taken from it: the article's
    other duties and facts in our statements, in the order they are kept (empty otherwise)."""
    asked = article_numbers(draft.ctx.question)
    if not asked or not _ASKS_ARTICLE_CONTENT.search(draft.ctx.question):
        return []
    number = article_numbers(said.statement.locator)
    if not number or not number <= asked:
        return []
    return [Found(item, said.score, said.coverage) for item in draft.index.located
            if item.statement.source == said.statement.source
            and item.statement.kind in ("duty", "fact")
            and article_numbers(item.statement.locator) == number
            and item.statement.id != said.statement.id][:ARTICLE_PARTS]


STITCH_TERMS = 4   # a support statement that restates a figure must bring one of the question's
                   # rarest terms (by index weight) that nothing said holds


def defined_term(found: Found, language: str) -> str:
    """The term a definition statement defines: its words before the Chinese name in brackets
    ("Government effort (县级人民政府…) is …") or before "是" / "，是"."""
    sentence = found.statement.in_language(language).strip()
    head = re.split(r"\s*[(（]|\s+(?:is|are|means|refers to)\s+" if language != "zh" else r"[，,]?是|指",
                    sentence, maxsplit=1)[0]
    return head if len(head) < len(sentence) else ""


def amounts(text: str) -> set[str]:
    """The amounts and counts a text gives ("¥600", "2,895 counties", "100人"): its figures
    (``restated.facts``) without the prefixed ones (``doc:``, ``art:``, ``date:``, ``no:``:
    a document, an article or a day names something) and without years (a year says when)."""
    return {f for f in facts(text).figures if ":" not in f and not _YEAR.fullmatch(f)}


def stitched(draft: Draft, item: Found, covered: set[str]) -> bool:
    """Whether a supporting statement would be a paragraph stitched on after the answer: a
    glossary entry for a term the question does not name, or a statement that restates a figure
    already said without bringing any of the question's rarest terms that nothing said holds."""
    rare = {term.text for term in sorted((t for t in draft.ctx.terms if not _YEAR.fullmatch(t.text)),
                                         key=draft.ctx.stats.weight, reverse=True)[:STITCH_TERMS]}
    if item.statement.kind == "definition":
        head = defined_term(item, draft.language)
        if head and not any(matches(term, head, token_set(head)) for term in draft.ctx.terms
                            if not _YEAR.fullmatch(term.text)):
            return True  # "Government effort is …" after "when did all counties pass?"
    given = amounts(item.statement.in_language(draft.language))
    said = amounts(" ".join(draft.said_texts))
    # the same ¥600 / ¥800 again, as a glossary entry or for another year; a statement of
    # another thing the question asks ("社会认可度…85%" after "…比例超过85%") still follows
    if given and given <= said:
        return True  # every amount it gives said already: the ¥200 boarder supplement again
    return bool(given & said) and not (draft.terms_held(item) - covered) & rare


def lookup(draft: Draft, intent: Intent) -> Composed:
    """One sentence with the fact and its source, then at most two supporting sentences."""
    found = draft.relevant(draft.search(limit=12))
    own: list = []
    if intent.cases:
        # a question that names a case or place ("陕西省提出哪一年…") is answered from its record
        # first; the national picture only supports
        own = draft.relevant(draft.search(sources=intent.cases, limit=12), floor=CASE_FLOOR)
    found = lead_fitting(draft, own) + [f for f in found if f not in own] if own \
        else lead_fitting(draft, found)
    if not intent.cases:
        # a question that names no case or place is not answered from one place's record ("by
        # which year had every county passed?" is not answered by what it implies for Baoqing)
        found = [f for f in found if f.located.doc_type != "case"] + \
                [f for f in found if f.located.doc_type == "case"]
    found = origin_first(draft, found)
    found = issue_first(draft, latest_first(draft, found))
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
    best = max(f.score for f in (own or found))
    rest = sorted((f for f in found[1:] if f.score >= LIST_RELATIVE * best and f is not said),
                  key=lambda f: (f not in own, f.located.strength, -f.score))
    covered = draft.terms_held(said) if said else set()
    wanted = wanted_patterns(draft.ctx.question)
    if wanted:  # a question for a figure, a date or an article: support gives one too
        rest = [f for f in rest
                if any(p.search(f.statement.in_language(draft.language)) for p in wanted)]
    rest = [f for f in rest if of_clause_asked(draft, f)]
    # support adds to the fact asked, it does not change the topic: a place's lesson that cites
    # the article asked for is about the place, unless the question names it; and "which
    # article/law says …" is supported by what the laws say, not by advice that quotes them
    rest = [f for f in rest if f.located.doc_type != "case" or f.statement.source in intent.cases]
    if _ASKS_WHICH_LAW.search(draft.ctx.question):
        rest = [f for f in rest if f.located.doc_type in LEGAL]
    if said is not None and issued_document(draft) == said.statement.source:
        # the document's record of its issue is the answer: other statements that share its
        # year say what the document contains, which was not asked
        rest = [f for f in rest if f.statement.source == said.statement.source
                and issue_given(draft, f)[1] and issue_given(draft, f)[2]]
    support = []
    if said is not None and (parts := rest_of_article(draft, said)):
        # parts of one article share its citation and its actor's words ("county education
        # departments must"): they are told apart by the words the parts do not all share
        words_of = {id(f): _uncited(f, draft.language) for f in (said, *parts)}
        frame = frozenset.intersection(*words_of.values())
        kept = [words_of[id(said)] - frame]
        lines = []
        for item in parts:
            words = words_of[id(item)] - frame
            if words and all(overlap(words, other) < SAME_PART for other in kept) and \
                    (line := draft.say(item, again=True)) is not None:
                lines.append(line)
                kept.append(words)
        return finish(draft, [" ".join(lead), " ".join(lines)])
    if said is not None and _ASKS_BASIS.search(draft.ctx.question):
        # "must reports be made public?", "依据是什么？": the same rule in another law or regulation
        # is a second legal basis, not a repeat (the statute and the regulation that carries it out)
        other = same_rule_elsewhere(said, rest)
        if other is not None and (line := draft.say(other, again=True)) is not None:
            support.append(line)
    for item in rest:
        added = draft.terms_held(item) - covered
        if added and len(support) < 2 and not stitched(draft, item, covered) and \
                (line := draft.say(item)) is not None:
            support.append(line)
            covered |= added
    return finish(draft, [" ".join(lead), " ".join(support)])

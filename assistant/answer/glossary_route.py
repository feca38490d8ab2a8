""""What is 县管校聘" / "什么是…": the glossary definition first, then cited passages."""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.answer.messages import text
from assistant.documents import Citation
from assistant.glossary import GlossaryEntry

_EN = re.compile(r"^\s*(?:what\s+(?:does|do)\s+.{2,60}?\s+mean\s+by\s+(?:the\s+|an?\s+)?(?P<d>.+?)|"
                 r"what\s+(?:is|are)\s+(?:meant|understood)\s+by\s+(?:the\s+|an?\s+)?(?P<e>.+?)|"
                 r"what\s+(?:is|are|does|do)\s+(?:the\s+|an?\s+)?(?P<a>.+?)(?:\s+mean)?|"
                 r"define\s+(?P<b>.+?)|(?:what\s+is\s+)?(?:the\s+)?(?:meaning|definition)\s+of\s+"
                 r"(?P<c>.+?))\s*[?？.!]*\s*$", re.IGNORECASE)
_ZH = re.compile(r"^\s*(?:请问)?(?:什么(?:是|叫)|何谓|何为)(?P<a>.+?)[？?。！!]*\s*$|"
                 r"^\s*(?P<b>.+?)(?:是什么意思|是什么|指什么|是指什么|的含义是什么|的含义|的意思|的定义)"
                 r"[？?。！!]*\s*$")
_QUALIFIER = re.compile(r"\s+(?:in|under|for|that|which|used|during|within|at|when|as)\s+",
                        re.IGNORECASE)
_GLOSS = re.compile(r"\s*[(（]([^()（）]{2,30})[)）]")  # a name's other-language form in brackets
COVERAGE = 0.6  # the glossary name must make up this share of the term asked about
# a term that holds the end of a sentence is two questions ("……办法是哪一年印发的？文号是什么？"):
# the second asks for a fact of the first, not what a term means
_SENTENCE_END = re.compile(r"[？?。！!]")
# words that name the kind of scheme, interchangeable in everyday English: "the special-post
# teacher programme" is the glossary's "special-post teacher scheme"
_SCHEME_WORDS = ("scheme", "programme", "program", "plan", "project", "initiative")
_SCHEME_HEAD = re.compile(rf"\b({'|'.join(_SCHEME_WORDS)})$", re.IGNORECASE)


def scheme_variants(name: str) -> list[str]:
    """``name`` with its last word, when it names the kind of scheme, swapped for each other
    such word ("… programme" → "… scheme", "… plan"); [name] otherwise."""
    head = _SCHEME_HEAD.search(name)
    if not head:
        return [name]
    stem = name[:head.start()]
    return [name, *(stem + word for word in _SCHEME_WORDS if word != head.group(1).lower())]


# a name the reader puts in quotes: "什么是县域义务教育“基本均衡”" asks about 基本均衡
_QUOTED = re.compile(r"[\"“‘「《]([^\"“”‘’「」《》]{2,40})[\"”’」》]|(?<![\w])'([^']{2,40})'(?![\w])")


def _asked_term(question: str) -> str | None:
    """The term a definition question asks about: the whole question's, or — when it goes on
    with a second question ("什么是X？它和Y有什么不同？", "What is X? Which parts does it have?") —
    its first sentence's, when that sentence is itself a definition question."""
    from assistant.answer.intent import asks_for_fact

    match = _EN.match(question) or _ZH.match(question)
    term = next(g for g in match.groups() if g) if match else None
    if term is not None and not _SENTENCE_END.search(term):
        return term
    first = re.match(r"^[^？?。！!]+[？?。！!]", question.strip())
    if first is None or first.group(0) == question.strip():
        return term
    # ... but not when the second asks for a fact of it ("……是哪一年提出的？"): a look-up
    if asks_for_fact(question[first.end():]):
        return term
    match = _EN.match(first.group(0)) or _ZH.match(first.group(0))
    return next(g for g in match.groups() if g) if match else term


def parse(ctx: Context) -> GlossaryEntry | None:
    """The glossary entry a definition question asks about, if it is one."""
    raw = _asked_term(ctx.question)
    if raw is None:
        return None
    term = raw.strip(" \"'“”‘’「」《》")
    if _SENTENCE_END.search(term):
        return None
    glossary = ctx.engine.glossary
    for quoted in _QUOTED.finditer(raw):
        entry = glossary.lookup(next(g for g in quoted.groups() if g).strip())
        if entry is not None:
            return entry
    # the term, then the term without a clause that places or qualifies it ("the coefficient of
    # variation in a county balance evaluation", "the composite CV that basic balance used")
    from assistant.answer.intent import asks_for_fact

    # "what is the benchmark for small schools with fewer than 100 pupils?" asks the figure for
    # the case its qualifier names, not what the benchmark is: the term is not cut there
    qualified = () if asks_for_fact(ctx.question) else _QUALIFIER.finditer(term)
    for cut in (term, *(term[:m.start()] for m in qualified)):
        # "… mean in practice" loses "in practice" above and "mean" here; a name given in both
        # languages ("county manages, schools hire" (县管校聘)) is looked up by either
        cut = re.sub(r"\s+mean$", "", cut.strip(), flags=re.IGNORECASE)
        names = [cut, _GLOSS.sub("", cut), *_GLOSS.findall(cut)]
        for name in names:
            for variant in scheme_variants(name.strip(" \"'“”‘’「」《》")):
                entry = glossary.lookup(variant)
                if entry is not None:
                    return entry
    for candidate in glossary.find_in(term):
        names = [candidate.en, *candidate.aliases_en, candidate.zh, *candidate.aliases_zh]
        if any(name and name.lower() in term.lower() and len(name) >= COVERAGE * len(term)
               for name in names):
            return candidate
    return None


# a statement that lists what a concept is made of: "all four components: …", "从…四个方面评估"
_COMPONENTS = re.compile(r"\b(?:two|three|four|five|six|seven|eight)\s+(?:components|parts|aspects|"
                         r"dimensions|elements|areas)\b|\bconsists? of\b|\bmade up of\b|"
                         r"[两二三四五六七八]个(?:部分|方面|维度)|[两二三四五六七八]项(?:内容|要求)|由.{1,12}组成",
                         re.IGNORECASE)


def lists_components(statement) -> bool:
    """Whether a statement lists the parts of the concept it is about (either language)."""
    return bool(_COMPONENTS.search(statement.text) or _COMPONENTS.search(statement.text_zh))


def definition(entry: GlossaryEntry, language: str) -> str:
    return entry.definition_zh if language == "zh" and entry.definition_zh else entry.definition


def defined(entry: GlossaryEntry, language: str) -> str:
    """The entry as a sentence that stands on its own, term first — "County manages, schools
    hire (县管校聘): a teacher-management reform …" — not the bare noun phrase of the glossary."""
    body = definition(entry, language)
    if language == "zh":
        return f"{entry.zh}：{body}" if entry.zh and not body.startswith(entry.zh) else body
    if body.lower().startswith(entry.en.lower()):
        return body
    name = entry.en[:1].upper() + entry.en[1:]
    head = f"{name} ({entry.zh})" if entry.zh else name
    article = body.startswith(("A ", "An ", "The "))
    return f"{head}: {body[:1].lower() + body[1:] if article else body}"


def heading(entry: GlossaryEntry, language: str) -> str:
    first, second = (entry.zh, entry.en) if language == "zh" else (entry.en, entry.zh)
    names = f"{first}（{second}）" if language == "zh" else f"{first} ({second})"
    return f"**{text('glossary', language)}: {names}**" if second else \
        f"**{text('glossary', language)}: {first}**"


def citation(entry: GlossaryEntry, language: str) -> Citation:
    """The glossary entry as a citable passage (it is part of the corpus: corpus/glossary.yaml)."""
    return Citation(doc_id="glossary", chunk_id=f"glossary#{entry.id}",
                    title=text("glossary_title", language), text=defined(entry, language),
                    doc_type="glossary", section=entry.zh if language == "zh" else entry.en)

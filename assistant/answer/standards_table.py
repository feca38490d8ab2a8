"""Threshold questions ("what CV threshold…", "每百名学生…") answered from corpus/standards/*.yaml.

The values come from the YAML files (through ``assistant.advisor.standards``); each row cites a
passage of the indicator's source document that states the same numbers, found by reading the
document's chunks, so a reader can check every figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.advisor.measures import cite_document
from assistant.advisor.standards import (
    Indicator,
    Standard,
    Standards,
    StandardsError,
    load_standards,
)
from assistant.answer.context import Context
from assistant.answer.messages import text
from assistant.answer.passages import passage_sentences
from assistant.answer.premise import category, checked_figure, stated_category
from assistant.answer.render import CitationList
from assistant.answer.statement_cite import localized
from assistant.answer.terms import content_terms, matches, token_set
from assistant.answer.types import Claim
from assistant.citations import literal_for, numbers, row_supported
from assistant.documents import Chunk, unconfirmed_fields

# The question asks for a figure.
CUE = re.compile(r"\b(thresholds?|minimum|maximum|at (least|most)|how (many|much|large|big)|"
                 r"what (share|"
                 r"percentage|proportion|ratio|rate|value|level|number)|per (pupil|student|100)|"
                 r"square met(re|er)s?|m²|coefficient of variation|cvs?|caps?|limits?|targets?|"
                 r"standards? (for|of|value)|requirements? for|stay (under|below|above))\b|多少|多大|"
                 r"标准|门槛|差异系数|生均|每百名|比例|上限|下限|几|达标", re.IGNORECASE)
# Words that name a standard or the field rather than an indicator.
_NEUTRAL = """quality balance balanced basic evaluation measures standard national county compulsory
education school schools 2012 2017 优质均衡 基本均衡 督导评估 义务教育 县域 学校"""
# Terms that ask for a figure rather than say which (stems as the tokenizer writes them).
_ASKING = frozenset([
    "threshold", "minimum", "maximum", "least", "most", "standard", "limit", "cap",
    "target", "requir", "valu", "level", "number", "rate", "share", "need", "meet", "pass",
    "多少", "多大", "标准", "门槛", "上限", "下限", "要求", "达标", "达到", "需要", "至少"
])
# ... unless it asks how a figure is computed or where a rule comes from: that is prose.
# ... or a statistic of some year ("how many large classes were there in 2018").
NOT_A_LOOKUP = re.compile(r"\b(how (is|are|do|does|should) .*(calculat|comput|measur|weight)\w*|"
                          r"formula|"
                          r"which (document|law|article)|where does|why|were there|was there)\b|"
                          r"(?<!\d)(?!2012|2017)(19|20)\d\d(?!\d)|怎么计算|如何计算|计算方法|"
                          r"公式|出自|哪个文件|哪部|为什么", re.IGNORECASE)
MIN_MATCH = 3.0       # summed IDF of the question terms an indicator's label must contain
MIN_SHARE = 0.5       # ... and their share of all the question's terms
RELATIVE = 0.75       # keep indicators scoring within this share of the best
MAX_ROWS = 6
# Words a question uses for a standard, so that "quality balance" keeps to the 2017 measures.
_STANDARD_HINTS = {
    "quality-balance-2017": re.compile(r"quality[- ]balance|优质均衡|2017", re.IGNORECASE),
    "basic-balance-2012": re.compile(r"basic[- ]balance|基本均衡|2012", re.IGNORECASE),
    "class-size-targets": re.compile(r"large class|class size|大班额|班额", re.IGNORECASE),
}


@dataclass
class Row:
    indicator: Indicator
    standard: Standard
    score: float


@lru_cache(maxsize=8)
def _standards(directory: str, stamp: float) -> Standards:  # stamp: reload when files change
    return load_standards(Path(directory))


def standards_for(ctx: Context) -> Standards | None:
    """The standards files of the first corpus folder that has any; None when there are none."""
    for folder in ctx.settings.corpus_dirs:
        directory = Path(folder) / "standards"
        files = sorted(directory.glob("*.yaml"))
        if files:
            try:
                return _standards(str(directory), max(f.stat().st_mtime for f in files))
            except StandardsError:
                return None  # a broken file is reported by the advisor and its tests
    return None


# How questions name the units the YAML abbreviates.
_UNIT_WORDS = {"m²": "square metres 平方米 面积", "yuan": "元", "%": "percent 百分比 比例"}


def _label(indicator: Indicator) -> str:
    unit = indicator.unit + "".join(f" {words}" for symbol, words in _UNIT_WORDS.items()
                                    if symbol in indicator.unit)
    return f"{indicator.name} {indicator.id.replace('_', ' ')} {indicator.name_zh} {unit}"


def _indicator_terms(indicator: Indicator) -> set[str]:
    return {t.text for t in content_terms(_label(indicator))}


def match(ctx: Context, looked_up: bool = True) -> list[Row]:
    """Indicators the question asks about, best first (empty when it asks for no figure).

    An indicator qualifies when the question terms its label contains weigh at least MIN_MATCH
    (summed IDF) and make up at least MIN_SHARE of the question's terms; words that only ask for
    a figure ("threshold", "多少") or name a standard ("quality balance", "2017") do not count."""
    if looked_up and (not CUE.search(ctx.question) or NOT_A_LOOKUP.search(ctx.question)):
        return []  # (without ``looked_up``: the indicators it names, however much else it asks)
    standards = standards_for(ctx)
    if standards is None:
        return []
    names = " ".join(f"{e.en} {e.zh}" for e in ctx.glossary)
    neutral_tokens = token_set(_NEUTRAL)
    asked = [t for t in content_terms(f"{ctx.question} {names}")
             if t.text not in _ASKING and not matches(t, _NEUTRAL, neutral_tokens)]
    total = sum(ctx.stats.weight(t) for t in asked)
    if not total:
        return []
    rows = []
    for standard in standards:
        for indicator in standard.indicators.values():
            label = _label(indicator)
            tokens = token_set(label)  # the same labels every answer: tokenized once
            score = sum(ctx.stats.weight(t) for t in asked if matches(t, label, tokens))
            if score >= MIN_MATCH and (score / total >= MIN_SHARE or not looked_up):
                rows.append(Row(indicator, standard, score))
    rows = [r for r in rows if not _names_another_figure(ctx, r)]
    # a question that names two indicators ("large class" and "super-large class") asks for
    # both, however much more of its words the longer name holds
    named = named_indicators(ctx.question, [i for st in standards for i in st.indicators.values()])
    if rows:
        held = {r.indicator.id for r in rows}
        rows += [Row(indicator, standard, 0.0) for standard in standards
                 for indicator in standard.indicators.values()
                 if indicator.id in named and indicator.id not in held]
    hinted = {name for name, pattern in _STANDARD_HINTS.items() if pattern.search(ctx.question)}
    if hinted and any(r.standard.standard in hinted for r in rows):
        rows = [r for r in rows if r.standard.standard in hinted]
    if not rows:
        return []
    best = max(r.score for r in rows)
    rows = [r for r in rows if r.score >= RELATIVE * best or r.indicator.id in named]
    rows.sort(key=lambda r: r.score, reverse=True)
    return rows[:MAX_ROWS]


_GLOSS = re.compile(r"\s*[（(][^）)]*[）)]")
_THRESHOLD_WORD = re.compile(r"\s+(threshold|limit|cap|target)s?$", re.IGNORECASE)


def _short_names(indicator: Indicator) -> list[str]:
    """The names a question uses for an indicator: its name and Chinese name without the
    bracketed gloss and a word that only says it is a threshold ("Large class threshold" →
    "large class", "大班额（56人及以上）" → "大班额")."""
    names = [_THRESHOLD_WORD.sub("", _GLOSS.sub("", name).strip()).lower()
             for name in (indicator.name, indicator.name_zh)]
    return [n for n in names if len(n) >= 2]


def named_indicators(question: str, indicators: list[Indicator]) -> set[str]:
    """The ids of the indicators the question names in full, a longer name hiding the shorter
    one it holds ("super-large class" names no "large class"; "超大班额" no "大班额")."""
    rest = question.lower()
    names = sorted(((name, ind.id) for ind in indicators for name in _short_names(ind)),
                   key=lambda n: -len(n[0]))
    named = set()
    for name, ident in names:
        pattern = re.escape(name) if re.search(r"[\u4e00-\u9fff]", name) else \
            rf"(?<![\w-]){re.escape(name)}(?:es|s)?(?![\w-])"
        if re.search(pattern, rest):
            named.add(ident)
            rest = re.sub(pattern, " ", rest)
    return named


def _names_another_figure(ctx: Context, row: Row) -> bool:
    """Whether the question names, in full, a glossary term that the indicator's label does not
    hold and whose documents do not include the standard: "生均公用经费基准定额" (the funding
    mechanism's benchmark) is not the evaluation's "特殊教育学校生均公用经费"."""
    label = _label(row.indicator).lower()
    question = ctx.question.lower()
    docs = {row.indicator.source, row.standard.source_doc}
    for entry in ctx.glossary:
        # a term of several words ("per-student public-funding benchmark", "生均公用经费基准定额"),
        # not a word such as "county" that names no figure
        names = [n.lower() for n in (entry.en, *entry.aliases_en) if n and len(n.split()) >= 2] + \
            [n for n in (entry.zh, *entry.aliases_zh) if n and len(n) >= 4]
        if (any(n in question for n in names) and not any(n in label for n in names)
                and entry.related and not docs & set(entry.related)):
            return True
    return False


def compose(ctx: Context, rows: list[Row]) -> tuple[str, CitationList, list[Claim]]:
    """One table per standard (heading: its title and year), then the sentences the figures
    come from. Rows no passage supports are left out rather than shown uncited."""
    cites = CitationList()
    claims: list[Claim] = []
    language = ctx.language
    parts: list[str] = []
    basis: list[tuple[str, int]] = []
    first_row: tuple[Row, int, Chunk] | None = None
    cited_rows: list[tuple[Row, int, Chunk]] = []
    by_standard: dict[str, list[Row]] = {}
    for row in rows:
        by_standard.setdefault(row.standard.standard, []).append(row)
    for standard_rows in by_standard.values():
        standard = standard_rows[0].standard
        lines = []
        for row in sorted(standard_rows, key=lambda r: list(standard.indicators).index(
                r.indicator.id)):
            cited = _cite_row(ctx, row)
            if cited is None:
                continue
            line, chunk, sentence = cited
            marker = cites.marker(chunk)
            cited_rows.append((row, marker, chunk))
            if first_row is None:
                first_row = (row, marker, chunk)
            lines.append(f"{line} [{marker}] |")
            claims.append(Claim(f"{line} |", [marker], "table-row"))
            if sentence and not any(_restates(sentence, said) for said, _ in basis):
                basis.append((sentence, marker))
        if not lines:
            continue
        title = standard.title_zh if language == "zh" and standard.title_zh else standard.title
        header = [text("indicator", language), text("primary", language),
                  text("junior", language), text("rule", language),
                  text("certainty", language), text("source", language)]
        parts.append(f"**{title}**")
        parts.append("\n".join(["| " + " | ".join(header) + " |",
                                "|" + "---|" * len(header), *lines]))
    if not parts:
        return "", cites, claims
    # a quoted clause that starts mid-sentence ("migrant children in … above 85%.") cannot
    # open the answer
    if basis and re.match(r"[a-z]", basis[0][0].lstrip("*")):
        basis = basis[1:]
    defining = _defines_lead(ctx, rows, cited_rows, language)
    if defining is not None:
        # thresholds that define categories ("large class", "super-large class") are said as
        # what they define, all of them: "56 or more = large class; 66 or more = super-large"
        sentence, markers = defining
        parts.insert(0, f"{sentence} " + "".join(f"[{m}]" for m in markers))
        claims.append(Claim(sentence, markers, "statement"))
    elif basis:
        # the answer first: the sentence that states the first figure, then the tables, then
        # the other sentences the figures come from
        lead, marker = basis[0]
        lead = _as_sentence(lead, language)
        parts.insert(0, f"{lead} [{marker}]")
        claims.append(Claim(lead, [marker], "quote"))
    elif first_row is not None:
        # no passage in the reader's language states the figure in a sentence: the first row,
        # said as one (its figures are the cited passage's)
        said_row = _row_sentence(*first_row, language)
        parts.insert(0, f"{said_row} [{first_row[1]}]")
        # not a quotation: each of its figures is the cited passage's, as a statement's are
        claims.append(Claim(said_row, [first_row[1]], "statement"))
    # a clause that starts mid-sentence stands nowhere on its own
    shown = [b for b in basis[0 if defining is not None else 1:4]
             if not re.match(r"[a-z]", b[0].lstrip("*"))]
    if defining is not None:  # a source sentence that says what the lead says is not shown again
        shown = [b for b in shown if not _restates(b[0], defining[0])]
    if shown:
        parts.append(text("basis", language))
    for sentence, marker in shown:
        parts.append(f"{sentence} [{marker}]")
        claims.append(Claim(sentence, [marker], "quote"))
    return "\n\n".join(parts), cites, claims


def _category_value(indicator: Indicator, language: str, passage: str) -> str | None:
    """The one value of a category threshold (primary and junior alike), as the passage writes
    it; None when the two differ."""
    values = {v for v in (indicator.primary, indicator.junior) if v is not None}
    if len(values) != 1:
        return None
    value = values.pop()
    return literal_for(value, passage) or _plain(value)


def _defines_lead(ctx: Context, rows: list[Row], cited: list[tuple[Row, int, Chunk]],
                  language: str) -> tuple[str, list[int]] | None:
    """One sentence that says what each category threshold of the first standard defines —
    "Under …: 56 or more pupils per class = large class; 66 or more … = super-large class" —
    with the markers of the rows; None when the first cited row defines no category."""
    if not cited or not category(cited[0][0].indicator, language):
        return None
    standard = cited[0][0].standard
    items, markers = [], []
    for row, marker, chunk in cited:
        named = category(row.indicator, language)
        value = _category_value(row.indicator, language, chunk.text)
        if row.standard is not standard or not named or value is None:
            continue
        unit = str(row.indicator.extra.get("defines", {}).get("unit_zh", "")) if language == "zh" \
            else _sentence_unit(row.indicator.unit).strip()
        items.append(text("defines_item", language, value=value, unit=unit, category=named))
        markers.append(marker)
    if not items:
        return None
    title = standard.title_zh if language == "zh" and standard.title_zh else standard.title
    note = text("table_unverified", language) if any(
        r.indicator.certainty != "verified" for r, _, _ in cited) else ""
    separator = "；" if language == "zh" else "; "
    sentence = text("defines_lead", language, standard=title, items=separator.join(items), note=note)
    return sentence, list(dict.fromkeys(markers))


RESTATES = 0.8  # token overlap above which two basis sentences say the same thing


def _restates(sentence: str, other: str) -> bool:
    """Whether two sentences say the same ("定义：大班额指……" and "大班额指……")."""
    a, b = token_set(sentence), token_set(other)
    return sentence == other or bool(a and b) and len(a & b) / min(len(a), len(b)) >= RESTATES


def _row_sentence(row: Row, marker: int, chunk: Chunk, language: str) -> str:
    """"Under 教督〔2012〕3号 (2012), the <indicator> must be at most 0.65 in primary and at most
    0.55 in junior-secondary schools." — a table row said as a sentence, naming the standard by
    its document number (its title heads the table below)."""
    indicator, standard = row.indicator, row.standard
    passage = chunk.text
    meta = chunk.metadata
    number = str(meta.get("doc_number") or "")
    year = str(meta.get("date") or "")[:4]
    if number and "doc_number" not in unconfirmed_fields(meta.get("unconfirmed")):
        title = f"{number}（{year}年）" if language == "zh" else f"{number} ({year})"
    else:
        title = standard.title_zh if language == "zh" and standard.title_zh else standard.title
    rule = text(indicator.comparison, language)

    unit = _sentence_unit(indicator.unit) if language != "zh" else ""

    def value(v: float) -> str:
        return (literal_for(v, passage) or _plain(v)) + unit

    given = [v for v in (indicator.primary, indicator.junior) if v is not None]
    if len(given) == 2 and indicator.primary != indicator.junior:
        values = text("table_values", language, rule=rule, primary=value(indicator.primary),
                      junior=value(indicator.junior))
    else:
        values = text("table_value_one", language, rule=rule, value=value(given[0]))
    note = text("table_unverified", language) if indicator.certainty != "verified" else ""
    # the name without its bracketed gloss ("(mean of the 8 single-indicator CVs)"): the table
    # row below gives it, and the sentence keeps to the figures the passage states
    name = re.sub(r"\s*[（(][^）)]*[）)]", "", indicator.label(language))
    if language != "zh":
        name = name[0].lower() + name[1:] if re.match(r"[A-Z][a-z]", name) else name
    return text("table_lead", language, standard=title, indicator=name, values=values, note=note)


def _sentence_unit(unit: str) -> str:
    """The unit as it follows a figure in an English sentence ("%", " m² per pupil"); nothing
    for a unit that is a description ("coefficient of variation (enrolment-weighted)") or holds a
    figure of its own ("per 100 pupils": the passage may write it 每百名)."""
    unit = re.sub(r"\s*\([^)]*\)", "", unit or "").strip()
    if not unit or re.search(r"\d", unit) or unit.startswith(("coefficient", "share", "points",
                                                               "indicators")):
        return ""
    return unit if unit.startswith("%") else f" {unit}"


def _as_sentence(sentence: str, language: str) -> str:
    """A clause cut from a list ("…6000元；") without its dangling separator, to stand first
    (still the passage's own words)."""
    stripped = sentence.rstrip()
    closing = "**" if stripped.endswith("**") else ""
    core = stripped[:-2] if closing else stripped
    return core.rstrip("；;，,：:") + closing


def _cite_row(ctx: Context, row: Row) -> tuple[str, Chunk, str | None] | None:
    """The table row (without its source cell's marker), the passage that states its figures
    and a sentence of that passage that does, preferring the answer's language."""
    indicator = row.indicator
    languages = [ctx.language] + [lang for lang in ("en", "zh") if lang != ctx.language]
    docs = list(dict.fromkeys(d for d in (indicator.source, row.standard.source_doc) if d))
    chunks = [c for doc in docs for c in ctx.engine.document_chunks(doc)]
    name_terms = _indicator_terms(indicator)
    values = [v for v in (indicator.primary, indicator.junior) if v is not None]
    best: tuple[float, str, Chunk, str | None] | None = None
    for chunk in chunks:
        if chunk.language not in languages:
            continue
        literals = [literal_for(v, chunk.text) for v in values]
        if not values or any(lit is None for lit in literals):
            continue
        lang = chunk.language
        line = _row_line(indicator, ctx.language, chunk.text)
        if not row_supported(line, chunk.text):
            line = _row_line(indicator, ctx.language, chunk.text, with_unit=False)
            if not row_supported(line, chunk.text):
                continue
        # a sentence is quoted only in the reader's language; the row may still cite a passage
        # in the other one
        sentence = _basis_sentence(chunk, literals, name_terms) if lang == ctx.language else None
        overlap = len(name_terms & {t.text for t in content_terms(chunk.text)})
        score = (10.0 if lang == ctx.language else 0.0) + (5.0 if sentence else 0.0) + overlap \
            - chunk.text.count("\n|") * 0.05  # prefer prose to the big thresholds table
        if best is None or score > best[0]:
            best = (score, line, chunk, sentence)
    return None if best is None else best[1:]


def _row_line(indicator: Indicator, language: str, passage: str, with_unit: bool = True) -> str:
    def value(v: float | None) -> str:
        return "—" if v is None else (literal_for(v, passage) or _plain(v))

    name = indicator.label(language)
    if with_unit and indicator.unit and language == "en":
        name = f"{name} ({indicator.unit})"
    certainty = text("verified" if indicator.certainty == "verified" else "unverified", language)
    named = category(indicator, language)
    threshold = _category_value(indicator, language, passage) if named else None
    # a threshold that defines a category reads as what it defines, not as a rule to stay below
    rule = text("defines_rule", language, value=threshold, category=named) if threshold \
        else text(indicator.comparison, language)
    cells = [name, value(indicator.primary), value(indicator.junior), rule, certainty, ""]
    return "| " + " | ".join(cells[:-1]) + " |"


def _plain(value: float) -> str:
    return f"{value:g}"


def _basis_sentence(chunk: Chunk, literals: list[str | None], name_terms: set[str]) -> str | None:
    """The sentence of ``chunk`` that states the most of the values, then names the indicator."""
    best: tuple[int, int, str] | None = None
    for sentence in passage_sentences(chunk.text):
        stated = set(numbers(sentence.text))
        found = sum(1 for lit in dict.fromkeys(literals) if lit and lit.replace(",", "") in stated)
        if not found:
            continue
        overlap = len(name_terms & {t.text for t in content_terms(sentence.text)})
        key = (found, overlap, sentence.text)
        if best is None or key[:2] > best[:2]:
            best = key
    return None if best is None else best[2]


# a question word before the figure: the figure is checked in a later part of the question
_ASKS_FIRST = re.compile(r"\b(how|what|which|why|when|who)\b|怎么|怎样|如何|什么|哪|为什么",
                         re.IGNORECASE)


def with_verdict(ctx: Context, main: tuple[str, CitationList, list[Claim]]
                 ) -> tuple[str, CitationList, list[Claim]]:
    """The answer with a verdict on the figure the question checks against a threshold ("our
    primary CV is 0.52 — does it pass quality balance?"), cited to the standard's document
    (``premise.checked_figure``): the first sentence when checking is all the question asks,
    the opening of the second paragraph when it asks something else first. A size the
    thresholds sort into categories (a class of 62: large, 56 or more) is said as its category;
    an answer that already judged the figure (a suggest opening) gets no second verdict."""
    standards = standards_for(ctx)
    if standards is None or any(claim.kind == "verdict" for claim in main[2]):
        return main
    indicators = [row.indicator for row in match(ctx, looked_up=False)]
    found = checked_figure(ctx.question, ctx.language, standards, indicators)
    categories = [i for i in indicators if i.extra.get("defines")]
    if found is not None and categories:
        found = stated_category(ctx.question, ctx.language, standards, categories) or found
    if found is None:
        return main
    row = ctx.engine.document(found.source)
    if row is None or not ctx.filters.admits(found.source, row.metadata):
        return main
    citation = (cite_document(ctx.engine, found.source, found.text,
                              "zh" if ctx.language == "zh" else None)
                or cite_document(ctx.engine, found.source, found.text))
    if citation is None:
        return main
    body, cites, claims = main
    marker = cites.add(localized(citation, row.metadata, ctx.language))
    claims.append(Claim(found.text, [marker], "verdict"))
    sentence = f"{found.text} [{marker}]"
    figure = re.search(r"\d", ctx.question)
    paragraphs = body.split("\n\n")
    if figure and _ASKS_FIRST.search(ctx.question[:figure.start()]):
        paragraphs.insert(1, sentence)
    else:
        paragraphs[0] = f"{sentence} {paragraphs[0]}"
    return "\n\n".join(paragraphs), cites, claims

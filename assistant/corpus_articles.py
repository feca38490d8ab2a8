"""Article references in the corpus, checked against the statutes they cite.

Outside ``corpus/laws/`` the corpus cites statutes by article: "Compulsory Education Law Art. 32",
"Art. 28 of the Teachers Law", "Teachers Law (2009 text), Arts. 25, 27", 《义务教育法》第三十二条,
教师法第二十八条. This module finds those references in document bodies and front matter,
``measures.yaml``, ``glossary.yaml`` and ``knowledge/*.yaml`` and checks each one:

- the article exists in the named statute (the full Chinese texts in ``real-docs/``);
- where a parenthetical gloss follows the reference ("(housing)", "（住房）"), at least one content
  word of it occurs in that article: a Chinese gloss in the statute text (shared two-character
  words), an English gloss in our English summary of the article in ``corpus/laws/`` (stemmed);
- an echo of the number in Chinese ("Art. 32 (第三十二条)") names the same article.

Which law a reference means, first match wins: "of the Teachers Law" right after it; the law of
the reference it is chained to ("Art. 25 and Art. 27"); the law named last before it in the same
paragraph, list item, table row or data field ("the law" / "the regulations" stand for the statute
or regulation named there, else for the one the document names most); the law of its context — the
paragraph leading into a list, the parent list item, the heading, or for a data entry its single
law document; lastly the law the document names most. A reference after an instrument we hold no
text of (the Law on Minors, 《…办法》, a policy's own 国发〔…〕号) is skipped, as is one with no law
in reach. Where the corpus is ambiguous the check may pick the wrong law; naming the law in the
text ("Compulsory Education Law Art. 45") settles it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from assistant.article_numbers import chinese_number, to_chinese_number
from assistant.config import REPO_ROOT
from assistant.index.tokenizer import tokenize
from assistant.knowledge.statements import knowledge_files

DEFAULT_STATUTES_DIR = REPO_ROOT.parent / "shared" / "real-docs"


@dataclass(frozen=True)
class Law:
    """A statute we hold: its key, the statute file, our summary document and its names."""

    key: str
    statute_file: str
    summary_doc: str
    names: str  # regex alternatives (English and Chinese)


# Names are regex alternatives, English and Chinese; "Compulsory Education Law" is tried first.
LAWS = (
    Law("compulsory-education", "compulsory-education-law-2018.zh.md", "law-compulsory-education",
        r"Compulsory Education Law|义务教育法"),
    Law("education", "education-law-2021.zh.md", "law-education",
        r"(?<!Compulsory )Education Law|(?<!义务)教育法"),
    Law("teachers", "teachers-law-2009.zh.md", "law-teachers", r"Teachers?['’]? Law|教师法"),
    Law("supervision", "education-supervision-regulations-2012.zh.md", "reg-education-supervision",
        r"(?:Education )?[Ss]upervision [Rr]egulations?|Regulations? on Education Supervision"
        r"|教育督导条例|Decree No\. 624"),
    Law("zhejiang", "zhejiang-compulsory-education-regulations-2021.zh.md",
        "reg-zhejiang-compulsory-education",
        r"Zhejiang(?:['’]s)? (?:Province )?(?:Compulsory Education )?[Rr]egulations?"
        r"|(?:provincial )?Compulsory Education Regulations|浙江省义务教育条例"),
)
_KNOWN = "|".join(f"(?P<{law.key.replace('-', '_')}>{law.names})" for law in LAWS)
# Any other named instrument ends the reach of the law named before it, so that "Art. 5" after
# "the Law on the Protection of Minors" or 《…暂行办法》 is not taken for an article of ours.
_OTHER = (r"(?P<other>《[^》]{1,40}》|\b(?:[A-Z][a-z]+ )+Law\b|\bLaw on (?:the )?[A-Z][a-z]+"
          r"|\bConstitution\b)")
# A policy named by its number owns an article right after it ("国发〔2016〕40号第十条"); further on
# in the sentence, a bare article is the statute's again.
_AFTER_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号\s*$")
_KNOWN_NAME = re.compile(_KNOWN)
_ANAPHORA = re.compile(r"\b(?:[Tt]he |[Ii]ts )?(?:provincial )?(regulations?|[Ll]aw)\b(?! on)")
_REGULATIONS = ("supervision", "zhejiang")
_STATUTE_LAWS = ("compulsory-education", "education", "teachers")
_OTHER_NAME = re.compile(_OTHER)

_NUM = r"[一二三四五六七八九十百零〇两\d]{1,6}"
_EN_REF = re.compile(
    r"\b(?:[Aa]rticles?|Arts?\.)\s*"
    r"(?P<nums>\d{1,3}(?!\d)(?:\(\d+\))?"
    r"(?:\s*(?:,|–|—|-|to|and|&|or)\s*\d{1,3}(?![\d.,]\d)(?:\(\d+\))?)*)")
_ZH_REF = re.compile(rf"第(?P<nums>{_NUM}(?:条?\s*(?:、|，|,|和|及|与|至|到|—|－|-)\s*第?{_NUM})*)条")
_RANGE = re.compile(r"^(?:–|—|-|to|至|到|－)$")
_OF_LAW = re.compile(rf"^\s+of\s+the\s+(?:[a-z0-9]+\s+){{0,2}}(?:{_KNOWN}|{_OTHER})")
_CHAIN = re.compile(r"^\s*(?:\*\*)?\s*(?:,|and|&|or|、|和|及|与)?\s*(?:\*\*)?\s*$")
# A gloss may follow a paragraph number: "Art. 28, para. 2 (housing)", "第二十八条第二款（住房）".
_GLOSS = re.compile(r"^(?:,?\s*para(?:graph)?\.?\s*\d+|第[一二三四五六七八九十]+款)?"
                    r"\s*[(（]((?:[^()（）]|[(（][^()（）]*[)）])*)[)）]")
_DOC_ID = re.compile(r"\b(?:law|reg|pol|std|case|ana)-[a-z0-9-]+")
_NOT_GLOSS = re.compile(r"\[S\d+[a-z]?\]|\b\d{4}\s+(?:consolidated\s+)?text\b|\bpara(?:graph)?\.?\s*\d+"
                        r"|\d{4}年(?:修正|修订)?(?:文本)?|第[一二三四五六七八九十]+款|\d+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_STOP = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "that", "the", "their", "them", "then", "these", "this", "those",
    "to", "was", "were", "which", "who", "with", "without", "not", "no", "law", "laws", "article",
    "articles", "art", "arts", "text", "also", "each", "every", "other", "than", "such", "may",
    "must", "should", "shall", "any", "all", "one", "two", "three", "per", "under", "over",
    "about", "only", "more", "less", "same", "see", "e", "g"])
# A word found in more than this share of a law's articles says nothing about which article is
# meant ("人民政府", "应当", "why it matters for balance"), so it is not a key term.
_COMMON_SHARE = 0.2


@dataclass(frozen=True)
class ArticleReference:
    """One reference to one or more articles of one law, where it was found."""

    file: str       # path relative to the corpus
    field: str      # "line 75", "measure teacher-housing.basis_note", ...
    law: str        # Law.key
    articles: tuple[int, ...]
    text: str       # the reference as written
    gloss: str      # the parenthetical after it, "" when none
    echo: tuple[int, ...] = ()  # numbers of a 第N条 echo in the parenthetical ("Art. 32 (第三十二条)")
    # What the reference vouches for: its gloss, and the words it cites — for "(Art. 27)" the
    # words before it, else the words after it — up to the next reference or the sentence's end.
    claim: str = ""


@dataclass(frozen=True)
class ArticleProblem:
    reference: ArticleReference
    message: str

    def __str__(self) -> str:
        ref = self.reference
        return f"{ref.file}: {ref.field}: '{ref.text}' ({ref.law}): {self.message}"


@dataclass
class Statutes:
    """The statute texts by article, and our English summaries of them."""

    articles: dict[str, dict[int, str]]        # law key → article number → Chinese text
    summaries: dict[str, dict[int, str]] = field(default_factory=dict)  # law key → number → English

    @cached_property
    def _common_zh(self) -> dict[str, frozenset[str]]:
        return {law: _common(list(texts.values()), _zh_words) for law, texts in self.articles.items()}

    @cached_property
    def _common_en(self) -> dict[str, frozenset[str]]:
        return {law: _common(list(texts.values()), _en_words) for law, texts in self.summaries.items()}

    def gloss_problem(self, law: str, articles: tuple[int, ...], gloss: str) -> str | None:
        """Why ``gloss`` does not fit ``articles`` of ``law``; None when one of its key terms
        occurs in one of them (or when it has no words to check)."""
        zh = _zh_words(gloss)
        if zh:
            text = "".join(self.articles[law].get(n, "") for n in articles)
            wanted = (zh - self._common_zh[law]) or zh
            if wanted & _zh_words(text):
                return None
            return f"none of the gloss's words ({'、'.join(sorted(wanted))}) occurs in the statute text"
        en = _en_words(gloss)
        if not en:
            return None
        summaries = [self.summaries.get(law, {}).get(n) for n in articles]
        if not any(summaries):
            return (f"the gloss cannot be checked: corpus/laws has no English summary of "
                    f"{_numbers_label(articles)}; add one or gloss it in Chinese")
        wanted = (en - self._common_en.get(law, frozenset())) or en
        if wanted & _en_words(" ".join(s for s in summaries if s)):
            return None
        return f"none of the gloss's words ({', '.join(sorted(wanted))}) occurs in our summary"


def _common(texts: list[str], words: Callable[[str], set[str]]) -> frozenset[str]:
    counts: Counter = Counter(w for text in texts for w in words(text))
    limit = _COMMON_SHARE * max(len(texts), 1)
    return frozenset(w for w, n in counts.items() if n > limit)


def _zh_words(text: str) -> set[str]:
    """Two-character words (bigrams of Chinese runs): a cheap, dictionary-free match. Article
    numbers (第二十八条) are not words of the text."""
    text = re.sub(rf"第{_NUM}条", " ", text)
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


def _en_words(text: str) -> set[str]:
    """Stemmed English content words, stemmed as the keyword index stems them."""
    words = [w for w in (m.lower() for m in _EN_WORD.findall(text)) if len(w) >= 3
             and w not in _EN_STOP]
    return set(tokenize(" ".join(words)))


def _numbers_label(numbers: tuple[int, ...]) -> str:
    return ("Art. " if len(numbers) == 1 else "Arts. ") + ", ".join(map(str, numbers))


# -- loading the statutes ----------------------------------------------------------------------
_STATUTE_ARTICLE = re.compile(rf"^第({_NUM})条", re.MULTILINE)
_SUMMARY_HEADING = re.compile(r"^### Article (\d+)\b.*$", re.MULTILINE)


def statute_articles(text: str) -> dict[int, str]:
    """Article number → text, for a statute laid out one article per paragraph (第N条 …)."""
    starts = [(m.start(), chinese_number(m.group(1))) for m in _STATUTE_ARTICLE.finditer(text)]
    articles: dict[int, str] = {}
    for index, (start, number) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        chapter = text.find("\n#", start, end)  # a chapter heading ends the article
        if number is not None:
            articles[number] = text[start: chapter if chapter >= 0 else end].strip()
    return articles


def summary_articles(body: str) -> dict[int, str]:
    """Article number → our English summary, from ``### Article N (第N条)`` sections."""
    heads = list(_SUMMARY_HEADING.finditer(body))
    summaries = {}
    for index, match in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(body)
        following = re.search(r"^#{1,3} ", body[match.end():end], re.MULTILINE)
        summaries[int(match.group(1))] = body[match.end(): match.end() + following.start()
                                              if following else end]
    return summaries


def load_statutes(statutes_dir: Path, corpus: Path) -> Statutes:
    """The five statutes from ``statutes_dir`` and our summaries from ``corpus/laws``."""
    articles, summaries = {}, {}
    for law in LAWS:
        articles[law.key] = statute_articles((statutes_dir / law.statute_file).read_text("utf-8"))
        summary = corpus / "laws" / f"{law.summary_doc}.md"
        if summary.is_file():
            summaries[law.key] = summary_articles(summary.read_text("utf-8"))
    return Statutes(articles, summaries)


# -- finding references ------------------------------------------------------------------------
@dataclass(frozen=True)
class TextUnit:
    """A paragraph, list item, table row or data field: the first reach of a law named in it."""

    file: str
    field: str
    text: str
    # The law a reference naming none means when nothing in the unit names one: the law of the
    # list's lead-in, of the parent item or of the heading; for a data entry, its one law document.
    default_law: str | None = None
    main_laws: tuple[str, ...] = ()  # the document's laws, most named first ("the law" means one)


Mention = tuple[int, int, str | None]  # start, end, law key (None: an instrument we do not hold)


def _law_key(match: re.Match) -> str | None:
    for law in LAWS:
        if match.group(law.key.replace("-", "_")):
            return law.key
    return None  # another instrument


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(s < end and start < e for s, e, _ in mentions)


def law_mentions(text: str, main_laws: tuple[str, ...] = ()) -> list[Mention]:
    """Where ``text`` names a law, in order: full names, other instruments, and "the law" /
    "the regulations": the statute or regulation named last in ``text``, else the one the
    document names most (``main_laws``)."""
    mentions: list[Mention] = [(m.start(), m.end(), _law_key(m)) for m in _KNOWN_NAME.finditer(text)]
    # "The Compulsory Education Law" also looks like some other law; the known name wins.
    mentions += [(m.start(), m.end(), None) for m in _OTHER_NAME.finditer(text)
                 if not _overlaps(m.start(), m.end(), mentions)]
    mentions.sort()
    for match in _ANAPHORA.finditer(text):
        if _overlaps(match.start(), match.end(), mentions):
            continue  # part of a full name
        kinds = _REGULATIONS if match.group(1).lower().startswith("regulation") else _STATUTE_LAWS
        here = [key for _, end, key in mentions if end <= match.start() and key in kinds]
        main = [key for key in main_laws if key in kinds]
        if here or main:
            mentions.append((match.start(), match.end(), here[-1] if here else main[0]))
    return sorted(mentions)


def _parse_numbers(raw: str) -> tuple[int, ...]:
    raw = re.sub(r"\(\d+\)", "", raw).replace("条", "").replace("第", "")
    parts = re.split(r"\s*(,|–|—|-|to|and|&|or|、|，|和|及|与|至|到|－)\s*", raw)
    numbers: list[int] = []
    pending_range = False
    for part in parts:
        if not part:
            continue
        if _RANGE.match(part):
            pending_range = True
            continue
        if re.fullmatch(r",|and|&|or|、|，|和|及|与", part):
            continue
        number = chinese_number(part.strip())
        if number is None:
            continue
        if pending_range and numbers and numbers[-1] < number <= numbers[-1] + 30:
            numbers.extend(range(numbers[-1] + 1, number + 1))
        else:
            numbers.append(number)
        pending_range = False
    return tuple(numbers)


def _gloss_after(after: str) -> tuple[str, tuple[int, ...], int]:
    """The gloss in a parenthetical right after a reference, the article numbers a 第N条 echo
    in it gives, and the parenthetical's length ("" , (), 0 when there is none)."""
    paren = _GLOSS.match(after)
    if not paren:
        return "", (), 0
    inner = paren.group(1)
    echo = tuple(n for z in re.findall(rf"第({_NUM})条", inner) if (n := chinese_number(z)) is not None)
    cleaned = _NOT_GLOSS.sub(" ", _DOC_ID.sub(" ", re.sub(rf"第{_NUM}条", " ", inner)))
    gloss = inner.strip() if _zh_words(cleaned) or _en_words(cleaned) else ""
    return gloss, echo, paren.end()


def find_references(unit: TextUnit) -> Iterator[ArticleReference]:
    """Every reference in ``unit`` to an article of a law we hold."""
    text = " ".join(unit.text.split())  # a name may be broken over two lines
    mentions = law_mentions(text, unit.main_laws)
    matches = sorted([*_EN_REF.finditer(text), *_ZH_REF.finditer(text)], key=lambda m: m.start())
    refs: list[tuple[re.Match, str, tuple[int, ...]]] = []
    echo_until = -1  # "Art. 32 (第三十二条)": the 第三十二条 is the same reference
    for match in matches:
        if match.start() < echo_until:
            continue
        gloss, echo, length = _gloss_after(text[match.end():])
        if echo:
            echo_until = match.end() + length
        refs.append((match, gloss, echo))
    claims = _claims(text, [m for m, _, _ in refs], [g for _, g, _ in refs])
    previous: tuple[int, str | None] | None = None  # (end, law) of the reference before
    for (match, gloss, echo), claim in zip(refs, claims):
        of_law = _OF_LAW.match(text[match.end():])
        if _AFTER_DOC_NUMBER.search(text[:match.start()]):
            law = None
        elif of_law:
            law = _law_key(of_law)
        elif previous and _CHAIN.match(text[previous[0]:match.start()]):
            law = previous[1]
        else:
            before = [key for _, end, key in mentions if end <= match.start()]
            law = before[-1] if before else unit.default_law or next(iter(unit.main_laws), None)
        previous = (match.end(), law)
        if law is not None:
            yield ArticleReference(unit.file, unit.field, law, _parse_numbers(match.group("nums")),
                                   match.group(0).strip(), gloss, echo, claim)


_SENTENCE_END = re.compile(r"[。！？!?]|(?<!\bArt)(?<!\bArts)(?<!\bNo)(?<!\bpara)(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)")
_CITED_IN_PARENS = re.compile(r"[(（][^()（）]{0,60}$")
_NAMED_JUST_BEFORE = re.compile(rf"(?:{_KNOWN})\s*[(（][^()（）]{{0,60}}$")


def _claims(text: str, refs: list[re.Match], glosses: list[str]) -> list[str]:
    """For each reference, the words it cites: "help with housing (Art. 27)" cites the words
    before it; "Art. 27 provides subsidies", "the Teachers Law (Art. 27) provides subsidies" and
    "Arts. 25 and 27: pay; subsidies" cite the words after it (a chain shares its last member's
    words). Neighbouring references and the end of the sentence bound them."""
    claims = [""] * len(refs)
    for index in range(len(refs) - 1, -1, -1):
        start, end = refs[index].start(), refs[index].end()
        low = refs[index - 1].end() if index else 0
        high = refs[index + 1].start() if index + 1 < len(refs) else len(text)
        if index + 1 < len(refs) and _CHAIN.match(text[end:high]):
            claims[index] = claims[index + 1]
            continue
        window = text[low:start]
        if _CITED_IN_PARENS.search(window) and not _NAMED_JUST_BEFORE.search(window):
            left = max((m.end() for m in _SENTENCE_END.finditer(text, low, start)), default=low)
            paren = max(text.rfind("(", left, start), text.rfind("（", left, start))
            claims[index] = f"{glosses[index]} {text[left:paren]}".strip()
        else:
            right = _SENTENCE_END.search(text, end, high)
            claims[index] = text[end: right.start() if right else high].strip()
    return claims


# -- the corpus as text units ------------------------------------------------------------------
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t]|\||#)")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d+\.)[ \t]")
_HEADING_LINE = re.compile(r"^(#{1,6})[ \t]")


def _chief_law(text: str, main_laws: tuple[str, ...] = ()) -> str | None:
    """The law a paragraph names most (the first named on a tie): what its list is about."""
    known = [key for _, _, key in law_mentions(" ".join(text.split()), main_laws) if key]
    counts = Counter(known)
    return max(known, key=lambda key: (counts[key], -known.index(key))) if known else None


def main_laws(text: str) -> tuple[str, ...]:
    """The laws ``text`` names, the most named first: what "the law" and a bare "Art. 45" mean
    where no nearer context says."""
    counts = Counter(_law_key(m) for m in _KNOWN_NAME.finditer(" ".join(text.split())))
    return tuple(key for key, _ in counts.most_common())


def body_units(file: str, raw: str) -> Iterator[TextUnit]:
    """Paragraphs, list items and table rows of a Markdown file (front matter left out), each
    with the law its context names: for a list item, its parent item or the paragraph that leads
    into the list; for a paragraph, the last paragraph before it that names one; else the
    nearest heading that names one; failing all, the law the document names most."""
    end_of_front = 0
    if raw.startswith("---"):
        close = raw.find("\n---", 3)
        end_of_front = raw.find("\n", close + 1) + 1 if close >= 0 else 0
    headings: list[tuple[int, str | None]] = []  # the heading chain: (level, law it names)
    lead: str | None = None                      # law of the paragraph leading into a list
    items: list[tuple[int, str | None]] = []     # open list items: (indent, law they name)
    mains = main_laws(raw[end_of_front:])
    position = end_of_front
    for block in _BLOCK_SPLIT.split(raw[end_of_front:]):
        start = raw.find(block, position)
        position = start + len(block)
        if not block.strip():
            continue
        stripped = block.strip("\n")
        law = _chief_law(stripped, mains)
        heading = _HEADING_LINE.match(stripped)
        item = _LIST_ITEM.match(stripped)
        section_law = next((key for _, key in reversed(headings) if key), None)
        if heading:
            level = len(heading.group(1))
            headings = [(lv, key) for lv, key in headings if lv < level] + [(level, law)]
            lead, items = None, []
        elif item:
            indent = len(item.group(1).expandtabs(4))
            items = [(i, key) for i, key in items if i < indent]
            parent = next((key for _, key in reversed(items) if key), None)
            default = parent or lead or section_law
            yield TextUnit(file, f"line {raw.count(chr(10), 0, start) + 1}", block, default, mains)
            items.append((indent, law))
        else:
            items = []
            default = lead or section_law
            yield TextUnit(file, f"line {raw.count(chr(10), 0, start) + 1}", block, default, mains)
            if law and not stripped.startswith("|"):
                lead = law


def yaml_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in parsed YAML, with where it sits ("entries[3].definition_zh")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from yaml_strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from yaml_strings(item, f"{path}.{key}" if path else str(key))


def front_matter_units(file: str, metadata: dict[str, Any]) -> Iterator[TextUnit]:
    for path, text in yaml_strings(metadata, ""):
        yield TextUnit(file, f"front matter {path}", text)


_LAW_OF_DOC = {law.summary_doc: law.key for law in LAWS}
_ID_FIELDS = ("id", "source", "locator", "related", "policy_basis", "precedents", "case")


def data_units(file: str, entries: Any, kind: str,
               source_laws: dict[str, tuple[str, ...]] | None = None) -> Iterator[TextUnit]:
    """One unit per string field of each entry of a YAML list (``measure x.basis_note``). An
    entry tied to exactly one law document (its ``source``, ``related`` or ``policy_basis``)
    takes that law for references that name none; a statement sourced to another document takes
    the laws that document names most (``source_laws``: document id → ``main_laws``)."""
    for entry in entries or []:
        if not isinstance(entry, dict):
            continue
        name = f"{kind} {entry.get('id', '?')}"
        ids = [str(v) for key in ("source", "related", "policy_basis")
               for v in (entry.get(key) if isinstance(entry.get(key), list) else [entry.get(key)])]
        laws = {_LAW_OF_DOC[i] for i in ids if i in _LAW_OF_DOC}
        default = laws.pop() if len(laws) == 1 else None
        for key, value in entry.items():
            if key in _ID_FIELDS:
                continue  # ids and locators, not prose
            for path, text in yaml_strings(value, str(key)):
                yield TextUnit(file, f"{name}.{path}", text, default,
                               (source_laws or {}).get(str(entry.get("source")), ()))


def corpus_units(corpus: Path) -> Iterator[TextUnit]:
    """Every piece of prose outside ``corpus/laws/`` that may cite an article."""
    from assistant.corpus import FOLDER_TYPES, load_documents

    documents, _ = load_documents(corpus)
    source_laws = {doc.id: main_laws(doc.body) for doc in documents}
    for doc in documents:
        if doc.path.parent.name == "laws" or doc.path.parent.name not in FOLDER_TYPES:
            continue
        file = str(doc.path.relative_to(corpus))
        yield from front_matter_units(file, doc.metadata)
        yield from body_units(file, doc.path.read_text(encoding="utf-8"))
    for name, kind in (("measures.yaml", "measure"), ("glossary.yaml", "entry")):
        path = corpus / name
        if path.is_file():
            yield from data_units(name, yaml.safe_load(path.read_text("utf-8")), kind)
    for path in knowledge_files(corpus):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        entries = data.get("statements") if isinstance(data, dict) else data
        yield from data_units(str(path.relative_to(corpus)), entries, "statement", source_laws)


def corpus_references(corpus: Path) -> list[ArticleReference]:
    return [ref for unit in corpus_units(corpus) for ref in find_references(unit)]


# -- the check ---------------------------------------------------------------------------------
def check_reference(ref: ArticleReference, statutes: Statutes) -> list[str]:
    """What is wrong with one reference (empty when nothing is)."""
    known = statutes.articles[ref.law]
    problems = [f"Article {n} does not exist (the statute has {max(known)} articles)"
                for n in ref.articles if n not in known]
    if problems:
        return problems
    if ref.echo and set(ref.echo) != set(ref.articles):
        problems.append(f"the Chinese number 第{to_chinese_number(ref.echo[0])}条 does not match")
    if ref.gloss:
        problem = statutes.gloss_problem(ref.law, ref.articles, ref.gloss)
        if problem:
            problems.append(f"gloss '{ref.gloss}': {problem}")
    return problems


def check_article_references(corpus: Path, statutes_dir: Path = DEFAULT_STATUTES_DIR
                             ) -> list[ArticleProblem]:
    """Every article reference outside ``corpus/laws/`` that names a missing article or whose
    gloss does not fit the article; raises FileNotFoundError when a statute file is missing."""
    statutes = load_statutes(statutes_dir, corpus)
    return [ArticleProblem(ref, message) for ref in corpus_references(corpus)
            for message in check_reference(ref, statutes)]

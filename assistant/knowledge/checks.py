"""The rules a statement must keep (corpus/README.md, "Knowledge statements"): its source and
section exist, and every number and article reference it makes is in that section."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from assistant.article_numbers import article_numbers
from assistant.knowledge.sections import Section, chinese_mirror, locate
from assistant.knowledge.statements import ACTORS, ASPECTS, KINDS, Statement, load_statements
from assistant.vocabulary import LEGAL_TYPES

AREAS = ("planning", "funding", "teachers", "facilities", "admission-equity", "quality-digital",
         "supervision-accountability")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LEAKS = re.compile(r"\b(?:law|reg|pol|std|case|ana)-[a-z0-9]+(?:-[a-z0-9]+)+\b|\[S\d+[a-z]?\]"
                    r"|\bcorpus/|\.ya?ml\b|\.md\b")
_ARTICLE_REF = re.compile(r"\bArt(?:icle|s?\.)|第[一二三四五六七八九十百零〇两\d]+条")


@dataclass(frozen=True)
class SourceText:
    """What a statement may be checked against: its section, the Chinese mirror of it (or, for a
    document without a Chinese body, its Chinese summary) and the document's own title, 文号 and
    date, which every citation shows."""

    english: Section
    chinese: Section | None
    context: str = ""

    @property
    def text(self) -> str:
        return "\n".join([self.english.text, self.chinese.text if self.chinese else "",
                          self.context])


_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?",
                    re.IGNORECASE)
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*(bn|billion|m|million)\b", re.IGNORECASE)


def numbers_in(text: str) -> set[str]:
    """Numbers as digit strings with thousands separators removed ("2,500" → "2500")."""
    found = set()
    for match in _NUMBER.finditer(text):
        value = re.sub(r",(?=\d{3}\b)", "", match.group(0)).rstrip(".,")
        found.add(value)
    return found


def _plain(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def numbers_said(text: str) -> set[str]:
    """The numbers of ``text`` and the same amounts as a Chinese reader writes them: month names
    as month numbers ("Oct" → 10), billions in 亿 (¥7.1bn → 71), millions in 万 (1.3 million
    → 130) or in 亿 (¥328m → 3.28)."""
    found = numbers_in(text)
    found |= {str(_MONTHS[m.group(1).lower()]) for m in _MONTH.finditer(text)}
    for number, unit in _SCALED.findall(text.replace(",", "")):
        # ¥7.1bn = 71亿元; 1.3 million = 130万; ¥328m = 3.28亿元
        factors = (10,) if unit.lower() in ("bn", "billion") else (100, 0.01)
        found |= {_plain(float(number) * factor) for factor in factors}
    return found


def source_text(statement: Statement, bodies: dict[str, str],
                metadata: dict[str, str] | None = None) -> SourceText | None:
    """Where ``statement`` is located; ``metadata`` maps document ids to their title, 文号 and
    date as one string."""
    body = bodies.get(statement.source)
    if body is None:
        return None
    english = locate(body, statement.locator)
    if english is None:
        return None
    chinese = chinese_mirror(body, english)
    context = (metadata or {}).get(statement.source, "")
    if chinese is None and not re.search(r"^## 中文\s*$", body, re.MULTILINE):
        summary = re.search(r"^## 中文摘要\s*$(.*?)(?=^## |\Z)", body, re.MULTILINE | re.DOTALL)
        context += "\n" + (summary.group(1) if summary else "")
    return SourceText(english, chinese, context)


def check_statement(statement: Statement, bodies: dict[str, str],
                    doc_types: dict[str, str], metadata: dict[str, str] | None = None
                    ) -> list[str]:
    """Every problem of one statement, as messages."""
    problems = []
    if not _ID.match(statement.id):
        problems.append("id: use lowercase letters, digits and '-'")
    if statement.kind not in KINDS:
        problems.append(f"kind: '{statement.kind}' is not one of {list(KINDS)}")
    if statement.kind == "duty":
        for actor in statement.actors or (None,):
            if actor not in ACTORS:
                problems.append(f"actor: '{actor}' is not one of {sorted(ACTORS)}")
        if statement.area not in AREAS:
            problems.append(f"area: '{statement.area}' is not one of {list(AREAS)}")
    if statement.kind in ASPECTS and statement.aspect not in ASPECTS[statement.kind]:
        problems.append(f"aspect: '{statement.aspect}' is not one of {list(ASPECTS[statement.kind])}")
    if statement.kind == "case" and statement.case not in doc_types:
        problems.append(f"case: '{statement.case}' is not a corpus document")
    if statement.certainty not in ("verified", "unconfirmed"):
        problems.append("certainty: use 'unconfirmed' or leave it out")
    for key, value in (("text", statement.text), ("text_zh", statement.text_zh)):
        leak = _LEAKS.search(value)
        if leak:
            problems.append(f"{key}: names '{leak.group(0)}' — use the document's title instead")
    if not re.search(r"[\u4e00-\u9fff]", statement.text_zh):
        problems.append("text_zh: not Chinese")
    if statement.source not in doc_types:
        return problems + [f"source: '{statement.source}' is not a corpus document"]
    legal = doc_types[statement.source] in LEGAL_TYPES
    if not legal and re.match(r"(?i)^(art|第.+条)", statement.locator):
        problems.append("locator: theses, cases and policies are cited by section, not article")
    found = source_text(statement, bodies, metadata)
    if found is None:
        return problems + [f"locator: '{statement.locator}' is not a heading of {statement.source}"]
    haystack = numbers_said(found.text)
    for key, value in (("text", statement.text), ("text_zh", statement.text_zh)):
        without_articles = _ARTICLE_REF.sub(" ", re.sub(r"(?i)\bArt(?:icle|s?\.)\s*[\d, and&]+",
                                                        " ", value))
        missing = sorted(numbers_in(without_articles) - haystack)
        if missing:
            problems.append(f"{key}: number(s) {', '.join(missing)} not in section "
                            f"'{found.english.title}'")
        named = article_numbers(found.english.title) if legal else set()
        stray = sorted(article_numbers(value) - named - article_numbers(found.text))
        if stray:
            problems.append(f"{key}: article(s) {', '.join(map(str, stray))} neither the located "
                            "article nor named in its section")
    return problems


def document_context(metadata: dict) -> str:
    """The parts of a document's front matter every citation of it shows."""
    return " ".join(str(metadata.get(key) or "") for key in ("title", "title_zh", "doc_number",
                                                             "date"))


def validate_statements(corpus: Path) -> list[tuple[str, str, str]]:
    """Every problem in ``corpus/knowledge`` as (file, statement id, message)."""
    from assistant.corpus_documents import load_documents

    documents, _ = load_documents(corpus)
    bodies = {doc.id: doc.body for doc in documents}
    doc_types = {doc.id: str(doc.metadata.get("doc_type")) for doc in documents}
    metadata = {doc.id: document_context(doc.metadata) for doc in documents}
    statements, problems = load_statements(corpus)
    counts = Counter(s.id for s in statements)
    for statement in statements:
        if counts[statement.id] > 1:
            problems.append((statement.file, statement.id, "id used more than once"))
        problems += [(statement.file, statement.id, message)
                     for message in check_statement(statement, bodies, doc_types, metadata)]
    return problems

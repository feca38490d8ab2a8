"""The corpus as data: schema validation (errors name the file and the field) and a report.

The schema is documented in corpus/README.md; this module is what enforces it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from assistant.corpus_documents import (
    CHINESE_BODY,
    CHINESE_SUMMARY,
    CorpusDocument,
    Problem,
    _rel,
    document_paths,
    load_documents,
)
from assistant.knowledge.sections import document_sections
from assistant.language import cjk_count
from assistant.vocabulary import (
    DOC_TYPES,
    FOLDER_TYPES,
    GOVERNMENT_LEVELS,
    RESPONSIBILITY_AREAS,
    TOPICS,
)

# read by tests and scripts from here; defined in corpus_documents
__all__ = ["CorpusDocument", "Problem", "corpus_report", "document_paths", "load_documents",
           "validate_corpus"]

# Chinese readers get the title and issuer in Chinese (the 文号 is Chinese already).
REQUIRED = ("id", "title", "title_zh", "doc_type", "issuer", "issuer_zh", "level", "region",
            "topics", "sources", "certainty")
FRONT_MATTER_FIELDS = (*REQUIRED, "doc_number", "date", "responsibility_areas",
                       "unconfirmed", "commentary")
# `unconfirmed` lists fields whose values our sources do not confirm; identity, provenance and the
# list itself cannot be among them.
CONFIRMABLE_FIELDS = tuple(f for f in FRONT_MATTER_FIELDS
                           if f not in ("id", "doc_type", "sources", "certainty", "unconfirmed",
                                         "commentary"))
# `commentary` (laws, policies, standards) lists the headings of the sections that are our reading
# of the document, not a summary of its text; a statement located there is cited as commentary.
COMMENTED_TYPES = ("law", "regulation", "policy", "standard")
NEEDS_CHINESE_BODY = {"law", "regulation", "policy", "standard", "case"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def validate_document(doc: CorpusDocument, corpus: Path) -> list[Problem]:
    meta, name = doc.metadata, _rel(doc.path, corpus)
    problems = [Problem(name, key, "required field is missing or empty")
                for key in REQUIRED if meta.get(key) in (None, "", [])]

    def bad(field: str, message: str) -> None:
        problems.append(Problem(name, field, message))

    if meta.get("id") and not _ID.match(str(meta["id"])):
        bad("id", "use a lowercase slug of letters, digits and '-'")
    if meta.get("id") and doc.path.stem != meta["id"]:
        bad("id", f"must equal the file name without .md ('{doc.path.stem}')")
    doc_type = meta.get("doc_type")
    if doc_type and doc_type not in DOC_TYPES:
        bad("doc_type", f"'{doc_type}' is not one of {sorted(DOC_TYPES)}")
    folder = doc.path.parent.name
    if doc_type in DOC_TYPES and doc_type not in FOLDER_TYPES.get(folder, set()):
        bad("doc_type", f"'{doc_type}' does not belong in {folder}/")
    if meta.get("level") and meta["level"] not in GOVERNMENT_LEVELS:
        bad("level", f"'{meta['level']}' is not one of {sorted(GOVERNMENT_LEVELS)}")
    date = meta.get("date")
    if date is None:
        # Only a case may lack a date, and then it must say the date is not documented.
        if doc_type != "case" or "date" not in str(meta.get("certainty", "")).lower():
            bad("date", "required (ISO date or year); a case without a documented date must say so "
                        "in `certainty`")
    elif not _DATE.match(str(date)):
        bad("date", f"'{date}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    for key, allowed in (("topics", TOPICS), ("responsibility_areas", RESPONSIBILITY_AREAS)):
        values = meta.get(key) or []
        if not isinstance(values, list):
            bad(key, "must be a list")
            continue
        for value in values:
            if value not in allowed:
                bad(key, f"'{value}' is not one of {sorted(allowed)}")
    if doc_type == "case" and not meta.get("responsibility_areas"):
        bad("responsibility_areas", "required for cases")
    if not isinstance(meta.get("sources", []), list):
        bad("sources", "must be a list of source descriptions")
    # A misspelt field ("unconfirmd") would silently drop what it says; name it instead.
    problems += [Problem(name, key, f"unknown front-matter field; use one of {list(FRONT_MATTER_FIELDS)}")
                 for key in meta if key not in FRONT_MATTER_FIELDS]
    problems += _unconfirmed_problems(meta, name)
    problems += _commentary_problems(doc, name)
    summary = doc.chinese_summary
    if not summary.strip():
        bad(CHINESE_SUMMARY, "every document needs a Chinese summary section")
    else:
        sentences = [s for s in re.split(r"[。！？]", summary) if cjk_count(s) >= 4]
        if not 3 <= len(sentences) <= 8:
            bad(CHINESE_SUMMARY, f"has {len(sentences)} sentences; write 3–8")
    if doc_type in NEEDS_CHINESE_BODY and cjk_count(doc.chinese_body) < 300:
        bad(CHINESE_BODY, "needs a Chinese body (at least 300 characters) before the summary")
    if len(re.findall(r"^# ", doc.body, re.MULTILINE)) != 1:
        bad("body", "needs exactly one H1 title")
    return problems


def _commentary_problems(doc: CorpusDocument, name: str) -> list[Problem]:
    """``commentary`` names sections of a law, policy or standard, each by its exact heading."""
    value = doc.metadata.get("commentary")
    if value is None:
        return []
    if doc.metadata.get("doc_type") not in COMMENTED_TYPES:
        return [Problem(name, "commentary", f"only {list(COMMENTED_TYPES)} documents mark "
                                           "commentary sections; the others are ours throughout")]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return [Problem(name, "commentary", "must be a non-empty list of section headings")]
    headings = {s.title for s in document_sections(doc.body) if not s.in_chinese_body}
    return [Problem(name, "commentary", f"'{v}' is not the heading of a section of this document "
                                        "(write it exactly as after the ## or ###)")
            for v in value if v not in headings]


def _unconfirmed_problems(meta: dict[str, Any], name: str) -> list[Problem]:
    """``unconfirmed`` is a list of front-matter fields that this document fills in, and an
    unconfirmed document number is also explained in ``certainty``."""
    value = meta.get("unconfirmed")
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        return [Problem(name, "unconfirmed", "must be a non-empty list of field names, "
                                             "e.g. [doc_number]")]
    problems = []
    for field_name in value:
        if field_name not in CONFIRMABLE_FIELDS:
            problems.append(Problem(name, "unconfirmed", f"'{field_name}' is not a front-matter field "
                                    f"that can be unconfirmed; use one of {list(CONFIRMABLE_FIELDS)}"))
        elif meta.get(field_name) in (None, "", []):
            problems.append(Problem(name, "unconfirmed", f"'{field_name}' has no value here; remove "
                                    "it from the list or fill it in"))
    number = meta.get("doc_number")
    if "doc_number" in value and number and str(number) not in str(meta.get("certainty", "")):
        problems.append(Problem(name, "certainty", f"must say why {number} is unconfirmed "
                                "(`unconfirmed` lists doc_number)"))
    return problems


def validate_corpus(corpus: Path) -> list[Problem]:
    """Every problem found in the corpus folder; an empty list means it is valid."""
    documents, problems = load_documents(corpus)
    ids = Counter(doc.id for doc in documents)
    for doc in documents:
        problems += validate_document(doc, corpus)
        if ids[doc.id] > 1:
            problems.append(Problem(_rel(doc.path, corpus), "id", f"'{doc.id}' is used twice"))
    known = set(ids)
    problems += validate_standards(corpus, {d.id: d for d in documents})
    problems += validate_glossary(corpus, known)
    problems += validate_measures(corpus, known, {d.id for d in documents
                                                  if d.metadata.get("doc_type") == "case"})
    problems += _knowledge_problems(corpus)
    return problems


def _knowledge_problems(corpus: Path) -> list[Problem]:
    from assistant.knowledge import comparisons, explanations
    from assistant.knowledge.checks import validate_statements

    problems = [Problem(file, ident, message)
                for file, ident, message in validate_statements(corpus)]
    for module, check in ((explanations, explanations.explanation_problems),
                          (comparisons, comparisons.comparison_problems)):
        problems += [Problem(f"knowledge/{module.FILE}", ident, message)
                     for ident, message in check(corpus)]
    return problems


# -- data files ---------------------------------------------------------------------------------
def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def standards_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "standards").glob("*.yaml"))


def number_forms(value: float) -> set[str]:
    """Ways a threshold may be written in prose: 0.5 as 0.5 or 0.50, 2000 as 2000 or 2,000."""
    forms = {f"{value:g}", f"{value:.2f}", f"{value:.1f}"}
    if float(value).is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    return forms


def mentions_number(text: str, value: float) -> bool:
    return any(re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])", text) for form in number_forms(value))


def validate_standards(corpus: Path, documents: dict[str, CorpusDocument]) -> list[Problem]:
    problems: list[Problem] = []
    for path in standards_files(corpus):
        name = _rel(path, corpus)
        data = load_yaml(path) or {}
        seen: set[str] = set()
        for position, item in enumerate(data.get("indicators") or [], start=1):
            where = f"indicators[{position}]"
            for key in ("id", "name", "name_zh", "unit", "comparison", "source"):
                if not item.get(key):
                    problems.append(Problem(name, f"{where}.{key}", "required"))
            if item.get("id") in seen:
                problems.append(Problem(name, f"{where}.id", f"'{item.get('id')}' is used twice"))
            seen.add(item.get("id"))
            if item.get("comparison") not in (">=", "<=", ">", "<"):
                problems.append(Problem(name, f"{where}.comparison", "use >=, <=, > or <"))
            source = documents.get(item.get("source"))
            if source is None:
                problems.append(Problem(name, f"{where}.source", f"unknown document '{item.get('source')}'"))
                continue
            for level in ("primary", "junior"):
                value = item.get(level)
                if value is None:
                    continue
                if not isinstance(value, (int, float)):
                    problems.append(Problem(name, f"{where}.{level}", "must be a number or null"))
                elif not mentions_number(source.body, value):
                    problems.append(Problem(name, f"{item['id']}.{level}",
                                            f"{value} does not appear in {item['source']}"))
        problems += _table_agrees(corpus, data, documents)
    return problems


def _table_agrees(corpus: Path, data: dict, documents: dict[str, CorpusDocument]) -> list[Problem]:
    """Where the source document has a thresholds table with an `id` column, its values must
    equal the YAML's, row by row, and cover every YAML indicator."""
    source = documents.get(data.get("source_doc"))
    if source is None:
        return []
    rows = markdown_table_rows(source.body, required_columns=("id", "primary", "junior"))
    if not rows:
        return []
    name = _rel(source.path, corpus)
    problems = []
    by_id = {item["id"]: item for item in data.get("indicators") or []}
    for row in rows:
        item = by_id.get(row["id"])
        if item is None:
            problems.append(Problem(name, f"table row {row['id']}", "not in the standards YAML"))
            continue
        for level in ("primary", "junior"):
            if _cell_number(row[level]) != (None if item.get(level) is None else float(item[level])):
                problems.append(Problem(name, f"table row {row['id']}.{level}",
                                        f"'{row[level]}' differs from the YAML value {item.get(level)}"))
    missing = set(by_id) - {row["id"] for row in rows}
    problems += [Problem(name, "thresholds table", f"no row for '{i}'") for i in sorted(missing)]
    return problems


def markdown_table_rows(text: str, required_columns: tuple[str, ...]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            if not all(col in header for col in required_columns):
                header = []
            continue
        if not header or set(line) <= set("|-: "):
            continue
        rows.append(dict(zip(header, cells)))
    return rows


def _cell_number(cell: str) -> float | None:
    match = re.search(r"-?\d[\d,]*(?:\.\d+)?", cell or "")
    return float(match.group(0).replace(",", "")) if match else None


def validate_glossary(corpus: Path, known_ids: set[str]) -> list[Problem]:
    path = corpus / "glossary.yaml"
    if not path.is_file():
        return [Problem("glossary.yaml", "file", "missing")]
    entries = load_yaml(path) or []
    problems, seen = [], set()
    for position, entry in enumerate(entries, start=1):
        where = f"entry {position} ({entry.get('id', '?')})"
        for key in ("id", "en", "zh", "definition"):
            if not entry.get(key):
                problems.append(Problem("glossary.yaml", f"{where}.{key}", "required"))
        if entry.get("id") in seen:
            problems.append(Problem("glossary.yaml", f"{where}.id", "used twice"))
        seen.add(entry.get("id"))
        if entry.get("zh") and not cjk_count(str(entry["zh"])):
            problems.append(Problem("glossary.yaml", f"{where}.zh", "must be Chinese"))
        for ref in entry.get("related") or []:
            if ref not in known_ids:
                problems.append(Problem("glossary.yaml", f"{where}.related", f"unknown document '{ref}'"))
    return problems


MEASURE_FIELDS = ("id", "name", "name_zh", "area", "addresses", "description", "description_zh",
                  "policy_basis", "acting_level", "actors", "time_frame", "risks")


def validate_measures(corpus: Path, known_ids: set[str], case_ids: set[str]) -> list[Problem]:
    path = corpus / "measures.yaml"
    if not path.is_file():
        return [Problem("measures.yaml", "file", "missing")]
    indicator_ids = {item["id"] for f in standards_files(corpus)
                     for item in (load_yaml(f) or {}).get("indicators") or []}
    flags = problem_flags(corpus)
    problems, seen = [], set()
    for position, measure in enumerate(load_yaml(path) or [], start=1):
        where = f"measure {position} ({measure.get('id', '?')})"
        for key in MEASURE_FIELDS:
            if measure.get(key) in (None, "", []):
                problems.append(Problem("measures.yaml", f"{where}.{key}", "required"))
        if measure.get("id") in seen:
            problems.append(Problem("measures.yaml", f"{where}.id", "used twice"))
        seen.add(measure.get("id"))
        if measure.get("area") not in RESPONSIBILITY_AREAS:
            problems.append(Problem("measures.yaml", f"{where}.area", f"'{measure.get('area')}' is "
                                    "not a responsibility area"))
        if measure.get("acting_level") not in GOVERNMENT_LEVELS:
            problems.append(Problem("measures.yaml", f"{where}.acting_level", "not a level"))
        for target in measure.get("addresses") or []:
            if target not in indicator_ids and target not in flags:
                problems.append(Problem("measures.yaml", f"{where}.addresses",
                                        f"'{target}' is neither an indicator id nor a problem flag"))
        for target in measure.get("mainly") or []:
            if target not in (measure.get("addresses") or []):
                problems.append(Problem("measures.yaml", f"{where}.mainly",
                                        f"'{target}' is not among the problems it addresses"))
        for ref in measure.get("verdict_sources") or []:
            if ref not in known_ids:
                problems.append(Problem("measures.yaml", f"{where}.verdict_sources",
                                        f"unknown document '{ref}'"))
        for ref in measure.get("policy_basis") or []:
            if ref not in known_ids or ref in case_ids:
                problems.append(Problem("measures.yaml", f"{where}.policy_basis",
                                        f"'{ref}' is not a law, policy or standard document"))
        for ref in measure.get("precedents") or []:
            if ref not in case_ids:
                problems.append(Problem("measures.yaml", f"{where}.precedents", f"'{ref}' is not a case"))
    return problems


def problem_flags(corpus: Path) -> set[str]:
    """The problem flags listed in corpus/README.md (the vocabulary measures may address)."""
    text = (corpus / "README.md").read_text(encoding="utf-8")
    section = text.split("Problem flags", 1)[-1].split("##", 1)[0]
    return set(re.findall(r"`([a-z_]+)`", section))


# -- report -------------------------------------------------------------------------------------
def corpus_report(corpus: Path, chunk_words: int = 200) -> dict[str, Any]:
    """Documents per type, English words, Chinese characters and chunks."""
    from assistant.ingest.pipeline import content_hash, prepare

    documents, _ = load_documents(corpus)
    per_type: Counter = Counter()
    words: Counter = Counter()
    chunks = 0
    chinese = 0
    body_chinese: Counter = Counter()
    for doc in documents:
        doc_type = str(doc.metadata.get("doc_type"))
        per_type[doc_type] += 1
        words[doc_type] += doc.english_words
        chinese += cjk_count(doc.chinese_summary)
        body_chinese[doc_type] += cjk_count(doc.chinese_body)
        data = doc.path.read_bytes()
        chunks += len(prepare(doc.path, data, content_hash(data, ""), "corpus", chunk_words).chunks)
    glossary = load_yaml(corpus / "glossary.yaml") if (corpus / "glossary.yaml").is_file() else []
    measures = load_yaml(corpus / "measures.yaml") if (corpus / "measures.yaml").is_file() else []
    return {"documents": len(documents), "documents_per_type": dict(sorted(per_type.items())),
            "english_words": sum(words.values()), "english_words_per_type": dict(sorted(words.items())),
            "chinese_summary_characters": chinese, "chunks": chunks,
            "chinese_body_characters": sum(body_chinese.values()),
            "chinese_body_characters_per_type": dict(sorted(body_chinese.items())),
            "glossary_entries": len(glossary or []), "measures": len(measures or []),
            "statements": _statement_counts(corpus)}


def _statement_counts(corpus: Path) -> dict[str, Any]:
    """Statements by kind, and how many carry text in each language."""
    from assistant.knowledge import load_statements

    statements, _ = load_statements(corpus)
    return {"total": len(statements),
            "by_kind": dict(sorted(Counter(s.kind for s in statements).items())),
            "english": sum(1 for s in statements if s.text.strip()),
            "chinese": sum(1 for s in statements if cjk_count(s.text_zh) > 0),
            "chinese_characters": sum(cjk_count(s.text_zh) for s in statements)}

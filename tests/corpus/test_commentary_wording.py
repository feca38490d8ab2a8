"""A statement is cited to its own document already: its text does not name that document again
in a closing bracket ("… (Measures for quality-balance evaluation, 2017)", "……（国发〔2016〕40号）。"),
whether it is a commentary section (our reading) or the document's text. A bracket holding an
article or naming another document is attribution and stays. And a
document's text does not say that a fact "has also been verified" (也已经核实) — the editor's
note, filtered at render but still written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from assistant.config import DEFAULT_CORPUS_DIR

CORPUS = Path(DEFAULT_CORPUS_DIR)
_EN_TAIL = re.compile(r"\(([^()]*)\)\.$")
_ZH_TAIL = re.compile(r"（((?:[^（）]|（[^（）]*）)*)）。$")


def _front_matter() -> dict[str, dict]:
    docs = {}
    for path in CORPUS.rglob("*.md"):
        text = path.read_text("utf-8")
        if text.startswith("---"):
            meta = yaml.safe_load(text.split("---", 2)[1])
            if isinstance(meta, dict) and "id" in meta:
                docs[meta["id"]] = meta
    return docs


_ARTICLE = re.compile(r"\bArts?\.|\bArticles?\s+\d|第[一二三四五六七八九十百]+条")
_EN_DOCUMENT = re.compile(r"\b(opinions|notice|measures|outline|plan|decision)\b", re.IGNORECASE)
_ZH_DOCUMENT = re.compile(r"(意见|通知|办法|纲要|计划|决定)$")
_GENERIC = {"state", "council", "general", "office", "ministry", "education", "compulsory", "rural", "urban",
            "opinions", "notice", "measures", "outline", "decision", "guiding", "china", "national"}
_QUOTES = str.maketrans({"“": '"', "”": '"'})


def own_document_tail(text: str, meta: dict, zh: bool) -> str | None:
    """The closing bracket of ``text`` when it names the statement's own document (its 文号,
    its Chinese title, or its English title words with its year); None otherwise. A bracket
    holding an article ("(Art. 49)", "(Compulsory Education Law Article 15)") is a legal basis,
    not the document named again."""
    text = " ".join(text.split()) if not zh else "".join(text.split())
    match = (_ZH_TAIL if zh else _EN_TAIL).search(text.strip())
    if not match:
        return None
    inside = match.group(1)
    if _ARTICLE.search(inside):
        return None
    number, year = str(meta.get("doc_number") or ""), str(meta.get("date", ""))[:4]
    if number and number in inside:
        return inside
    dated = bool(year) and year in inside
    if zh:
        title = str(meta.get("title_zh", "")).translate(_QUOTES)
        named = [name.translate(_QUOTES) for name in re.findall(r"《([^《》]+)》", inside)]
        if any(name in title or title in name or name[:6] == title[:6] for name in named if title):
            return inside
        words = re.sub(r"[《》，、\s]|\d+年?", "", inside)
        return inside if dated and _ZH_DOCUMENT.search(words) else None
    title_words = set(re.findall(r"[a-z]{5,}", str(meta.get("title", "")).lower())) - _GENERIC
    named = dated or bool(title_words & set(re.findall(r"[a-z]{5,}", inside.lower())))
    return inside if _EN_DOCUMENT.search(inside) and named else None


def test_a_statement_does_not_name_its_own_document_again():
    docs = _front_matter()
    found = []
    for path in sorted((CORPUS / "knowledge").glob("*.yaml")):
        for statement in yaml.safe_load(path.read_text("utf-8")).get("statements") or []:
            meta = docs.get(statement.get("source"), {})
            for key, zh in (("text", False), ("text_zh", True)):
                if (tail := own_document_tail(statement.get(key, ""), meta, zh)):
                    found.append((statement["id"], key, tail))
    assert not found, found


def test_the_tail_check_finds_the_own_document_and_keeps_an_article():
    meta = {"doc_number": "教督〔2017〕6号", "date": "2017-04-26",
            "title_zh": "县域义务教育优质均衡发展督导评估办法"}
    assert own_document_tail("Each indicator must pass (Measures for quality-balance evaluation, 2017).",
                             meta, False)
    assert own_document_tail("每项指标都须单独达标（《县域义务教育优质均衡发展督导评估办法》，2017年）。", meta, True)
    assert own_document_tail("Funds may not be diverted (Art. 49).", meta, False) is None
    assert own_document_tail("不得挪用（第四十九条）。", meta, True) is None


def test_the_tail_check_keeps_another_document_and_an_undated_source():
    meta = {"doc_number": "教科信〔2020〕3号", "date": "2020-03", "title_zh": '教育部关于加强"三个课堂"应用的指导意见',
            "title": 'Ministry of Education Guiding Opinions on Strengthening the Use of the "Three Classrooms" (2020)'}
    assert own_document_tail("Schools must use them (Ministry of Education guiding opinions on the three classrooms).",
                             meta, False)
    assert own_document_tail("学校应当常态化应用（教育部《关于加强“三个课堂”应用的指导意见》）。", meta, True)
    assert own_document_tail("Class size is planned (Compulsory Education Law Article 15).", meta, False) is None
    assert own_document_tail("Counties were recognised (decision 国教督〔2022〕1号).", meta, False) is None
    assert own_document_tail("标准更高（《义务教育法》，2006年）。", meta, True) is None
    undated = {"title": "District L thesis"}
    assert own_document_tail("It was judged on a scale (4 areas, 17 indicators).", undated, False) is None


def test_no_document_says_a_fact_has_also_been_verified():
    found = [(path.name, line.strip()[:80]) for path in sorted(CORPUS.rglob("*.md"))
             for line in path.read_text("utf-8").splitlines()
             if re.search(r"也已(经)?核实[。；]|\bhas also been verified\b", line)]
    assert not found, found

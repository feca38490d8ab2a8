"""A statement of our reading of a document (a commentary section such as "What it means for
county governments") is cited to that document already: its text does not name the document
again in a closing bracket ("… (Measures for quality-balance evaluation, 2017)"). And a
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


def own_document_tail(text: str, meta: dict, zh: bool) -> str | None:
    """The closing bracket of ``text`` when it names the statement's own document (its 文号,
    its Chinese title, or its English title words with its year); None otherwise. A bracket
    holding an article ("(Art. 49)") is a legal basis, not the document named again."""
    text = " ".join(text.split()) if not zh else "".join(text.split())
    match = (_ZH_TAIL if zh else _EN_TAIL).search(text.strip())
    if not match:
        return None
    inside = match.group(1)
    if re.search(r"\bArts?\.|第[一二三四五六七八九十百]+条", inside):
        return None
    number, year = str(meta.get("doc_number") or ""), str(meta.get("date", ""))[:4]
    if number and number in inside:
        return inside
    if zh:
        return inside if "《" in inside and (year in inside or meta.get("title_zh", "")[:6] in inside) else None
    named = year in inside or re.search(r"\b(opinions|notice|measures|outline|plan)\b", inside, re.IGNORECASE)
    return inside if named and len(inside) > 12 else None


def test_a_commentary_statement_does_not_name_its_own_document_again():
    docs = _front_matter()
    found = []
    for path in sorted((CORPUS / "knowledge").glob("*.yaml")):
        for statement in yaml.safe_load(path.read_text("utf-8")).get("statements", []):
            meta = docs.get(statement.get("source"), {})
            if statement.get("locator") not in (meta.get("commentary") or []):
                continue
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


def test_no_document_says_a_fact_has_also_been_verified():
    found = [(path.name, line.strip()[:80]) for path in sorted(CORPUS.rglob("*.md"))
             for line in path.read_text("utf-8").splitlines()
             if re.search(r"也已(经)?核实[。；]|\bhas also been verified\b", line)]
    assert not found, found

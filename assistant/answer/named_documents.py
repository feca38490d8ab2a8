"""Which corpus document a phrase names: "the Education Law", "国发〔2015〕67号", "the 2013
weak-school improvement programme", "浙江省义务教育条例".

A comparison of two documents must fill each column from that document alone; this module only
says which document a side of the question means (or none, when the phrase is not clearly one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

NAMED_TYPES = ("law", "regulation", "policy", "standard")
MIN_SHARED = 2        # words (or Chinese word pairs) a loose name must share with a title
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕",
                           "【": "〔", "】": "〕"})
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
# Words every title has, or that describe any document: they tell no title from another.
_COMMON = {"the", "of", "on", "and", "for", "in", "to", "with", "from", "by", "within", "a",
           "people's", "republic", "china", "text", "state", "council", "general", "office",
           "ministry", "education", "compulsory", "educational", "national", "document",
           "amended", "consolidated", "revision", "further", "several", "concerning", "about"}
# A loose name must say it is a document: a year or a word for one ("the 2013 programme",
# "the rural teacher support plan"); "basic balance" and "teacher rotation" are topics.
_DOCUMENT_WORD = re.compile(r"\b(laws?|regulations?|rules|opinions?|notice|decision|plan|outline|"
                            r"measures|guidance|guidelines|programme|program|standards?|"
                            r"documents?|circular)\b|法|条例|意见|通知|决定|办法|纲要|计划|规划|文件|标准")
_COMMON_ZH = {"国务", "务院", "办公", "公厅", "关于", "意见", "通知", "义务", "务教", "教育",
              "中华", "华人", "人民", "民共", "共和", "和国", "进一", "一步", "指导", "导意"}


def _plain(title: str) -> str:
    """A title without its bracketed notes and the state's name: "Education Law", "教育法"."""
    title = re.sub(r"[（(][^）)]*[）)]", "", title)
    title = re.sub(r"\s+of the People's Republic of China", "", title, flags=re.IGNORECASE)
    return title.replace("中华人民共和国", "").strip()


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return {w[:5] for part in words for w in part.split("-")
            if len(w) >= 3 and w not in _COMMON and w.rstrip("s") not in _COMMON}


def _pairs(text: str) -> set[str]:
    pairs = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        pairs.update(run[i:i + 2] for i in range(len(run) - 1))
    return pairs - _COMMON_ZH


def _year(meta: Mapping) -> str:
    match = _YEAR.search(str(meta.get("date", "")))
    return match.group(0) if match else ""


def _exact_names(meta: Mapping) -> list[str]:
    """Names a law or regulation goes by in full (the longest one a phrase holds wins:
    "Compulsory Education Law" over "Education Law")."""
    names = []
    if meta.get("doc_type") in ("law", "regulation"):
        names += [_plain(str(meta.get("title", ""))), _plain(str(meta.get("title_zh", "")))]
    # a programme's Chinese short name kept in its English title: ("全面改薄", 2013)
    names += re.findall(r"[\"“]([\u4e00-\u9fff]{3,})[\"”]", str(meta.get("title", "")))
    return [n for n in names if len(n) >= 3]


def named_document(phrase: str, documents: Mapping[str, Mapping]) -> str | None:
    """The id of the one document of ``documents`` (id → front matter) that ``phrase`` names,
    by its document number, its name, or — loosely — its title's words and year."""
    text = phrase.translate(_BRACKETS).lower()
    candidates = {doc: meta for doc, meta in documents.items()
                  if meta.get("doc_type") in NAMED_TYPES}
    by_number = [doc for doc, meta in candidates.items() if meta.get("doc_number")
                 and str(meta["doc_number"]).translate(_BRACKETS).lower() in text]
    if by_number:
        return by_number[0] if len(by_number) == 1 else None
    exact = [(len(name), doc) for doc, meta in candidates.items() for name in _exact_names(meta)
             if _holds(text, name.lower())]
    if exact:
        exact.sort(reverse=True)
        return exact[0][1] if len(exact) == 1 or exact[0][0] > exact[1][0] or \
            exact[0][1] == exact[1][1] else None
    return _loosely_named(text, candidates)


def _holds(text: str, name: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", name):
        return name in text
    return re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text) is not None


def _loosely_named(text: str, candidates: Mapping[str, Mapping]) -> str | None:
    years = {m.group(0) for m in _YEAR.finditer(text)}
    if not years and not _DOCUMENT_WORD.search(text):
        return None
    stems, pairs = _stems(text), _pairs(text)
    scored = []
    for doc, meta in candidates.items():
        if years and _year(meta) not in years:
            continue  # "the 2013 programme" is no 2018 document
        title = f"{meta.get('title', '')} {meta.get('title_zh', '')}"
        shared = len(stems & _stems(title)) + len(pairs & _pairs(title))
        if shared >= MIN_SHARED:
            scored.append((shared, doc))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def documents_of(items: Iterable) -> dict[str, dict]:
    """Front matter by document id, from located statements (``.statement.source``,
    ``.metadata``)."""
    return {item.statement.source: item.metadata for item in items}


def display_name(phrase: str, meta: Mapping, language: str) -> str:
    """A table header for the document a side names: a law by its name (《义务教育法》), a policy
    by the number the question used, else by the question's own words."""
    number = str(meta.get("doc_number") or "")
    if number and number.translate(_BRACKETS).lower() in phrase.translate(_BRACKETS).lower():
        return number
    if meta.get("doc_type") in ("law", "regulation"):
        if language == "zh":
            return f"《{_plain(str(meta.get('title_zh') or meta.get('title', '')))}》"
        return _plain(str(meta.get("title", "")))
    return f"{phrase}（{number}）" if number and language == "zh" else \
        f"{phrase} ({number})" if number else phrase


def unnamed_words(phrase: str, meta: Mapping) -> str:
    """The words of ``phrase`` that do not name the document: what it says about it ("teacher
    exchange" in "Zhejiang's provincial regulation on teacher exchange")."""
    if re.search(r"[\u4e00-\u9fff]", phrase):
        number = str(meta.get("doc_number") or "")
        rest = phrase.translate(_BRACKETS).replace(number.translate(_BRACKETS), " ")
        for name in _exact_names(meta):
            rest = rest.replace(name, " ")
        return " ".join(rest.split())
    title = _stems(f"{meta.get('title', '')}")
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", phrase)
    return " ".join(w for w in words if _stems(w) and not _stems(w) & title
                    and not _DOCUMENT_WORD.search(w.lower()))


def mentioned_documents(text: str, documents: Mapping[str, Mapping]) -> set[str]:
    """The documents ``text`` names by number or by name, a longer name hiding the shorter one
    it contains ("Compulsory Education Law" is not also the Education Law)."""
    rest = text.translate(_BRACKETS).lower()
    names = sorted(((name.lower(), doc) for doc, meta in documents.items()
                    for name in [*_exact_names(meta), str(meta.get("doc_number") or "")
                                 .translate(_BRACKETS)] if name), key=lambda n: -len(n[0]))
    found = set()
    for name, doc in names:
        if _holds(rest, name):
            found.add(doc)
            rest = rest.replace(name, " ")
    return found

"""Place names the question misspells or writes as a variant ("宝庆县" for 宝清县, "平远" for 平原,
"Baoquing" for Baoqing): the corpus case it most likely means.

A careful adviser answers for the near match and says so in one line ("资料中没有宝庆县；以下按
宝清县（黑龙江）回答"), so the reader sees at once whether that is the place meant; when two of
our places are equally near, the note names both and the question is answered as written.

A name is taken for a misspelling only when it is one character (Chinese) or one or two letters
(pinyin, English) from a case's name, stands where a place stands, is no word our sources use
and no common word or well-known place (a province, a city jieba knows well): "成效" is not
成都, "江西" is not 江苏, "Shanxi" is not Shaanxi.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.answer.messages import text as t
from assistant.answer.shapes.draft import PROVINCES

# A jieba word this frequent is a word of its own (成效, 平台, 衡阳, 泰安), not a slip of the pen
COMMON_WORD = 50
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_ZH_SUFFIX = re.compile(r"[县区市省]$")
# what may follow or precede a place name in a question ("平远的学校", "和平远", "宝庆县推进")
_ZH_AFTER = re.compile(r"^(?:县|区|市|镇|的|在|是|怎|如何|和|与|跟|同|、|推进|有|做|采取|为什么|[，。？?])")
_ZH_BEFORE = re.compile(r"(?:^|和|与|跟|同|、|比较|对比|在|[，,])$")
_EN_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_PROVINCE_NAMES = frozenset(name.lower() for pair in PROVINCES for name in pair)


@dataclass(frozen=True)
class NearPlace:
    asked: str      # as the question writes it ("宝庆县", "Baoquing")
    replace: str    # the span of the question to replace ("宝庆", "Baoquing")
    meant: str      # the case's name in the same script ("宝清", "Baoqing")
    case_id: str


def near_places(question: str, case_names: dict[str, tuple[str, ...]],
                is_known_word: Callable[[str], bool]) -> list[NearPlace]:
    """Every place in ``question`` that is no case's name but near exactly one case's name;
    ``is_known_word`` says a word is one our sources use or a common word."""
    from assistant.answer.intent import named_cases

    found: list[NearPlace] = []
    named = set(named_cases(question, case_names))
    for span, start, end in _spans(question):
        if any(span.lower() == n.lower() for names in case_names.values() for n in names):
            continue
        if span.lower() in _PROVINCE_NAMES or is_known_word(span):
            continue
        if not _stands_as_place(question, start, end):
            continue
        cases = {case_id: name for case_id, names in case_names.items()
                 for name in _bare(names) if _near(span, name)}
        # a case the question already names exactly is not what a near spelling means
        cases = {c: n for c, n in cases.items() if c not in named}
        cases = _nearest(span, cases)
        if cases:
            suffix = question[end:end + 1] if _CJK.match(span) and _ZH_SUFFIX.match(
                question[end:end + 1] or " ") else ""
            for case_id, name in cases.items():
                found.append(NearPlace(span + suffix, span, name, case_id))
    return found


def _nearest(span: str, cases: dict[str, str]) -> dict[str, str]:
    """Of several near names, those nearest: the fewest letters changed, and in Chinese the one
    that keeps the first character ("沧原" is 沧源 before 平原), which a slip rarely changes."""
    if len(cases) < 2:
        return cases
    if _CJK.match(span):
        same_start = {c: n for c, n in cases.items() if n[0] == span[0]}
        return same_start or cases
    best = min(_edit_distance(span.lower(), n.lower()) for n in cases.values())
    return {c: n for c, n in cases.items() if _edit_distance(span.lower(), n.lower()) == best}


def corrected(question: str, places: list[NearPlace]) -> str:
    """The question with each unambiguous near place replaced by the case's name."""
    for place in _unambiguous(places):
        question = question.replace(place.replace, place.meant)
    return question


def note(places: list[NearPlace], case_names: dict[str, tuple[str, ...]],
         regions: dict[str, str], language: str) -> str | None:
    """One line: which place the sources lack and which one the answer is about (or, when two
    are equally near, which ones the reader may mean)."""
    lines = []
    for place in _unambiguous(places):
        lines.append(t("place_near_match", language, asked=place.asked,
                       meant=_full_name(place, case_names, regions, language)))
    by_asked: dict[str, list[NearPlace]] = {}
    for place in places:
        by_asked.setdefault(place.asked, []).append(place)
    for asked, options in by_asked.items():
        if len(options) > 1:
            named = [_full_name(p, case_names, regions, language) for p in options]
            lines.append(t("place_near_ambiguous", language, asked=asked,
                           options=("、" if language == "zh" else " or ").join(named)))
    return " ".join(lines) or None


def _unambiguous(places: list[NearPlace]) -> list[NearPlace]:
    counts: dict[str, int] = {}
    for place in places:
        counts[place.asked] = counts.get(place.asked, 0) + 1
    return [p for p in places if counts[p.asked] == 1]


def _full_name(place: NearPlace, case_names: dict[str, tuple[str, ...]],
               regions: dict[str, str], language: str) -> str:
    """"宝清县（黑龙江）", "Baoqing County (Heilongjiang)": the case's fullest name in the
    reader's script, with its province when the sources give one."""
    names = case_names.get(place.case_id, ())
    zh = language == "zh"
    script = [n for n in names if bool(_CJK.match(n)) == zh] or list(names) or [place.meant]
    name = next((n for n in script if n.startswith(place.meant) and n != place.meant), None) \
        or max(script, key=len)
    province = _province(regions.get(place.case_id, ""), language)
    if not province or province in name:
        return name
    return f"{name}（{province}）" if zh else f"{name} ({province})"


def _province(region: str, language: str) -> str:
    """The province a case's ``region`` names, unless the sources do not confirm it."""
    if re.search(r"unconfirmed|reportedly", region, re.IGNORECASE):
        return ""
    for en, zh in PROVINCES:
        if re.search(rf"\b{en}\b", region):
            return zh if language == "zh" else en
    return ""


def _spans(question: str):
    """Candidate place spans: runs of two to four Chinese characters and capitalised words."""
    for match in _EN_WORD.finditer(question):
        yield match.group(0), match.start(), match.end()
    for run in re.finditer(r"[\u4e00-\u9fff]+", question):
        for size in (2, 3, 4):
            for i in range(run.start(), run.end() - size + 1):
                yield question[i:i + size], i, i + size


def _bare(names: tuple[str, ...]) -> set[str]:
    """A case's names without their level ("宝清" of "宝清县"; "Baoqing" of "Baoqing County")."""
    bare = set()
    for name in names:
        if _CJK.match(name):
            bare.add(_ZH_SUFFIX.sub("", name) if len(name) > 2 else name)
        elif " " not in name and len(name) > 3:
            bare.add(name)
    return {b for b in bare if len(b) >= 2}


def _near(span: str, name: str) -> bool:
    """One Chinese character replaced, or one or two letters (two only in longer words)."""
    if _CJK.match(span) and _CJK.match(name):
        return len(span) == len(name) and sum(a != b for a, b in zip(span, name)) == 1
    if _CJK.match(span) or _CJK.match(name):
        return False
    span, name = span.lower(), name.lower()
    if span[0] != name[0]:
        return False
    allowed = 2 if min(len(span), len(name)) >= 7 else 1
    return 0 < _edit_distance(span, name) <= allowed


def _stands_as_place(question: str, start: int, end: int) -> bool:
    """A Chinese span where a place stands: before a level ("宝庆县"), or read as one word
    ("平远", not "钱都" of "学生和钱都吸到城里") before 的 or after 和, or at the start."""
    span = question[start:end]
    if not _CJK.match(span):
        return True
    if not _starts_a_word(question, start):
        return False  # "衡上" of "均衡上"
    if re.match(r"[县区市镇]", question[end:end + 1]):
        return True
    if not _one_word(span):
        return False
    return bool(_ZH_AFTER.match(question[end:]) or _ZH_BEFORE.search(question[:start]))


def _starts_a_word(question: str, start: int) -> bool:
    """Whether a word of the question starts at ``start``, or a joining word ends before it
    (jieba reads "和平远" as 和平 + 远)."""
    import jieba

    if start == 0 or question[start - 1] in "和与跟同及、，,":
        return True
    offset = 0
    for word in jieba.lcut(question):
        if offset == start:
            return True
        offset += len(word)
        if offset > start:
            return False
    return False


def _one_word(span: str) -> bool:
    """Whether jieba reads the span on its own as one word (a name, not two stray characters)."""
    import jieba

    return jieba.lcut(span) == [span]


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def common_word(word: str) -> bool:
    """A word jieba's dictionary counts often: a word of its own, not a misspelt place."""
    if not _CJK.match(word):
        return False
    import jieba

    return (jieba.get_FREQ(word) or 0) >= COMMON_WORD


@lru_cache(maxsize=4)
def corpus_words(corpus: Path) -> str:
    """The corpus's text (documents, statements, glossary), lowered: a word our sources use is
    not a misspelling."""
    files = sorted(p for pattern in ("*.md", "*.yaml") for p in corpus.rglob(pattern))
    return "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in files).lower()


@lru_cache(maxsize=4)
def corpus_regions(corpus: Path) -> dict[str, str]:
    """Each case document's ``region`` (its province, for the note)."""
    from assistant.corpus import load_documents

    documents, _ = load_documents(corpus)
    return {d.id: str(d.metadata.get("region") or "") for d in documents
            if d.metadata.get("doc_type") == "case"}


def known_in(corpora: list[Path]) -> Callable[[str], bool]:
    """Whether a word is used by the corpora's documents or is a common word."""
    texts = [corpus_words(c) for c in corpora]

    def known(word: str) -> bool:
        lowered = word.lower()
        if _CJK.match(word):
            used = any(lowered in text for text in texts)
        else:
            used = any(re.search(rf"(?<![a-z]){re.escape(lowered)}(?![a-z])", text) for text in texts)
        return used or common_word(word)
    return known


def read_places(question: str, corpora: list[Path]) -> tuple[str, str | None]:
    """The question with a misspelt or variant place read as the case it most likely means, and
    the one-line note that says so (None when every place is spelt as the sources spell it)."""
    from assistant.answer.intent import corpus_case_names
    from assistant.language import detect_language

    names: dict[str, tuple[str, ...]] = {}
    regions: dict[str, str] = {}
    for corpus in corpora:
        names.update(corpus_case_names(corpus))
        regions.update(corpus_regions(corpus))
    places = near_places(question, names, known_in(corpora))
    if not places:
        return question, None
    return corrected(question, places), note(places, names, regions, detect_language(question))

"""Content terms of a question and how rare they are in the index (for scoring and abstention).

English terms are the BM25 tokens (stemmed, stop words out). Chinese terms are jieba's words of two
or more characters (accurate mode: search mode's sub-words such as 不住 of 留不住 are noise here);
they are matched in a text by substring, which avoids depending on how jieba segments the text.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.index.tokenizer import tokenize

if TYPE_CHECKING:
    from assistant.engine import Engine

_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|"
                   r"([A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)")
# Words that frame a question rather than say what it is about (stems of the BM25 tokenizer).
_EN_FRAME = frozenset(tokenize("""tell me about please explain describe give list show know want
need find mean means meaning define definition happen happens happened say says said kind type
question answer example examples current currently get got my me sure""")) | {"much", "mani"}
_ZH_FRAME = frozenset([
    "什么", "怎么", "怎样", "如何", "哪些", "哪个", "哪里", "是否", "多少", "几个", "为什么", "请问", "一下", "有没有",
    "可以", "能否", "能不能", "需要", "我们", "我", "你", "他", "她", "它", "他们", "的", "了", "吗", "呢", "吧",
    "啊", "是", "在", "有", "和", "与", "及", "或", "对", "为", "等", "这", "那", "这个", "那个", "这些", "那些",
    "要", "会", "又", "还", "也", "都", "就", "请", "告诉", "介绍", "说明", "解释", "一个", "怎么样", "情况", "规定",
    "要求", "内容", "主要", "具体", "之间", "方面", "有关", "相关", "怎么办", "哪级", "哪一级", "来管", "谁来",
    "一样", "不一样", "路子", "有什么", "该怎么", "应该", "问题"
])


# Everyday words for the corpus's terms: a question's "老师" is matched by the corpus's "教师".
_SYNONYMS = {
    "老师": ("教师",), "孩子": ("儿童", "子女", "学生"), "小孩": ("儿童",), "娃": ("儿童",),
    "农村": ("乡村",), "乡村": ("农村",), "乡下": ("农村", "乡村"), "城里": ("城镇", "城区"),
    "工资": ("待遇", "薪酬"), "钱": ("经费", "资金"), "学费": ("收费",),
    "场地": ("场馆", "面积"), "操场": ("运动场", "场馆"),
    "住校生": ("寄宿生",), "住校": ("寄宿",), "年轻教师": ("青年教师", "新教师"),
    "留不住": ("流动", "交流"), "留住": ("流动", "交流"), "留得住": ("流动", "交流"),
    "salari": ("pay", "wage"), "wage": ("pay", "salari"), "paid": ("pay", "salari", "wage"),
    "payment": ("pay",), "estat": ("residenti",), "小区": ("居民区", "住宅"), "楼盘": ("居民区", "住宅"), "kid": ("child", "pupil"),
    "children": ("child", "pupil"), "money": ("fund", "financ"), "student": ("pupil",),
    "pupil": ("student",), "poorer": ("poor",), "poorest": ("poor",),
}


@dataclass(frozen=True)
class Term:
    text: str
    chinese: bool
    alternatives: tuple[str, ...] = ()
    emphasis: float = 1.0   # > 1 for the words of a follow-up itself, over the carried ones

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, *self.alternatives)


# Phrases whose words say how, not what: "paid on time" is about pay, not about "time" (which would
# match "teaching time counts toward their working years").
_EN_IDIOMS = re.compile(r"\b(?:on|in) time\b|\bin full\b|\bmake sure\b|\bactually\b", re.IGNORECASE)


def content_terms(text: str) -> list[Term]:
    """Distinct content terms of ``text`` in order of appearance."""
    import jieba

    seen: dict[str, Term] = {}
    for cjk, latin in _RUNS.findall(_EN_IDIOMS.sub(" ", text)):
        if cjk:
            for word in jieba.lcut(cjk):
                if len(word) >= 2 and word not in _ZH_FRAME:
                    seen.setdefault(word, Term(word, True, _SYNONYMS.get(word, ())))
        else:
            for token in tokenize(latin):
                if token not in _EN_FRAME and (len(token) > 1 or token.isdigit()):
                    seen.setdefault(token, Term(token, False, _SYNONYMS.get(token, ())))
    return list(seen.values())


def with_known_parts(terms: list[Term], stats: TermStats) -> list[Term]:
    """``terms`` with each Chinese compound read as its known sub-words ("住房问题" → "住房";
    "农村教师" → "农村", "教师", which "农村中小学教师" holds too). For scoring what is already known
    to be in scope: the abstention keeps the whole compound, so that "最低工资" is not taken for
    the corpus's "工资"."""
    import jieba

    expanded: list[Term] = []
    for term in terms:
        if term.chinese and len(term.text) >= 4:
            parts = [p for p in jieba.lcut_for_search(term.text)
                     if p != term.text and len(p) >= 2 and p not in _ZH_FRAME]
            known = [Term(p, True, _SYNONYMS.get(p, ()), term.emphasis) for p in parts
                     if stats.df.get(p, 0) > 0]
            if known:
                expanded.extend(known)
                continue
        expanded.append(term)
    return expanded


MODIFIER_IDF = 1.0  # about the IDF of a word in a third of the passages


_MODIFIER_TAGS = ("a", "d", "c", "u", "r", "y", "e")  # adjective, adverb, conjunction, particle …


@lru_cache(maxsize=4096)
def is_modifier(word: str) -> bool:
    """Whether jieba's part-of-speech tagger reads the Chinese word as one adjective, adverb or
    function word (not a noun or verb: those name what a question is about)."""
    import jieba.posseg

    tagged = jieba.posseg.lcut(word)
    return len(tagged) == 1 and tagged[0].flag.startswith(_MODIFIER_TAGS)


class TermStats:
    """Document frequencies over the indexed chunks, for IDF weights."""

    def __init__(self, df: dict[str, int], n: int) -> None:
        self.df = df
        self.n = n

    def idf(self, term: str) -> float:
        """BM25's IDF, log(1 + (N - df + 0.5) / (df + 0.5)); unseen terms get the largest.
        (A Chinese word the index split into sub-words counts as unseen: rare, heavy.)"""
        df = self.df.get(term, 0)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def weight(self, term: Term) -> float:
        """The IDF of the term's most common form (a synonym the corpus uses counts), times the
        term's emphasis. A Chinese modifier the corpus never uses ("年轻", "总是" in
        "总是留不住年轻教师") narrows the question without changing its subject: it weighs like a
        common word."""
        if term.chinese and not self.known(term) and is_modifier(term.text):
            return term.emphasis * MODIFIER_IDF
        return term.emphasis * min(self.idf(form) for form in term.forms)

    def known(self, term: Term) -> bool:
        return any(self.df.get(form, 0) > 0 for form in term.forms)


_stats: weakref.WeakKeyDictionary[object, tuple[int, TermStats]] = weakref.WeakKeyDictionary()
_stats_lock = threading.Lock()


def term_stats(engine: Engine) -> TermStats:
    """Term statistics of ``engine``'s index, rebuilt when the catalog version moves."""
    version = engine.version()
    with _stats_lock:
        cached = _stats.get(engine)
        if cached and cached[0] == version:
            return cached[1]
        df: dict[str, int] = {}
        n = 0
        for _, tokens in engine.iter_tokens():
            n += 1
            for token in set(tokens):
                df[token] = df.get(token, 0) + 1
        stats = TermStats(df, n)
        _stats[engine] = (version, stats)
        logging.getLogger(__name__).debug("term statistics over %d chunks", n)
        return stats


@lru_cache(maxsize=50_000)
def token_set(text: str) -> frozenset[str]:
    """The BM25 tokens of a text, cached: the same passages are scored again and again (jieba is
    the slow part of answering a Chinese question)."""
    return frozenset(tokenize(text))


def matches(term: Term, text: str, tokens: set[str] | frozenset[str]) -> bool:
    """Whether ``term`` or a synonym occurs in a text (Chinese: substring; English: a token of
    ``tokens``)."""
    if term.chinese:
        return any(form in text for form in term.forms)
    return any(form in tokens for form in term.forms)

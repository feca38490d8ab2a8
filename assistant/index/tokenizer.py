"""Keyword tokenizer for mixed English and Chinese text.

English: lowercase words, stop words dropped, Snowball-stemmed. Chinese: ``jieba.lcut_for_search``
on each run of CJK characters (it emits both words and their sub-words, which helps recall).
Character bigrams were tried and dropped: they doubled passage length and pushed the statute
article a query was about out of the top 3 (see tests/ingest/test_real_documents.py).
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([A-Za-z0-9]+)")
_EN_STOP = frozenset(["a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "might", "must", "of", "on", "or", "shall", "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "i", "we", "our", "us", "not", "no", "also", "such", "each", "any", "all", "per", "between", "about", "do", "does"])
_ZH_STOP = frozenset(["的", "了", "和", "与", "及", "或", "是", "在", "对", "为", "等", "中", "上", "下", "有", "由", "将", "把", "被", "之", "其", "以", "于", "并", "也", "都", "而", "要", "应", "该", "这", "那", "个", "哪些", "什么", "如何", "怎么", "怎样", "吗", "呢", "啊", "吧", "我们", "你们", "他们"])

_jieba = None


def _get_jieba():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


_local = threading.local()


def _stemmer():
    # One stemmer per thread: a Snowball stemmer keeps the word being stemmed in itself, so two
    # threads sharing one (two app users, or the app's warm-up and a question) corrupt each other.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def tokenize(text: str) -> list[str]:
    """Tokens of ``text`` for BM25: stemmed English words and Chinese words plus bigrams."""
    tokens: list[str] = []
    for cjk, word in _RUNS.findall(text):
        if cjk:
            tokens.extend(_chinese_tokens(cjk))
        else:
            lowered = word.lower()
            if lowered not in _EN_STOP and len(lowered) < 40:
                tokens.append(_stem(lowered))
    return tokens


def _chinese_tokens(run: str) -> list[str]:
    return [w for w in _get_jieba().lcut_for_search(run) if w.strip() and w not in _ZH_STOP]

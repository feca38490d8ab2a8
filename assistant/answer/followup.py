"""Follow-up questions ("And for rural teachers?") made standalone from the conversation.

Offline, a question is a follow-up when it is short and opens with a continuation ("and", "what
about", 那…呢) or leans on a pronoun ("it", "they", 其, 该); it then carries over the content words of
the previous question that it does not repeat, except words so common in the index (IDF below
MIN_IDF: "education", "government") that they would only pull the search back to the previous
answer. The LLM mode uses ``prompts/condense.md`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.terms import TermStats, content_terms
from assistant.language import detect_language

History = Sequence[tuple[str, str]]

_EN_OPENERS = re.compile(r"^\s*(and|but|also|so|then|or|plus|what about|how about|what of|"
                         r"same for|and what about|and how about|and for|and in)\b[\s,]*",
                         re.IGNORECASE)
_EN_ANAPHORA = re.compile(r"\b(it|its|they|them|their|this|that|these|those|there|the same|"
                          r"such|he|she|his|her)\b", re.IGNORECASE)
_ZH_OPENERS = re.compile(r"^\s*(那么|那|还有|另外|此外|以及|而|如果是|换成|对于|关于)")
_ZH_CLOSERS = re.compile(r"(呢|又如何|又怎样|怎么样|如何呢)\s*[？?。]*\s*$")
_ZH_ANAPHORA = re.compile(r"(它们|它|其|该|这个|这些|那个|那些|上述|同样|此项|此)")
_EN_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_EN_SKIP = frozenset([
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "for", "to", "at", "by", "with",
    "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "do", "does",
    "did", "how", "what", "which", "who", "whom", "whose", "when", "where", "why", "can",
    "could", "should", "would", "will", "shall", "may", "might", "must", "has", "have",
    "had", "this", "that", "these", "those", "there", "it", "its", "they", "them", "their",
    "i", "we", "you", "my", "our", "your", "me", "us", "between", "among", "than", "then",
    "so", "also", "much", "many", "more", "most", "less", "some", "any", "each", "every",
    "all", "please", "tell", "explain", "describe"
])
SHORT_EN_WORDS = 8
SHORT_ZH_CHARS = 14
MIN_IDF = 1.0
MAX_CARRIED = 5


def is_follow_up(question: str) -> bool:
    """Whether ``question`` needs the previous one to be understood."""
    if detect_language(question) == "zh":
        short = len(question.strip()) <= SHORT_ZH_CHARS
        return bool(_ZH_OPENERS.search(question) or _ZH_CLOSERS.search(question)
                    or (short and _ZH_ANAPHORA.search(question)))
    words = _EN_WORDS.findall(question)
    if len(words) > SHORT_EN_WORDS:
        return False
    return bool(_EN_OPENERS.search(question) or _EN_ANAPHORA.search(question)
                or len(content_terms(question)) <= 1)


def resolve(question: str, history: History | None, stats: TermStats | None = None) -> str:
    """``question`` made standalone from ``history`` ((role, text) pairs, oldest first);
    ``stats`` (the index's term statistics) lets it leave out words too common to help."""
    previous = None
    for role, text in history or []:
        if role == "user" and text.strip():
            previous = _resolve_one(text.strip(), previous, stats)
    return _resolve_one(question.strip(), previous, stats)


def _resolve_one(question: str, previous: str | None, stats: TermStats | None) -> str:
    if not previous or not is_follow_up(question):
        return question
    carried = carried_terms(previous, question, stats)
    if not carried:
        return question
    if detect_language(question) == "zh":
        core = _ZH_CLOSERS.sub("", _ZH_OPENERS.sub("", question)).strip(" ，,？?。")
        return f"{core}（{' '.join(carried)}）"
    core = _EN_OPENERS.sub("", question).strip().rstrip("?.! ")
    return f"{core} ({' '.join(carried)})"


def carried_terms(previous: str, question: str, stats: TermStats | None = None) -> list[str]:
    """The previous question's content words, in its order, that ``question`` does not repeat
    (and, given ``stats``, that are not too common to matter)."""
    present = {t.text for t in content_terms(question)}
    if detect_language(previous) == "zh":
        import jieba

        words = [w for w in jieba.lcut(previous) if len(w) >= 2]
    else:
        words = [w for w in _EN_WORDS.findall(previous) if w.lower() not in _EN_SKIP]
    kept = []
    for word in dict.fromkeys(words):
        terms = content_terms(word)
        if not terms or all(t.text in present for t in terms):
            continue
        if stats is not None and max(stats.weight(t) for t in terms) < MIN_IDF:
            continue
        kept.append(word)
    return kept[:MAX_CARRIED]

"""Article numbers in English and Chinese: "Art. 28", "Articles 31 and 32", "第二十八条"."""

from __future__ import annotations

import re

_EN = re.compile(r"\b(?:Articles?|Arts?\.)\s*\d{1,3}(?:\s*(?:,|and|&|or|[–—-]|to)\s*\d{1,3})*\b",
                 re.IGNORECASE)
_EN_RANGE = re.compile(r"(\d{1,3})\s*(?:[–—-]|to)\s*(\d{1,3})")
_ZH_RANGE = re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,6})(?:条)?(?:至|到|—|－|-)第?([一二三四五六七八九十百零〇两\d]{1,6})条")
_DIGIT_RUN = re.compile(r"\d{1,3}")
ZH_ARTICLE = re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,6})条")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_NUMERALS = "零一二三四五六七八九"


def chinese_number(text: str) -> int | None:
    """三十二 → 32, 一百零五 → 105, 12 → 12; None when ``text`` is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def to_chinese_number(number: int) -> str:
    """32 → 三十二, 10 → 十, 105 → 一百零五 (as statutes number their articles, up to 999)."""
    if number < 10:
        return _NUMERALS[number]
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = ""
    if hundreds:
        text += _NUMERALS[hundreds] + "百"
        if tens == 0 and ones:
            return text + "零" + _NUMERALS[ones]
    if tens:
        text += ("" if tens == 1 and not hundreds else _NUMERALS[tens]) + "十"
    if ones:
        text += _NUMERALS[ones]
    return text


def zh_article(number: int) -> str:
    """28 → 第二十八条."""
    return f"第{to_chinese_number(number)}条"


def article_numbers(text: str) -> set[int]:
    """Article numbers named in ``text`` ("Articles 31 and 32", "Art. 6", "第三十二条"), ranges
    included ("Arts. 51–53", "第五十一至五十三条")."""
    numbers: set[int] = set()
    for match in _EN.finditer(text):
        numbers |= {int(n) for n in _DIGIT_RUN.findall(match.group(0))}
        for low, high in _EN_RANGE.findall(match.group(0)):
            numbers |= _span(int(low), int(high))
    numbers |= {n for z in ZH_ARTICLE.findall(text) if (n := chinese_number(z)) is not None}
    for low, high in _ZH_RANGE.findall(text):
        a, b = chinese_number(low), chinese_number(high)
        if a is not None and b is not None:
            numbers |= _span(a, b)
    return numbers


def _span(low: int, high: int) -> set[int]:
    return set(range(low, high + 1)) if 0 < high - low <= 20 else {low, high}

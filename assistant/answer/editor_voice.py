"""The corpus editor's voice is not shown: a remark on how a fact was checked ("verified through
Yunnan's implementing document", "（经云南省落实文件核实）", "……也已经核实") is a note for us, not
something an official reads in an answer. ``plain`` takes such remarks out of an answer's text and
keeps the fact they were attached to. A hedge that a fact is *not* confirmed ("尚待核实",
"unconfirmed") is the reader's business and stays."""

from __future__ import annotations

import re

_UNCONFIRMED = re.compile(r"尚待|待核实|未能|未经|无法|尚未|没有|\bnot\b|\bun(?:confirmed|verified)\b",
                          re.IGNORECASE)
_CHECKED_ZH = r"(?:核实|证实)"
_CHECKED_EN = r"(?:verified|confirmed)"
# "（经云南省落实文件核实）", "（同样的100人规则已在……中核实）", "(both verified in 国办发〔2018〕82号)"
_BRACKETED = re.compile(r"\s?[（(](?:[^（）()]|[（(][^（）()]*[)）])*?"
                        rf"(?:(?:已|经|得到|通过)[^（）()]*?{_CHECKED_ZH}|\b{_CHECKED_EN}\s+(?:in|through|by|against|with)\b)"
                        r"(?:[^（）()]|[（(][^（）()]*[)）])*?[）)]")
# "；这些2016年标准经云南省的落实文件核实。", "; these 2016 values are verified through Yunnan's document."
_CLAUSE_ZH = re.compile(rf"[；，,]\s*这[些一项][^；。，]{{0,40}}?(?:经|通过|已在|已经?)[^；。]{{0,60}}?{_CHECKED_ZH}[^；。]{{0,6}}(?=。|$)")
_CLAUSE_EN = re.compile(rf";\s*(?:these|this|the same|both|all)\b[^;.]{{0,60}}?\b(?:is|are|was|were|have been|has been)\s+"
                        rf"{_CHECKED_EN}\s+(?:in|through|by|against|with)\b[^;]*?(?=\.(?:\s|$)|$)", re.IGNORECASE)
# "随迁子女比例不低于85%（……）也已经核实。": the fact stays, the remark on it goes
_PREDICATE_ZH = re.compile(rf"(?<=[^\s，；。])\s*也?已经?{_CHECKED_ZH}(?=。|$)")


def _keep(match: re.Match) -> str:
    """A remark that says a thing is *not* confirmed is a hedge for the reader: it stays."""
    return match.group(0) if _UNCONFIRMED.search(match.group(0)) else ""


def plain(text: str) -> str:
    """``text`` without the editor's remarks on how its facts were checked."""
    for pattern in (_BRACKETED, _CLAUSE_ZH, _CLAUSE_EN, _PREDICATE_ZH):
        text = pattern.sub(_keep, text)
    return text


def remarks(text: str) -> list[str]:
    """The editor's remarks in ``text`` (what ``plain`` takes out)."""
    found = []
    for pattern in (_BRACKETED, _CLAUSE_ZH, _CLAUSE_EN, _PREDICATE_ZH):
        found += [m.group(0).strip() for m in pattern.finditer(text) if not _UNCONFIRMED.search(m.group(0))]
    return found


# "……核定公用经费 [1] 按2016年……": a Chinese sentence is closed before its marker, not run into the next
_OPEN_ZH = re.compile(r"(?<=[\u4e00-\u9fff）)%\d])((?:\s*\[\d{1,3}\])+)(?=\s*[\u4e00-\u9fff《“]|[ \t]*$)", re.MULTILINE)


_LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")


def closed(text: str) -> str:
    """Chinese sentences that end at their marker with no 。 closed with one."""
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < len(re.findall(r"[A-Za-z]", text)):
        return text
    # a list line ("- 依据：…", "1. **…**") is the shape's own, not a sentence left open
    return "\n".join(line if _LIST_LINE.match(line) else _OPEN_ZH.sub(r"。\1", line)
                     for line in text.split("\n"))

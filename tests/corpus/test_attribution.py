"""Each statement cites the document that states it: a statement that reports research (a named
researcher, studies, the literature, a survey's or a third-party evaluation's findings) or says
what a document does *not* contain is not the text of a law, policy or standard, so it must not
be sourced to one. It is sourced to the analysis or case document whose passage states it — an
official who copies the reference list would otherwise cite 国发〔2016〕40号 for a scholar's
argument."""

from __future__ import annotations

import re

import pytest

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import load_documents
from assistant.knowledge import load_statements
from assistant.knowledge.statements import Statement

OFFICIAL_TYPES = ("law", "regulation", "policy", "standard")

# The researchers whose work the corpus reports (analysis documents' sources), as they are named.
RESEARCHERS = ("Zhang Yulin", "Zhu Deque", "Wu Zhihui", "Zhou Ye", "Zhang Luxiong", "Li Wenzhao",
               "Chen and Shi", "Tian and Qi")
RESEARCHERS_ZH = ("张玉林", "朱德全")
# A finding of research, in the statement's English or Chinese text.
_REPORTS_RESEARCH = (
    re.compile(
        r"\b(?:the|this|that|a|one|some|several|recent|later|secondary)?\s*(?:literature|scholars?|"
        r"researchers?|stud(?:y|ies)|surveys?|analysts?|authors?)\s+(?:(?:on|of)\s+[^,;:]+?\s+)?"
        r"(?:find|finds|found|show|shows|showed|note|notes|noted|argue|argues|argued|blame|blames|"
        r"blamed|describe|describes|described|summarise|summarises|summarised|report|reports|"
        r"reported|attribute|attributes|attributed|trace|traces|traced|call|calls|called|see|sees)\b"
        r"|\bthe literature\b|\bthird-party evaluation\b"
        r"|\bet al\b|\b(?:" + "|".join(RESEARCHERS) + r")\b"
        r"|\bdouble siphon\b", re.IGNORECASE),  # Zhang Yulin's term for consolidation's pull
    re.compile(r"文献|学者|有研究|相关研究|研究(?:者)?(?:认为|指出|发现|表明)|调查(?:显示|发现|表明|指出|把)"
               r"|第三方评估|双重抽吸|[\u4e00-\u9fff]{2,3}等[（(]\d{4}|" + "|".join(RESEARCHERS_ZH)),
)
# What a document does not say, in either language.
_SAYS_NOT_IN = (
    re.compile(
        r"\b(?:does|do|did) not (?:itself )?(?:confirm|state|contain|fix|mention|set|say|include)\b"
        r"|\brather than (?:from|in) (?:the|those|these|this|that)\b"
        r"|\bnot (?:from|in) the (?:law|opinions|decision|measures|document|text)\b", re.IGNORECASE),
    re.compile(r"并未(?:证实|规定|提及|提到)|本身(?:并)?(?:未|没有)|没有(?:规定|提到|提及)|未规定"
               r"|而非(?:该|本|这)|(?:而)?不是来自|并非来自"),
)

# Statements the rule finds that are nevertheless the source document's own content, and why.
ALLOWED: dict[str, str] = {
}


def reports_research(statement: Statement) -> bool:
    return any(p.search(text) for p, text in zip(_REPORTS_RESEARCH,
                                                  (statement.text, statement.text_zh)))


def says_not_in(statement: Statement) -> bool:
    return any(p.search(text) for p, text in zip(_SAYS_NOT_IN,
                                                  (statement.text, statement.text_zh)))


def _statement(text: str, text_zh: str = "") -> Statement:
    return Statement(id="finding-x", kind="finding", text=text, text_zh=text_zh,
                     source="pol-x", locator="Overview")


@pytest.mark.parametrize("text, text_zh", [
    ("The literature blames the county's lack of revenue.", ""),
    ("Zhang Yulin traces the double siphon to the mismatch of duties.", ""),
    ("A third-party evaluation of 2012–2014 found input gaps narrowing.", ""),
    ("Surveys summarise the result as crowded towns.", ""),
    ("Studies of western local governments found that counties lacked money.", ""),
    ("", "有学者用\"双重抽吸\"描述撤点并校。"),
    ("", "相关研究把农村学校经费不足归咎于县级政府。"),
    ("", "朱德全等（2016）的评估发现差距仍然较大。"),
])
def test_research_findings_are_recognised(text, text_zh):
    assert reports_research(_statement(text, text_zh))


@pytest.mark.parametrize("text, text_zh", [
    ("Teachers have the right to take part in further study and training.", ""),
    ("Social recognition is measured by a satisfaction survey and must reach 85%.", ""),
    ("Excellent teachers lead networked teaching-research communities.", ""),
    ("", "督学须从事教育管理、教学或者教育研究工作10年以上。"),
    ("", "督导机构可以开展调查，并提出奖惩建议。"),
])
def test_a_document_s_own_words_about_study_or_surveys_are_not_research(text, text_zh):
    assert not reports_research(_statement(text, text_zh))


@pytest.mark.parametrize("text, text_zh", [
    ("The funding rules come from the 2015 mechanism; the text of 27号 itself does not confirm them.",
     ""),
    ("The rules come from the national funding rules rather than from those opinions.", ""),
    ("", "这些规则出自国家经费保障规则，而非该意见本身。"),
    ("", "《教师法》没有规定教师交流轮岗。"),
])
def test_statements_of_what_a_document_lacks_are_recognised(text, text_zh):
    assert says_not_in(_statement(text, text_zh))


def test_research_and_absences_are_not_sourced_to_official_documents():
    """Research goes to the analysis or case document that reports it. What a document does not
    say may stay in a section the document marks as our commentary (``commentary`` in its front
    matter): the answer then cites it as our commentary, not as the document's text."""
    statements, _ = load_statements(CORPUS)
    documents, _ = load_documents(CORPUS)
    doc_types = {d.id: d.metadata.get("doc_type") for d in documents}
    commentary = {d.id: set(d.metadata.get("commentary") or ()) for d in documents}
    wrong = [f"{s.id} ({'research' if reports_research(s) else 'not in'}): {s.source} · {s.locator}"
             for s in statements
             if doc_types.get(s.source) in OFFICIAL_TYPES and s.id not in ALLOWED
             and (reports_research(s)
                  or (says_not_in(s) and s.locator not in commentary[s.source]))]
    assert not wrong, ("source these to the analysis or case document whose passage states them "
                       "(or allow them in ALLOWED with a reason):\n" + "\n".join(wrong))


def test_every_allowed_statement_exists_and_still_needs_its_allowance():
    statements = {s.id: s for s in load_statements(CORPUS)[0]}
    stale = [i for i in ALLOWED if i not in statements
             or not (reports_research(statements[i]) or says_not_in(statements[i]))]
    assert not stale, stale

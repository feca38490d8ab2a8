"""Questions that ask two things: split into their parts, each part's lead in the opening."""

from __future__ import annotations

import pytest

from assistant.answer import parts
from assistant.answer.render import CitationList
from assistant.answer.types import Claim
from assistant.documents import Citation

from .answer_support import assert_grounded


@pytest.mark.parametrize("question, expected", [
    ("When was the teacher exchange and rotation opinion issued, and what is its document number?",
     ["When was the teacher exchange and rotation opinion issued", "what is its document number?"]),
    ("不足100人的农村小规模学校，公用经费按多少人拨付？依据是哪个文件？",
     ["不足100人的农村小规模学校，公用经费按多少人拨付？", "依据是哪个文件？"]),
    ("县管校聘是什么意思，依据是哪个文件？", ["县管校聘是什么意思", "依据是哪个文件？"]),
    ("What must the county do about boarding schools, and who pays?",
     ["What must the county do about boarding schools", "who pays?"]),
])
def test_a_question_that_asks_two_things_is_split(question, expected):
    assert parts.split(question) == expected


@pytest.mark.parametrize("question", [
    "县里准备撤并几所村小，需要注意什么？",          # 几 counts schools here: one question
    "如果一个县的生均公用经费低于国家基准，省级政府有什么责任？",
    "What does the province do and what does the county do for teacher rotation?",
    "What is the difference between basic balance and quality balance?",
    "How does Jiashan differ from Ningbo and why?",
])
def test_a_question_that_asks_one_thing_is_kept_whole(question):
    assert parts.split(question) == [question]


def test_a_short_or_pronoun_part_is_read_with_the_other_parts_words():
    assert parts.short("who pays?") and parts.short("依据是哪个文件？")
    assert parts.short("what is its document number?")
    assert not parts.short("what happens if a county fakes the data sent to inspectors?")


def _citation(n: int) -> Citation:
    return Citation(doc_id=f"doc-{n}", chunk_id=f"doc-{n}#0", title=f"Doc {n}", text="passage")


def _composed(body: str, sentences: list[str], numbers: list[int]):
    cites = CitationList()
    claims = []
    for sentence, n in zip(sentences, numbers):
        marker = cites.add(_citation(n))
        claims.append(Claim(sentence, [marker], "statement"))
    return body, cites, claims


def test_the_parts_lead_joins_the_opening_with_its_own_citation():
    main = _composed("Lead A. [1]\n\nMore: B. [2]", ["Lead A.", "More: B."], [1, 2])
    part = _composed("Lead C about pay. [1]", ["Lead C about pay."], [3])
    body, cites, claims = parts.merge(main, part)
    assert body.split("\n\n")[0] == "Lead A. [1] Lead C about pay. [3]"
    assert cites.citations[2].doc_id == "doc-3" and claims[-1].markers == [3]


def test_a_first_part_of_another_kind_leads():
    main = _composed("The document is X. [1]", ["The document is X."], [1])
    part = _composed("It means Y. [1]", ["It means Y."], [2])
    body, _, _ = parts.merge(main, part, first=True)
    assert body.startswith("It means Y. [2] The document is X. [1]")


def test_a_lead_said_further_down_as_a_list_item_moves_up_not_twice():
    main = _composed("Lead A. [1]\n\nFurther duties:\n- Duty C. [2]", ["Lead A.", "Duty C."], [1, 2])
    part = _composed("Duty C. [1]", ["Duty C."], [2])
    body, _, _ = parts.merge(main, part)
    assert body.count("Duty C.") == 1 and body.startswith("Lead A. [1] Duty C.")
    assert "Further duties" not in body


def test_a_lead_the_opening_says_already_is_not_repeated():
    main = _composed("Lead A about pay. [1]", ["Lead A about pay."], [1])
    part = _composed("Lead A about pay. [1]", ["Lead A about pay."], [1])
    assert parts.merge(main, part)[0] == "Lead A about pay. [1]"


def test_the_meaning_and_the_document_are_both_in_the_opening(ask):
    result = ask("县管校聘是什么意思，依据是哪个文件？")
    assert_grounded(result)
    opening = result.text.split("\n\n")[0]
    assert "系统人" in opening and "教师〔2014〕4号" in opening, result.text
    # what it means comes first
    assert opening.index("系统人") < opening.index("教师〔2014〕4号"), result.text


def test_a_who_part_takes_only_a_sentence_that_does_what_it_asks():
    import re
    main = _composed("The law took effect in 2006. [1]", ["The law took effect in 2006."], [1])
    part = _composed("The county must plan schools. [1]", ["The county must plan schools."], [2])
    assert parts.merge(main, part, does=re.compile(r"adopt\w*"))[0] == main[0]


def test_a_figure_about_something_else_does_not_answer_the_part():
    # both thresholds are 85 %: the migrant-children sentence does not answer the recognition part
    second = "社会认可度要达到多少？"
    assert not parts.answered(second, "随迁子女在公办学校和政府购买服务的民办学校就读比例应不低于85%。")
    assert parts.answered(second, "社会认可度应达到85%以上。")
    # a short part leans on the other part's subject: any document number answers it
    assert parts.answered("依据是哪个文件？", "依据是教督〔2017〕6号。")


def test_both_parts_of_a_two_threshold_question_are_answered(ask):
    result = ask("优质均衡评估对随迁子女在公办学校就读的比例有什么要求？社会认可度要达到多少？")
    assert_grounded(result)
    assert "随迁子女" in result.text and "社会认可度" in result.text, result.text[:600]
    assert result.text.index("随迁子女") < result.text.index("社会认可度"), result.text[:600]


def test_a_role_part_takes_the_sentences_about_what_it_names():
    second = "what part did county finances play?"
    assert parts.asks_role(second) and parts.asks_role("这种体制在经费上带来了哪些问题？")
    assert not parts.asks_role("what is its document number?")
    main = _composed("Consolidation closed village schools. [1]",
                     ["Consolidation closed village schools."], [1])
    part = _composed("x", ["Pupils moved to town schools.",
                           "County finances were too weak to fund the schools they kept.",
                           "Consolidation closed village schools."], [2, 3, 4])
    found = parts.about(second, part, main)
    assert [s for s, _ in found] == ["County finances were too weak to fund the schools they kept."]
    body, cites, _ = parts.append_sentences(main, found, part[1])
    assert body.endswith("\n\nCounty finances were too weak to fund the schools they kept. [2]")
    assert cites.citations[1].doc_id == "doc-3"


def test_a_role_part_after_a_why_question_is_answered_after_the_explanation(ask):
    result = ask("Why did consolidation after 2001 lead to crowded town schools, and what part "
                 "did county finances play?")
    assert_grounded(result)
    rest = "\n\n".join(result.text.split("\n\n")[1:])
    assert "count" in rest.lower() and ("financ" in rest.lower() or "fiscal" in rest.lower()), \
        result.text[:900]


def test_a_role_part_the_answer_covers_gets_no_lesser_sentence():
    second = "what part did teacher pay play?"
    main = _composed("Teacher pay alone does not keep teachers. [1]",
                     ["Teacher pay alone does not keep teachers."], [1])
    part = _composed("x", ["Teacher pay alone does not keep teachers.",
                           "Who should pay is a question of teacher theory."], [1, 2])
    assert parts.about(second, part, main) == []
    assert parts.covered(second, main)
    assert not parts.covered("what part did county finances play?", main)

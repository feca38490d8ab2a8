"""A look-up answer is not spoiled by a paragraph stitched on after a good first sentence: a
supporting statement whose figures are all said already, one that restates a figure without
bringing any of the question's rarest terms, or a glossary entry for a term the question does
not name, is left out (the reader's 12a Q3 and 12b Q2/Q3)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from assistant.answer.shapes.lookup import amounts, defined_term, stitched
from assistant.answer.terms import TermStats, content_terms, matches, token_set

from .answer_support import assert_grounded


def test_figures_are_amounts_not_years_or_document_numbers():
    sentence = ("In 2016 the benchmark was ¥600 for primary pupils and 2,895 counties passed "
                "(国发〔2015〕67号, Art. 31).")
    assert amounts(sentence) == {"600", "2895"}
    assert amounts("小学每生每年600元，不足100人的学校按100人核定（第四十三条）") == {"600", "100"}


def _count(text: str, figure: str) -> int:
    return len(re.findall(re.escape(figure) + r"(?![\d,])", text))


def test_benchmark_figures_are_not_restated_by_a_glossary_entry_zh(ask):
    result = ask("2015年机制规定的小学、初中生均公用经费基准定额各是多少？寄宿生另外补助多少？")
    assert_grounded(result)
    assert "600元" in result.text and _count(result.text, "600元") == 1, result.text


def test_benchmark_for_another_year_is_not_said_twice(ask):
    result = ask("What is the national per-pupil public-funding benchmark for primary and junior "
                 "secondary schools, and how are schools with fewer than 100 pupils funded?")
    assert_grounded(result)
    assert _count(result.text, "¥650") <= 1, result.text
    assert "100" in result.text, result.text


def _found(sid: str, kind: str, text: str) -> SimpleNamespace:
    statement = SimpleNamespace(id=sid, kind=kind, text=text, text_zh="",
                                in_language=lambda language: text)
    return SimpleNamespace(statement=statement)


def _draft(question: str, said: list[str]) -> SimpleNamespace:
    terms = content_terms(question)
    draft = SimpleNamespace(ctx=SimpleNamespace(question=question, terms=terms,
                                                stats=TermStats({}, 100)),
                            language="en", said_texts=said)

    def terms_held(found):
        text = found.statement.text
        return {t.text for t in terms if matches(t, text, token_set(text))}
    draft.terms_held = terms_held
    return draft


def test_a_glossary_entry_for_a_term_not_asked_is_stitched():
    question = "When did all counties pass the basic-balance evaluation, and how many counties?"
    said = ["All 2,895 counties were at basic balance, announced May 2022."]
    draft = _draft(question, said)
    covered = draft.terms_held(_found("lead", "fact", said[0]))
    effort = _found("d", "definition", "Government effort (县级人民政府推进义务教育均衡发展工作) is the "
                    "component of the 2012 basic-balance evaluation scored on 17 indicators.")
    assert defined_term(effort, "en") == "Government effort"
    assert stitched(draft, effort, covered)
    named = _found("d2", "definition", "Basic-balance evaluation (基本均衡评估) is the 2012 county "
                   "evaluation with 17 indicators.")
    assert not stitched(draft, named, covered)


def test_a_statement_whose_amounts_are_all_said_is_stitched():
    question = "What is the per-pupil benchmark, and how much extra does each boarder get?"
    said = ["In 2016 it was ¥600 for primary pupils, plus ¥200 per boarder, and schools under "
            + "100 pupils were funded as 100."]
    draft = _draft(question, said)
    again = _found("f", "fact", "A boarding school gets an extra ¥200 for each boarder, and a "
                   "school under 100 pupils is funded as if it had 100.")
    assert stitched(draft, again, set())
    zh = _draft("寄宿生补助多少？", ["小学每生600元，寄宿生另加200元。"])
    assert stitched(zh, _found("z", "fact", "寄宿制学校按寄宿生每生每年200元增加公用经费。"), set())
    assert not stitched(zh, _found("n", "fact", "特殊教育学生每生每年6000元。"), set())

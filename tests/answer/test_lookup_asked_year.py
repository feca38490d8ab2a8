"""A look-up that asks for a figure at a year ("by the end of 2018", "截至2018年底") is led by the
statement that reports that year, not by one of the targets of other years (reader 12c Q3)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answer.shapes.lookup import fitting


def _found(text: str, score: float = 1.0) -> SimpleNamespace:
    statement = SimpleNamespace(id=text[:10], kind="fact", text=text, text_zh=text,
                                in_language=lambda language: text)
    return SimpleNamespace(statement=statement, score=score)


def _draft(question: str) -> SimpleNamespace:
    return SimpleNamespace(ctx=SimpleNamespace(question=question), language="en",
                           elsewhere=lambda found: False)


def test_the_year_asked_by_the_end_of_leads_en():
    targets = _found("Recognised counties stood at 1,100 at end-2014 against the 2015 goal, and "
                     "3,000 at end-2021 against the 2021 goal of 90%.")
    year = _found("Recognitions reached 1,900 counties by end-2016 and 2,600 (88%) by end-2019.",
                  score=0.95)
    question = "How many schools had been recognised by the end of 2019, and when had all of them?"
    assert fitting(_draft(question), [targets, year]) == [year]


def test_the_year_asked_as_of_leads_zh():
    targets = _found("2014年底认定1100个县，2021年底认定3000个县。")
    year = _found("截至2019年底，累计认定2600个县。", score=0.95)
    assert fitting(_draft("截至2019年底有多少个县通过认定？"), [targets, year]) == [year]


def test_a_part_asking_when_all_passed_is_not_answered_by_a_year_of_some():
    from assistant.answer.parts import answered

    opening = ("Recognitions reached 1,900 counties by end-2016 and 2,600 (88%) by end-2019.")
    assert not answered("when had all counties been recognised?", opening)
    assert answered("when had all counties been recognised?",
                    opening + " All 2,895 counties had been recognised by May 2022.")
    assert not answered("全部县是什么时候通过认定的？", "2019年底累计认定2600个县通过认定。")

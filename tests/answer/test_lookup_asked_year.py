"""A look-up that asks for a figure at a year ("by the end of 2018", "截至2018年底") is led by the
statement that reports that year, not by one of the targets of other years (reader 12c Q3)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answer.shapes.lookup import fitting


def _found(text: str, score: float = 1.0) -> SimpleNamespace:
    statement = SimpleNamespace(id=text[:10], kind="fact", text=text, text_zh=text, locator="",
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


def _located(text: str, doc_type: str, score: float) -> SimpleNamespace:
    found = _found(text, score)
    found.located = SimpleNamespace(doc_type=doc_type)
    return found


def test_which_article_is_led_by_the_law_not_advice_quoting_it():
    advice = _located("Where crowding concentrates in popular schools, the ban on key schools "
                      "(Art. 22) and near-home enrolment (Art. 12) limit it.", "analysis", 1.0)
    law = _located("The Compulsory Education Law (Art. 22) forbids dividing schools into key and "
                   "non-key schools.", "law", 0.95)
    history = _located("The law's ban on key schools reportedly dates from its 2006 revision.",
                       "law", 1.0)
    for question in ("Which article of the CEL forbids key schools, and who enforces it?",
                     "义务教育法哪一条禁止设重点学校？由谁查处？"):
        assert fitting(_draft(question), [advice, history, law]) == [law], question


def test_a_part_asking_who_enforces_is_a_who_sanctions_part():
    from assistant.answer.parts import split
    from assistant.answer.shapes import asks_who_sanctions

    _first, second = split("Which article of the CEL forbids key schools, and who enforces it?")
    assert asks_who_sanctions(second)
    assert asks_who_sanctions("由谁查处？")
    assert not asks_who_sanctions("which document set it?")


def test_who_enforces_a_ban_is_answered_by_who_orders_the_correction(ask):
    for question, said in (
            (("Which article of the Compulsory Education Law bans key schools, and who "
              "enforces the ban?"), ("Art. 53", "higher")),
            ("义务教育法哪一条禁止设置重点学校？由谁查处？", ("第五十三条", "上级人民政府"))):
        result = ask(question)
        opening = result.text.split("\n\n")[0]
        lead = opening.split("[1]")[0]
        assert "Art. 22" in lead or "第二十二条" in lead, result.text
        assert all(s in result.text for s in said), result.text


def test_the_figure_for_a_qualified_case_is_a_lookup():
    from assistant.answer.intent import classify

    for question in (("What is the per-pupil funding benchmark for schools with under 100 "
                      "students, and which document set it?"),
                     "What is the boarding subsidy for each boarder, and which notice gives it?",
                     "不足100人的小规模学校生均公用经费基准定额是多少，由哪个文件规定？"):
        assert classify(question, has_definition=True).kind == "lookup", question

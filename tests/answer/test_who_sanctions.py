""""由谁追究？", "who sanctions / who is liable …?": the statutory sanction on the failure asked
about, which names who orders the correction, is the answer — not the rule that was broken, the
supervisor's duties, or other failures' sanctions."""

from __future__ import annotations

import pytest

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize("question, article, who", [
    ("县里把学校分成重点校和非重点校，由谁追究？", "第五十三条", "上级人民政府"),
    ("Who punishes a county that splits its schools into key and non-key schools?", "Art. 53",
     "higher government"),
    ("Who is held liable if a county government diverts compulsory-education funds?", "Art. 54",
     "higher government"),
    ("If a township fails to stop pupils dropping out, who sanctions it?", "Art. 53",
     "higher government"),
    ("乡镇政府没有做好控辍保学，谁来追究责任？", "第五十三条", "上级人民政府"),
    ("学校违法开除学生，由谁来处理？", "第五十七条", "县级人民政府教育行政部门"),
    # "who is held accountable" (passive) and "who …, and what does the law provide / what follows"
    ("If a county government sorts its schools into key and non-key ones, who is held accountable?",
     "Art. 53", "higher government"),
    (("Who is in charge of stopping a county from running key schools, and what does the law provide "
      "if a county does so?"), "Art. 53", "higher government"),
    ("A county keeps running a key school. Who has to act, and what follows under the law?", "Art. 53",
     "higher government"),
])
def test_who_sanctions_a_failure_is_answered_by_its_sanction(ask, question, article, who):
    result = ask(question)
    assert result.kind == "responsible", result.kind
    assert_grounded(result)
    opening = _opening(result.text)
    assert article in opening and who in opening, result.text


def test_who_sanctions_gets_no_list_of_other_failures_sanctions(ask):
    result = ask("县里把学校分成重点校和非重点校，由谁追究？")
    assert "未履行职责的后果" not in result.text and "第五十四条" not in result.text, result.text


def test_who_supervises_still_names_the_supervisor(ask):
    # "由谁监督" asks who checks, not who sanctions
    result = ask("县级政府推进义务教育均衡发展的情况由谁来监督？")
    assert "督导" in _opening(result.text), result.text


@pytest.mark.parametrize("question, articles", [
    ("如果县里设重点学校或重点班，谁要承担责任？会受到什么处理？", ("第五十三条", "第五十七条")),
    ("If a county sets up key schools or key classes, who is liable and what happens?",
     ("Art. 53", "Art. 57")),
])
def test_two_failures_named_get_each_its_sanction(ask, question, articles):
    # key schools are the governments' failure (Art. 53), key classes the schools' (Art. 57)
    opening = _opening(ask(question).text)
    assert all(article in opening for article in articles), opening

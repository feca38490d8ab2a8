"""Suggest answers fitted to the asker's situation: a CV the asker states is checked against
the limit before the measures; the facility or indicator named ranks the measures for it first;
a measure meant for another setting (rural small schools for an urban district) ranks down; a
provincial regulation is basis only for that province's askers; a passed deadline is not given
as a current duty."""

from __future__ import annotations

from assistant.advisor.standards import load_standards
from assistant.answer.premise import stated_cv

from .answer_support import assert_grounded


def test_a_cv_stated_as_the_situation_gets_its_verdict_against_the_limit():
    standards = load_standards()
    found = stated_cv("Our junior-school CV of lab equipment per pupil stands at 0.49; "
                      "what can the county do?", "en", standards)
    assert found is not None and "fails" in found.text and "0.45" in found.text
    found = stated_cv("我们小学的体育场馆面积差异系数是0.47，要怎么改进？", "zh", standards)
    assert found is not None and "达标" in found.text and "0.50" in found.text
    assert stated_cv("Our classes hold 70 pupils. What should we do?", "en", standards) is None


def test_a_suggest_answer_says_first_whether_the_stated_cv_fails(ask):
    result = ask("The provincial inspectors come next spring and our primary schools' CV for "
                 "sports-field area per pupil is 0.58. What should we do before then?")
    assert result.route == "suggest"
    assert_grounded(result)
    first = result.text.split("\n\n")[0].split(". ")[0]
    assert "0.58" in first and "0.50" in first and "fails" in first, first

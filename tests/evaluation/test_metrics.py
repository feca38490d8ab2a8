"""Metric definitions checked on tiny hand-made inputs whose values can be worked out by hand."""

from __future__ import annotations

import math

import pytest

from assistant.citations import check_citations, cited_sentence
from assistant.evaluation import metrics as m

# -- ranking -----------------------------------------------------------------------------------

def test_dedupe_keeps_first_occurrence_order():
    assert m.dedupe_docs(["a", "b", "a", "c", "b"]) == ["a", "b", "c"]


def test_hit_at_k_counts_any_expected_document():
    ranked = ["x", "y", "b", "z"]
    assert m.hit_at_k(ranked, ["a", "b"], 3) == 1.0
    assert m.hit_at_k(ranked, ["a", "b"], 2) == 0.0
    assert m.hit_at_k([], ["a"], 5) == 0.0


def test_fraction_found_at_k():
    ranked = ["a", "x", "b", "y", "c"]
    assert m.fraction_found_at_k(ranked, ["a", "b", "c", "d"], 3) == pytest.approx(0.5)
    assert m.fraction_found_at_k(ranked, ["a", "b", "c", "d"], 5) == pytest.approx(0.75)
    assert m.fraction_found_at_k(ranked, [], 5) == 0.0


def test_reciprocal_rank_uses_first_relevant():
    assert m.reciprocal_rank(["x", "y", "a", "b"], ["b", "a"]) == pytest.approx(1 / 3)
    assert m.reciprocal_rank(["a"], ["a"]) == 1.0
    assert m.reciprocal_rank(["x", "y"], ["a"]) == 0.0


def test_ndcg_by_hand():
    # Relevant at ranks 1 and 3 of 2 relevant: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
    value = m.ndcg_at_k(["a", "x", "b", "y"], ["a", "b"], 10)
    assert value == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert m.ndcg_at_k(["a", "b"], ["a", "b"], 10) == pytest.approx(1.0)
    assert m.ndcg_at_k(["x", "y"], ["a"], 10) == 0.0


def test_ndcg_ignores_documents_past_k_and_caps_ideal_at_k():
    assert m.ndcg_at_k(["x", "a"], ["a"], 1) == 0.0
    # Three relevant documents but k = 1: a relevant first document is a perfect ranking.
    assert m.ndcg_at_k(["a", "x"], ["a", "b", "c"], 1) == pytest.approx(1.0)


# -- facts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, fact", [
    ("Each school needs 4.5 m² per pupil", "4.5"),
    ("ALL 2,895 COUNTIES", "2895 counties"),
    ("全国２８９５个县", "2,895个县"),               # full-width digits, thousands separator
    ("教督[2017]6号", "教督〔2017〕6号"),             # bracket forms
    ("at least 10 % of teachers", "10 %"),
    ("第三十二条\n要求", "第三十二条要求"),            # a line break inside Chinese is layout
    ("the urban–rural gap", "urban-rural"),          # en dash vs hyphen
])
def test_contains_fact_normalises(text, fact):
    assert m.contains_fact(text, fact)


def test_contains_fact_is_not_fooled_by_other_numbers():
    assert not m.contains_fact("a CV of 0.55 for junior schools", "0.50")
    assert not m.contains_fact("4.2 and 5.3", "4.5")


def test_thousands_separator_only_between_digit_groups():
    assert m.normalise("1,234,567") == "1234567"
    assert m.normalise("0.50, 0.45") == "0.50, 0.45"
    assert m.normalise("3, 400") == "3, 400"


def test_fact_recall_and_missing():
    text = "The CV must be at most 0.50 (primary); junior schools 0.45."
    assert m.fact_recall(text, ["0.50", "0.45"]) == 1.0
    assert m.fact_recall(text, ["0.50", "0.65"]) == 0.5
    assert m.missing_facts(text, ["0.50", "0.65"]) == ["0.65"]
    assert m.fact_recall(text, []) == 1.0


# -- citations -----------------------------------------------------------------------------------

PASSAGES = [
    ("Article 32 requires the county education department to allocate teachers evenly. It also "
    "organises the rotation of principals and teachers."),
    "每年交流轮岗教师的比例不低于符合交流条件教师总数的10%，\n其中骨干教师不低于交流总数的20%。",
    ("The **coefficient of variation** must be at most 0.50 for primary schools and 0.45 for junior "
    "secondary schools."),
]


def test_valid_extractive_answer():
    text = ("- Article 32 requires the county education department to allocate teachers evenly [1].\n"
            "- It also organises the rotation of principals and teachers. [1]\n"
            "- 每年交流轮岗教师的比例不低于符合交流条件教师总数的10%[2]。\n"
            "**The coefficient of variation must be at most 0.50 for primary schools** [3]")
    check = check_citations(text, PASSAGES, check_sentences=True)
    assert check.markers == 4
    assert check.valid, [str(p) for p in check.problems]


def test_marker_that_does_not_resolve_is_a_problem():
    check = check_citations("Teachers rotate [4].", PASSAGES, check_sentences=False)
    assert not check.valid
    assert check.problems[0].marker == 4
    assert "resolve" in check.problems[0].reason
    assert not check_citations("Something [0].", PASSAGES, check_sentences=False).valid


def test_sentence_not_in_cited_passage_is_a_problem():
    text = "Article 32 requires the county education department to allocate teachers evenly [3]."
    check = check_citations(text, PASSAGES, check_sentences=True)
    assert not check.valid
    assert "not found" in check.problems[0].reason
    # Without the sentence check (LLM answers) only resolution counts.
    assert check_citations(text, PASSAGES, check_sentences=False).valid


def test_invented_sentence_fails_even_with_a_real_marker():
    text = "The county must rotate half of its teachers every year [1]."
    assert not check_citations(text, PASSAGES, check_sentences=True).valid


def test_each_marker_checks_its_own_sentence():
    text = ("Article 32 requires the county education department to allocate teachers evenly [1]. "
            "The coefficient of variation must be at most 0.50 for primary schools [3].")
    assert check_citations(text, PASSAGES, check_sentences=True).valid
    swapped = text.replace("[1]", "[3]")  # first sentence now cites the CV passage
    assert not check_citations(swapped, PASSAGES, check_sentences=True).valid


def test_glued_markers_vouch_for_the_same_sentence():
    text = "It also organises the rotation of principals and teachers [1][3]."
    check = check_citations(text, PASSAGES, check_sentences=True)
    assert [p.marker for p in check.problems] == [3]


def test_ellipsis_stands_for_omitted_text():
    text = "Article 32 requires … to allocate teachers evenly [1]."
    assert check_citations(text, PASSAGES, check_sentences=True).valid
    wrong = "Article 32 requires … to allocate money evenly [1]."
    assert not check_citations(wrong, PASSAGES, check_sentences=True).valid


def test_reference_list_lines_only_need_to_resolve():
    text = "Sources:\n[1] Compulsory Education Law, Art. 32\n[2] 教师〔2014〕4号"
    assert check_citations(text, PASSAGES, check_sentences=True).valid


def test_table_rows_need_their_numbers_in_the_passage():
    good = "| CV, primary | 0.50 | [3] |"
    bad = "| CV, primary | 0.55 | [3] |"
    assert check_citations(good, PASSAGES, check_sentences=True).valid
    assert not check_citations(bad, PASSAGES, check_sentences=True).valid


def test_cited_sentence_strips_markdown_and_previous_sentences():
    line = "1. **First point.** The second sentence is the one cited [2]"
    assert cited_sentence(line, line.index("[2]")) == "The second sentence is the one cited"


# -- abstention ----------------------------------------------------------------------------------

def test_abstention_scores_by_hand():
    abstained = [True, True, False, True, False, False]
    out_of_scope = [True, True, True, False, False, False]
    scores = m.abstention_scores(abstained, out_of_scope)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.wrong_refusal_rate == pytest.approx(1 / 3)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (2, 1, 1)


def test_abstention_scores_undefined_cases():
    never = m.abstention_scores([False, False], [True, False])
    assert never.precision is None and never.recall == 0.0
    assert m.abstention_scores([False], [False]).recall is None
    with pytest.raises(ValueError):
        m.abstention_scores([True], [True, False])


def test_percentile_and_mean():
    assert m.percentile([3, 1, 2], 50) == 2
    assert m.percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert m.percentile([], 50) is None
    assert m.mean([]) is None
    assert m.mean([1, 0]) == 0.5


def test_a_heading_line_is_not_one_of_the_first_two_sentences():
    from assistant.evaluation.readability import key_fact_early, units

    text = ("Teachers leave for the towns. [1]\n\nThe main causes and how they work:\n"
            "1. Pay is lower in villages. [2]\n2. Housing is poor. [3]")
    assert units(text)[:2] == ["Teachers leave for the towns.", "Pay is lower in villages."]
    assert key_fact_early(text, ["lower in villages"]) is True
    assert key_fact_early(text, ["Housing"]) is False

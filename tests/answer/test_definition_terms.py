"""A definition opens with the term asked about, however the reader names its kind of scheme,
and the sentences after it stay with that term."""

from __future__ import annotations

from assistant.answer.glossary_route import scheme_variants

from .answer_support import assert_grounded


def test_a_scheme_word_is_read_as_any_other():
    assert "special-post teacher scheme" in scheme_variants("special-post teacher programme")
    assert scheme_variants("county manages, schools hire") == ["county manages, schools hire"]


def test_a_programme_is_defined_by_the_scheme_of_that_name_and_nothing_that_shares_its_words(ask):
    result = ask("What is the special-post teacher programme?")
    assert_grounded(result)
    assert result.text.startswith("The special-post teacher scheme"), result.text
    # "support teaching" and the special-education "special-post allowance" share words only
    assert "支教" not in result.text and "special-post allowance" not in result.text, result.text

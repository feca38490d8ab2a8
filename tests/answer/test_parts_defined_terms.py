"""A second part that asks what named terms mean ("…和…分别指什么？") is answered after the
explanation, one definition per term (assistant/answer/parts.py, pipeline.second_part)."""

from __future__ import annotations


def test_a_second_part_asking_what_two_named_terms_mean_defines_each_after_the_answer(ask):
    # "…是怎么运作的？X和Y分别指什么？": the explanation, then a definition of each term
    result = ask("城乡统一的义务教育经费保障机制是怎么运作的？“两免一补”和生均公用经费基准定额分别指什么？")
    assert result.route == "explain"
    paragraphs = result.text.split("\n\n")
    last = paragraphs[-1]
    assert "两免一补" in last and "免除学杂费" in last, result.text
    assert "基准定额" in last and "600" in last, result.text
    assert "免除学杂费" not in paragraphs[0]


def test_a_part_asking_what_terms_mean_is_answered_whatever_kind_it_reads_as(ask):
    # "“A”和“B”分别是什么意思" reads as a look-up; it still asks what the two terms mean
    result = ask("为什么要办乡镇寄宿制学校？“寄宿制学校”和“教学点”分别是什么意思？")
    last = result.text.split("\n\n")[-1]
    assert "寄宿" in last and "教学点" in last, result.text


def test_only_a_part_that_asks_what_terms_mean_becomes_definition_questions(corpus_engine):
    from assistant.answer.parts import definition_questions

    glossary = corpus_engine.glossary
    assert definition_questions("“两免一补”和生均公用经费基准定额分别指什么？", glossary, "zh") == [
        "什么是两免一补？", "什么是生均公用经费基准定额？"]
    # it asks for a document, not what the two terms mean
    assert definition_questions("县管校聘和交流轮岗的依据是哪个文件？", glossary, "zh") == []
    # one term: the whole answer's own definition route answers it
    assert definition_questions("两免一补指什么？", glossary, "zh") == []


def test_a_common_word_in_the_glossary_is_not_a_term_the_part_asks_to_define(corpus_engine):
    # "county" is a glossary entry, but it is in most passages: a part asking what a figure means
    # "for a county" does not ask what "county" means
    from assistant.answer.parts import definition_questions
    from assistant.answer.terms import term_stats

    glossary, stats = corpus_engine.glossary, term_stats(corpus_engine)
    part = "and what does a coefficient of variation of 0.4 really mean for a county?"
    assert len(glossary.find_in(part)) >= 2  # the glossary alone would make two questions
    assert definition_questions(part, glossary, "en", stats) == []
    assert definition_questions("“两免一补”和生均公用经费基准定额分别指什么？", glossary, "zh", stats) == [
        "什么是两免一补？", "什么是生均公用经费基准定额？"]

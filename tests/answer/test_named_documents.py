"""Which corpus document a side of a comparison names (the corpus's own front matter)."""

from __future__ import annotations

import pytest

from assistant.answer.named_documents import mentioned_documents, named_document, unnamed_words
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.corpus_documents import load_documents


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    loaded, _ = load_documents(DEFAULT_CORPUS_DIR)
    return {d.id: d.metadata for d in loaded}


@pytest.mark.parametrize("phrase, expected", [
    ("国办发[2018]82号", "pol-2018-education-spending-efficiency"),  # brackets as typed
    ("国发〔2015〕67号", "pol-2015-unified-funding-mechanism"),
    ("the Education Law", "law-education"),
    ("the national Compulsory Education Law", "law-compulsory-education"),  # longest name wins
    ("义务教育法", "law-compulsory-education"),
    ("教育法", "law-education"),
    ("《教育督导条例》", "reg-education-supervision"),
    ("Zhejiang's provincial regulation on teacher exchange", "reg-zhejiang-compulsory-education"),
    ("the 2013 weak-school improvement programme", "pol-2013-weak-schools-improvement"),
    ("2018 guidance on small and boarding schools", "pol-2018-small-and-boarding-schools"),
    ("2016年城乡一体化意见", "pol-2016-urban-rural-integration"),
    ("全面改薄", "pol-2013-weak-schools-improvement"),
])
def test_a_document_is_named_by_number_name_or_title_words(documents, phrase, expected):
    assert named_document(phrase, documents) == expected


@pytest.mark.parametrize("phrase", [
    "basic balance",            # a topic sharing a title's words, no word for a document
    "teacher rotation",
    "2018 guidance",            # two documents of 2018 fit equally
    "the 2014 funding notice",  # no funding notice of 2014: a year rules the others out
    "Chengdu",
])
def test_a_topic_or_an_ambiguous_phrase_names_no_document(documents, phrase):
    assert named_document(phrase, documents) is None


def test_a_longer_name_hides_the_shorter_name_inside_it(documents):
    text = "The Compulsory Education Law (Art. 31) compares pay with local civil servants."
    assert mentioned_documents(text, documents) == {"law-compulsory-education"}
    both = "The Teachers Law uses national civil servants, the Compulsory Education Law local ones."
    assert mentioned_documents(both, documents) == {"law-teachers", "law-compulsory-education"}


def test_the_words_that_do_not_name_the_document_are_the_aspect(documents):
    meta = documents["reg-zhejiang-compulsory-education"]
    assert unnamed_words("Zhejiang's provincial regulation on teacher exchange",
                         meta) == "teacher exchange"

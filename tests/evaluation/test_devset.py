"""The development set is usable: well-formed, large enough, and true to the corpus it measures."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.config import DEFAULT_CORPUS_DIR
from assistant.evaluation.dataset import (
    DEFAULT_DEVSET,
    KINDS,
    DevsetError,
    corpus_documents,
    load_devset,
    validate_devset,
)


@pytest.fixture(scope="module")
def items():
    return load_devset(DEFAULT_DEVSET)


@pytest.fixture(scope="module")
def documents():
    return corpus_documents([DEFAULT_CORPUS_DIR])


def test_devset_matches_the_corpus(items, documents):
    """Ids unique, expected documents exist, every required fact occurs in an expected document."""
    problems = validate_devset(items, documents)
    assert not problems, "\n".join(problems)


def test_devset_size_and_mix(items):
    """Large enough to measure each kind of question in both languages (ANSWER-QUALITY.md)."""
    languages = Counter(item.language for item in items)
    kinds = Counter(item.kind for item in items)
    assert len(items) >= 200
    assert kinds["explain"] + kinds["compare"] + kinds["suggest"] >= 80, kinds
    assert languages["zh"] >= 80, languages
    assert sum(item.out_of_scope for item in items) >= 20
    assert set(kinds) == set(KINDS), f"every kind should be represented: {kinds}"
    assert sum(1 for i in items if i.out_of_scope and i.language == "zh") >= 5


def test_questions_are_not_copied_from_the_corpus(items, documents):
    """A question pasted from a document would measure string matching, not retrieval."""
    bodies = [doc.body for doc in documents.values()]
    copied = [item.id for item in items if any(item.question.rstrip("？?") in b for b in bodies)]
    assert not copied


def test_validation_names_each_problem(documents):
    from assistant.evaluation.dataset import EvalItem

    bad = [
        EvalItem("dup", "What is the CV threshold?", "en", "lookup", ("std-2017-quality-balance-evaluation",),
                 ("0.50",)),
        EvalItem("dup", "CV 差异系数是多少？", "zh", "lookup", ("no-such-doc",), ("0.50",)),
        EvalItem("fact", "What is the CV threshold?", "en", "lookup",
                 ("std-2017-quality-balance-evaluation",), ("0.77 invented",)),
        EvalItem("lang", "差异系数是多少？", "en", "lookup",
                 ("std-2017-quality-balance-evaluation",), ("0.50",)),
        EvalItem("oos", "Weather?", "en", "out-of-scope", ("law-education",), (), True),
        EvalItem("kind", "What is the CV threshold?", "en", "trivia",
                 ("std-2017-quality-balance-evaluation",), ("0.50",)),
    ]
    problems = "\n".join(validate_devset(bad, documents))
    assert "id 'dup' is used 2 times" in problems
    assert "['no-such-doc'] are not in the corpus" in problems
    assert "fact '0.77 invented' occurs in none" in problems
    assert "question 'lang': language says 'en'" in problems
    assert "question 'oos': out-of-scope questions list no expected_docs" in problems
    assert "kind 'trivia'" in problems


@pytest.mark.parametrize("content, message", [
    ("questions: {}", "'questions' list"),
    ("questions:\n  - id: a\n    question: q\n    language: en\n", "field 'kind' is required"),
    (("questions:\n  - id: a\n    question: q\n    language: en\n    kind: lookup\n"
     "    expected_docs: law-education\n"), "'expected_docs' must be a list"),
    (("questions:\n  - id: a\n    question: q\n    language: en\n    kind: lookup\n"
     "    expectd_docs: [x]\n"), "unknown field(s) ['expectd_docs']"),
    ("questions: [\n", "not valid YAML"),
])
def test_loader_errors_name_file_item_and_field(tmp_path, content, message):
    path = tmp_path / "devset.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DevsetError) as error:
        load_devset(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DevsetError, match="cannot read"):
        load_devset(tmp_path / "absent.yaml")

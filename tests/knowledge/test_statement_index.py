"""The statement index's kept work: which statements hold a term (read from postings) and how
many mention a glossary term, each equal to testing every statement as the rules say."""

from __future__ import annotations

import numpy as np
import pytest
import yaml
from tests_support import REPO

from assistant.answer.terms import Term, content_terms, matches, token_set
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.knowledge.index import Located, StatementIndex, statement_index


@pytest.fixture(scope="module")
def index() -> StatementIndex:
    return statement_index([DEFAULT_CORPUS_DIR])


def _one_by_one(index: StatementIndex, term: Term) -> np.ndarray:
    return np.array([float(matches(term, item.search_text, token_set(item.search_text)))
                     for item in index.located])


def _devset_terms() -> set[Term]:
    data = yaml.safe_load((REPO / "tests" / "evaluation" / "devset.yaml").read_text("utf-8"))
    return {term for item in data["questions"] for term in content_terms(item["question"])}


def test_matching_statements_equal_testing_each_statement(index):
    terms = _devset_terms() | {
        Term("老师", True, ("教师",)), Term("农村", True, ("乡村",)), Term("salari", False,
                                                                     ("pay", "wage")),
        Term("均衡", True), Term("no-such-word", False), Term("从未出现的词", True)}
    assert len(terms) > 300
    held = 0
    for term in terms:
        expected = _one_by_one(index, term)
        assert np.array_equal(index._matching(term), expected), term
        held += expected.any()
    assert held > 100  # most terms are in some statement: the comparison is not all zeros


def test_a_substring_counts_once_per_statement_and_never_across_two(index):
    first, second = index.located[0], index.located[1]
    tail, head = first.search_text[-2:], second.search_text[:2]
    across = Term(tail + head, True)
    assert np.array_equal(index._matching(across), _one_by_one(index, across))
    small = StatementIndex([_located(first, "甲乙甲乙甲乙"), _located(second, "丙甲")])
    assert small._matching(Term("甲乙", True)).tolist() == [1.0, 0.0]
    assert small._matching(Term("乙丙", True)).tolist() == [0.0, 0.0]  # not across statements
    assert small._matching(Term("甲", True)).tolist() == [1.0, 1.0]


def _located(item: Located, words: str) -> Located:
    from dataclasses import replace

    return replace(item, search_text=words)


def test_statements_mentioning_a_name_equal_counting_them(index):
    from assistant.glossary import Glossary

    glossary = Glossary.load(DEFAULT_CORPUS_DIR / "glossary.yaml")
    entries = glossary.find_in("县域内城乡义务教育教师交流轮岗 and weak schools, key schools, "
                               "coefficient of variation, county government")
    assert entries
    for entry in entries:
        names = tuple(n.lower() for n in (entry.en, *entry.aliases_en, entry.zh,
                                          *entry.aliases_zh) if n and len(n) >= 2)
        expected = sum(1 for text in index.lowered if any(n in text for n in names))
        assert index.mentioning(names) == expected
        assert index.mentioning(names) == expected  # kept: the same again


def _search_one_by_one(index, terms, stats, query_vector=None, vectors=None, kinds=None,
                       actors=None, area=None, cases=None, sources=None, filters=None,
                       limit=20):
    """The search as its docstring states it, one statement at a time."""
    from assistant.knowledge.index import COVER, DENSE_SCALE, Found

    total = sum(stats.weight(t) for t in terms) or 1.0
    cosine = None if query_vector is None else vectors @ query_vector  # as the index does
    found = []
    for position, item in enumerate(index.located):
        s = item.statement
        cover = sum(stats.weight(t) * matches(t, item.search_text, token_set(item.search_text))
                    for t in terms) / total
        if not (cases or sources) and cover <= 0:
            continue
        if (kinds and s.kind not in kinds) or (actors and not set(s.actors) & set(actors)) or \
                (area and s.area and s.area != area) or (cases and s.case not in cases) or \
                (sources and s.source not in sources) or \
                (filters is not None and not filters.admits(s.source, item.metadata)):
            continue
        score = cover
        if cosine is not None:
            dense = min(1.0, max(0.0, float(cosine[position])) / DENSE_SCALE)
            score = COVER * cover + (1 - COVER) * dense
        found.append(Found(item, score, cover))
    found.sort(key=lambda f: (-f.score, f.located.strength))
    return found[:limit]


def test_search_equals_scoring_and_filtering_each_statement(index):
    from assistant.answer.terms import TermStats
    from assistant.retrieval import SearchFilters

    terms = sorted(_devset_terms(), key=lambda t: t.text)
    stats = TermStats({t.text: i % 7 + 1 for i, t in enumerate(terms)}, 50)
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(len(index.located), 8)).astype(np.float32)
    query = rng.normal(size=8).astype(np.float32)
    some_case = next(item.statement.case for item in index.located if item.statement.case)
    some_source = index.located[5].statement.source
    options = [{}, {"kinds": ("duty", "fact")}, {"kinds": ["definition"]},
               {"actors": ("county government",)}, {"area": "teachers"},
               {"cases": (some_case,)}, {"sources": (some_source,), "limit": 50},
               {"filters": SearchFilters(doc_types=["law", "policy"])},
               {"filters": SearchFilters()}, {"query_vector": query, "vectors": vectors},
               {"query_vector": query, "vectors": vectors, "kinds": ("duty",), "limit": 5}]
    compared = 0
    for n in range(0, len(terms), 9):
        asked = terms[n:n + 4]
        for option in options:
            expected = _search_one_by_one(index, asked, stats, **option)
            got = index.search(asked, stats, **option)
            assert [(f.statement.id, f.score, f.coverage) for f in got] == \
                [(f.statement.id, f.score, f.coverage) for f in expected], (asked, option)
            compared += bool(expected)
    assert compared > 100


def test_a_duty_of_two_levels_is_found_for_either_level(index):
    from assistant.answer.terms import TermStats

    shared = [item.statement for item in index.located if len(item.statement.actors) > 1]
    assert shared, "the corpus has a duty of two levels (Teachers Law Art. 28: 县、乡两级)"
    statement = shared[0]
    terms = content_terms(statement.text)
    stats = TermStats({t.text: 1 for t in terms}, 10)
    for actor in statement.actors:
        found = index.search(terms, stats, kinds=("duty",), actors=(actor,), limit=200)
        assert statement.id in [f.statement.id for f in found], actor
    others = tuple(a for a in ("school", "central-ministries") if a not in statement.actors)
    found = index.search(terms, stats, kinds=("duty",), actors=others, limit=200)
    assert statement.id not in [f.statement.id for f in found]

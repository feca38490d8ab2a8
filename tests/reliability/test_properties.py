"""Property-based tests (hypothesis): the chunker, the tokenizer, the between-school CV and the
profile parser hold their promises for arbitrary input, not only for the examples we thought of."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.advisor.profile import DistrictProfile, ProfileError, validate_profile
from assistant.advisor.schools import weighted_cv
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.documents import LoadedDocument
from assistant.index.tokenizer import tokenize
from assistant.ingest.chunking import chunk_document, max_chunk_chars
from assistant.language import word_equivalents

# Text that looks like our documents (headings, articles, chapters, Chinese and English sentences,
# code fences) mixed with arbitrary unicode, including control characters and surrogates' kin.
PIECES = st.sampled_from([
    "# Title\n", "## Chapter 2 Teachers\n", "### Article 32 (第三十二条)\n", "第四章 教师\n",
    "第三十二条 县级人民政府教育行政部门应当均衡配置师资。", "Article 7 ", "\n\n", "\n", "。", "；",
    ". ", "! ", "e.g. ", "```\n", "---\n", "**第五条** ", " ", "\t", "县", "teacher ",
    "https://example.com/" + "a" * 40 + " "])
DOC_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=200),
                              st.text(alphabet="ab 县教师。.\n", max_size=3000)),
                    max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOC_TEXT, target=st.integers(min_value=40, max_value=300))
def test_chunks_map_back_to_the_text_are_bounded_and_ordered(text, target):
    document = LoadedDocument("doc.md", text)
    chunks = chunk_document(document, "doc-1", {"title": "T"}, target)
    previous_end = 0
    for ordinal, chunk in enumerate(chunks):
        assert chunk.text == text[chunk.start:chunk.end]          # offsets map back to the text
        assert chunk.text and chunk.text == chunk.text.strip()
        assert chunk.ordinal == ordinal
        assert chunk.start >= previous_end                         # in order, no overlap
        previous_end = chunk.end
        assert word_equivalents(chunk.text) <= int(target * 1.3)  # sizes bounded
        assert len(chunk.text) <= max_chunk_chars(target)
    body = [line for line in text.split("\n") if line.strip() and not _is_heading(line)]
    if body:
        assert chunks, "text with content gave no chunk"


def _is_heading(line: str) -> bool:
    """Heading lines alone make no chunk (their title lives in the section path)."""
    from assistant.ingest.chunking import _classify

    return _classify(line.strip())[0] is not None


@settings(max_examples=150, deadline=None)
@given(text=DOC_TEXT)
def test_chunk_ids_are_stable_and_unique(text):
    first = chunk_document(LoadedDocument("a.md", text), "doc-1", {}, 120)
    again = chunk_document(LoadedDocument("b.md", text), "doc-1", {}, 120)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert len({c.chunk_id for c in first}) == len(first)
    other = chunk_document(LoadedDocument("a.md", text), "doc-2", {}, 120)
    assert not {c.chunk_id for c in first} & {c.chunk_id for c in other}


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_tokens_never_crash_and_survive_the_catalog_round_trip(text):
    tokens = tokenize(text)
    assert tokens == tokenize(text)
    for token in tokens:
        assert token and not any(ch.isspace() for ch in token)
    # The catalog stores tokens joined by one space and splits them again.
    assert (" ".join(tokens).split(" ") if tokens else []) == tokens


@settings(max_examples=200, deadline=None)
@given(a=st.text(), b=st.text())
def test_tokenizing_is_per_run(a, b):
    """A space never joins two runs, so texts can be tokenized piece by piece."""
    assert tokenize(a + " " + b) == tokenize(a) + tokenize(b)


@settings(max_examples=100, deadline=None)
@given(word=st.from_regex(r"[A-Za-z]{1,30}", fullmatch=True))
def test_english_tokens_ignore_case(word):
    assert tokenize(word) == tokenize(word.upper()) == tokenize(word.lower())


# -- coefficient of variation -------------------------------------------------------------------

SCHOOLS = st.integers(min_value=1, max_value=30).flatmap(lambda n: st.tuples(
    st.lists(st.integers(min_value=1, max_value=5000), min_size=n, max_size=n),
    st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=n, max_size=n)))


def numpy_cv(pupils, resources) -> float:
    p, r = np.asarray(pupils, float), np.asarray(resources, float)
    x, mean = r / p, r.sum() / p.sum()
    return float(np.sqrt(np.average((x - mean) ** 2, weights=p)) / mean)


@settings(max_examples=300, deadline=None)
@given(data=SCHOOLS)
def test_cv_is_non_negative_and_matches_numpy(data):
    pupils, resources = data
    result = weighted_cv(pupils, resources)
    if sum(resources) == 0:
        assert result.cv is None  # no resources at all: the CV is undefined, not 0
        return
    assume(sum(resources) / sum(pupils) > 1e-9)
    assert result.cv >= 0
    assert math.isclose(result.cv, numpy_cv(pupils, resources), rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(sum(result.weighted_sq_devs), result.sd ** 2, rel_tol=1e-9, abs_tol=1e-18)


@settings(max_examples=200, deadline=None)
@given(data=SCHOOLS, factor=st.floats(min_value=1e-3, max_value=1e3))
def test_cv_does_not_depend_on_units(data, factor):
    pupils, resources = data
    assume(sum(resources) / sum(pupils) > 1e-6)
    base = weighted_cv(pupils, resources).cv
    scaled = weighted_cv(pupils, [r * factor for r in resources]).cv   # m² vs 100 m², yuan vs 10k
    assert math.isclose(base, scaled, rel_tol=1e-7, abs_tol=1e-9)
    doubled = weighted_cv([p * 3 for p in pupils], [r * 3 for r in resources]).cv
    assert math.isclose(base, doubled, rel_tol=1e-7, abs_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(pupils=st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=30),
       per_pupil=st.floats(min_value=1e-3, max_value=1e4))
def test_cv_is_zero_when_every_school_has_the_same_per_pupil_value(pupils, per_pupil):
    result = weighted_cv(pupils, [p * per_pupil for p in pupils])
    assert result.cv == pytest.approx(0, abs=1e-9)


def test_cv_refuses_schools_without_pupils():
    with pytest.raises(ValueError, match="positive number of pupils"):
        weighted_cv([100, 0], [5, 0])


# -- profile parser -----------------------------------------------------------------------------

JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**12, max_value=10**12)
    | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                               max_size=4),
    max_leaves=12)
FIELD_NAMES = sorted(DistrictProfile.model_fields)
EXAMPLE = yaml.safe_load((DEFAULT_CORPUS_DIR / "examples" / "illustrative-county-a.yaml")
                         .read_text(encoding="utf-8"))


def _leaf_paths(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaf_paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaf_paths(item, prefix + (index,))
    else:
        yield prefix


LEAVES = list(_leaf_paths(EXAMPLE))


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=12), JUNK,
                            max_size=6))
def test_profile_parser_only_raises_profile_errors_that_name_a_field(data):
    try:
        validate_profile(data)
    except ProfileError as error:
        assert error.problems
        allowed = set(FIELD_NAMES) | {str(k) for k in data} | {"profile"}
        for problem in error.problems:
            assert any(problem.startswith((f"{name}:", f"{name}.")) for name in allowed), problem


@settings(max_examples=300, deadline=None)
@given(leaf=st.sampled_from(LEAVES), junk=JUNK)
def test_a_bad_value_anywhere_in_a_profile_is_named_by_its_path(leaf, junk):
    data = copy.deepcopy(EXAMPLE)
    target = data
    for part in leaf[:-1]:
        target = target[part]
    target[leaf[-1]] = junk
    try:
        validate_profile(data)
    except ProfileError as error:
        dotted = ".".join(str(p) for p in leaf)
        parent = ".".join(str(p) for p in leaf[:-1])
        assert any(problem.startswith((f"{dotted}:", f"{dotted}.", f"{parent}: {leaf[-1]}:"))
                   for problem in error.problems), (dotted, error.problems)

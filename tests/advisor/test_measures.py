"""Measures: ranked by the gaps they address, each with a cited policy basis."""

from __future__ import annotations

import pytest

from assistant.advisor.diagnosis import diagnose
from assistant.advisor.measures import (
    PRIORITIES,
    MeasuresError,
    MeasureSpec,
    load_measures,
    rank_measures,
    suggest_measures,
)
from assistant.advisor.profile import load_profile

from .conftest import EXAMPLE_PROFILES


@pytest.fixture(scope="module")
def catalogue():
    return load_measures()


def test_catalogue_loads_with_a_policy_basis_for_every_measure(catalogue):
    assert catalogue
    assert all(spec.policy_basis for spec in catalogue)


def test_every_suggested_measure_cites_its_policy_basis(example_advice, corpus_engine, catalogue):
    specs = {spec.id: spec for spec in catalogue}
    suggested = 0
    for name, advice in example_advice.items():
        for measure in advice.suggestions.measures:
            suggested += 1
            spec = specs[measure.id]
            assert measure.citations, f"{name}: {measure.id} has no citation"
            for citation in measure.citations:
                assert citation.doc_id in spec.policy_basis
                chunks = {c.chunk_id: c for c in corpus_engine.document_chunks(
                    citation.doc_id)}
                assert chunks[citation.chunk_id].text == citation.text  # a real passage
            for citation in measure.precedents:
                assert citation.doc_id in spec.precedents
            assert set(measure.gaps) <= set(spec.addresses)
            assert measure.priority in PRIORITIES
    assert suggested > 0


def test_measures_are_ranked_by_score(example_advice):
    for advice in example_advice.values():
        scores = [m.score for m in advice.suggestions.measures]
        assert scores == sorted(scores, reverse=True)


def test_ranking_addresses_only_diagnosed_gaps(standards, catalogue):
    for path in EXAMPLE_PROFILES:
        diagnosis = diagnose(load_profile(path), standards)
        weights = diagnosis.gap_weights()
        for spec, score, gaps in rank_measures(diagnosis, catalogue):
            assert score > 0
            assert gaps and all(weights[g] > 0 for g in gaps)


def test_a_profile_without_gaps_gets_no_measures(standards, catalogue, corpus_engine):
    diagnosis = diagnose(load_profile({"name": "Nowhere"}), standards)
    assert rank_measures(diagnosis, catalogue) == []
    assert suggest_measures(diagnosis, corpus_engine, catalogue).measures == []


def test_a_measure_without_a_resolvable_basis_is_dropped(standards, corpus_engine):
    diagnosis = diagnose(load_profile(EXAMPLE_PROFILES[0]), standards)
    flag = diagnosis.flags[0].id
    uncited = MeasureSpec(id="uncited", name="Uncited measure", name_zh="", area="planning",
                          addresses=(flag,), description="Something to do.", description_zh="",
                          policy_basis=("no-such-document",))
    result = suggest_measures(diagnosis, corpus_engine, [uncited])
    assert result.measures == []
    assert [measure_id for measure_id, _ in result.dropped] == ["uncited"]


def test_a_malformed_catalogue_names_the_measure_and_field(tmp_path):
    path = tmp_path / "measures.yaml"
    path.write_text("- id: lonely\n  name: A measure\n  area: funding\n  addresses: [high_cv]\n"
                    "  description: Do it.\n", encoding="utf-8")
    with pytest.raises(MeasuresError, match="lonely.*policy_basis"):
        load_measures(path)


def test_a_questions_fit_adds_to_the_ranking_and_admits_a_measure_without_a_named_problem():
    from assistant.advisor.measures import RELEVANCE_WEIGHT, RELEVANT_ALONE, rank_by_weights

    def spec(id_: str, addresses: tuple[str, ...]) -> MeasureSpec:
        return MeasureSpec(id=id_, name=id_, name_zh=id_, area="funding", addresses=addresses,
                           description="", description_zh="", policy_basis=("law-x",))

    specs = [spec("two-flags", ("high_cv", "large_classes")), spec("one-flag", ("high_cv",)),
             spec("no-flag", ("boarding_conditions",)), spec("far", ("boarding_conditions",))]
    weights = {"high_cv": 2.0, "large_classes": 2.0}
    # without a question (the district advisor), the gaps alone rank
    assert [s.id for s, _, _ in rank_by_weights(weights, specs)] == ["two-flags", "one-flag"]
    fit = {"two-flags": 0.1, "one-flag": 1.0, "no-flag": RELEVANT_ALONE, "far": 0.5}
    ranked = rank_by_weights(weights, specs, fit)
    # the measure the question's words fit best overtakes one that only names more problems
    assert [s.id for s, _, _ in ranked] == ["one-flag", "two-flags", "no-flag"]
    assert ranked[0][1] == pytest.approx(2.0 + RELEVANCE_WEIGHT * 1.0)
    assert ranked[2][2] == []  # admitted by its fit alone, addressing no named problem

"""The "Cases and places" comparisons: each column from one case's own statements, the key
difference an analysis statement that compares them (corpus/analysis/ana-cases-compared.md and
ana-thesis-cases-compared.md)."""

from __future__ import annotations

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.knowledge import load_statements
from assistant.knowledge.comparisons import load_comparisons


def _case_comparisons():
    statements = {s.id: s for s in load_statements(CORPUS)[0]}
    comparisons, _ = load_comparisons(CORPUS)
    return statements, [c for c in comparisons
                        if all(statements[i].kind == "case"
                               for row in c.rows for i in row.cells if i)]


def test_there_are_case_comparisons_for_the_pairs_readers_ask_about():
    _, comparisons = _case_comparisons()
    assert len(comparisons) >= 12
    assert any(len(c.sides) == 3 for c in comparisons)


def test_each_column_holds_one_case_and_the_key_is_a_comparison_finding():
    statements, comparisons = _case_comparisons()
    for comparison in comparisons:
        columns = [{statements[row.cells[n]].case for row in comparison.rows if row.cells[n]}
                   for n in range(len(comparison.sides))]
        assert all(len(cases) == 1 for cases in columns), (comparison.id, columns)
        assert len({next(iter(cases)) for cases in columns}) == len(columns), comparison.id
        key = statements[comparison.key]
        assert key.kind == "finding" and key.aspect == "comparison", comparison.id
        assert key.source.startswith("ana-"), comparison.id
        # rows are aspects, not the case template's section names
        names = {row.aspect.en for row in comparison.rows}
        assert not names & {"Context", "Lessons", "What the sources do not say"}, comparison.id

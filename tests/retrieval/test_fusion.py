import numpy as np

from assistant.documents import Chunk, Hit
from assistant.glossary import Glossary, GlossaryEntry
from assistant.retrieval import (
    RankedList,
    SearchFilters,
    collapse_near_duplicates,
    reciprocal_rank_fusion,
)


def test_rrf_adds_reciprocal_ranks():
    fused = dict(reciprocal_rank_fusion([RankedList("a", ["x", "y"]), RankedList("b", ["y", "z"])], k=60))
    assert fused["y"] == 1 / 62 + 1 / 61
    assert fused["x"] == 1 / 61
    assert fused["z"] == 1 / 62
    assert max(fused, key=fused.get) == "y"


def test_filters_build_chroma_where_and_masks():
    filters = SearchFilters(doc_types=["law"], year_min=2010, year_max=2020)
    assert filters.to_chroma_where() == {"$and": [{"doc_type": {"$in": ["law"]}},
                                                  {"year": {"$gte": 2010}}, {"year": {"$lte": 2020}}]}
    columns = {"doc_type": np.array(["law", "law", "case"], dtype=object),
               "year": np.array([2006, 2018, 2015]), "level": np.array(["n"] * 3, dtype=object),
               "region": np.array(["c"] * 3, dtype=object), "language": np.array(["en"] * 3, dtype=object),
               "doc_id": np.array(["a", "b", "c"], dtype=object)}
    assert filters.mask(columns).tolist() == [False, True, False]
    assert SearchFilters().mask(columns) is None


def _hit(cid: str) -> Hit:
    return Hit(Chunk(cid, "d", "t", 0, 0, 1), 1.0)


def test_near_duplicates_collapse_to_the_better_hit():
    hits = [_hit("a"), _hit("b"), _hit("c")]
    tokens = {"a": set("abcdefghij"), "b": set("abcdefghiz"), "c": set("klmnop")}
    kept = collapse_near_duplicates(hits, tokens, threshold=0.8)
    assert [h.chunk.chunk_id for h in kept] == ["a", "c"]


def _collapse_by_definition(hits, token_sets, threshold):
    """The rule as stated: drop a hit whose Jaccard with a kept hit reaches the threshold."""
    kept = []
    for hit in hits:
        tokens = token_sets.get(hit.chunk.chunk_id, set())
        if not any((union := len(tokens | token_sets.get(k.chunk.chunk_id, set())))
                   and len(tokens & token_sets.get(k.chunk.chunk_id, set())) / union >= threshold
                   for k in kept):
            kept.append(hit)
    return kept


def test_collapsing_skips_pairs_by_size_but_keeps_exactly_what_the_rule_keeps():
    rng = np.random.default_rng(12)
    vocabulary = [f"w{i}" for i in range(60)]
    dropped = 0
    for trial in range(300):
        hits = [_hit(f"c{i}") for i in range(int(rng.integers(1, 25)))]
        tokens = {}
        base = set(rng.choice(vocabulary, size=30, replace=False))
        for hit in hits:  # near copies of one text, of varied sizes, and some unrelated texts
            size = int(rng.integers(0, 40))
            pool = list(base) if rng.random() < 0.7 else vocabulary
            tokens[hit.chunk.chunk_id] = set(rng.choice(pool, size=min(size, len(pool)),
                                                        replace=False))
        if trial % 10 == 0:
            tokens.pop(hits[0].chunk.chunk_id)  # a hit without tokens
        for threshold in (0.0, 0.5, 0.85, 0.9, 1.0):
            kept = collapse_near_duplicates(hits, tokens, threshold)
            assert kept == _collapse_by_definition(hits, tokens, threshold), (trial, threshold)
            dropped += threshold == 0.85 and len(hits) - len(kept)
    assert dropped > 50  # near copies were collapsed at the default threshold, not only kept


def test_glossary_expands_chinese_queries_with_english_terms_and_back():
    glossary = Glossary([GlossaryEntry("r", "teacher rotation", "交流轮岗"),
                         GlossaryEntry("x", "county manages, schools hire", "县管校聘",
                                       aliases_zh=("县管",))])
    zh = glossary.expand("县管校聘和交流轮岗是什么")
    assert zh.dense_query == "county manages, schools hire; teacher rotation"
    assert "交流轮岗" in zh.keyword_query and "teacher rotation" in zh.keyword_query
    assert "县管" in zh.keyword_query  # synonyms reach keyword search
    en = glossary.expand("How does Teacher Rotation work?")
    assert en.dense_query == "How does Teacher Rotation work?"
    assert "交流轮岗" in en.keyword_query
    assert glossary.expand("weather today").matched == []


def test_glossary_matches_are_kept_per_text_and_each_caller_gets_its_own_list():
    glossary = Glossary([GlossaryEntry("r", "teacher rotation", "交流轮岗"),
                         GlossaryEntry("x", "county manages, schools hire", "县管校聘")])
    first = glossary.find_in("县管校聘和交流轮岗是什么")
    assert [e.id for e in first] == ["x", "r"]
    first.clear()  # a caller changing its list changes nothing kept
    assert [e.id for e in glossary.find_in("县管校聘和交流轮岗是什么")] == ["x", "r"]
    assert [e.id for e in glossary.find_in("What is teacher rotation?")] == ["r"]
    assert glossary.find_in("nothing here") == []

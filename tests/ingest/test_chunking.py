from assistant.documents import LoadedDocument
from assistant.ingest.chunking import chunk_document
from assistant.language import split_sentences, word_equivalents


def chunks_of(text: str, target: int = 200):
    return chunk_document(LoadedDocument("x.md", text), "doc", {"title": "T"}, target)


def test_chinese_law_is_cut_one_article_per_chunk(real_docs):
    text = (real_docs / "compulsory-education-law-2018.zh.md").read_text(encoding="utf-8")
    chunks = chunks_of(text)
    articles = [c.article for c in chunks if c.article]
    assert "第三十二条" in articles
    assert len(articles) == len(set(articles))  # no article split over two chunks here
    art32 = next(c for c in chunks if c.article == "第三十二条")
    assert art32.text.startswith("第三十二条")
    assert "第三十三条" not in art32.text
    assert art32.section == "第四章 教师"
    assert art32.language == "zh"


def test_english_article_headings_give_article_and_section_path():
    text = "# Law\n\n## Chapter 4 Teachers\n\n### Article 32 (第三十二条)\nCounties rotate teachers.\n\n" \
           "### Article 33 (第三十三条)\nUrban teachers go to rural schools.\n"
    chunks = chunks_of(text)
    assert [c.article for c in chunks] == ["Article 32", "Article 33"]
    assert chunks[0].section == "Chapter 4 Teachers > Article 32 (第三十二条)"


def test_offsets_point_into_the_source_text_and_ids_are_stable():
    text = "# T\n\n## A\n" + "Sentence number one is here. " * 120 + "\n\n## B\n短句。" * 3
    first, second = chunks_of(text), chunks_of(text)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert len({c.chunk_id for c in first}) == len(first)
    for chunk in first:
        assert text[chunk.start:chunk.end] == chunk.text


def test_long_sections_are_cut_at_sentence_boundaries_near_the_target():
    sentences = [f"Sentence {i} says that the county must fund rural schools fairly." for i in range(200)]
    chunks = chunks_of("## Funding\n" + " ".join(sentences), target=200)
    assert len(chunks) > 5
    for chunk in chunks:
        assert word_equivalents(chunk.text) <= 260
        assert chunk.text.rstrip().endswith(".")


def test_chinese_sentences_split_on_chinese_marks():
    text = "第一句话。第二句话！第三句话？第四项；最后"
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == ["第一句话。", "第二句话！", "第三句话？", "第四项；", "最后"]


def test_a_single_huge_line_is_cut_by_size():
    chunks = chunks_of("x" * 10 + " word" * 200_000)
    assert len(chunks) > 100
    assert all(word_equivalents(c.text) <= 260 for c in chunks)


def test_headings_in_code_fences_are_not_structure():
    text = "## Real\nText here.\n```\n## Not a heading\n```\nMore text."
    assert {c.section for c in chunks_of(text)} == {"Real"}

from assistant.index.tokenizer import tokenize


def test_english_is_lowercased_stemmed_and_stopwords_dropped():
    assert tokenize("The Teachers are Rotating between schools") == ["teacher", "rotat", "school"]


def test_chinese_runs_are_segmented_into_words():
    tokens = tokenize("组织校长教师交流轮岗")
    assert "校长" in tokens and "教师" in tokens and "交流" in tokens
    assert "长教" not in tokens  # no character bigrams across words
    assert "轮岗" in tokens


def test_mixed_text_keeps_both():
    tokens = tokenize("县管校聘 (county manages, schools hire) Art. 32")
    assert "县管" in tokens or "县管校聘" in tokens
    assert "counti" in tokens and "32" in tokens

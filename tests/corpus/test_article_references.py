"""Every article the corpus cites outside corpus/laws/ exists in the statute it names, and a gloss
after the reference fits that article (assistant.corpus_articles)."""

import shutil

import pytest

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus_articles import (
    ArticleReference,
    TextUnit,
    check_article_references,
    check_reference,
    corpus_references,
    find_references,
    load_statutes,
)


@pytest.fixture(scope="module")
def statutes(real_docs):
    return load_statutes(real_docs, CORPUS)


def refs(text: str, **unit) -> list[tuple[str, tuple[int, ...], str]]:
    found = find_references(TextUnit("x.md", "line 1", text, **unit))
    return [(r.law, r.articles, r.gloss) for r in found]


def ref(law: str, numbers: tuple[int, ...], gloss: str = "", echo: tuple[int, ...] = ()):
    return ArticleReference("x.md", "line 1", law, numbers, "Art.", gloss, echo)


def test_every_article_reference_in_the_corpus_fits_its_statute(real_docs):
    problems = check_article_references(CORPUS, real_docs)
    assert not problems, "\n".join(map(str, problems))


def test_the_corpus_check_covers_bodies_front_matter_and_data_files():
    files = {r.file for r in corpus_references(CORPUS)}
    assert {"measures.yaml", "glossary.yaml"} <= files
    assert any(f.startswith("analysis/") for f in files) and any(f.startswith("cases/") for f in files)
    assert not any(f.startswith("laws/") for f in files)
    fields = {r.field for r in corpus_references(CORPUS) if r.file == "measures.yaml"}
    assert any(f.endswith(".basis_note_zh") for f in fields)


@pytest.mark.parametrize(("text", "expected"), [
    ("Compulsory Education Law Art. 32 tells counties to rotate teachers.",
     [("compulsory-education", (32,), "")]),
    ("Teachers Law Article 28 (housing)", [("teachers", (28,), "housing")]),
    ("as Art. 28 of the Teachers Law requires", [("teachers", (28,), "")]),
    ("Teachers Law (2009 text), Arts. 25, 27 [S3]", [("teachers", (25, 27), "")]),
    ("Teachers Law (Arts. 25, 27)", [("teachers", (25, 27), "")]),
    ("Teachers Law Art. 25 and Art. 27", [("teachers", (25,), ""), ("teachers", (27,), "")]),
    ("Compulsory Education Law Arts. 51–53 (sanctions)",
     [("compulsory-education", (51, 52, 53), "sanctions")]),
    ("《义务教育法》第三十二条（均衡配置教师）", [("compulsory-education", (32,), "均衡配置教师")]),
    ("教师法第二十八条", [("teachers", (28,), "")]),
    ("《教育督导条例》第十三、十四条", [("supervision", (13, 14), "")]),
    ("《义务教育法》第五十一至五十三条", [("compulsory-education", (51, 52, 53), "")]),
    ("Zhejiang's regulations (Art. 30)", [("zhejiang", (30,), "")]),
    ("Regulations on Education Supervision Art. 11(3)", [("supervision", (11,), "")]),
    ("Compulsory Education Law Art. 32 (第三十二条)", [("compulsory-education", (32,), "")]),
    ("Compulsory Education Law (2018 text), Art. 15", [("compulsory-education", (15,), "")]),
])
def test_references_are_recognised_in_every_form(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize("text", [
    "Law on the Protection of Minors Art. 5 (care)",       # a law we hold no text of
    "《未成年人保护法》第五条",
    "Art. 8 of the measures asks for a report.",           # no law named at all
    "国发〔2016〕40号第十条",                                  # a policy's own articles
])
def test_references_to_other_instruments_are_skipped(text):
    assert refs(text) == []


def test_a_reference_that_names_no_law_takes_the_law_of_its_context():
    assert refs("- Art. 45: county budgets tilt.", default_law="compulsory-education") == [
        ("compulsory-education", (45,), "")]
    # ... but a law named in the same paragraph comes first
    assert refs("Teachers Law Art. 25 sets pay; Art. 29 gives medical care.",
                default_law="compulsory-education")[1][0] == "teachers"


def test_a_missing_article_fails(statutes):
    assert check_reference(ref("teachers", (52,)), statutes) == [
        "Article 52 does not exist (the statute has 43 articles)"]
    assert check_reference(ref("supervision", (28,)), statutes)
    assert check_reference(ref("teachers", (43,)), statutes) == []


def test_an_english_gloss_must_fit_our_summary_of_the_article(statutes):
    assert check_reference(ref("teachers", (27,), "housing"), statutes)  # Art. 27 is subsidies
    assert check_reference(ref("teachers", (28,), "housing"), statutes) == []
    assert check_reference(ref("teachers", (27,), "subsidies for remote areas"), statutes) == []
    # a gloss on an article corpus/laws does not summarise cannot be vouched for
    assert "no English summary" in check_reference(ref("teachers", (2,), "scope"), statutes)[0]


def test_a_chinese_gloss_must_share_a_word_with_the_statute_text(statutes):
    housing = "县、乡两级人民政府应当为农村中小学教师解决住房提供方便"
    assert check_reference(ref("teachers", (27,), housing), statutes)
    assert check_reference(ref("teachers", (28,), housing), statutes) == []
    # words every article uses (人民政府, 应当, 教师) do not make a gloss fit
    assert check_reference(ref("teachers", (27,), "县级人民政府应当为教师"), statutes)


def test_a_chinese_echo_must_name_the_same_article(statutes):
    assert check_reference(ref("teachers", (27,), echo=(28,)), statutes)
    assert check_reference(ref("teachers", (28,), echo=(28,)), statutes) == []


def test_corpus_check_command_reports_a_wrong_article(tmp_path, real_docs, capsys):
    from assistant import cli

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    measures = corpus / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    right = "Teachers Law Art. 28, para. 2 (county and township governments help rural teachers"
    assert right in text
    measures.write_text(text.replace(right, right.replace("Art. 28, para. 2", "Art. 27")),
                        encoding="utf-8")
    cli.main(["corpus-check", "--corpus", str(corpus), "--statutes", str(real_docs)])
    out = capsys.readouterr().out
    assert "measures.yaml: measure teacher-turnover-housing.basis_note: 'Art. 27' (teachers)" in out
    assert "article references not checked" not in out

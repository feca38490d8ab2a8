"""A thesis case names its thesis in full once: every statement of the District L case opens with
"L区学位论文…" / "The District L thesis …" (each must stand alone), so said one after another the
answer named the thesis in every sentence (reader 11c, Q30). After the first, "该论文" / "the thesis"."""

from __future__ import annotations

from assistant.answer.shapes.case import thesis_pattern, thesis_shortened

DISTRICT_L = ("District L", "L区")
BAOQING = ("宝清县", "宝清", "Baoqing County", "Baoqing")


def test_a_later_mention_of_the_place_s_thesis_says_the_thesis():
    zh, en = thesis_pattern(DISTRICT_L, "zh"), thesis_pattern(DISTRICT_L, "en")
    assert thesis_shortened("L区学位论文报告的唯一成效是定性的。", zh, "zh") == "该论文报告的唯一成效是定性的。"
    assert thesis_shortened("我们对L区学位论文的理解：城区同样存在差距。", zh, "zh") == \
        "我们对该论文的理解：城区同样存在差距。"
    assert thesis_shortened("The District L thesis reports one qualitative result.", en, "en") == \
        "The thesis reports one qualitative result."
    assert thesis_shortened("The measures in the District L thesis are recommendations.", en, "en") == \
        "The measures in the thesis are recommendations."
    bq = thesis_pattern(BAOQING, "en")
    assert thesis_shortened("The Baoqing County thesis abstract does not list them.", bq, "en") == \
        "The thesis abstract does not list them."
    # the place itself, and another place's name, are left as they are
    assert thesis_shortened("L区与其他城区一样是城区。", zh, "zh") == "L区与其他城区一样是城区。"
    assert thesis_shortened("District L draws on Taishan District.", en, "en") == \
        "District L draws on Taishan District."


def _count(text: str, needle: str) -> int:
    body = text.split("**参考资料**")[0].split("**References**")[0]
    return body.count(needle)


def test_a_thesis_case_answer_names_its_thesis_once(ask):
    for question, full, short in (
            ("请介绍L区推进义务教育均衡发展的案例：面临什么问题、采取了哪些措施、效果如何？",
             "L区学位论文", "该论文"),
            ("Tell me about the District L case: its problems, measures and results.",
             "District L thesis", "the thesis")):
        result = ask(question)
        assert result.route == "case", result.route
        assert _count(result.text, full) <= 1, result.text
        assert short in result.text.lower(), result.text
        for claim in result.claims:
            marks = "".join(f"[{m}]" for m in claim.markers)
            assert f"{claim.text} {marks}" in result.text, claim.text

"""Every piece of text the answer composer writes itself, in English and Chinese."""

from __future__ import annotations

from assistant.vocabulary import LEGAL_TYPES

_TEXT: dict[str, dict[str, str]] = {
    "abstain": {
        "en": "The corpus does not cover this question: no passage answers it well enough to "
              "quote, so there is no answer here.",
        "zh": "语料库没有涵盖这个问题：没有足以引用的段落，因此不作回答。",
    },
    "nearest": {"en": "Nearest sources:", "zh": "最接近的资料："},
    "empty_index": {
        "en": "The index is empty: build it with `assistant ingest` first.",
        "zh": "索引为空：请先运行 `assistant ingest` 建立索引。",
    },
    "english_fallback": {
        "en": "",
        "zh": "中文资料中没有足够的相关内容，以下摘录英文原文：",
    },
    "glossary": {"en": "Glossary", "zh": "术语表"},
    "glossary_title": {"en": "Glossary of terms", "zh": "术语表"},
    "more_duties": {"en": "Further duties:", "zh": "其他职责："},
    "causes": {"en": "The main causes and how they work:", "zh": "主要原因及其作用机制："},
    "measures_in_order": {"en": "The measures, in order:", "zh": "各项措施（按优先顺序）："},
    "measures_summary": {"en": "The {count} measures that fit best, in order: {names}.",
                         "zh": "最适合的{count}项措施依次是：{names}。"},
    "measure_summary_one": {"en": "The measure that fits best: {names}.",
                            "zh": "最适合的措施是：{names}。"},
    "who_acts": {"en": "who acts: ", "zh": "责任主体："},
    "measure_basis": {"en": "Basis: ", "zh": "依据："},
    "precedent": {"en": "precedent: ", "zh": "先例："},
    "risk": {"en": "Risk: ", "zh": "风险："},
    "compare_lead": {
        "en": "{a} and {b} side by side; each column draws only on that side's own sources.",
        "zh": "{a}与{b}对照如下，每一栏只取自该方自身的资料。",
    },
    "key_difference": {"en": "Key difference:", "zh": "关键区别："},
    "more_differences": {"en": "Other differences:", "zh": "其他区别："},
    "aspect_context": {"en": "Context", "zh": "背景"},
    "aspect_problem": {"en": "Problem", "zh": "问题"},
    "aspect_measures": {"en": "Measures", "zh": "措施"},
    "aspect_results": {"en": "Documented results", "zh": "有据可查的成效"},
    "aspect_lessons": {"en": "Lessons", "zh": "经验启示"},
    "aspect_gaps": {"en": "What the sources do not say", "zh": "资料未说明的内容"},
    "row_definition": {"en": "What it is", "zh": "是什么"},
    "row_duty": {"en": "Who must do what", "zh": "职责要求"},
    "row_finding": {"en": "Findings", "zh": "研究发现"},
    "basis": {"en": "Where the figures come from:", "zh": "数值出处："},
    "indicator": {"en": "Indicator", "zh": "指标"},
    "primary": {"en": "Primary", "zh": "小学"},
    "junior": {"en": "Junior secondary", "zh": "初中"},
    "rule": {"en": "Rule", "zh": "要求"},
    "certainty": {"en": "Certainty", "zh": "可靠性"},
    "source": {"en": "Source", "zh": "出处"},
    "verified": {"en": "verified", "zh": "已核实"},
    "unverified": {"en": "unverified", "zh": "未核实"},
    ">=": {"en": "at least", "zh": "不低于"},
    "<=": {"en": "at most", "zh": "不高于"},
    ">": {"en": "more than", "zh": "高于"},
    "<": {"en": "below", "zh": "低于"},
    "law": {"en": "What the law says", "zh": "法律法规"},
    "policy": {"en": "Policy", "zh": "政策文件"},
    "standard": {"en": "Standards", "zh": "评估标准"},
    "case": {"en": "Local practice", "zh": "地方实践"},
    "analysis": {"en": "Analysis", "zh": "分析"},
    "other": {"en": "Other documents", "zh": "其他文件"},
    "compare_missing": {
        "en": "No passage about this side was found in the corpus.",
        "zh": "语料库中没有找到关于这一方的段落。",
    },
    "llm_failed": {
        "en": "The language model did not answer ({reason}); this is the offline answer, quoted "
              "from the sources.",
        "zh": "语言模型未能回答（{reason}），以下为离线答案，直接摘录自资料。",
    },
    "llm_flagged": {
        "en": "{n} sentence(s) of the model's answer cite no retrieved passage; check them before "
              "relying on them.",
        "zh": "模型回答中有 {n} 个句子没有引用检索到的段落，使用前请核对。",
    },
    "llm_invalid": {
        "en": "The model cited passages that were not retrieved ({markers}); those markers were "
              "removed.",
        "zh": "模型引用了未检索到的段落（{markers}），这些标记已删除。",
    },
}


def text(key: str, language: str, **values: object) -> str:
    entry = _TEXT[key]
    template = entry.get(language) or entry["en"]
    return template.format(**values) if values else template


def doc_type_group(doc_type: str | None) -> str:
    """The heading an answer files a document under: law and regulation together."""
    if doc_type in LEGAL_TYPES:
        return "law"
    if doc_type in ("policy", "standard", "case", "analysis"):
        return doc_type
    return "other"


GROUP_ORDER = ("law", "policy", "standard", "case", "analysis", "other")
TYPE_ORDER = {"law": 0, "regulation": 1, "policy": 2, "standard": 3, "case": 4, "analysis": 5}

"""Every label of the app in English and Chinese. ``t(key)`` picks the session's language."""

from __future__ import annotations

import streamlit as st

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("EduBalance Advisor", "城乡义务教育均衡发展咨询助手"),
    "app_caption": ("Balanced urban–rural compulsory education and the government's responsibility",
                    "城乡义务教育均衡发展与政府责任"),
    "language": ("Language / 语言", "Language / 语言"),
    "page_ask": ("Ask", "问答"),
    "page_advisor": ("District advisor", "区县诊断"),
    "page_cases": ("Cases", "案例"),
    "page_memo": ("Memo", "建议书"),
    "page_library": ("Library", "文献库"),
    "mode_offline": ("Offline mode: answers are extracted from the corpus, every sentence cited.",
                     "离线模式：答案摘自语料库，每句均有出处。"),
    "mode_llm": ("LLM mode: {model} at {url}; citations are checked after generation.",
                 "大模型模式：{model}（{url}）；生成后逐条核对引文。"),
    "building_index": ("Building the index from the corpus (first start)…", "首次启动：正在从语料库建立索引…"),
    "ask_placeholder": ("Ask about the law, policies, standards or cases…", "请输入关于法律、政策、标准或案例的问题…"),
    "examples": ("Example questions", "示例问题"),
    "filters": ("Filters", "筛选"),
    "doc_types": ("Document types", "文献类型"),
    "levels": ("Government levels", "政府层级"),
    "regions": ("Regions", "地区"),
    "years": ("Years", "年份"),
    "sources": ("Sources", "出处"),
    "open_source": ("Open source", "查看原文"),
    "nearest_sources": ("Nearest sources", "最相关的文献"),
    "export_chat": ("Export conversation (Markdown)", "导出对话（Markdown）"),
    "clear_chat": ("Clear conversation", "清空对话"),
    "source_panel": ("Source", "原文"),
    "passage_in_document": ("The cited passage, highlighted in its document", "引用段落（高亮显示于原文中）"),
    "doc_number": ("Document number", "文号"),
    "date": ("Date", "日期"),
    "article": ("Article / section", "条款/章节"),
    "page": ("Page", "页码"),
    "issuer": ("Issuer", "发布机关"),
    "thinking": ("Searching the corpus…", "正在检索语料库…"),
    "cases_filter_region": ("Region contains", "地区包含"),
    "cases_filter_topic": ("Topic", "主题"),
    "cases_filter_area": ("Responsibility area", "责任领域"),
    "cases_read": ("Read a case", "阅读案例"),
    "cases_compare": ("Compare two or three cases", "比较两到三个案例"),
    "cases_pick": ("Cases to compare", "选择要比较的案例"),
    "cases_pick_hint": ("Pick two or three cases.", "请选择两到三个案例。"),
    "cases_none": ("No case matches these filters.", "没有符合条件的案例。"),
    "section": ("Section", "部分"),
    "any": ("(any)", "（全部）"),
    "library_documents": ("Documents", "文献"),
    "library_search": ("Search the library", "检索文献库"),
    "library_timeline": ("Timeline of laws, policies, standards and cases", "法律、政策、标准与案例时间轴"),
    "library_upload": ("Upload documents", "上传文献"),
    "library_upload_help": ("PDF, DOCX, Markdown, TXT or HTML, up to {mb} MB each. Uploads are kept "
                            "under the data directory and survive a restart.",
                            "支持 PDF、DOCX、Markdown、TXT、HTML，每个不超过 {mb} MB。上传文件保存在数据目录中，重启后仍在。"),
    "library_index": ("Index", "索引"),
    "library_status": ("Index status", "索引状态"),
    "library_reindex": ("Re-index uploads", "重新索引上传文件"),
    "library_remove": ("Remove an uploaded document", "删除上传的文献"),
    "library_remove_button": ("Remove", "删除"),
    "library_uploaded": ("Indexed {name}: {chunks} passages.", "已索引 {name}：{chunks} 个段落。"),
    "library_failed": ("Could not index {name}: {reason}", "无法索引 {name}：{reason}"),
    "library_no_uploads": ("No uploaded documents yet.", "尚无上传的文献。"),
    "library_removed": ("Removed {doc_id}.", "已删除 {doc_id}。"),
    "indexing": ("Indexing…", "正在索引…"),
    "results": ("Results", "结果"),
    "no_results": ("No passages found.", "未找到相关段落。"),
    "documents": ("documents", "篇文献"),
    "chunks": ("passages", "个段落"),
    "model": ("model", "模型"),
    "store": ("store", "存储"),
}


def language() -> str:
    return st.session_state.get("lang", "en")


def t(key: str, **values: object) -> str:
    english, chinese = LABELS[key]
    text = chinese if language() == "zh" else english
    return text.format(**values) if values else text

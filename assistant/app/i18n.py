"""Every label of the app in English and Chinese. ``t(key)`` picks the session's language.

A test checks that every ``t("...")`` key used by the app exists here with both languages."""

from __future__ import annotations

import streamlit as st

LANGUAGES = ("en", "zh")

LABELS: dict[str, tuple[str, str]] = {
    # shell
    "app_title": ("EduBalance Advisor", "城乡义务教育均衡发展咨询助手"),
    "app_caption": ("Balanced urban–rural compulsory education and the government's responsibility",
                    "城乡义务教育均衡发展与政府责任"),
    "language": ("Language / 语言", "Language / 语言"),
    "page_ask": ("Ask", "问答"),
    "page_advisor": ("District advisor", "区县诊断"),
    "page_cases": ("Cases", "案例"),
    "page_memo": ("Memo", "建议书"),
    "page_library": ("Library", "文献库"),
    "mode_offline": ("Offline mode: answers composed from sourced statements, each cited.",
                     "离线模式：答案由语料库中有出处的陈述组成，每句均有出处。"),
    "mode_llm": ("LLM mode: {model} at {url}; citations are checked after generation.",
                 "大模型模式：{model}（{url}）；生成后逐条核对引文。"),
    "building_index": ("Building the index from the corpus (first start)…", "首次启动：正在从语料库建立索引…"),
    "opening_index": ("Opening the index…", "正在打开索引…"),
    "any": ("(any)", "（全部）"),
    "error_prefix": ("Could not do this: {reason}", "无法完成：{reason}"),
    # access control
    "login_title": ("Sign in", "登录"),
    "login_password": ("Password", "密码"),
    "login_button": ("Sign in", "登录"),
    "login_wrong": ("Wrong password.", "密码错误。"),
    "login_wait": ("Too many attempts: wait {seconds} s and try again.", "尝试次数过多：请等待 {seconds} 秒后重试。"),
    "login_oidc": ("Sign in with your organisation account", "使用单位账号登录"),
    "login_oidc_missing": (("Single sign-on is configured in .streamlit/secrets.toml but the Authlib "
                           "package is missing: install Authlib>=1.3.2 (pip install 'streamlit[auth]')."),
                           ("已在 .streamlit/secrets.toml 中配置单点登录，但缺少 Authlib 包：请安装 "
                           "Authlib>=1.3.2（pip install 'streamlit[auth]'）。")),
    "logout": ("Sign out", "退出登录"),
    "signed_in_as": ("Signed in: {who} ({role})", "已登录：{who}（{role}）"),
    "with_password": ("with a password", "凭密码"),
    "not_signed_in": ("Not signed in: reading and asking only.", "未登录：仅可阅读和提问。"),
    "role_admin": ("admin", "管理员"),
    "role_user": ("user", "用户"),
    "admin_signin": ("Admin sign-in", "管理员登录"),
    "admin_only": ("Uploading, re-indexing and removing documents need the admin role.",
                   "上传、重新索引和删除文献需要管理员权限。"),
    # ask
    "ask_placeholder": ("Ask about the law, policies, standards or cases…", "请输入关于法律、政策、标准或案例的问题…"),
    "examples": ("Example questions", "示例问题"),
    "filters": ("Search filters", "检索筛选"),
    "filters_active": ("Filters on: {summary}", "已启用筛选：{summary}"),
    "doc_types": ("Document types", "文献类型"),
    "levels": ("Government levels", "政府层级"),
    "regions": ("Regions", "地区"),
    "years": ("Years", "年份"),
    "sources": ("Sources — pick a marker to see the passage in its document",
                "出处——点击编号查看原文中的段落"),
    "nearest_sources": ("Nearest sources (the corpus does not answer this directly)",
                        "最相关的文献（语料库未直接回答此问题）"),
    "export_chat": ("Export conversation (Markdown)", "导出对话（Markdown）"),
    "clear_chat": ("Clear conversation", "清空对话"),
    "passage_in_document": ("The cited passage, highlighted in its document",
                            "引用段落（在原文中高亮显示）"),
    "passage_changed": ("The document changed since this answer; the passage as cited:",
                        "该文献在回答后已更新；引用时的段落如下："),
    "doc_number": ("Document number", "文号"),
    "date": ("Date", "日期"),
    "article": ("Article / section", "条款/章节"),
    "page": ("Page", "页码"),
    "issuer": ("Issuer", "发布机关"),
    "thinking": ("Searching the corpus…", "正在检索语料库…"),
    "route": ("How this answer was made: {route}", "回答方式：{route}"),
    # cases
    "cases_filter_region": ("Region contains", "地区包含"),
    "cases_filter_topic": ("Topic", "主题"),
    "cases_filter_area": ("Responsibility area", "责任领域"),
    "cases_read": ("Read a case", "阅读案例"),
    "cases_compare": ("Compare two or three cases", "比较两到三个案例"),
    "cases_pick": ("Cases to compare", "选择要比较的案例"),
    "cases_pick_hint": ("Pick two or three cases.", "请选择两到三个案例。"),
    "cases_none": ("No case matches these filters.", "没有符合条件的案例。"),
    "cases_count": ("{count} cases", "共 {count} 个案例"),
    "section": ("Section", "部分"),
    "col_id": ("ID", "编号"),
    "col_title": ("Title", "标题"),
    "col_region": ("Region", "地区"),
    "col_date": ("Date", "日期"),
    "col_areas": ("Responsibility areas", "责任领域"),
    "col_type": ("Type", "类型"),
    "col_level": ("Level", "层级"),
    "col_number": ("Document number", "文号"),
    "col_origin": ("Origin", "来源"),
    "col_chunks": ("Passages", "段落数"),
    "col_file": ("File", "文件"),
    # library
    "library_documents": ("Documents", "文献"),
    "library_search": ("Search the library", "检索文献库"),
    "library_timeline": ("Timeline of laws, policies, standards and cases", "法律、政策、标准与案例时间轴"),
    "library_upload": ("Upload documents", "上传文献"),
    "library_upload_help": (("PDF, DOCX, Markdown, TXT or HTML, up to {mb} MB each. Uploads are kept "
                            "under the data directory and survive a restart."),
                            "支持 PDF、DOCX、Markdown、TXT、HTML，每个不超过 {mb} MB。上传文件保存在数据目录中，重启后仍在。"),
    "library_index": ("Index", "索引"),
    "library_status": ("Index status", "索引状态"),
    "library_reindex": ("Re-index uploads", "重新索引上传文件"),
    "library_reindexed": (("Re-indexed: {indexed} indexed, {unchanged} unchanged, {failed} failed, "
                          "{removed} removed."), "重新索引完成：新索引 {indexed}，未变 {unchanged}，失败 {failed}，移除 {removed}。"),
    "library_remove": ("Remove an uploaded document", "删除上传的文献"),
    "library_remove_button": ("Remove", "删除"),
    "library_uploaded": ("Indexed {name}: {chunks} passages.", "已索引 {name}：{chunks} 个段落。"),
    "library_unchanged": ("{name} is already indexed.", "{name} 已在索引中。"),
    "library_failed": ("Could not index {name}: {reason}", "无法索引 {name}：{reason}"),
    "library_no_uploads": ("No uploaded documents yet.", "尚无上传的文献。"),
    "library_removed": ("Removed {doc_id}.", "已删除 {doc_id}。"),
    "library_filter_type": ("Show types", "显示类型"),
    # district advisor
    "adv_intro": (("Diagnose a county or district against the basic- and quality-balance standards, "
                  "then get measures with their legal and policy basis and a memo to edit."),
                  "对照基本均衡和优质均衡标准诊断区县，获得附有法律政策依据的措施建议，并生成可编辑的建议书。"),
    "adv_source": ("District profile", "区县概况"),
    "adv_source_example": ("Example (illustrative)", "示例（虚构数据）"),
    "adv_source_upload": ("Upload YAML or JSON", "上传 YAML 或 JSON"),
    "adv_source_form": ("Fill in the form", "填写表单"),
    "adv_example": ("Example profile", "示例概况"),
    "adv_profile_upload": ("Profile file (YAML or JSON)", "概况文件（YAML 或 JSON）"),
    "adv_form_start": ("Start the form from", "表单初始内容"),
    "adv_form_blank": ("(empty form)", "（空白表单）"),
    "adv_form_use": ("Use this profile", "使用此概况"),
    "adv_form_indicators": ("Resource indicators (county averages)", "资源配置指标（县域平均值）"),
    "adv_form_problems": ("Problems in your own words (one per line)", "存在的问题（每行一条）"),
    "adv_form_ready": ("Profile ready: {name}.", "概况已就绪：{name}。"),
    "adv_group_district": ("District", "区县"), "adv_group_schools": ("Schools", "学校数"),
    "adv_group_pupils": ("Pupils", "学生数"), "adv_group_class_size": ("Class size", "班额"),
    "adv_group_teachers": ("Teachers", "教师"), "adv_group_funding": ("Funding", "经费"),
    "adv_group_equity": ("Equity", "教育公平"),
    "adv_schools": ("School-level data (optional)", "学校层面数据（可选）"),
    "adv_schools_none": ("None", "不使用"),
    "adv_schools_example": ("Example school file (illustrative; a different county)",
                            "示例学校数据（虚构；另一个县）"),
    "adv_schools_upload": ("Upload CSV or XLSX", "上传 CSV 或 XLSX"),
    "adv_schools_file": ("School file (CSV or XLSX; one row per school)", "学校数据文件（CSV 或 XLSX，每校一行）"),
    "adv_run": ("Diagnose", "开始诊断"),
    "adv_running": ("Diagnosing and looking up the policy basis of each measure…",
                    "正在诊断并检索各项措施的政策依据…"),
    "adv_need_profile": ("Choose, upload or fill in a profile first.", "请先选择、上传或填写区县概况。"),
    "adv_problems_in": ("{source} has problems:", "{source} 存在问题："),
    "adv_illustrative": ("Illustrative data: the place and its figures are invented.",
                         "示例数据：地区及数据均为虚构。"),
    "adv_diagnosis": ("Diagnosis: {name}", "诊断结果：{name}"),
    "adv_summary": (("{met} of {known} known resource indicators meet the standard; {cv_over} CVs over "
                    "their limit; {flags} problems flagged."),
                    "已知的 {known} 项资源配置指标中 {met} 项达标；{cv_over} 项差异系数超限；发现 {flags} 个问题。"),
    "adv_resource_table": ("Resource indicators against the 2017 quality-balance standard",
                           "资源配置指标与2017年优质均衡标准对照"),
    "adv_government_table": ("Government guarantees and class size", "政府保障与班额"),
    "adv_flags": ("Problems and points to check", "问题与需核查事项"),
    "adv_gaps": ("Rural against urban schools", "乡村学校与城镇学校对比"),
    "adv_schools_result": ("Schools", "学校"),
    "adv_failing": ("Schools failing the per-school rule", "未达到每校标准的学校"),
    "adv_excluded": ("Left out (fewer pupils than the standard counts): {names}",
                     "未计入（学生数低于标准的计算范围）：{names}"),
    "adv_cv_contrib": ("Schools that pull each CV up most", "对差异系数影响最大的学校"),
    "adv_charts": ("Charts", "图表"),
    "adv_measures": ("Measures, with their policy basis and precedents", "措施建议及其政策依据与先例"),
    "adv_no_measures": ("No measure has a cited basis for these gaps.", "没有可引用依据的措施。"),
    "adv_measure_meta": ("Priority: {priority} · who acts: {actors} · time frame: {time}",
                         "优先级：{priority} · 实施主体：{actors} · 时间安排：{time}"),
    "adv_addresses": ("Addresses: {gaps}", "针对：{gaps}"),
    "adv_basis": ("Policy basis", "政策依据"), "adv_precedents": ("Precedents", "先例"),
    "adv_memo_lang": ("Memo language", "建议书语言"),
    "adv_draft_memo": ("Draft the memo", "生成建议书"),
    "adv_drafting": ("Drafting the memo (text, tables, charts, references)…", "正在生成建议书（正文、表格、图表、参考文献）…"),
    "col_indicator": ("Indicator", "指标"), "col_value": ("Value", "数值"), "col_unit": ("Unit", "单位"),
    "col_requirement": ("Requirement", "标准"), "col_status": ("Status", "状态"),
    "col_cv": ("CV", "差异系数"), "col_cv_limit": ("CV limit", "差异系数限值"),
    "col_cv_status": ("CV status", "差异系数状态"), "col_source": ("Source", "依据"),
    "col_urban": ("Urban", "城镇"), "col_rural": ("Rural", "乡村"),
    "col_rural_pct": ("Rural as % of urban", "乡村相当于城镇的百分比"),
    "col_school": ("School", "学校"), "col_row": ("Row", "行"), "col_pupils": ("Pupils", "学生数"),
    "col_met_count": ("Indicators met", "达标指标数"), "col_location": ("Location", "城乡"),
    "col_share": ("Share of the spread", "对离散的贡献"),
    "col_school_level": ("Level", "学段"),
    # memo
    "memo_none": ("No memo yet: run the district advisor and press “Draft the memo”.",
                  "尚无建议书：请先在“区县诊断”中完成诊断并点击“生成建议书”。"),
    "memo_go_advisor": ("Open the district advisor", "打开区县诊断"),
    "memo_meta": ("To: {to} · Date: {date} · From: {author}", "致：{to} · 日期：{date} · 来自：{author}"),
    "memo_edit_hint": (("Edit any section; your text is kept until you regenerate that section. "
                       "Lines like [[table 1]] or [[chart cv]] place a table or chart."),
                       "可直接修改各部分；重新生成某一部分前，修改都会保留。[[table 1]]、[[chart cv]] 等行用于放置表格或图表。"),
    "memo_regenerate": ("Regenerate this section", "重新生成本部分"),
    "memo_edited": ("edited", "已修改"),
    "memo_references": ("References", "参考文献"),
    "memo_export_docx": ("Download Word (.docx)", "下载 Word（.docx）"),
    "memo_export_md": ("Download Markdown", "下载 Markdown"),
    "indexing": ("Indexing…", "正在索引…"),
    "no_results": ("No passages found.", "未找到相关段落。"),
    "documents": ("documents", "篇文献"),
    "chunks": ("passages", "个段落"),
    "model": ("model", "模型"),
    "store": ("store", "存储"),
}

# Chinese labels of the profile form's fields (English: the field descriptions of the schema).
FIELD_LABELS_ZH: dict[str, str] = {
    "name": "区县名称", "illustrative": "虚构示例数据", "level": "行政层级", "province": "所在省份",
    "urbanisation_rate_pct": "城镇化率", "fiscal_capacity": "财力水平",
    "years_since_basic_balance": "通过基本均衡认定后年数",
    "schools.urban_primary": "城镇小学数", "schools.rural_primary": "乡村小学数",
    "schools.urban_junior": "城镇初中数", "schools.rural_junior": "乡村初中数",
    "schools.small_schools": "乡村小规模学校数（不足100人）", "schools.boarding_schools": "寄宿制学校数",
    "pupils.urban": "城镇学校学生数", "pupils.rural": "乡村学校学生数",
    "class_size.share_over_56_pct": "56人以上大班额占比", "class_size.share_over_66_pct": "66人以上超大班额占比",
    "teachers.rotation_rate_pct": "教师年度交流轮岗比例", "teachers.key_teacher_share_of_rotation_pct": "骨干教师占交流轮岗教师比例",
    "teachers.pay_vs_civil_servants_pct": "教师平均工资相当于当地公务员的百分比",
    "funding.per_pupil_public_funds_yuan.primary": "小学生均公用经费",
    "funding.per_pupil_public_funds_yuan.junior": "初中生均公用经费",
    "funding.rural_budget_share_pct": "乡村学校经费占义务教育经费比例",
    "equity.left_behind_share_pct": "留守儿童占比", "equity.migrant_share_pct": "随迁子女占比",
    "equity.migrant_in_public_schools_pct": "随迁子女在公办学校（含政府购买学位）就读比例",
}

# Values of metadata fields shown in filters and tables.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "law": ("Law", "法律"), "regulation": ("Regulation", "法规"), "policy": ("Policy", "政策"),
    "standard": ("Standard", "标准"), "case": ("Case", "案例"), "analysis": ("Analysis", "分析"),
    "upload": ("Upload", "上传"), "corpus": ("Corpus", "语料库"), "path": ("Local path", "本地路径"),
    "national": ("National", "国家"), "provincial": ("Provincial", "省级"),
    "municipal": ("Municipal", "市级"), "county": ("County", "县级"), "district": ("District", "区"),
    "planning": ("Planning and school layout", "规划布局"), "funding": ("Funding", "经费保障"),
    "teachers": ("Teachers", "师资配置"), "facilities": ("Facilities", "办学条件"),
    "admission-equity": ("Admission and equity", "入学机会与教育公平"),
    "quality-digital": ("Quality and informatisation", "质量与信息化"),
    "supervision-accountability": ("Supervision and accountability", "督导问责"),
    "small-and-boarding-schools": ("Small and boarding schools", "小规模学校与寄宿制学校"),
    "evaluation": ("Evaluation", "评估认定"),
    "standards-table": ("standards table", "标准表格"), "compare": ("comparison", "比较"),
    "glossary": ("glossary", "术语表"), "extractive": ("extracted sentences", "原文摘录"),
    "llm": ("language model, citations checked", "大模型生成，引文已核对"),
    "abstain": ("not covered by the corpus", "语料库未覆盖"),
    "high": ("high", "高"), "medium": ("medium", "中"), "low": ("low", "低"),
    "problem": ("problem", "问题"), "check": ("to check", "待核查"),
    "met": ("✓ met", "✓ 达标"), "not_met": ("✗ not met", "✗ 未达标"), "unknown": ("? unknown", "? 未知"),
    "primary": ("Primary", "小学"), "junior": ("Junior secondary", "初中"), "all": ("All", "全部"),
    "urban": ("Urban", "城镇"), "rural": ("Rural", "乡村"),
    "profile": ("profile", "概况"), "schools": ("school data", "学校数据"),
    # case sections (assistant.cases.CASE_SECTIONS)
    "Context": ("Context", "背景"), "The problem": ("The problem", "问题"),
    "Measures": ("Measures", "措施"), "Documented results": ("Documented results", "有据可查的成效"),
    "What is not documented": ("What is not documented", "尚无记录的方面"),
    "Lessons": ("Lessons", "经验启示"), "Responsibility areas": ("Responsibility areas", "责任领域"),
}


def language() -> str:
    lang = st.session_state.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def t(key: str, **values: object) -> str:
    english, chinese = LABELS[key]
    text = chinese if language() == "zh" else english
    return text.format(**values) if values else text


def value_label(value: str) -> str:
    """The label of a metadata value (document type, level, topic…); unknown values as they are."""
    pair = VALUE_LABELS.get(value)
    if pair is None:
        return value
    return pair[1] if language() == "zh" else pair[0]

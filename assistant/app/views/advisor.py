"""District advisor: a profile (example, upload or form) and optional school data in; the
diagnosis (tables and charts), measures with their citations, and a button that drafts the memo.
All the work is done by ``assistant.advisor`` and ``assistant.memo``; this page only renders."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from assistant.advisor import (
    ProfileError,
    SchoolDataError,
    StandardsError,
    load_profile,
    load_standards,
)
from assistant.advisor.charts import diagnosis_charts
from assistant.advisor.column_memory import remembered_mapping
from assistant.advisor.columns import school_column
from assistant.advisor.diagnosis import Diagnosis, IndicatorStatus, fmt
from assistant.advisor.inputs import (
    SchoolUpload,
    advise_with_schools,
    example_profiles,
    example_school_files,
    form_fields,
    form_values,
    indicator_ids,
    inspect_upload,
    profile_from_form,
    profile_from_upload,
)
from assistant.advisor.measures import Measure, MeasuresError
from assistant.advisor.school_headers import TableReading
from assistant.advisor.school_templates import notes_csv, template_csv, template_xlsx
from assistant.advisor.tables import gap_rows, status_rows
from assistant.app import state
from assistant.app.i18n import field_label_zh, language, t, value_label
from assistant.app.render import escape_markdown, source_panel
from assistant.citations import label as citation_label
from assistant.documents import Citation

if TYPE_CHECKING:
    from assistant.engine import Engine

LIMIT = 12  # measures shown, most pressing first
ADVICE_KEY = "advisor-result"
INPUT_ERRORS = (ProfileError, SchoolDataError, StandardsError, MeasuresError)


def render() -> None:
    st.caption(t("adv_intro"))
    profile = _profile()
    schools = _schools()
    if st.button(t("adv_run"), type="primary", key="adv-run"):
        if profile is None:
            st.warning(t("adv_need_profile"))
        else:
            engine = state.ready_engine()
            with st.spinner(t("adv_running")):
                try:
                    st.session_state[ADVICE_KEY] = advise_with_schools(
                        profile, schools, engine=engine, limit=LIMIT,
                        memory_dir=state.settings().data_dir)
                except INPUT_ERRORS as exc:
                    _input_error(exc)
                    st.session_state.pop(ADVICE_KEY, None)
    advice = st.session_state.get(ADVICE_KEY)
    if advice is not None:
        _diagnosis(advice.diagnosis)
        _measures(advice.diagnosis, advice.suggestions.measures)
        _draft_memo(advice)


# -- inputs -----------------------------------------------------------------------------------

def _profile():
    """The profile chosen, uploaded or filled in; None (after showing why) when there is none."""
    sources = ["example", "upload", "form"]
    source = st.radio(t("adv_source"), sources, horizontal=True, key="adv-source",
                      format_func=lambda s: t(f"adv_source_{s}"))
    examples = example_profiles()
    if source == "example":
        name = st.selectbox(t("adv_example"), list(examples), key="adv-example")
        return load_profile(examples[name]) if name else None
    if source == "upload":
        file = st.file_uploader(t("adv_profile_upload"), type=["yaml", "yml", "json"],
                                key="adv-profile-file", max_upload_size=1)
        if file is None:
            return None
        try:
            return profile_from_upload(file.name, file.getvalue())
        except ProfileError as exc:
            _input_error(exc)
            return None
    return _form(examples)


def _form(examples: dict[str, Any]):
    def start_from() -> None:
        chosen = st.session_state.get("adv-form-start")
        base = load_profile(examples[chosen]) if chosen else None
        st.session_state["adv-form-base"] = base
        values, indicators = form_values(base) if base else ({}, {})
        for fields in form_fields().values():
            for field in fields:
                value = values.get(field.path)
                if field.kind == "flag":
                    value = bool(value)
                elif field.kind == "number" and value is not None:
                    value = float(value)  # number inputs refuse to mix int and float
                st.session_state[_key(field.path)] = value
        st.session_state["adv-form-indicators"] = _indicator_frame(indicators)
        st.session_state["adv-form-problems"] = "\n".join(base.problems) if base else ""
        st.session_state.pop("adv-form-profile", None)

    st.selectbox(t("adv_form_start"), [None, *examples], key="adv-form-start",
                 format_func=lambda v: t("adv_form_blank") if v is None else v, on_change=start_from)
    if "adv-form-indicators" not in st.session_state:
        start_from()
    with st.form("adv-form"):
        values: dict[tuple[str, ...], Any] = {}
        for group, fields in form_fields().items():
            with st.expander(t(f"adv_group_{group}"), expanded=group == "district"):
                columns = st.columns(3)
                for number, field in enumerate(fields):
                    with columns[number % 3]:
                        values[field.path] = _input(field)
        st.caption(t("adv_form_indicators"))
        table = st.data_editor(st.session_state["adv-form-indicators"], key="adv-form-table",
                               disabled=["indicator"], hide_index=True, width="stretch")
        problems = st.text_area(t("adv_form_problems"), key="adv-form-problems")
        submitted = st.form_submit_button(t("adv_form_use"))
    if submitted:
        indicators = {level: {row["indicator"]: _number_or_none(row[level])
                              for _, row in table.iterrows()} for level in ("primary", "junior")}
        try:
            st.session_state["adv-form-profile"] = profile_from_form(
                values, indicators, problems.splitlines(),
                base=st.session_state.get("adv-form-base"))
        except ProfileError as exc:
            _input_error(exc)
            st.session_state.pop("adv-form-profile", None)
    profile = st.session_state.get("adv-form-profile")
    if profile is not None:
        st.success(t("adv_form_ready", name=escape_markdown(profile.name)))
    return profile


def _key(path: tuple[str, ...]) -> str:
    return "adv-f-" + ".".join(path)


def _field_label(field) -> str:
    zh = field_label_zh(".".join(field.path)) if language() == "zh" else None
    label = zh or field.label[:1].upper() + field.label[1:]
    return f"{label} · {field.unit}" if field.unit and field.unit != "count" else label


def _input(field) -> Any:
    key, label = _key(field.path), _field_label(field)
    if field.kind == "choice":
        return st.selectbox(label, [None, *field.choices], key=key,
                            format_func=lambda v: t("any") if v is None else value_label(v))
    if field.kind == "flag":
        return st.checkbox(label, key=key)
    if field.kind == "text":
        return st.text_input(label, key=key) or None
    if field.kind == "integer":
        return st.number_input(label, min_value=0, step=1, key=key)  # value: from the state
    return st.number_input(label, min_value=0.0, step=0.1, key=key, format="%g")


def _indicator_frame(indicators: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    return pd.DataFrame([{"indicator": i, "primary": indicators.get("primary", {}).get(i),
                          "junior": indicators.get("junior", {}).get(i)}
                         for i in indicator_ids()], dtype=object)


def _number_or_none(value: Any) -> float | None:
    try:
        return None if value is None or pd.isna(value) or value == "" else float(value)
    except (TypeError, ValueError):
        return value  # let the profile's validation name the field and the bad value


def _schools() -> Path | SchoolUpload | None:
    choice = st.radio(t("adv_schools"), ["none", "example", "upload"], horizontal=True,
                      key="adv-schools-source", format_func=lambda s: t(f"adv_schools_{s}"))
    if choice == "example":
        return example_school_files()[0]
    if choice == "upload":
        _templates()
        file = st.file_uploader(t("adv_schools_file"), type=["csv", "xlsx", "xlsm"],
                                key="adv-schools-file",
                                max_upload_size=state.settings().max_upload_mb)
        return _school_upload(SchoolUpload(file.name, file.getvalue())) if file else None
    return None


def _templates() -> None:
    with st.expander(t("adv_templates")):
        lang = st.radio(t("adv_template_lang"), ["zh", "en"], horizontal=True,
                        key="adv-template-lang", index=0 if language() == "zh" else 1,
                        format_func=lambda code: "中文" if code == "zh" else "English")
        xlsx, csv, notes = _template_files(lang)
        stem = "学校数据模板" if lang == "zh" else "school-data-template"
        left, middle, right = st.columns(3)
        left.download_button(t("adv_template_xlsx"), xlsx, f"{stem}.xlsx", key="adv-template-xlsx",
                             mime="application/vnd.openxmlformats-officedocument."
                                  "spreadsheetml.sheet")
        middle.download_button(t("adv_template_csv"), csv, f"{stem}.csv", key="adv-template-csv",
                               mime="text/csv")
        right.download_button(t("adv_template_notes"), notes, f"{stem}-notes.csv",
                              key="adv-template-notes", mime="text/csv")


@st.cache_data(show_spinner=False)
def _template_files(lang: str) -> tuple[bytes, bytes, bytes]:
    """The XLSX, CSV and CSV-notes templates in ``lang`` (built once per server process)."""
    standards = load_standards()
    return (template_xlsx(standards, lang), template_csv(standards, lang),
            notes_csv(standards, lang))


def _school_upload(upload: SchoolUpload) -> SchoolUpload | None:
    """The sheet picker, what was recognised and the select boxes for the rest; the upload
    with the user's sheet and mapping, or None when the file cannot be read at all."""
    try:
        first = inspect_upload(upload)
        if len(first.sheets) > 1:
            sheet = st.selectbox(t("adv_sheet"), first.sheets, key="adv-schools-sheet",
                                 index=first.sheets.index(first.sheet))
            if sheet != first.sheet:
                first = inspect_upload(replace(upload, sheet=sheet))
        mapping = _column_mapping(first)
        upload = replace(upload, sheet=first.sheet, mapping=mapping, headers=tuple(first.headers))
        reading = inspect_upload(upload) if mapping else first
    except SchoolDataError as exc:
        _input_error(exc)
        return None
    _reading_summary(reading)
    return upload


def _column_mapping(reading: TableReading) -> dict[str, str]:
    """A select box for each of our columns the header does not name, pre-set from the mapping
    remembered for this header; {their column: our column}."""
    if not reading.missing:
        return {}
    remembered = {ours: theirs for theirs, ours in
                  remembered_mapping(state.settings().data_dir, reading.headers).items()}
    options = [None, *reading.unused]
    lang = language()
    st.info(t("adv_map_intro"))
    mapping: dict[str, str] = {}
    columns = st.columns(2)
    for number, column in enumerate(reading.missing):
        spec = school_column(column)
        unit = f" ({spec.unit(lang)})" if spec.unit(lang) else ""
        saved = remembered.get(column)
        with columns[number % 2]:
            chosen = st.selectbox(
                t("adv_map_choice", column=f"{spec.label(lang)}{unit}"), options,
                index=options.index(saved) if saved in options else 0,
                key=f"adv-map-{reading.header_key}-{column}",
                format_func=lambda v: t("adv_map_none") if v is None else v)
        if chosen is not None:
            mapping[chosen] = column
    return mapping


def _reading_summary(reading: TableReading) -> None:
    lang = language()
    how = {True: t("adv_how_mapped"), False: t("adv_how_recognised")}
    rows = []
    for column in reading.wanted:
        match = reading.matches.get(column)
        rows.append({t("col_our_column"): school_column(column).label(lang),
                     t("col_your_column"): match.header if match else "—",
                     t("col_how"): how[match.mapped] if match else t("adv_how_missing"),
                     t("col_conversion"): match.conversion(lang) if match else ""})
    st.caption(t("adv_columns_found"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for problem in reading.problems:
        st.warning(escape_markdown(problem.problem))
    if reading.missing:
        names = ", ".join(school_column(c).label(lang) for c in reading.missing)
        st.warning(t("adv_still_missing", columns=escape_markdown(names)))
    notes = reading.notes(lang)
    if notes:
        with st.expander(t("adv_read_notes"), expanded=bool(reading.skipped)):
            st.markdown("\n".join(f"- {escape_markdown(n)}" for n in notes))


def _input_error(exc: Exception) -> None:
    problems = getattr(exc, "problems", None) or [str(exc)]
    source = getattr(exc, "source", "")
    lines = "\n".join(f"- {escape_markdown(str(p))}" for p in problems)
    st.error(f"{t('adv_problems_in', source=escape_markdown(source))}\n\n{lines}"
             if source else lines)


# -- results ----------------------------------------------------------------------------------

def _diagnosis(d: Diagnosis) -> None:
    lang = language()
    st.header(t("adv_diagnosis", name=escape_markdown(d.profile.name)))
    if d.profile.illustrative:
        st.warning(t("adv_illustrative"))
    known = [s for s in d.indicators if s.met is not None]
    st.markdown(t("adv_summary", met=sum(1 for s in known if s.met), known=len(known),
                  cv_over=sum(1 for s in d.indicators if s.cv_met is False), flags=len(d.flags)))
    st.subheader(t("adv_resource_table"))
    st.dataframe(_status_frame(d.indicators, lang, with_cv=True), hide_index=True, width="stretch")
    if d.government:
        st.subheader(t("adv_government_table"))
        st.dataframe(_status_frame(d.government, lang, with_cv=False), hide_index=True,
                     width="stretch")
    if d.flags:
        st.subheader(t("adv_flags"))
        for flag in d.flags:
            text = flag.evidence.get(lang) or flag.evidence.get("en", "")
            st.markdown(f"- **{escape_markdown(flag.label(lang))}** "
                        f"({value_label(flag.severity)}): {escape_markdown(text)}")
    if d.gaps:
        st.subheader(t("adv_gaps"))
        st.dataframe(pd.DataFrame([{
            t("col_indicator"): g.indicator, t("col_school_level"): value_label(g.level or "all"),
            t("col_urban"): g.urban, t("col_rural"): g.rural, t("col_rural_pct"): g.rural_pct,
            t("col_source"): value_label(g.source)} for g in gap_rows(d, lang)]),
            hide_index=True, width="stretch")
    if d.schools is not None:
        _schools_result(d, lang)
    charts = diagnosis_charts(d, lang)
    if charts:
        st.subheader(t("adv_charts"))
        for chart in charts.values():
            st.altair_chart(chart, width="stretch")


def _status_frame(statuses: list[IndicatorStatus], lang: str, with_cv: bool) -> pd.DataFrame:
    rows = []
    for r in status_rows(statuses, lang):
        row = {t("col_indicator"): r.indicator, t("col_school_level"): value_label(r.level),
               t("col_value"): r.value, t("col_unit"): r.unit,
               t("col_requirement"): r.requirement, t("col_status"): value_label(r.status)}
        if with_cv:
            row[t("col_cv")] = r.cv
            row[t("col_cv_limit")] = r.cv_limit
            row[t("col_cv_status")] = value_label(r.cv_status)
        row[t("col_source")] = r.source
        rows.append(row)
    return pd.DataFrame(rows)


def _schools_result(d: Diagnosis, lang: str) -> None:
    analysis = d.schools
    st.subheader(t("adv_schools_result"))
    failing = analysis.failing_schools()
    if failing:
        st.caption(t("adv_failing"))
        st.dataframe(pd.DataFrame([{
            t("col_school"): r.school.name, t("col_row"): r.school.row,
            t("col_school_level"): value_label(r.school.level), t("col_location"): value_label(r.school.location),
            t("col_pupils"): r.school.pupils, t("col_met_count"): r.indicators_met}
            for r in failing]), hide_index=True, width="stretch")
    if analysis.excluded:
        st.caption(t("adv_excluded", names=escape_markdown(
            ", ".join(f"{s.name} ({s.pupils})" for s in analysis.excluded))))
    names = {s.id: s.label(lang) for s in d.indicators}
    if analysis.reading is not None:
        with st.expander(t("adv_read_from", source=escape_markdown(analysis.source))):
            st.markdown("\n".join(f"- {escape_markdown(n)}" for n in analysis.reading.notes(lang)))
    rows = [{t("col_indicator"): names.get(c.indicator_id, c.indicator_id),
             t("col_source_column"): analysis.indicator_columns.get(c.indicator_id, ""),
             t("col_school_level"): value_label(c.level), t("col_cv"): fmt(c.cv, 3),
             t("col_cv_limit"): fmt(c.threshold), t("col_school"): x.school,
             t("col_value"): fmt(x.value), t("col_share"): f"{100 * x.share:.0f}%"}
            for c in analysis.cvs if c.met is False for x in c.contributions[:3]]
    if rows:
        st.caption(t("adv_cv_contrib"))
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _measures(diagnosis: Diagnosis, measures: list[Measure]) -> None:
    lang = language()
    st.header(t("adv_measures"))
    if not measures:
        st.info(t("adv_no_measures"))
        return
    engine = state.ready_engine()
    for number, measure in enumerate(measures, start=1):
        spec = measure.spec
        with st.container(border=True):
            st.markdown(f"**{number}. {escape_markdown(measure.title(lang))}** · "
                        f"{escape_markdown(value_label(spec.area))}")
            st.caption(t("adv_measure_meta", priority=value_label(measure.priority),
                         actors=escape_markdown(", ".join(spec.actors_in(lang)) or "—"),
                         time=escape_markdown(spec.localized("time_frame", lang) or "—")))
            st.markdown(escape_markdown(spec.text(lang)))
            gaps = diagnosis.gap_labels(measure.gaps, lang)
            st.caption(t("adv_addresses", gaps=escape_markdown(("、" if lang == "zh" else ", ")
                                                               .join(gaps))))
            _citations(engine, t("adv_basis"), measure.citations, f"m{number}-b")
            _citations(engine, t("adv_precedents"), measure.precedents, f"m{number}-p")


def _citations(engine: Engine, heading: str, citations: list[Citation], key: str) -> None:
    if not citations:
        return
    st.markdown(f"*{heading}*")
    lang = language()
    for number, citation in enumerate(citations, start=1):
        row = engine.document(citation.doc_id)
        title_zh = str(row.metadata.get("title_zh") or "") if row is not None else ""
        # a Chinese reader sees the corpus's Chinese title, as in the memo's references
        shown = replace(citation, title=f"《{title_zh}》") if lang == "zh" and title_zh else citation
        label = citation_label(shown, lang if lang == "zh" else None)
        with st.expander(escape_markdown(label), key=f"cite-{key}-{number}"):
            source_panel(citation, engine.document_text(citation.doc_id))


def _draft_memo(advice) -> None:
    st.divider()
    left, right = st.columns([1, 2])
    lang = left.selectbox(t("adv_memo_lang"), ["en", "zh"], key="adv-memo-lang",
                          index=0 if language() == "en" else 1,
                          format_func=lambda code: "English" if code == "en" else "中文")
    right.write("")
    if right.button(t("adv_draft_memo"), type="primary", key="adv-draft-memo"):
        from assistant.app import memo_session
        from assistant.memo import build_memo

        with st.spinner(t("adv_drafting")):
            memo = build_memo(advice.diagnosis, advice.suggestions, state.ready_engine(), lang)
        memo_session.start(memo)  # saved as a draft at once; a failure shows on the memo page
        st.switch_page("views/memo.py")


if __name__ == "__main__":  # run by st.navigation as a page script
    render()

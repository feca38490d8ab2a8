"""EduBalance Advisor — the Streamlit app, a thin shell over the library."""

from __future__ import annotations

import streamlit as st

from assistant.app.i18n import t
from assistant.app.pages import ask, cases, library

st.set_page_config(page_title="EduBalance Advisor", page_icon="📚", layout="wide")


def main() -> None:
    st.sidebar.radio(t("language"), ["en", "zh"], key="lang", horizontal=True,
                     format_func=lambda code: "English" if code == "en" else "中文")
    st.title(t("app_title"))
    st.caption(t("app_caption"))
    pages = [st.Page(ask.render, title=t("page_ask"), icon="💬", url_path="ask", default=True),
             st.Page(cases.render, title=t("page_cases"), icon="🗂️", url_path="cases"),
             st.Page(library.render, title=t("page_library"), icon="📚", url_path="library")]
    st.navigation(pages).run()


main()

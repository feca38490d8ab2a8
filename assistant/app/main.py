"""EduBalance Advisor — the Streamlit app, a thin shell over the library.

Run with ``assistant serve``. Each page is a script in ``views/`` run only when shown, so the
first page does not pay for the others' imports; the engine opens in the background (state.py).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.app import login, state
from assistant.app.i18n import language, t

st.set_page_config(page_title="EduBalance Advisor", page_icon=":material/school:", layout="wide")

VIEWS = Path(__file__).resolve().parent / "views"
PAGES = [  # (script in assistant/app/views, label key, icon, url path)
    ("ask", "page_ask", ":material/forum:", "ask"),
    ("advisor", "page_advisor", ":material/analytics:", "advisor"),
    ("cases", "page_cases", ":material/cases:", "cases"),
    ("memo", "page_memo", ":material/description:", "memo"),
    ("library", "page_library", ":material/library_books:", "library"),
]
DEFAULT = "ask"  # the page at the root address


def main() -> None:
    state.start_engine()
    st.sidebar.radio(t("language"), ["en", "zh"], key="lang", horizontal=True,
                     format_func=lambda code: "English" if code == "en" else "中文")
    policy = state.access_policy()
    role = login.gate(policy)
    if role is None:
        st.stop()
    login.remember(role)
    login.account_box(policy, role)
    st.title(t("app_title"))
    st.caption(t("app_caption"))
    from assistant.index.database import DatabaseUnavailable

    try:
        st.navigation(_pages()).run()
    except DatabaseUnavailable as exc:  # a clear page naming ASSISTANT_DATABASE_URL
        st.error(f"{t('database_unavailable')}\n\n{exc}")
        st.stop()
    state.warm_up()


def _pages() -> list:
    """The pages in the session's language, made once per session and language: ``st.Page``
    resolves its script's path on the file system, six times on every run otherwise. (Kept
    per session, not shared: ``st.navigation`` marks the page it returns as the one to run.)"""
    key = language()
    cached = st.session_state.get("_pages")
    if cached is not None and cached[0] == key:
        return cached[1]
    pages = [st.Page(VIEWS / f"{module}.py", title=t(label), icon=icon,
                     url_path=path if module != DEFAULT else "home", default=module == DEFAULT)
             for module, label, icon, path in PAGES]
    # Streamlit serves the default page at the root only, so its own address would show "Page
    # not found": the same view, hidden from the menu, answers there too.
    pages += [st.Page(VIEWS / f"{module}.py", title=t(label), icon=icon, url_path=path,
                      visibility="hidden")
              for module, label, icon, path in PAGES if module == DEFAULT]
    st.session_state["_pages"] = (key, pages)
    return pages


main()

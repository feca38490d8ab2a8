"""Login and admin gating in the running app (AppTest)."""

from __future__ import annotations

import pytest

from assistant.config import get_settings


@pytest.fixture
def passwords(app_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_APP_PASSWORD", "reader-pw")
    monkeypatch.setenv("ASSISTANT_ADMIN_PASSWORD", "admin-pw")
    get_settings.cache_clear()


def _sign_in(at, password: str, form: str = "login-main"):
    at.text_input(key=f"{form}-password").input(password)
    at.get("form")  # the form exists
    next(b for b in at.button if b.label == "Sign in").click()
    return at.run()


def test_open_by_default_and_everyone_is_admin(app):
    at = app.run()
    assert at.title[0].value == "EduBalance Advisor"
    at.switch_page("views/library.py").run()
    assert len(at.file_uploader) == 1
    assert at.button(key="lib-reindex")


def test_app_password_gates_everything_and_user_cannot_change_the_library(app, passwords):
    at = app.run()
    assert not at.exception
    assert not at.title and not at.chat_input  # nothing but the sign-in form
    assert at.subheader[0].value == "Sign in"

    at = _sign_in(at, "wrong")
    assert at.error[0].value == "Wrong password."
    assert not at.title

    at = _sign_in(at, "reader-pw")
    assert at.title[0].value == "EduBalance Advisor"
    at.switch_page("views/library.py").run()
    assert not at.exception
    assert not at.file_uploader
    assert not [b for b in at.button if b.key in ("lib-reindex", "lib-remove-button")]
    assert any("need the admin role" in i.value for i in at.info)
    assert any("Signed in" in c.value and "(user)" in c.value for c in at.sidebar.caption)

    # a user can still read and search
    assert len(at.dataframe) == 1

    at = _sign_in(at, "admin-pw", form="login-admin")
    assert not at.exception
    assert len(at.file_uploader) == 1 and at.button(key="lib-reindex")

    at.button(key="logout").click().run()
    assert not at.title


def test_admin_password_alone_leaves_reading_open_but_not_uploading(app, app_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_ADMIN_PASSWORD", "admin-pw")
    get_settings.cache_clear()
    at = app.run()
    assert at.title[0].value == "EduBalance Advisor"
    at.switch_page("views/library.py").run()
    assert not at.file_uploader
    at = _sign_in(at, "admin-pw", form="login-admin")
    assert len(at.file_uploader) == 1


def test_oidc_configured_in_secrets_asks_to_sign_in(app):
    app.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback",
                           "cookie_secret": "x" * 32, "client_id": "id", "client_secret": "s",
                           "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}
    at = app.run()
    assert not at.exception
    assert not at.title
    assert at.subheader[0].value == "Sign in"
    # either the SSO button, or a clear message that Authlib must be installed for it
    sso = [b for b in at.button if b.key == "login-oidc"]
    assert sso or any("Authlib" in e.value for e in at.error)


def test_repeated_wrong_passwords_are_slowed_down(app, passwords):
    at = app.run()
    messages = []
    for _ in range(10):  # each failure past the third doubles the wait: one soon outlasts a run
        at = _sign_in(at, "guess")
        messages.append(at.error[0].value)
        if "wait" in messages[-1]:
            break
    assert messages[:3] == ["Wrong password."] * 3
    assert "Too many attempts" in messages[-1]
    assert not at.title

"""Access control decisions (assistant.auth), without Streamlit."""

from __future__ import annotations

import pytest

from assistant.auth import ADMIN, USER, AccessDenied, AccessPolicy, LoginThrottle, allowed, require
from assistant.config import Settings


def policy(app: str | None = None, admin: str | None = None, secrets: dict | None = None
           ) -> AccessPolicy:
    return AccessPolicy.from_settings(Settings(app_password=app, admin_password=admin), secrets)


def test_no_password_and_no_oidc_means_open_and_everyone_is_admin():
    p = policy()
    assert p.is_open and not p.login_required
    assert p.anonymous_role() == ADMIN
    for action in ("upload", "reindex", "remove", "ask"):
        assert allowed(p.anonymous_role(), action)


def test_empty_passwords_count_as_unset():
    assert policy(app="", admin="").is_open


def test_app_password_requires_sign_in_and_grants_user_only():
    p = policy(app="reader", admin="boss")
    assert p.login_required and p.anonymous_role() is None
    assert p.role_for_password("reader") == USER
    assert p.role_for_password("boss") == ADMIN
    for wrong in ("", "Reader", "reader ", "boss2", "readerboss"):
        assert p.role_for_password(wrong) is None


def test_only_admin_password_leaves_reading_open():
    p = policy(admin="boss")
    assert not p.is_open and not p.login_required
    assert p.anonymous_role() == USER
    assert p.role_for_password("boss") == ADMIN
    assert p.role_for_password("anything") is None


def test_passwords_can_come_from_secrets_and_settings_win():
    p = policy(secrets={"app_password": "s-reader", "admin_password": "s-boss"})
    assert p.role_for_password("s-reader") == USER and p.role_for_password("s-boss") == ADMIN
    p = policy(admin="settings-boss", secrets={"admin_password": "s-boss"})
    assert p.role_for_password("settings-boss") == ADMIN
    assert p.role_for_password("s-boss") is None


def test_an_auth_section_in_secrets_turns_on_oidc_with_listed_admins():
    p = policy(secrets={"auth": {"client_id": "x"}, "access": {"admins": ["Chief@Bureau.gov.cn"]}})
    assert p.oidc and p.login_required and not p.is_open
    assert p.anonymous_role() is None
    assert p.role_for_identity("chief@bureau.gov.cn") == ADMIN
    assert p.role_for_identity("clerk@bureau.gov.cn") == USER
    assert p.role_for_identity(None) == USER
    assert not policy(secrets={"auth": {}}).oidc  # an empty section configures nothing


def test_admin_actions_need_the_admin_role():
    for action in ("upload", "reindex", "remove"):
        assert not allowed(USER, action)
        assert not allowed(None, action)
        assert allowed(ADMIN, action)
        with pytest.raises(AccessDenied, match="admin"):
            require(USER, action)
        require(ADMIN, action)
    assert allowed(USER, "ask") and not allowed(None, "ask")


def test_passwords_do_not_show_in_repr():
    p = policy(app="reader-secret", admin="boss-secret")
    assert "secret" not in repr(p)
    assert "secret" not in repr(Settings(app_password="reader-secret"))


def test_throttle_slows_guessing_after_a_few_failures():
    throttle = LoginThrottle(free=3, cap_s=8)
    for _ in range(3):
        throttle.record(False, now=100.0)
        assert throttle.wait_s(now=100.0) == 0
    waits = []
    for _ in range(5):
        throttle.record(False, now=100.0)
        waits.append(throttle.wait_s(now=100.0))
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert throttle.wait_s(now=200.0) == 0
    throttle.record(True, now=200.0)
    assert throttle.failures == 0 and throttle.wait_s(now=200.0) == 0

"""Access control decisions (assistant.auth), without Streamlit."""

from __future__ import annotations

import pytest

from assistant.auth import (
    ADMIN,
    USER,
    AccessDenied,
    AccessPolicy,
    LoginThrottle,
    allowed,
    identity_label,
    require,
)
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
    assert p.role_for_identity({"email": "chief@bureau.gov.cn"}) == ADMIN
    assert p.role_for_identity({"email": " Chief@Bureau.gov.cn", "email_verified": True}) == ADMIN
    assert p.role_for_identity({"email": "clerk@bureau.gov.cn"}) == USER
    assert p.role_for_identity({}) == USER
    # an address the provider says it has not verified proves nothing
    assert p.role_for_identity({"email": "chief@bureau.gov.cn", "email_verified": False}) == USER
    assert not policy(secrets={"auth": {}}).oidc  # an empty section configures nothing


def test_a_roles_claim_from_the_provider_grants_admin():
    p = policy(secrets={"auth": {"client_id": "x"}, "access": {"admin_roles": ["edubalance-admin"]}})
    assert p.role_claim == "roles"  # Entra ID app roles, many Keycloak set-ups
    assert p.role_for_identity({"roles": ["staff", "edubalance-admin"]}) == ADMIN
    assert p.role_for_identity({"roles": "edubalance-admin"}) == ADMIN  # one role as a string
    assert p.role_for_identity({"roles": "staff edubalance-admin"}) == USER  # never split
    assert p.role_for_identity({"roles": ["staff"]}) == USER
    assert p.role_for_identity({"groups": ["edubalance-admin"]}) == USER  # not the claim read
    assert p.role_for_identity({"roles": ["EduBalance-Admin"]}) == USER  # values are exact
    assert p.role_for_identity({"roles": {"edubalance-admin": True}}) == USER  # not a list


def test_the_role_claim_is_configurable_and_may_be_nested():
    okta = policy(secrets={"auth": {"client_id": "x"},
                           "access": {"role_claim": "groups", "admin_roles": ["Admins"]}})
    assert okta.role_for_identity({"groups": ["Everyone", "Admins"]}) == ADMIN
    assert okta.role_for_identity({"roles": ["Admins"]}) == USER
    keycloak = policy(secrets={"auth": {"client_id": "x"},
                               "access": {"role_claim": "realm_access.roles",
                                          "admin_roles": "admin"}})  # one value
    assert keycloak.role_for_identity({"realm_access": {"roles": ["offline_access", "admin"]}}
                                      ) == ADMIN
    assert keycloak.role_for_identity({"realm_access": ["admin"]}) == USER
    assert keycloak.role_for_identity({}) == USER
    spaced = policy(secrets={"auth": {"client_id": "x"}, "access": {"admin_roles": "Edu Admins"}})
    assert spaced.role_for_identity({"roles": ["Admins"]}) == USER
    assert spaced.role_for_identity({"roles": ["Edu Admins"]}) == ADMIN
    no_roles = policy(secrets={"auth": {"client_id": "x"}})  # nothing configured: nobody is admin
    assert no_roles.role_for_identity({"roles": ["admin"], "email": "a@b.c"}) == USER


def test_identity_label_prefers_the_email():
    assert identity_label({"email": "a@b.c", "name": "A"}) == "a@b.c"
    assert identity_label({"preferred_username": "reader", "sub": "42"}) == "reader"
    assert identity_label({"sub": "42"}) == "42"
    assert identity_label({}) is None


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

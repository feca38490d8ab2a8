"""The sign-in gate and the sidebar's account box. Decisions live in ``assistant.auth``; this
module only draws forms and keeps the role in the session."""

from __future__ import annotations

import importlib.util

import streamlit as st

from assistant.app.i18n import t
from assistant.auth import (
    ADMIN,
    USER,
    AccessPolicy,
    LoginThrottle,
    Role,
    draft_owner,
    identity_label,
)

ROLE_KEY = "auth-role"
NAME_KEY = "auth-name"


def gate(policy: AccessPolicy) -> Role | None:
    """The session's role, or None after drawing the sign-in page (the caller stops there)."""
    if policy.is_open:
        return ADMIN
    signed = st.session_state.get(ROLE_KEY)
    if policy.oidc and _oidc_signed_in():
        identity = policy.role_for_identity(_oidc_claims())
        return ADMIN if ADMIN in (identity, signed) else USER
    if signed in (ADMIN, USER):
        return signed
    anonymous = policy.anonymous_role()
    if anonymous is not None:
        return anonymous
    st.subheader(t("login_title"))
    if policy.oidc:
        _oidc_button()
    if policy.app_password or policy.admin_password:
        _password_form(policy, "login-main")
    return None


def account_box(policy: AccessPolicy, role: Role) -> None:
    """Who is signed in, sign-out, and the admin sign-in for users who are not admin."""
    if policy.is_open:
        return
    with st.sidebar:
        oidc = policy.oidc and _oidc_signed_in()
        signed_in = bool(st.session_state.get(ROLE_KEY) or oidc)
        if signed_in:
            who = (identity_label(_oidc_claims()) if oidc else None) \
                or st.session_state.get(NAME_KEY) or t("with_password")
            st.caption(t("signed_in_as", who=who, role=t(f"role_{role}")))
        else:
            st.caption(t("not_signed_in"))
        if role != ADMIN and policy.admin_password:
            with st.expander(t("admin_signin")):
                _password_form(policy, "login-admin")
        if signed_in and st.button(t("logout"), key="logout"):
            st.session_state.pop(ROLE_KEY, None)
            st.session_state.pop(NAME_KEY, None)
            if oidc:
                # The browser leaves for /auth/logout and the provider's sign-out; a rerun here
                # raced that redirect and sometimes won, leaving the user signed in.
                st.logout()
                st.stop()
            st.rerun()


def _password_form(policy: AccessPolicy, key: str) -> None:
    throttle: LoginThrottle = st.session_state.setdefault("auth-throttle", LoginThrottle())
    with st.form(key, clear_on_submit=True):
        name = (st.text_input(t("login_name"), key=f"{key}-name", max_chars=80)
                if key == "login-main" else "")
        password = st.text_input(t("login_password"), type="password", key=f"{key}-password")
        submitted = st.form_submit_button(t("login_button"))
    if not submitted:
        return
    wait = throttle.wait_s()
    if wait > 0:
        st.error(t("login_wait", seconds=int(wait) + 1))
        return
    role = policy.role_for_password(password)
    throttle.record(role is not None)
    if role is None:
        st.error(t("login_wrong"))
        return
    st.session_state[ROLE_KEY] = role
    if name and name.strip():
        st.session_state[NAME_KEY] = name.strip()
    st.rerun()


def _oidc_button() -> None:
    if importlib.util.find_spec("authlib") is None:
        st.error(t("login_oidc_missing"))
        return
    if st.button(t("login_oidc"), key="login-oidc", type="primary"):
        st.login()


def _oidc_signed_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:  # noqa: BLE001 - no auth configured in this runtime: not signed in
        return False


def _oidc_claims() -> dict:
    """The signed-in user's ID-token claims (Streamlit keeps them in a signed cookie)."""
    try:
        return dict(st.user.to_dict())
    except Exception:  # noqa: BLE001 - as above
        return {}


EFFECTIVE_KEY = "auth-effective-role"


def remember(role: Role) -> None:
    """Record the role decided by ``gate`` for this run, for pages to check."""
    st.session_state[EFFECTIVE_KEY] = role


def role() -> Role | None:
    return st.session_state.get(EFFECTIVE_KEY)


def owner(policy: AccessPolicy) -> str:
    """The identity whose memo drafts this session sees (``assistant.auth.draft_owner``)."""
    oidc = policy.oidc and _oidc_signed_in()
    return draft_owner(policy, email=identity_label(_oidc_claims()) if oidc else None,
                       name=st.session_state.get(NAME_KEY),
                       signed_in=bool(oidc or st.session_state.get(ROLE_KEY)))

"""Who may use the app and who may change the library. Plain Python, so it is tested without
Streamlit; the app keeps the signed-in role in its session and asks here before acting.

Three set-ups, chosen by configuration:

- **Open** (the offline default): no password and no OIDC. Everyone is admin, because a single
  official on their own machine must be able to upload documents.
- **Passwords** (settings ``app_password`` / ``admin_password``, or the same keys in
  ``.streamlit/secrets.toml``): ``app_password`` lets a user in; ``admin_password`` signs in as
  admin. With only ``admin_password`` set, reading stays open and signing in grants admin.
- **OIDC** (an ``[auth]`` section in ``.streamlit/secrets.toml``, used through ``st.login``):
  every signed-in user is a user. Admins are named in ``[access]``: by the provider's roles or
  groups claim (``role_claim``, default ``"roles"``; a dotted path such as
  ``"realm_access.roles"`` reaches into nested claims) holding one of ``admin_roles``, or by a
  verified e-mail address listed in ``admins``. ``admin_password`` still grants admin to a
  signed-in user.

The claims are those of the ID token the provider signed, which Authlib has verified (signature
against the provider's published keys, issuer, audience, expiry, nonce) before Streamlit keeps
them in its signed identity cookie; ``tests/e2e/test_browser_oidc.py`` runs this against a real
provider.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import SecretStr

from assistant.config import Settings

Role = Literal["admin", "user"]
ADMIN: Role = "admin"
USER: Role = "user"

# The ID-token claim that carries roles in Entra ID app roles and in many Keycloak set-ups; Okta
# and others send "groups" (set [access] role_claim).
DEFAULT_ROLE_CLAIM = "roles"

# Actions that change what everyone sees; every other action needs only a signed-in user.
ADMIN_ACTIONS = frozenset({"upload", "reindex", "remove"})


class AccessDenied(PermissionError):
    """The current role may not do this; the message says what role is needed."""


def _secret(value: SecretStr | str | None) -> str | None:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    return value or None  # an empty password is no password


@dataclass(frozen=True)
class AccessPolicy:
    app_password: str | None = field(default=None, repr=False)
    admin_password: str | None = field(default=None, repr=False)
    oidc: bool = False
    admin_emails: frozenset[str] = frozenset()
    role_claim: str = DEFAULT_ROLE_CLAIM
    admin_roles: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings, secrets: Mapping[str, Any] | None = None
                      ) -> AccessPolicy:
        """Passwords from settings first, then from secrets; OIDC when secrets have [auth]."""
        secrets = secrets or {}
        access = secrets.get("access")
        access = access if isinstance(access, Mapping) else {}
        return cls(app_password=_secret(settings.app_password) or _secret(secrets.get("app_password")),
                   admin_password=_secret(settings.admin_password)
                   or _secret(secrets.get("admin_password")),
                   oidc=isinstance(secrets.get("auth"), Mapping) and bool(secrets.get("auth")),
                   admin_emails=frozenset(e.lower() for e in _strings(access.get("admins"))),
                   role_claim=str(access.get("role_claim") or DEFAULT_ROLE_CLAIM).strip(),
                   admin_roles=frozenset(_strings(access.get("admin_roles"))))

    @property
    def is_open(self) -> bool:
        """No password and no OIDC: everyone is admin."""
        return not (self.app_password or self.admin_password or self.oidc)

    @property
    def login_required(self) -> bool:
        """Whether anything at all can be seen before signing in."""
        return bool(self.app_password or self.oidc)

    def anonymous_role(self) -> Role | None:
        """The role of someone who has not signed in (None: they must sign in first)."""
        if self.is_open:
            return ADMIN
        return None if self.login_required else USER

    def role_for_password(self, password: str) -> Role | None:
        """The role a password grants, or None. Compared in constant time."""
        if not password:
            return None
        if self.admin_password and _same(password, self.admin_password):
            return ADMIN
        if self.app_password and _same(password, self.app_password):
            return USER
        return None

    def role_for_identity(self, claims: Mapping[str, Any]) -> Role:
        """The role of a user signed in through OIDC, from the claims of their ID token
        (``st.user``): admin when the role claim holds one of ``admin_roles``, or when the
        e-mail is listed in ``admins`` and the provider has not said it is unverified."""
        if self.admin_roles & set(_strings(claim_value(claims, self.role_claim))):
            return ADMIN
        email = claims.get("email")
        verified = claims.get("email_verified") not in (False, "false")
        if verified and isinstance(email, str) and email.strip().lower() in self.admin_emails:
            return ADMIN
        return USER


def claim_value(claims: Mapping[str, Any], path: str) -> Any:
    """The claim at ``path``; dots reach into nested objects (Keycloak's
    ``realm_access.roles``). None when any step is missing."""
    value: Any = claims
    for step in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def _strings(value: Any) -> list[str]:
    """A claim or setting as a list of non-empty strings. Providers send roles and groups as a
    JSON list, or as a plain string when there is one (ADFS does); a string is one value, never
    split, so "Edu Admins" cannot turn into a role named "Admins"."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        return []
    return [str(item).strip() for item in value if str(item).strip()]


def identity_label(claims: Mapping[str, Any]) -> str | None:
    """How to name a signed-in user: e-mail, else user name, name or subject."""
    for key in ("email", "preferred_username", "name", "sub"):
        value = claims.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


INSTALLATION = "installation"  # owner of every memo draft when sign-in is off
ANONYMOUS = "anonymous"        # readers who did not sign in (only an admin password is set)
PASSWORD_USER = "password-user"


def draft_owner(policy: AccessPolicy, *, email: str | None = None, name: str | None = None,
                signed_in: bool = False) -> str:
    """Whose memo drafts a session sees: the installation's when sign-in is off; otherwise the
    OIDC e-mail, else the name given at password sign-in, else one shared identity for everyone
    who signed in with the password without a name. A shared password cannot tell people
    apart: names keep drafts apart for convenience, OIDC for real."""
    if policy.is_open:
        return INSTALLATION
    if email:
        return email.strip().lower()
    if name and name.strip():
        return " ".join(name.split()).lower()
    return PASSWORD_USER if signed_in else ANONYMOUS


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def allowed(role: Role | None, action: str) -> bool:
    if role is None:
        return False
    return role == ADMIN or action not in ADMIN_ACTIONS


def require(role: Role | None, action: str) -> None:
    """Raise AccessDenied unless ``role`` may perform ``action``."""
    if not allowed(role, action):
        needed = "the admin role" if action in ADMIN_ACTIONS else "signing in"
        raise AccessDenied(f"'{action}' needs {needed}; sign in with the admin password")


@dataclass
class LoginThrottle:
    """Slows down password guessing: after ``free`` failures each further attempt waits twice as
    long as the last (1 s, 2 s, 4 s … up to ``cap_s``). One per browser session."""

    free: int = 3
    cap_s: float = 60.0
    failures: int = 0
    locked_until: float = 0.0

    def wait_s(self, now: float | None = None) -> float:
        return max(0.0, self.locked_until - (time.monotonic() if now is None else now))

    def record(self, success: bool, now: float | None = None) -> None:
        if success:
            self.failures, self.locked_until = 0, 0.0
            return
        self.failures += 1
        if self.failures > self.free:
            delay = min(self.cap_s, 2.0 ** (self.failures - self.free - 1))
            self.locked_until = (time.monotonic() if now is None else now) + delay

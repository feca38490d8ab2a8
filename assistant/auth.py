"""Who may use the app and who may change the library. Plain Python, so it is tested without
Streamlit; the app keeps the signed-in role in its session and asks here before acting.

Three set-ups, chosen by configuration:

- **Open** (the offline default): no password and no OIDC. Everyone is admin, because a single
  official on their own machine must be able to upload documents.
- **Passwords** (settings ``app_password`` / ``admin_password``, or the same keys in
  ``.streamlit/secrets.toml``): ``app_password`` lets a user in; ``admin_password`` signs in as
  admin. With only ``admin_password`` set, reading stays open and signing in grants admin.
- **OIDC** (an ``[auth]`` section in ``.streamlit/secrets.toml``, used through ``st.login``):
  every signed-in user is a user; e-mail addresses listed under ``[access] admins`` are admins,
  and ``admin_password`` still grants admin to a signed-in user.
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

    @classmethod
    def from_settings(cls, settings: Settings, secrets: Mapping[str, Any] | None = None
                      ) -> AccessPolicy:
        """Passwords from settings first, then from secrets; OIDC when secrets have [auth]."""
        secrets = secrets or {}
        access = secrets.get("access")
        admins = (access.get("admins") or []) if isinstance(access, Mapping) else []
        return cls(app_password=_secret(settings.app_password) or _secret(secrets.get("app_password")),
                   admin_password=_secret(settings.admin_password)
                   or _secret(secrets.get("admin_password")),
                   oidc=isinstance(secrets.get("auth"), Mapping) and bool(secrets.get("auth")),
                   admin_emails=frozenset(str(e).strip().lower() for e in admins))

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

    def role_for_identity(self, email: str | None) -> Role:
        """The role of a user signed in through OIDC."""
        return ADMIN if email and email.strip().lower() in self.admin_emails else USER


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

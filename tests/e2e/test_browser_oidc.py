"""Single sign-on against a real OpenID Connect provider, in Chromium.

The provider is the `oidc-provider` npm package (tests/e2e/oidc_provider/, installed by
scripts/run-tests.sh) on 127.0.0.1, with an admin and a plain user whose ``roles`` claim the app
reads, and two hostile accounts whose ID tokens are forged (signed with a key the provider never
published) or expired. The app is configured for it exactly as a deployment would be: an
``[auth]`` section (redirect_uri, cookie_secret, client_id, client_secret, server_metadata_url)
and an ``[access]`` section (role_claim, admin_roles) in a secrets.toml.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from e2e_support import wait_idle

pytestmark = pytest.mark.e2e

PROVIDER_DIR = Path(__file__).resolve().parent / "oidc_provider"
NODE = shutil.which("node") or "/usr/bin/node"
CLIENT_ID = "edubalance-advisor"
ADMIN_ROLE = "edubalance-admin"
# Anything not on this machine is refused by the browser: the provider's dev pages import a web
# font from the internet, and a test never reaches out.
OFF_MACHINE = re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:|about:)")


class Provider:
    def __init__(self, process: subprocess.Popen, url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def _wait_for(url: str, process: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer {url} within 60 s")


@pytest.fixture(scope="module")
def sso(corpus_engine, corpus_settings, tmp_path_factory, app_launcher):
    """The provider and the app configured for it; yields (provider, app server, secrets)."""
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("the test OpenID provider is not installed: run scripts/run-tests.sh "
                    "(it runs `npm ci` in tests/e2e/oidc_provider)")
    root = tmp_path_factory.mktemp("oidc")
    app_port, provider_port = app_launcher.free_port(), app_launcher.free_port()
    redirect_uri = f"http://127.0.0.1:{app_port}/oauth2callback"
    client_secret = secrets.token_urlsafe(24)
    log = root / "provider.log"
    handle = log.open("wb")
    process = subprocess.Popen([NODE, "provider.mjs", str(provider_port), CLIENT_ID, client_secret,
                                redirect_uri], cwd=PROVIDER_DIR, stdout=handle,
                               stderr=subprocess.STDOUT)
    provider = Provider(process, f"http://127.0.0.1:{provider_port}", log)
    server = None
    try:
        discovery = f"{provider.url}/.well-known/openid-configuration"
        _wait_for(discovery, process, log, "the OpenID provider")
        cookie_secret = secrets.token_urlsafe(32)
        secrets_file = root / "secrets.toml"
        secrets_file.write_text(f'''
[auth]
redirect_uri = "{redirect_uri}"
cookie_secret = "{cookie_secret}"
client_id = "{CLIENT_ID}"
client_secret = "{client_secret}"
server_metadata_url = "{discovery}"
# ask for the roles claim; sign in every time (the provider has no account chooser)
client_kwargs = {{ scope = "openid email profile roles", prompt = "login" }}

[access]
role_claim = "roles"
admin_roles = ["{ADMIN_ROLE}"]
''', encoding="utf-8")
        data_dir = root / "data"
        shutil.copytree(corpus_settings.index_dir, data_dir / "index")
        server = app_launcher.start(data_dir, root / "app.log", port=app_port,
                                    extra_env={"STREAMLIT_SECRETS_FILES": str(secrets_file)})
        yield provider, server, {"cookie_secret": cookie_secret}
    finally:
        if server is not None:
            app_launcher.stop(server)
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=15)
        handle.close()


@pytest.fixture
def context(browser, sso):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.route(OFF_MACHINE, lambda route: route.abort())
    context.set_default_timeout(90_000)
    yield context
    context.close()


def _sign_in_page(page) -> None:
    page.get_by_role("button", name="Sign in with your organisation account").wait_for(
        state="visible")


def _sign_in(page, app_url: str, account: str) -> None:
    """From the app's sign-in page through the provider's form and back to the app."""
    page.goto(app_url)
    _sign_in_page(page)
    page.get_by_role("button", name="Sign in with your organisation account").click()
    page.wait_for_url(re.compile(r"/interaction/"))  # the provider's own sign-in page
    page.locator("input[name=login]").fill(account)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_url(re.compile(re.escape(app_url) + r"/?(\?.*)?$"))


def _user_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "_streamlit_user"), None)


def _library(page, app_url: str) -> None:
    """Open the Library and wait for its last section: the upload form or the admin-only note."""
    page.goto(f"{app_url}/library")
    page.get_by_text("Search the library").first.wait_for(state="visible")
    page.get_by_text("Upload documents").or_(page.get_by_text("need the admin role")).first \
        .wait_for(state="visible")
    wait_idle(page)


def test_admin_sees_upload_then_signs_out_and_a_plain_user_does_not(context, sso):
    provider, server, _ = sso
    page = context.new_page()

    _sign_in(page, server.url, "admin")
    page.get_by_text("Signed in: chief@bureau.example (admin)").wait_for(state="visible")
    _library(page, server.url)
    assert page.get_by_text("Upload documents").first.is_visible()
    page.locator("input[type=file]").first.wait_for(state="attached")  # drawn after the heading
    assert page.locator("input[type=file]").count() == 1

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(re.escape(provider.url) + "/session/end"))  # the provider's too
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(re.compile(re.escape(server.url)))
    _sign_in_page(page)
    assert _user_cookie(context) is None

    _sign_in(page, server.url, "reader")
    page.get_by_text("Signed in: clerk@bureau.example (user)").wait_for(state="visible")
    _library(page, server.url)
    assert page.get_by_text("need the admin role").first.is_visible()
    assert page.get_by_text("Upload documents").count() == 0
    assert page.locator("input[type=file]").count() == 0


@pytest.mark.parametrize("account, reason", [
    ("forged", re.compile(r"BadSignatureError|bad_signature", re.IGNORECASE)),
    ("expired", re.compile(r"ExpiredTokenError|expired_token|token has expired", re.IGNORECASE)),
])
def test_a_forged_or_expired_id_token_is_refused(context, sso, account, reason):
    """The provider hands the app an ID token for an admin that is signed with a key it never
    published, or that expired an hour ago. The app must check the token and stay signed out;
    were the check removed, this account would arrive as an admin."""
    provider, server, _ = sso
    app_log = server.log
    before = app_log.read_text(errors="replace")
    page = context.new_page()

    _sign_in(page, server.url, account)
    signed_in = page.get_by_text(re.compile("Signed in:"))
    sign_in = page.get_by_role("button", name="Sign in with your organisation account")
    signed_in.or_(sign_in).first.wait_for(state="visible")
    wait_idle(page)
    assert signed_in.count() == 0, f"the {account} ID token was accepted: {signed_in.inner_text()}"
    assert sign_in.is_visible() and _user_cookie(context) is None
    # the token really was tampered with and reached the app, which refused it for that reason
    assert f"tampered id_token issued for {account}" in provider.output()
    refused = app_log.read_text(errors="replace")[len(before):]
    assert "OAuth token exchange failed" in refused
    assert reason.search(refused), refused[-2000:]


def test_a_forged_identity_cookie_is_refused(browser, sso):
    """Streamlit keeps the user's claims in a signed cookie. One signed with another secret and
    claiming the admin role is ignored; the same claims signed with the app's secret are taken
    (so the refusal is the signature's doing, not a malformed cookie)."""
    from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

    _, server, config = sso
    claims = {"sub": "intruder", "email": "intruder@bureau.example", "email_verified": True,
              "roles": [ADMIN_ROLE], "origin": server.url, "is_logged_in": True,
              "provider": "default"}

    def visit_with_cookie(secret: str) -> tuple[bool, bool]:
        context = browser.new_context(locale="en-US")
        context.route(OFF_MACHINE, lambda route: route.abort())
        context.set_default_timeout(90_000)
        try:
            value = create_signed_value(secret, "_streamlit_user", json.dumps(claims))
            context.add_cookies([{"name": "_streamlit_user", "value": value.decode(),
                                  "url": server.url}])
            page = context.new_page()
            page.goto(server.url)
            signed_in = page.get_by_text("Signed in: intruder@bureau.example (admin)")
            sign_in = page.get_by_role("button", name="Sign in with your organisation account")
            signed_in.or_(sign_in).first.wait_for(state="visible")
            wait_idle(page)
            return signed_in.count() > 0, sign_in.count() > 0
        finally:
            context.close()

    assert visit_with_cookie(secrets.token_urlsafe(32)) == (False, True)
    assert visit_with_cookie(config["cookie_secret"]) == (True, False)

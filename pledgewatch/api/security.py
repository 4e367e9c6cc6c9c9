"""Who may do what: bearer tokens for the API, a signed login cookie and CSRF tokens for forms.

- API writes need ``Authorization: Bearer TOKEN`` (a token made by ``pledgewatch token create``).
- The dashboard's token login sets ``pw_auth``, an HttpOnly cookie signed with the app's secret
  that names the token's row; revoking the token ends every session made with it.
- Every form carries ``csrf``: an HMAC of the browser's ``pw_csrf`` cookie under the app's
  secret; a POST whose field does not match its cookie is refused (PW503).
- With ``private`` on, reads need a token (or the login cookie) as well.

All comparisons of secrets use ``hmac.compare_digest``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from fastapi import Request

from pledgewatch.errors import AuthError, CsrfError
from pledgewatch.store import tokens as token_store

AUTH_COOKIE = "pw_auth"
CSRF_COOKIE = "pw_csrf"
SESSION_SECONDS = 12 * 3600


@dataclass(frozen=True, slots=True)
class Principal:
    """Whoever a request acts for: the name of its token."""

    token_id: int
    name: str


def _sign(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def session_cookie(secret: bytes, token_id: int, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    payload = f"{token_id}.{issued}"
    return f"{payload}.{_sign(secret, payload)}"


def _cookie_token_id(secret: bytes, value: str, now: float | None = None) -> int | None:
    try:
        token_id, issued, signature = value.split(".")
        ident, when = int(token_id), int(issued)
    except ValueError:
        return None
    if not hmac.compare_digest(signature, _sign(secret, f"{token_id}.{issued}")):
        return None
    if (now if now is not None else time.time()) - when > SESSION_SECONDS:
        return None
    return ident


def current_principal(request: Request) -> Principal | None:
    """The token behind this request (bearer header first, then login cookie), or None."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    state = request.app.state
    principal: Principal | None = None
    raw = bearer_token(request)
    with state.engine.connect() as conn:
        if raw is not None:
            info = token_store.verify_token(conn, raw)
            if info is None:
                raise AuthError("the bearer token is not valid or has been revoked")
            principal = Principal(info.id, info.name)
        elif cookie := request.cookies.get(AUTH_COOKIE):
            ident = _cookie_token_id(state.secret, cookie)
            info = token_store.get_active_token(conn, ident) if ident is not None else None
            if info is not None:
                principal = Principal(info.id, info.name)
    request.state.principal = principal
    return principal


def require_writer(request: Request) -> Principal:
    """Dependency for every write: a valid token, or PW502."""
    principal = current_principal(request)
    if principal is None:
        raise AuthError("this action needs a token")
    return principal


def require_reader(request: Request) -> Principal | None:
    """Dependency for every read: public unless the app is private."""
    principal = current_principal(request)
    if principal is None and request.app.state.private:
        raise AuthError("this server is private: reading needs a token")
    return principal


# --- CSRF -----------------------------------------------------------------------------------


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(secret: bytes, cookie_value: str) -> str:
    return _sign(secret, "csrf:" + cookie_value)


def check_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted:
        raise CsrfError("the form is missing its CSRF token")
    if not hmac.compare_digest(submitted, csrf_token(request.app.state.secret, cookie)):
        raise CsrfError("the form's CSRF token does not match this browser session")

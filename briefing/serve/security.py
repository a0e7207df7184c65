"""Safe by default: loopback unless told otherwise, a password off loopback, CSRF tokens.

- Bound to a loopback address, the server answers only requests addressed to a loopback name
  (a web page cannot reach it through a DNS name that resolves to 127.0.0.1).
- Bound to any other address, it needs ``BRIEFING_SERVE_TOKEN``: every request must carry it as
  the HTTP Basic password (the user name is who the person says they are).
- Every state-changing form carries a token tied to a SameSite=Strict cookie, and a POST whose
  Origin (or Referer) is another site is refused with 403.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from briefing.errors import BriefingError

TOKEN_ENV = "BRIEFING_SERVE_TOKEN"
COOKIE = "briefing_csrf"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def is_loopback(host: str) -> bool:
    """Whether an address or name is this machine only."""
    if host.strip("[]") in LOOPBACK_NAMES or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_for(host: str, environ: dict[str, str]) -> str | None:
    """The password the server will ask for, or None on loopback without one; an error when
    the server would listen beyond this machine without one."""
    token = environ.get(TOKEN_ENV) or None
    if token is None and not is_loopback(host):
        raise BriefingError(
            f"--host {host} would open the server to other machines: set {TOKEN_ENV} to a "
            "password first (or leave out --host to listen on 127.0.0.1 only)"
        )
    return token


class Guard(BaseHTTPMiddleware):
    """The password, the Host check, the CSRF cookie and the same-origin rule for POSTs."""

    def __init__(self, app: Any, *, token: str | None, loopback: bool, secret: bytes):
        super().__init__(app)
        self.token = token
        self.loopback = loopback
        self.secret = secret

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        user = self._user(request)
        if user is None:
            return PlainTextResponse(
                "a password is needed", 401, {"WWW-Authenticate": 'Basic realm="briefing"'}
            )
        host = urlsplit(f"//{request.headers.get('host', '')}").hostname or ""
        if self.loopback and not is_loopback(host):
            return PlainTextResponse(f"not served to host {host!r}", 400)
        if request.method not in SAFE_METHODS and not self._same_origin(request):
            return PlainTextResponse("refused: a form from another site", 403)
        cookie = request.cookies.get(COOKIE)
        fresh = cookie is None or len(cookie) != 32
        if fresh:
            cookie = secrets.token_hex(16)
        request.state.user = user
        request.state.csrf = csrf_token(self.secret, cookie or "")
        response = await call_next(request)
        if fresh:
            response.set_cookie(COOKIE, cookie or "", httponly=True, samesite="strict")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    def _user(self, request: Request) -> str | None:
        """Who is asking: "" when no password is needed, None when the password is wrong."""
        if self.token is None:
            return ""
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            name, _, password = base64.b64decode(encoded).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return name if hmac.compare_digest(password.encode(), self.token.encode()) else None

    def _same_origin(self, request: Request) -> bool:
        """A POST must come from a page of this server (Origin, else Referer; a browser sends
        one of them with every cross-site form)."""
        claimed = request.headers.get("origin") or request.headers.get("referer")
        if claimed is None:
            return True  # not a browser's cross-site form; the CSRF token still decides
        parts = urlsplit(claimed)
        here = request.headers.get("host", "")
        return parts.scheme == request.url.scheme and parts.netloc == here


def csrf_token(secret: bytes, cookie: str) -> str:
    """The form token for a browser's cookie: only this server can make it."""
    return hmac.new(secret, cookie.encode(), hashlib.sha256).hexdigest()


async def checked_form(request: Request) -> FormData:
    """The POSTed form, or 403 when its CSRF token is not the one for the sender's cookie."""
    form = await request.form()
    sent = str(form.get("csrf", ""))
    cookie = request.cookies.get(COOKIE, "")
    secret: bytes = request.app.state.secret
    if not cookie or not hmac.compare_digest(sent, csrf_token(secret, cookie)):
        raise HTTPException(403, "refused: the form's token is missing or stale; reload the page")
    return form


Endpoint = Callable[[Request, FormData], Awaitable[Response]]


def posted(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint for a state-changing form: it runs only with a valid CSRF token."""

    async def run(request: Request) -> Response:
        return await endpoint(request, await checked_form(request))

    run.__name__ = endpoint.__name__
    run.__doc__ = endpoint.__doc__
    return run

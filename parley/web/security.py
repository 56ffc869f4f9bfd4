"""What every request and response goes through: security headers, the write token, the host
and origin checks, and the last word on unexpected errors.

* Every response carries a strict ``Content-Security-Policy`` (no inline script or style:
  the pages use ``/static/parley.css`` and nothing else), ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: same-origin`` and ``X-Frame-Options: DENY``.
* Writes (POST, PUT, PATCH, DELETE) need ``Authorization: Bearer TOKEN`` when
  :attr:`Settings.require_token`; the HTML form routes in :data:`FORM_PATHS` may carry the
  token as a ``token`` form field instead, which the route checks (:func:`check_form_token`).
* A write from another site is refused, by ``Sec-Fetch-Site`` (or ``Origin`` from clients
  that do not send it): a page elsewhere cannot post a form to a dashboard on this machine, and on loopback the ``Host`` must be a loopback name (a
  DNS-rebinding page cannot read it).
* An exception no handler took becomes a 500 in the app's error shape, headers included.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_response
from .settings import Settings, is_loopback

__all__ = ["CSP", "FORM_PATHS", "SECURITY_HEADERS", "SecurityMiddleware", "check_form_token"]

log = logging.getLogger("parley.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_PATHS = frozenset({"/ingest"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
TEST_HOSTS = frozenset({"testserver"})  # Starlette's TestClient


def _token_ok(given: str | None, token: str | None) -> bool:
    if not token or given is None:
        return False
    return hmac.compare_digest(given.encode(), token.encode())


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def check_form_token(request: Request, form_token: Any, settings: Settings) -> None:
    """Refuse a form post without the token (when writes need one)."""
    if not settings.require_token:
        return
    if _token_ok(bearer(request), settings.token):
        return
    if isinstance(form_token, str) and _token_ok(form_token, settings.token):
        return
    raise ApiError(401, "this write needs the server's token: fill in the token field "
                        "(or send 'Authorization: Bearer TOKEN')", headers={"WWW-Authenticate": "Bearer"})


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    """Pure ASGI middleware (see the module docstring)."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        request = Request(scope)
        refusal = self._refusal(request)
        if refusal is not None:
            status, message, headers = refusal
            response = error_response(request, status, message, headers=headers)
            await response(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = error_response(request, 500, "the server failed to answer this request; "
                                                    "the details are in its log")
            await response(scope, receive, send_with_headers)

    def _refusal(self, request: Request) -> tuple[int, str, dict[str, str] | None] | None:
        settings = self.settings
        host = _host_name(request.headers.get("host", ""))
        if settings.loopback and host and not (is_loopback(host) or host in TEST_HOSTS):
            return 403, f"this server answers to loopback host names only (not {host!r})", None
        if request.method not in UNSAFE_METHODS:
            return None
        site = request.headers.get("sec-fetch-site")  # what browsers say about the request
        origin = request.headers.get("origin")
        if site is not None:
            if site not in ("same-origin", "none"):
                return 403, f"refusing a write from another site (Sec-Fetch-Site: {site})", None
        elif origin is not None and origin.split("://", 1)[-1].rstrip("/") != request.headers.get("host", ""):
            return 403, f"refusing a write from another site (origin {origin!r})", None
        if not settings.require_token or _token_ok(bearer(request), settings.token):
            return None
        content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if request.url.path in FORM_PATHS and content_type in FORM_TYPES:
            return None  # the route checks the form's token field
        return (401, "writes to this server need its token: send 'Authorization: Bearer TOKEN'",
                {"WWW-Authenticate": "Bearer"})

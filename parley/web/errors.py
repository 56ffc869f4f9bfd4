"""One error shape for the whole app.

Every error — an unknown negotiation, a bad query, a write without the token, a bad article, a
bug — answers with the same JSON body on ``.json`` paths and API routes::

    {"ok": false, "error": "no proposal 'P1' (see `parley proposals`)", "errors": [], "status": 404}

and with the ``error.html`` page (same status, same words) everywhere else.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NotFoundError, ParleyError

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers", "wants_json"]

log = logging.getLogger("parley.web")

TITLES = {400: "Bad request", 401: "Token needed", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 413: "Too large", 422: "Invalid request", 500: "Server error"}


class ApiError(Exception):
    """An error the app answers with ``status``: a message and, optionally, itemised errors."""

    def __init__(self, status: int, message: str, errors: list[Any] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers or {}


def wants_json(path: str) -> bool:
    """JSON for ``.json`` paths and the API; HTML pages for everything else."""
    return path.endswith(".json") or path == "/api" or path.startswith("/api/")


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "errors": list(errors or []), "status": status}


def error_response(request: Request, status: int, message: str, errors: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """The error as JSON or as the HTML error page, by the request's path."""
    body = error_body(status, message, errors)
    if wants_json(request.url.path):
        return JSONResponse(body, status_code=status, headers=headers)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:  # the app is not set up yet: plain words
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html",
        {"error": body, "title": TITLES.get(status, "Error"), "json_url": None, "data": None,
         "path": request.url.path},
        status_code=status, headers=headers,
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        out.append({"loc": [str(part) for part in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app raises to :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message, exc.errors, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where, what = ".".join(first["loc"]), str(first["msg"])
        return error_response(request, 422, f"invalid request: {where}: {what}" if where else what, errors)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return error_response(request, 400, str(exc),
                              [{"input": exc.where, "reason": exc.reason, "detail": exc.detail}])

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 500, str(exc))

"""One error shape for every 4xx and 5xx the server sends.

::

    {"ok": false, "status": 404, "error": "Not Found",
     "message": "no article has id 'abc'; list them at /api/articles",
     "details": []}

``details`` lists per-field problems of a validation error (``{"field", "message"}``).
Browsers asking for an HTML page outside ``/api`` get the same object rendered as a
page (the web module registers the renderer); every other client gets the JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import NewsgraphError, RecordError, StoreError

log = logging.getLogger("newsgraph.api")

HtmlRenderer = Callable[[Request, dict[str, Any]], Response]


class ErrorModel(BaseModel):
    """The body of every 4xx and 5xx response (documented in the OpenAPI schema)."""

    ok: bool = False
    status: int
    error: str
    message: str
    details: list[dict[str, Any]] = []


class ApiError(StarletteHTTPException):
    """An error the API raises on purpose: its message says what, why and what to do."""

    def __init__(self, status: int, message: str, details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.details = details or []


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return {"ok": False, "status": status, "error": title, "message": message, "details": details or []}


def wants_html(request: Request) -> bool:
    """A browser navigating to a page (not an API client, not a script's fetch)."""
    if request.url.path.startswith("/api") or request.url.path in ("/openapi.json",):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def install(app: FastAPI, html_renderer: HtmlRenderer | None = None) -> None:
    """Route every exception that reaches the app through :func:`error_body`."""

    def respond(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
                headers: Mapping[str, str] | None = None) -> Response:
        body = error_body(status, message, details)
        if html_renderer is not None and wants_html(request):
            response = html_renderer(request, body)
        else:
            response = JSONResponse(body, status_code=status)
        for name, value in (headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        details = getattr(exc, "details", None)
        return respond(request, exc.status_code, _http_message(request, exc), details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [_field_problem(e) for e in exc.errors()]
        summary = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "the request is malformed"
        return respond(request, 422, f"invalid request ({summary}); see /docs for the parameters", details)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        status = 503 if isinstance(exc, StoreError) else 422 if isinstance(exc, RecordError) else 400
        return respond(request, status, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "the server hit an unexpected error; the log has the details — please report it")


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    if isinstance(exc, ApiError):
        return str(exc.detail)
    if exc.status_code == 404:
        return f"nothing at {request.url.path}; the API is listed at /docs, the pages start at /"
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it takes"
    if exc.status_code == 413:
        return "the request body is too large; send a smaller file or start the server with a larger --max-upload-mb"
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return str(detail)


def _field_problem(error: dict[str, Any]) -> dict[str, Any]:
    loc = [str(part) for part in error.get("loc", ())]
    where = loc[0] if loc else "request"
    name = ".".join(loc[1:]) or where
    return {"field": name, "in": where, "message": str(error.get("msg", "invalid value"))}
